"""`orvers compare` and `orvers evaluate` on the real draft → board pair and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import corpus_file

from orvers.cli import cli

GOLD = Path(__file__).parent / "data" / "draft2026_to_board2026.csv"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_markdown_report_shows_every_change():
    r = run("compare", corpus_file("utkast"), corpus_file("styret"))
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.startswith("# Sammenligning: utkast → styret")
    assert "- 3.1 Attraktivitet og næringsutvikling → 2.1 Konkurransekraft" in out
    assert "| 4.4.1 | 3.4.1 | delt" in out and "| 4.4.1 | 3.4.2 | delt" in out
    assert "| 3.3.3 | 2.3.3 | slått sammen" in out and "| 3.3.4 | 2.3.3 | slått sammen" in out
    # the board added targets and partners to every measure: none is called unchanged
    assert "| uendret" not in out and "- delt: 1" in out and "- slått sammen: 1" in out
    assert "| 3.1.1 | 2.1.1 | samme tittel, annet innhold: resultatmål endret" in out
    for new_id in ("1.6", "2.4.2"):
        assert f"| — | {new_id} | nytt |" in out
    for old_id in ("3.2.3", "3.2.4", "4.2.4"):
        assert f"| {old_id} | — | fjernet |" in out
    # removed 3.2.4 sits under the board's section that the draft's 3.2 became
    section = out.split("## 2.2 ")[1].split("\n## ")[0]
    assert "| 3.2.4 | — | fjernet |" in section
    # every measure of both inputs appears
    from orvers.api import load

    for label, col in (("utkast", 1), ("styret", 2)):
        ids = {row.split("|")[col].strip() for row in out.splitlines() if row.startswith("| ")}
        assert {m.id for m in load(corpus_file(label)).measures} <= ids
    assert "~~" in out and "**" in out


def test_english_report():
    r = run("compare", corpus_file("utkast"), corpus_file("styret"), "--lang", "en")
    assert r.exit_code == 0 and "## Summary" in r.output and "| split: " in r.output


def test_json_contract_and_evaluate_links(tmp_path):
    out = tmp_path / "c.json"
    r = run("compare", corpus_file("utkast"), corpus_file("styret"), "--format", "json", "-o", out)
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["old"]["label"] == "utkast" and data["new"]["label"] == "styret"
    link = next(lk for lk in data["links"] if lk["old"] == "3.3.3")
    assert link["new"] == "2.3.3" and link["kind"] == "merged" and link["renumbered"] is True
    assert {"title", "partners_added", "partners_removed", "result_targets_added",
            "result_targets_removed"} <= set(link["changes"])
    assert set(data["summary"]) == {"unchanged", "reworded", "split", "merged", "added",
                                    "removed"}
    r = run("evaluate", "--links", out, "--gold", GOLD)
    assert r.exit_code == 0
    assert r.output.splitlines()[-1] == "precision=1.000 recall=1.000 f1=1.000"


def test_evaluate_compares_itself():
    r = run("evaluate", corpus_file("utkast"), corpus_file("styret"), "--gold", GOLD)
    assert r.exit_code == 0
    assert r.output.splitlines()[-1].startswith("precision=1.000")


def test_bad_input_is_one_line(tmp_path):
    empty = tmp_path / "notes.txt"
    empty.write_text("Ingen tiltak her.\nBare tekst.\n", encoding="utf-8")
    for args in (("compare", tmp_path / "missing.txt", corpus_file("styret")),
                 ("compare", empty, corpus_file("styret")),
                 ("evaluate", corpus_file("utkast"), corpus_file("styret"),
                  "--gold", tmp_path / "nogold.csv")):
        r = run(*args)
        assert r.exit_code == 2, r.output
        assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1


def test_two_large_files_are_read_at_once_with_the_same_result(tmp_path, monkeypatch):
    """Two files over PARALLEL_BYTES are read at once, one in a forked process: the same
    comparison as read one after the other, and a file that cannot be read there still ends
    in one line."""
    from orvers import cli as cli_module

    old, new = tmp_path / "utkast.txt", tmp_path / "styret.txt"
    old.write_bytes(corpus_file("utkast").read_bytes())
    new.write_bytes(corpus_file("styret").read_bytes())
    one_by_one = run("compare", old, new, "--format", "json")
    monkeypatch.setattr(cli_module, "PARALLEL_BYTES", 0)
    at_once = run("compare", old, new, "--format", "json")
    assert at_once.exit_code == one_by_one.exit_code == 0, at_once.output
    assert at_once.stdout == one_by_one.stdout
    damaged = tmp_path / "styret.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    r = run("compare", old, damaged)
    assert r.exit_code == 2 and "Traceback" not in r.output, r.output
    assert len(r.output.strip().splitlines()) == 1 and "styret.pdf" in r.output, r.output
