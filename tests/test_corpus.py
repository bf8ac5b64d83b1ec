"""The corpus manifest and the overrides file, on a copy of the bundled corpus."""

from __future__ import annotations

import shutil
import tomllib

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from orvers.cli import cli
from orvers.corpus import add, load_overrides, set_override, sha256, versions
from orvers.errors import InputError
from orvers.model import Override


@pytest.fixture
def corpus(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst, ignore=shutil.ignore_patterns(".orvers-cache"))
    return dst


def test_versions_in_lineage_order_with_true_hashes(corpus):
    vs = versions(corpus)
    assert [v.label for v in vs] == ["strategi", "hp2025", "workshop", "utkast", "styret"]
    assert [v.stage for v in vs] == ["strategy", "programme", "workshop", "draft", "board"]
    for v in vs:
        assert sha256(v.path) == v.sha256  # the manifest records what is on disk


def test_add_copies_and_records_a_new_version(corpus, tmp_path):
    new = tmp_path / "vedtatt.txt"
    new.write_text("Handlingsprogram 2026 vedtatt\n1.1 Samarbeide tettere\n", encoding="utf-8")
    v = add(corpus, new, "vedtatt", "adopted", "2025-12-18")
    assert v.path.read_bytes() == new.read_bytes()
    assert [x.label for x in versions(corpus)][-1] == "vedtatt"
    manifest = tomllib.loads((corpus / "corpus.toml").read_text(encoding="utf-8"))
    assert manifest["version"][-1]["sha256"] == sha256(new)
    assert manifest["programme"] == "Osloregionen handlingsprogram"  # the rest is kept


def test_add_refuses_duplicate_label_and_identical_file(corpus, tmp_path):
    new = tmp_path / "x.txt"
    new.write_text("noe nytt\n", encoding="utf-8")
    with pytest.raises(InputError, match="already has a version labelled 'styret'"):
        add(corpus, new, "styret", "board", "2026")
    board = versions(corpus)[-1].path
    with pytest.raises(InputError, match="identical to version 'styret'"):
        add(corpus, board, "kopi", "adopted", "2026")
    assert len(versions(corpus)) == 5


def test_overrides_written_readably_and_read_back(corpus):
    path = set_override(corpus, "link", "utkast:3.4.2", "styret:2.2.1", note="samme tiltak")
    set_override(corpus, "unlink", "utkast:2.4", "styret:1.1")
    text = path.read_text(encoding="utf-8")
    assert '[[link]]\nold = "utkast:3.4.2"\nnew = "styret:2.2.1"\nnote = "samme tiltak"' in text
    assert "[[unlink]]" in text
    assert load_overrides(corpus) == (Override("link", "utkast", "3.4.2", "styret", "2.2.1"),
                                      Override("unlink", "utkast", "2.4", "styret", "1.1"))
    set_override(corpus, "unlink", "utkast:3.4.2", "styret:2.2.1")  # replaces the link
    assert [o.action for o in load_overrides(corpus)] == ["unlink", "unlink"]


def test_override_of_unknown_label_is_refused(corpus):
    with pytest.raises(InputError, match="no version 'vedtatt'"):
        set_override(corpus, "link", "utkast:1.1", "vedtatt:1.1")
    with pytest.raises(InputError, match="LABEL:ID"):
        set_override(corpus, "link", "utkast", "styret:1.1")


def test_cli_link_add_and_errors(corpus, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["link", "utkast:3.4.2", "styret:2.2.1", "--note", "x",
                            "--corpus", str(corpus)])
    assert r.exit_code == 0, r.output
    assert load_overrides(corpus)[0].new_id == "2.2.1"
    r = runner.invoke(cli, ["add", str(versions(corpus)[-1].path), "--label", "ny",
                            "--stage", "adopted", "--date", "2026", "--corpus", str(corpus)])
    assert r.exit_code == 2 and "identical to version 'styret'" in r.output


def test_cli_log_lists_versions_with_measure_counts(corpus):
    import json

    r = CliRunner().invoke(cli, ["log", str(corpus), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)["versions"]
    assert [row["label"] for row in rows] == ["strategi", "hp2025", "workshop", "utkast", "styret"]
    board = rows[-1]
    assert board["stage"] == "board" and board["date"] == "2025-12" and board["measures"] >= 25
    table = CliRunner().invoke(cli, ["log", str(corpus)]).output
    assert table.splitlines()[0].split() == ["label", "stage", "date", "measures", "file"]


def _removed_on_cover(path) -> list[str]:
    """The measure numbers listed under 'Fjernede tiltak' on a redline's cover."""
    from docx import Document

    listed, inside = [], False
    for p in Document(str(path)).paragraphs:
        if p.style.name.startswith("Heading"):
            inside = p.text.strip() == "Fjernede tiltak"
        elif inside and p.text.strip():
            listed.append(p.text.split()[0])
    return listed


def test_cli_commands_take_labels_and_honour_overrides(corpus, tmp_path):
    import json

    runner = CliRunner()
    args = ["--corpus", str(corpus)]
    r = runner.invoke(cli, ["redline", "utkast", "styret", "-o", str(tmp_path / "a.docx"), *args])
    assert r.exit_code == 0, r.output
    assert "3.4.2" in _removed_on_cover(tmp_path / "a.docx")
    runner.invoke(cli, ["link", "utkast:3.4.2", "styret:2.4.2", *args])
    r = runner.invoke(cli, ["compare", "utkast", "styret", "--format", "json", *args])
    assert r.exit_code == 0, r.output
    pairs = {(lk["old"], lk["new"]) for lk in json.loads(r.output)["links"]}
    assert ("3.4.2", "2.4.2") in pairs and ("3.4.2", None) not in pairs
    r = runner.invoke(cli, ["redline", "utkast", "styret", "-o", str(tmp_path / "b.docx"), *args])
    assert r.exit_code == 0, r.output
    assert "3.4.2" not in _removed_on_cover(tmp_path / "b.docx")
    r = runner.invoke(cli, ["redline", "--plain", "utkast", "styret", "-o",
                            str(tmp_path / "c.docx"), *args])
    assert r.exit_code == 2 and "--plain compares Word files (.docx) only" in r.output
