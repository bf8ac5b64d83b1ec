"""Nothing of the user's is lost: hand-written TOML survives edits, a changed file is noticed,
and a report run that is killed leaves the old outputs whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_errors import invoke, one_line_error
from click.testing import CliRunner
from corpus_copy import corpus_copy

from orvers.cli import cli
from orvers.corpus import versions

LABELS = ("utkast", "styret")
DRAFT = "2025-10_utkast-handlingsprogram-2026.txt"


@pytest.fixture
def corpus(tmp_path) -> Path:
    return corpus_copy(tmp_path / "corpus", LABELS)


def test_link_and_unlink_keep_comments_order_and_unknown_tables(corpus):
    text = ("# Checked by Kari, 2025-12-20\n[meta]\nowner = \"kari\"  # who to ask\n\n"
            "[[link]]\n# kept on purpose\nold = \"utkast:3.4.2\"\nnew = \"styret:2.2.1\"\n")
    (corpus / "overrides.toml").write_text(text, encoding="utf-8")
    assert invoke("link", "utkast:2.4", "styret:1.1", "--corpus", str(corpus))[0] == 0
    assert invoke("unlink", "utkast:3.1.1", "styret:2.1.1", "--corpus", str(corpus))[0] == 0
    after = (corpus / "overrides.toml").read_text(encoding="utf-8")
    assert after.startswith(text)  # every byte the user wrote, in place
    assert after.index('old = "utkast:2.4"') < after.index("[[unlink]]")


def test_add_keeps_the_manifest_as_written(corpus, tmp_path):
    manifest = corpus / "corpus.toml"
    text = manifest.read_text(encoding="utf-8")
    text = "# Our programme's drafts, newest last\n" + text + "\n[publishing]\nsite = \"x\"\n"
    manifest.write_text(text, encoding="utf-8")
    new = tmp_path / "vedtatt.txt"
    new.write_text("1.1 Et nytt tiltak\n", encoding="utf-8")
    assert invoke("add", str(new), "--label", "vedtatt", "--stage", "adopted", "--date",
                  "2025-12-18", "--corpus", str(corpus))[0] == 0
    after = manifest.read_text(encoding="utf-8")
    assert after.startswith(text.split("[publishing]")[0].rstrip("\n"))
    assert '[publishing]\nsite = "x"' in after and "# Our programme's drafts" in after
    assert [v.label for v in versions(corpus)] == ["utkast", "styret", "vedtatt"]


def test_a_changed_file_is_an_error_naming_it_until_replaced(corpus, tmp_path):
    draft = corpus / DRAFT
    draft.write_text(draft.read_text(encoding="utf-8") + "\nEt tillegg.\n", encoding="utf-8")
    for args in (["log", str(corpus)], ["extract", "utkast", "--corpus", str(corpus)],
                 ["report", str(corpus), "-o", str(tmp_path / "out"), "--quiet"]):
        line = one_line_error(*invoke(*args))
        assert DRAFT in line and "changed" in line and "--replace" in line
    assert not (tmp_path / "out").exists()
    code, output = invoke("add", str(draft), "--label", "utkast", "--replace", "--corpus",
                          str(corpus))
    assert code == 0, output
    assert invoke("log", str(corpus))[0] == 0
    assert versions(corpus)[0].date == "2025-10"  # the rest of the entry kept


def test_replace_copies_a_new_file_over_the_version(corpus, tmp_path):
    new = tmp_path / "ny.txt"
    new.write_text((corpus / DRAFT).read_text(encoding="utf-8") + "\nEndret.\n",
                   encoding="utf-8")
    assert invoke("add", str(new), "--label", "utkast", "--replace", "--corpus",
                  str(corpus))[0] == 0
    assert (corpus / DRAFT).read_bytes() == new.read_bytes()
    new.write_text("1.1 Noe annet\n", encoding="utf-8")
    line = one_line_error(*invoke("add", str(new), "--label", "vedtatt", "--replace",
                                  "--corpus", str(corpus)))
    assert "no version 'vedtatt' to replace" in line


def test_report_refuses_a_folder_of_other_files(corpus, tmp_path):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("Kjære …", encoding="utf-8")
    line = one_line_error(*invoke("report", str(corpus), "-o", str(mine), "--quiet"))
    assert "did not write" in line
    assert [p.name for p in mine.iterdir()] == ["letter.txt"]


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def test_a_killed_report_leaves_the_old_outputs_whole(corpus, tmp_path):
    out = tmp_path / "out"
    assert invoke("report", str(corpus), "-o", str(out), "--quiet", "--no-cache")[0] == 0
    old = _files(out)
    manifest = corpus / "corpus.toml"  # the next run would change every output
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('date = "2025-10"', 'date = "2025-09"'), encoding="utf-8")
    orvers = str(Path(sys.executable).parent / "orvers")
    run = subprocess.Popen([orvers, "report", str(corpus), "-o", str(out), "--quiet",
                            "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not list(tmp_path.glob(".orvers-partial-out-*/versions/*")):  # it has begun writing
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert _files(out) == old
    assert invoke("report", str(corpus), "-o", str(out), "--quiet")[0] == 0
    assert _files(out) != old and (out / "versions/utkast.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]  # nothing left over


def test_overrides_that_are_not_utf8_or_of_wrong_types_are_one_clear_error(corpus):
    path = corpus / "overrides.toml"
    for data, words in [(b'[[link]]\nold = "utkast:1.1"\nnew = "styret:\xe5"\n', "UTF-8"),
                        (b'[[link]]\nold = 3\nnew = "styret:1.1"\n', "strings"),
                        (b'link = "utkast:1.1"\n', "[[link]] tables"),
                        (b'[[link]]\nold = "vedtatt:1.1"\nnew = "styret:1.1"\n', "'vedtatt'"),
                        (b'[[link]]\nold = "utkast"\nnew = "styret:1.1"\n', "LABEL:ID"),
                        (b'[[link]\n', "not valid TOML")]:
        path.write_bytes(data)
        for args in (["compare", "utkast", "styret", "--corpus", str(corpus)],
                     ["link", "utkast:2.4", "styret:1.1", "--corpus", str(corpus)]):
            line = one_line_error(*invoke(*args))
            assert "overrides.toml" in line and words in line, line


def test_an_override_naming_an_unknown_measure_is_reported(corpus, tmp_path):
    (corpus / "overrides.toml").write_text('[[link]]\nold = "utkast:9.9.9"\nnew = "styret:2.2.1"\n',
                                           encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(corpus), "-o", str(tmp_path / "out"),
                                "--quiet"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "utkast has no measure '9.9.9'" in warnings[0]


def test_an_override_naming_an_unknown_measure_is_named_by_each_command(corpus):
    (corpus / "overrides.toml").write_text('[[link]]\nold = "utkast:9.9.9"\nnew = "styret:2.2.1"\n',
                                           encoding="utf-8")
    for args in (["compare", "utkast", "styret"], ["redline", "utkast", "styret", "-o",
                                                   str(corpus.parent / "r.docx")],
                 ["history", "2.2.1"]):
        result = CliRunner().invoke(cli, [*args, "--corpus", str(corpus)])
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.output.splitlines() if line.startswith("warning:")
                    and "9.9.9" in line]
        assert len(warnings) == 1 and "utkast has no measure '9.9.9'" in warnings[0], args
