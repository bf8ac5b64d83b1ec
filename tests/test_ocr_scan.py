"""`orvers extract --ocr`: a scanned PDF (no text layer) read by tesseract first (the `ocr`
extra: pytesseract), and one clear line where tesseract or its language is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orvers.cli import cli

SCANNED = Path(__file__).resolve().parent / "fixtures" / "scanned.pdf"  # one page, 150 dpi JPEG


def _extract(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["extract", *args], env=env)


@pytest.fixture(scope="module")
def scanned_json() -> dict:
    result = _extract("--ocr", str(SCANNED))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.tesseract
def test_a_scanned_page_reads_as_the_board_table_it_shows(scanned_json):
    measures = {m["id"]: m for m in scanned_json["measures"]}
    assert list(measures) == ["2.1.1", "2.1.2", "2.1.3"]
    assert measures["2.1.1"]["title"].startswith("Kartlegge og dele gode eksempler på")
    assert "Innovasjon Norge" in measures["2.1.2"]["partners"]
    assert any("webinar" in t for t in measures["2.1.1"]["result_targets"])


def test_without_ocr_a_scanned_pdf_asks_for_it():
    result = _extract(str(SCANNED))
    assert result.exit_code == 2
    assert "no text layer" in result.stderr and "--ocr" in result.stderr


def test_without_tesseract_one_line_says_what_to_install():
    result = _extract("--ocr", str(SCANNED), env={"PATH": "/nonexistent"})
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "orvers[ocr]" in result.stderr and "tesseract-ocr" in result.stderr


@pytest.mark.tesseract
def test_a_language_tesseract_lacks_is_named():
    result = _extract("--ocr", "--ocr-lang", "qqq", str(SCANNED))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "language data 'qqq'" in result.stderr


def test_ocr_reads_pdfs_only(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Tiltak: noe\n", encoding="utf-8")
    result = _extract("--ocr", str(text))
    assert result.exit_code == 2 and "--ocr reads a scanned PDF" in result.stderr
