"""LibreOffice as the independent oracle of the in-place redline: on every fixture pair, its own
Accept All gives what it reads from the new file and its Reject All what it reads from the old
one (text of body, headers and footers; pictures, hyperlinks, content controls, nested tables);
on the board's own DOCX redlined against the draft, Accept All gives the board document and
Reject All what orvers' projection gives (the draft's measures, see test_redline_inplace_board)."""

from __future__ import annotations

import datetime as dt
import subprocess

import docx
import pytest
from builders import build_board_docx
from click.testing import CliRunner
from conftest import corpus_file
from fixtures.redline.pairs import pairs
from test_redline_libreoffice import SYSTEM_PYTHON, UNO_SCRIPT, _has_uno

from orvers.api import load
from orvers.cli import cli
from orvers.redline import fidelity, ooxml, write_plain_redline

pytestmark = pytest.mark.libreoffice

DATE = dt.datetime(2025, 12, 18, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def through_libreoffice(tmp_path_factory):
    """Every pair: (LO accept-all of the redline, LO reject-all of it, LO's reading of the new
    file, of the old file), all in one LibreOffice session."""
    if not _has_uno():
        pytest.skip("python3-uno not installed: apt-get install python3-uno")
    work = tmp_path_factory.mktemp("lo-inplace")
    profile = work / "profile"
    subprocess.run(["soffice", "--headless", "--terminate_after_init",
                    f"-env:UserInstallation=file://{profile}"], capture_output=True, timeout=120)
    script = work / "lo_tracked.py"
    script.write_text(UNO_SCRIPT, encoding="utf-8")
    jobs, outs = [], {}
    cases = {name: (old, new, work / f"{name}.docx") for name, (old, new) in pairs().items()}
    for old, new, redline in cases.values():
        write_plain_redline(old, new, redline, date=DATE)
    board = build_board_docx(load(corpus_file("styret"), label="styret"), work / "styret.docx")
    board_redline = work / "board-redline.docx"
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")), str(board), "-o",
                                      str(board_redline), "--no-cover", "--date", "2025-12-18"])
    assert result.exit_code == 0, result.output
    # LibreOffice 7.4 crashes loading comment anchors over UNO; they carry no text
    uncommented = docx.Document(str(board_redline))
    ooxml.strip_comments(uncommented)
    uncommented.save(str(board_redline))
    projected = work / "board-rejected.docx"
    fidelity.resolved(board_redline, "reject").save(str(projected))
    cases["board"] = (projected, board, board_redline)
    for name, (old, new, redline) in cases.items():
        outs[name] = []
        # accepting all in a file without tracked changes is LibreOffice's plain reading of it
        for n, (src, mode) in enumerate(((redline, "accept"), (redline, "reject"),
                                         (new, "accept"), (old, "accept"))):
            out = work / f"{name}-{n}-{mode}.docx"
            jobs.append(f"{mode}|{src}|{out}")
            outs[name].append(out)
    subprocess.run(["nice", "-n", "10", SYSTEM_PYTHON, str(script), str(profile), *jobs],
                   check=True, capture_output=True, timeout=600)
    return outs


def _text(document) -> dict:
    """Body text, and the headers and footers of the first section: LibreOffice saves a header a
    later section inherits as a copy, and its Accept All does not reach that copy."""
    return {k: v for k, v in fidelity.snapshot(document, formatting=False).items()
            if k == "body" or " 0 " in k}


@pytest.mark.parametrize("name", [*sorted(pairs()), "board"])
def test_libreoffice_accept_and_reject_give_new_and_old(through_libreoffice, name):
    accepted, rejected, new, old = (docx.Document(str(p)) for p in through_libreoffice[name])
    assert _text(accepted) == _text(new)
    assert _text(rejected) == _text(old)
    assert fidelity.counts(accepted) == fidelity.counts(new)
    assert fidelity.counts(rejected) == fidelity.counts(old)
