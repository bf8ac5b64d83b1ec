"""Labels, dates and files of a corpus are checked: nothing is read or written outside it."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from cli_errors import invoke, one_line_error
from corpus_copy import corpus_copy

from orvers.corpus import add, versions
from orvers.errors import InputError

LABELS = ("utkast", "styret")
# these commands fail with their error line alone, not even a warning beside it
_strict_error = functools.partial(one_line_error, warnings=False)


@pytest.fixture
def corpus(tmp_path) -> Path:
    return corpus_copy(tmp_path / "corpus", LABELS)


def _manifest_edit(corpus: Path, old: str, new: str) -> None:
    path = corpus / "corpus.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("label,date,wrong", [
    ("ny", "../../evil", "date"), ("x/../../../LBL", "2026", "label"), ("a:b", "2026", "label"),
    ("a*", "2026", "label"), ("Ny", "2026", "label"), ("-x", "2026", "label"),
    ("ny", "2026-13", "date"), ("ny", "26-01", "date")])
def test_add_refuses_labels_and_dates_that_are_not_names(corpus, tmp_path, label, date, wrong):
    new = tmp_path / "ny.txt"
    new.write_text("1.1 Et nytt tiltak\n", encoding="utf-8")
    before = _tree(tmp_path)
    line = _strict_error(*invoke("add", str(new), "--label", label, "--stage", "adopted",
                                 "--date", date, "--corpus", str(corpus)))
    assert f"{wrong} {(label if wrong == 'label' else date)!r}" in line
    assert _tree(tmp_path) == before  # nothing copied, in the corpus or beside it


def test_add_accepts_iso_dates(corpus, tmp_path):
    new = tmp_path / "ny.txt"
    for i, date in enumerate(("2026", "2026-01", "2026-01-31")):
        new.write_text(f"1.1 Et nytt tiltak {i}\n", encoding="utf-8")
        assert add(corpus, new, f"v{i}.b_c-d", "adopted", date).path.parent == corpus


@pytest.mark.parametrize("label", ["a/b", "../x", "a:b", "a*b", "UTKAST", ""])
def test_a_manifest_label_that_is_not_a_name_is_one_clear_error(corpus, tmp_path, label):
    _manifest_edit(corpus, 'label = "utkast"', f'label = "{label}"')
    for args in (["log", str(corpus)], ["report", str(corpus), "-o", str(tmp_path / "o"),
                                        "--quiet"]):
        line = _strict_error(*invoke(*args))
        assert "label" in line and "corpus.toml" in line
    assert not (tmp_path / "o").exists() and not (tmp_path / "x").exists()


@pytest.mark.parametrize("file", ["/etc/passwd", "../secret.txt", "sub/../../secret.txt",
                                  "link.txt"])
def test_a_manifest_file_outside_the_corpus_is_refused(corpus, tmp_path, file):
    secret = tmp_path / "secret.txt"
    secret.write_text("1.1 Hemmelig tiltak\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(secret)
    _manifest_edit(corpus, 'file = "2025-10_utkast-handlingsprogram-2026.txt"',
                   f'file = "{file}"')
    with pytest.raises(InputError, match="outside the corpus"):
        versions(corpus)
    for args in (["extract", "utkast", "--corpus", str(corpus)], ["log", str(corpus)]):
        line = _strict_error(*invoke(*args))
        assert "outside the corpus" in line and "Hemmelig" not in line


def test_a_symlink_inside_the_corpus_is_fine(corpus):
    real = "2025-10_utkast-handlingsprogram-2026.txt"
    (corpus / "sub").mkdir()
    (corpus / "sub" / "utkast.txt").symlink_to(corpus / real)
    _manifest_edit(corpus, f'file = "{real}"', 'file = "sub/utkast.txt"')
    assert versions(corpus)[0].path == corpus / "sub" / "utkast.txt"


@pytest.mark.parametrize("date", ["2025-13", "desember", "2025/10", "../x"])
def test_a_manifest_date_that_is_not_iso_is_refused(corpus, date):
    _manifest_edit(corpus, 'date = "2025-10"', f'date = "{date}"')
    with pytest.raises(InputError, match="date"):
        versions(corpus)


def test_a_toml_date_is_accepted(corpus):
    _manifest_edit(corpus, 'date = "2025-10"', "date = 2025-10-01")
    assert versions(corpus)[0].date == "2025-10-01"


def test_duplicate_labels_are_refused(corpus):
    _manifest_edit(corpus, 'label = "styret"', 'label = "utkast"')
    with pytest.raises(InputError, match="'utkast' twice"):
        versions(corpus)


def test_a_manifest_of_wrong_types_is_one_clear_error(corpus):
    _manifest_edit(corpus, 'label = "utkast"', "label = 3")
    assert "label" in _strict_error(*invoke("log", str(corpus)))


def _input_survives(path: Path, *args: str) -> str:
    before = path.read_bytes()
    line = _strict_error(*invoke(*args))
    assert path.read_bytes() == before
    return line


def test_output_naming_an_input_is_refused(corpus, tmp_path):
    draft = corpus / "2025-10_utkast-handlingsprogram-2026.txt"
    board = corpus / "2025-12_handlingsprogram-2026-innstilling-styret.txt"
    hard = tmp_path / "hard.txt"
    os.link(draft, hard)
    soft = tmp_path / "soft.txt"
    soft.symlink_to(board)
    c = ("--corpus", str(corpus))
    for args, victim in [
        (("extract", str(draft), "-o", str(draft)), draft),
        (("extract", "utkast", "-o", str(hard), *c), draft),
        (("compare", "utkast", "styret", "-o", str(soft), *c), board),
        (("trace", "utkast", "styret", "-o", str(draft), *c), draft),
        (("redline", "utkast", "styret", "-o", str(board), *c), board),
    ]:
        assert "is an input" in _input_survives(victim, *args)


def test_redline_plain_output_naming_an_input_is_refused(tmp_path):
    from docx import Document

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    for path, text in ((old, "Første utkast"), (new, "Andre utkast")):
        document = Document()
        document.add_paragraph(text)
        document.save(str(path))
    line = _input_survives(old, "redline", "--plain", str(old), str(new), "-o", str(old))
    assert "is an input" in line


def test_report_into_the_corpus_itself_is_refused(corpus):
    before = _tree(corpus)
    for out in (corpus, corpus.parent):
        line = _strict_error(*invoke("report", str(corpus), "-o", str(out), "--quiet"))
        assert "corpus" in line
    assert _tree(corpus) == before
