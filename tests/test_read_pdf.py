"""PDF reader on committed fixtures: an OCR'd page, a scan without text, encrypted, corrupt."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_file
from rapidfuzz import fuzz

from orvers.api import load
from orvers.errors import InputError
from orvers.read import read

FIXTURES = Path(__file__).parent / "fixtures"


def test_ocr_layer_pdf_gives_the_page_measures():
    # board-ocr.pdf is page 3 of the board PDF built from the corpus, rendered to an image and
    # OCR'd by tesseract (tests/builders.py build_fixtures): its truth is the corpus text.
    ocr, truth = load(FIXTURES / "board-ocr.pdf"), load(corpus_file("styret"))
    assert ocr.format == "pdf" and ocr.layout == "table"
    assert [m.id for m in ocr.measures][:2] == ["2.1.1", "2.1.2"]
    for mid in ("2.1.1", "2.1.2"):
        got, want = ocr.measure(mid), truth.measure(mid)
        assert fuzz.ratio(got.title, want.title) >= 90
        assert len(got.result_targets) == len(want.result_targets)
        assert len(got.effect_targets) == len(want.effect_targets)
        for a, b in zip(got.result_targets + got.effect_targets,
                        want.result_targets + want.effect_targets, strict=True):
            assert fuzz.ratio(a, b) >= 85
        partners = " ".join(got.partners)
        assert all(fuzz.partial_ratio(p, partners) >= 85 for p in want.partners)


def test_ocr_layer_is_read_in_columns():
    doc = read(FIXTURES / "board-ocr.pdf")
    cells = [b for b in doc.blocks if b.kind == "cell"]
    assert {b.col for b in cells} == {0, 1, 2}
    assert any(b.col == 0 and b.text.startswith("2.1.1.") for b in cells)
    assert all(b.x0 is not None for b in doc.blocks)


def test_scanned_pdf_asks_for_ocr():
    with pytest.raises(InputError, match="no text layer — run OCR first"):
        read(FIXTURES / "scanned.pdf")


def test_encrypted_pdf_asks_to_decrypt():
    with pytest.raises(InputError, match="is encrypted; decrypt it first"):
        read(FIXTURES / "encrypted.pdf")


def test_corrupt_pdf_is_input_error():
    with pytest.raises(InputError, match="not a valid PDF"):
        read(FIXTURES / "corrupt.pdf")
