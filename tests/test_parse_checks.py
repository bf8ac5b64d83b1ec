"""Structure checks: numbering gaps, duplicates and lost targets are reported, never silent."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import corpus_file

from orvers.api import load
from orvers.cli import cli
from orvers.model import Check
from orvers.parse.checks import numbering_gaps, structure_checks


def test_a_missing_sibling_is_a_gap():
    assert numbering_gaps(["2", "2.1", "2.1.1", "2.1.3"]) == [
        Check("numbering_gap", after="2.1.1", before="2.1.3", missing=("2.1.2",))]


def test_a_missing_section_and_a_late_first_measure_are_gaps():
    gaps = numbering_gaps(["2", "2.1", "2.1.1", "2.1.2", "2.3", "2.3.2"])
    assert [(g.after, g.before, g.missing) for g in gaps] == [
        ("2.1.2", "2.3", ("2.2",)), ("2.3", "2.3.2", ("2.3.1",))]


def test_a_change_of_depth_is_no_gap():
    # the board: chapter 1 lists 1.1–1.6, chapter 2 goes a level deeper (2.1.1 …)
    assert numbering_gaps(["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "2.2", "2.2.1"]) == []


@pytest.mark.parametrize("label", ["hp2025", "workshop", "utkast", "styret"])
def test_the_bundled_versions_pass_every_check(label):
    assert load(corpus_file(label)).checks == ()


def _outline(tmp_path, numbers: list[str]):
    lines = ["Handlingsprogram", "1. Innsatsområder", "1.1. Klima"]
    lines += [f"{n}. Tiltak som har nummer {n} i programmet." for n in numbers]
    path = tmp_path / "gap.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_warns_names_the_ids_and_strict_fails(tmp_path):
    path = _outline(tmp_path, ["1.1.1", "1.1.2", "1.1.5", "1.1.5"])
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert "numbering gap after 1.1.2 before 1.1.5: 1.1.3, 1.1.4 not found" in result.stderr
    checks = json.loads(result.stdout)["checks"]
    assert {"kind": "numbering_gap", "after": "1.1.2", "before": "1.1.5",
            "missing": ["1.1.3", "1.1.4"]} in checks
    strict = runner.invoke(cli, ["extract", "--strict", str(path)])
    assert strict.exit_code == 3 and "structure check" in strict.stderr


def test_strict_passes_a_clean_outline(tmp_path):
    path = _outline(tmp_path, ["1.1.1", "1.1.2", "1.1.3", "1.1.4"])
    result = CliRunner().invoke(cli, ["extract", "--strict", str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout)["checks"] == []


def test_report_index_shows_each_versions_checks(tmp_path):
    from orvers.report import report

    root = tmp_path / "corpus"
    root.mkdir()
    versions = {"a": ["1.1.1", "1.1.2", "1.1.3", "1.1.4"],
                "b": ["1.1.1", "1.1.2", "1.1.5", "1.1.6"]}
    entries = []
    for label, numbers in versions.items():
        path = _outline(tmp_path, numbers)
        (root / f"{label}.txt").write_bytes(path.read_bytes())
        entries.append(f'[[version]]\nlabel = "{label}"\nstage = "draft"\ndate = "2025"\n'
                       f'file = "{label}.txt"\n')
    (root / "corpus.toml").write_text("\n".join(entries), encoding="utf-8")
    report(root, tmp_path / "out", progress=False)
    text = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "mangler i nummereringen: 1.1.3, 1.1.4" in text
    assert text.count("i orden") == 1


def test_measures_read_as_headings_among_their_siblings_are_named():
    """pdftotext of a table with neither header nor target labels read as an outline
    (--layout outline; it is detected as a table): three measures whose wrapped titles look
    like headings to the outline reader; the numbering has no gap, so this check tells.
    (With labels under them, such measures are read as measures: parse/fields.py.)"""
    from variants.score import HERE

    path = HERE / "files" / "board-nolabel-lightgrid-landscape-pdftotext.txt"
    result = CliRunner().invoke(cli, ["extract", "--strict", "--layout", "outline", str(path)])
    assert result.exit_code == 3
    assert ("numbered like the measures beside them but read as headings, with nothing under "
            "them: 2.2.2, 3.3.1, 3.4.2") in result.stderr


def test_two_columns_read_as_one_line_are_named():
    """A table without rules and without a measures' column, read as an outline: each
    target line holds the partner beside it after its bullet. The measures are named."""
    from variants.score import HERE

    path = HERE / "files" / "board-title-rows-unruled-pdf.pdf"
    result = CliRunner().invoke(cli, ["extract", "--strict", str(path)])
    assert result.exit_code == 3
    assert ("a bullet between the words of a title, target or partner (two columns of a "
            "table read as one line?): 1.1, 1.3") in result.stderr


def test_bullets_in_their_place_are_no_columns_side_by_side():
    assert not structure_checks(load(corpus_file("styret")))
