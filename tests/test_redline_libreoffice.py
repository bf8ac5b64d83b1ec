"""LibreOffice as the second, independent oracle: it opens the redlines, converts them to PDF,
and its own Accept All / Reject All agree with orvers' projection."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest
from test_redline import COMPARISON, DATE
from test_redline_plain import two_versions

from orvers.redline import ooxml, write_plain_redline, write_redline
from orvers.redline.project import items, open_docx, project

pytestmark = pytest.mark.libreoffice

SYSTEM_PYTHON = "/usr/bin/python3"

# Run with the system Python (python3-uno): start soffice, accept or reject all tracked changes
# of each document with LibreOffice's own commands, save as DOCX.
UNO_SCRIPT = textwrap.dedent('''
    import os, subprocess, sys, time, uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue(); p.Name = name; p.Value = value; return p

    profile, jobs = sys.argv[1], sys.argv[2:]
    pipe = "orvers_lo_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
        "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            mode, src, dst = job.split("|")
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                               (prop("Hidden", True),))
            command = {"accept": ".uno:AcceptAllTrackedChanges",
                       "reject": ".uno:RejectAllTrackedChanges"}[mode]
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            doc.storeToURL(uno.systemPathToFileUrl(dst),
                           (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=60)
''')


def _has_uno() -> bool:
    return os.path.exists(SYSTEM_PYTHON) and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """Run LibreOffice Accept All / Reject All on DOCX files: f(path, mode) -> projection."""
    if not _has_uno():
        pytest.skip("python3-uno not installed: apt-get install python3-uno")
    work = tmp_path_factory.mktemp("lo")
    profile = work / "profile"
    # a fresh profile makes soffice restart once; let that happen before the UNO session
    subprocess.run(["soffice", "--headless", "--terminate_after_init",
                    f"-env:UserInstallation=file://{profile}"], capture_output=True, timeout=120)
    script = work / "lo_tracked.py"
    script.write_text(UNO_SCRIPT, encoding="utf-8")

    def run(jobs: list[tuple[Path, str]]) -> list[tuple]:
        args, outs = [], []
        for n, (path, mode) in enumerate(jobs):
            # LibreOffice 7.4 crashes loading comment anchors over UNO; they carry no text
            plain = work / f"{path.stem}-{n}-in.docx"
            document = docx.Document(str(path))
            ooxml.strip_comments(document)
            document.save(str(plain))
            out = work / f"{path.stem}-{n}-{mode}.docx"
            args.append(f"{mode}|{plain}|{out}")
            outs.append(out)
        subprocess.run([SYSTEM_PYTHON, str(script), str(profile), *args], check=True,
                       capture_output=True, timeout=300)
        return [items(open_docx(out)) for out in outs]

    return run


def test_libreoffice_accept_and_reject_agree_with_the_projection(tmp_path, office):
    path = tmp_path / "redline.docx"
    write_redline(COMPARISON, path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept")
    assert rejected == project(path, "reject")


def test_libreoffice_agrees_on_the_plain_redline(tmp_path, office):
    old, new = two_versions(tmp_path)
    path = tmp_path / "plain.docx"
    write_plain_redline(old, new, path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept") == items(open_docx(new))
    assert rejected == project(path, "reject") == items(open_docx(old))


def test_converts_to_pdf_and_renders_a_page(tmp_path):
    path = tmp_path / "redline.docx"
    write_redline(COMPARISON, path, date=DATE)
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                          "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                          str(path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "redline.pdf"
    assert run.returncode == 0 and pdf.exists() and pdf.stat().st_size > 10_000, run.stderr
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(pdf),
                        str(tmp_path / "page")], check=True, timeout=60)
        assert list(tmp_path.glob("page*.png"))


def test_libreoffice_agrees_on_real_board_measures_edited(tmp_path, office):
    from conftest import corpus_file

    from orvers.model import Comparison, Link, Measure
    from orvers.parse.table import parse_table
    from orvers.read import read

    board = parse_table(read(corpus_file("styret")))
    # a later version: every third measure dropped, the others lose their second word and
    # their last partner, and one new measure is added
    kept = [m for i, m in enumerate(board.measures) if i % 3]
    edited = [Measure(m.id, " ".join(w for k, w in enumerate(m.title.split()) if k != 1),
                      m.section, m.result_targets, m.effect_targets, m.partners[:-1])
              for m in kept]
    added = Measure("9.9.9", "Et nytt tiltak om boligutvikling", kept[-1].section,
                    result_targets=("Gjennomført seminar",), partners=("KS",))
    new = type(board)(**{**board.__dict__, "measures": (*edited, added)})
    links = [Link(m.id, m.id, "reworded", 0.8) for m in kept]
    links += [Link(m.id, None, "removed") for i, m in enumerate(board.measures) if not i % 3]
    links.append(Link(None, "9.9.9", "added"))
    path = tmp_path / "board.docx"
    write_redline(Comparison(board, new, tuple(links)), path, date=DATE)
    accepted, rejected = office([(path, "accept"), (path, "reject")])
    assert accepted == project(path, "accept")
    assert rejected == project(path, "reject")
