"""PDF reader on committed fixtures (an OCR'd page, a scan without text, encrypted, corrupt) and
on LibreOffice PDFs with page headers and footers."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from builders import add_page_furniture, to_pdf
from conftest import corpus_file
from rapidfuzz import fuzz

from orvers.api import load
from orvers.errors import InputError
from orvers.read import read
from orvers.render.programme_docx import programme_docx

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


def test_ocr_layer_lines_keep_their_words_positions():
    doc = read(FIXTURES / "board-ocr.pdf")
    lines = [b for b in doc.blocks if b.text.strip()]
    assert lines and all(b.words and b.x0 == b.words[0].x0 for b in lines)
    for b in lines:
        assert " ".join(w.text for w in b.words) == b.text
        assert [w.x0 for w in b.words] == sorted(w.x0 for w in b.words)


def test_scanned_pdf_asks_for_ocr():
    with pytest.raises(InputError, match="no text layer — run OCR first"):
        read(FIXTURES / "scanned.pdf")


def test_encrypted_pdf_asks_to_decrypt():
    with pytest.raises(InputError, match="is encrypted; decrypt it first"):
        read(FIXTURES / "encrypted.pdf")


def test_corrupt_pdf_is_input_error():
    with pytest.raises(InputError, match="not a valid PDF"):
        read(FIXTURES / "corrupt.pdf")


HEADER, FOOTER = "Osloregionen – Handlingsprogram 2026", "Side {page} av {pages}"
_FOOTER_RE = re.compile(r"(Side\s+)?\d{1,3}(\s+av\s+\d{1,3})?")  # a page number, not a year


def _pdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pdfplumber.open(pdf).pages)


def _furnished_pdf(document, tmp_path: Path) -> Path:
    add_page_furniture(document, HEADER, FOOTER)
    path = tmp_path / "furnished.docx"
    document.save(str(path))
    return to_pdf(path, tmp_path)


def _assert_no_furniture(blocks) -> None:
    assert not any(HEADER in b.text or "Osloregionen –" in b.text for b in blocks)
    assert not any(_FOOTER_RE.fullmatch(b.text.strip()) for b in blocks)
    assert not any(re.search(r"Side \d+ av \d+", b.text) for b in blocks)


@pytest.mark.libreoffice
def test_headers_footers_and_page_numbers_are_dropped(tmp_path):
    text = load(corpus_file("styret"))
    pdf = _furnished_pdf(programme_docx(text, "table"), tmp_path)
    doc = read(pdf)
    assert doc.pages >= 5
    assert _pdf_text(pdf).count(HEADER) == doc.pages  # the PDF does carry them on every page
    _assert_no_furniture(doc.blocks)
    body = " ".join(b.text for b in doc.blocks)
    for m in text.measures:
        assert f"{m.id}." in body
    got = load(pdf)
    assert [m.id for m in got.measures] == [m.id for m in text.measures]
    assert all(fuzz.ratio(a.title, b.title) >= 95
               for a, b in zip(got.measures, text.measures, strict=True))


@pytest.mark.libreoffice
def test_furniture_is_dropped_from_a_two_page_document(tmp_path):
    d = docx.Document()
    paragraphs = [f"Avsnitt {n}: tiltak for samarbeid om næringsliv og klima i regionen."
                  for n in range(1, 46)]
    for p in paragraphs:
        d.add_paragraph(p)
    pdf = _furnished_pdf(d, tmp_path)
    doc = read(pdf)
    assert doc.pages == 2 and _pdf_text(pdf).count(HEADER) == 2
    _assert_no_furniture(doc.blocks)
    assert [b.text for b in doc.blocks] == paragraphs


def test_a_ruled_row_at_a_page_top_continues_or_starts_as_the_tables_rows_open():
    # Word proposals, one bulleted row each, printed through LibreOffice (the variant suite):
    # a page may start with the rest of a row (no bullet: it continues the row before) or with
    # a new proposal (a bullet, as every row opens: a row of its own, not the rest of the last)
    doc = read(Path(__file__).parent / "variants" / "files" / "workshop-table-pdf.pdf")
    first = {b.text.lstrip("\uf0b7 ")[:12]: b for b in doc.blocks
             if b.kind == "cell" and b.col == 0}
    delta, follow = first["Delta på \"Na"], first["Følge opp og"]
    assert (delta.page, follow.page) == (8, 9) and follow.row == delta.row + 1
    # page 7 opens with "kollektivtilbudet spesielt …", the rest of page 6's last proposal
    rest = first["Prosjekt: fo"]
    assert rest.page == 6 and "forbedre kollektivtilbudet spesielt med buss" in rest.text


def test_a_table_after_a_heading_is_no_rest_of_the_row_before():
    # the board, then "5. Budsjett 2026" and a table "Post | Beløp (kr)" on the same page
    # (LibreOffice PDF of the variant suite): the budget's header row stands after a heading,
    # so it starts a table of its own instead of ending the last measure's cells
    path = Path(__file__).parent / "variants" / "files" / "board-budget-pdf.pdf"
    doc = read(path)
    header = next(b for b in doc.blocks if b.kind == "cell" and b.text == "Post")
    last = next(b for b in doc.blocks if b.text.startswith("3.5.2."))
    assert header.table != last.table and header.row != last.row
    measure = load(path).measures[-1]
    assert measure.id == "3.5.2"
    assert measure.title.endswith("på vegne av regionen")
    assert measure.effect_targets == ("Regionen ble ivaretatt i profileringsarbeid og gjennom "
                                      "samarbeid med partnere.",)


def test_a_scan_tesseract_set_level_is_turned_by_its_columns_drift():
    # board-ocr-level-rot.pdf: the board's narrow grid PDF (tests/variants/files/board-narrow-
    # pdf.pdf) at 200 dpi, turned -0.7° and blurred (variants/generate.py to_ocr), tesseract nor.
    # tesseract set every line level, so only the columns' left edges, drifting down each page,
    # show the turn; without it rows fall into the wrong columns (18 of 31 measures were read).
    ocr, truth = load(FIXTURES / "board-ocr-level-rot.pdf"), load(corpus_file("styret"))
    assert [m.id for m in ocr.measures] == [m.id for m in truth.measures]
    pairs = list(zip(ocr.measures, truth.measures, strict=True))
    assert min(fuzz.ratio(m.title, t.title) for m, t in pairs) >= 95
    names = [(p, m.partners) for m, t in pairs for p in t.partners]
    found = sum(any(fuzz.ratio(p, g) >= 90 for g in got) for p, got in names)
    assert found >= 0.9 * len(names)


def test_a_running_header_set_low_beside_a_logo_is_dropped_from_every_page():
    # LibreOffice PDF of a landscape outline whose header holds a logo: the header's text
    # stands below the top band, on every page at the same height
    path = Path(__file__).parent / "variants" / "files" / "draft-logo-wide-numpr-pdf.pdf"
    from orvers.read import read

    doc = read(path)
    assert doc.pages >= 2
    assert not any("Handlingsprogram 2026" in b.text and "Osloregionen –" in b.text
                   for b in doc.blocks)
    programme = load(path)
    assert programme.measure("4.2.1").title == (
        "Videreføre Energistasjonsprosjektet i henhold til plan")


def test_a_footer_an_ocr_layer_reads_differently_on_one_page_is_still_furniture():
    # tesseract read "Side 3 · Vedtatt av styret …" as "Side : Vedtatt …" on one page
    path = Path(__file__).parent / "variants" / "files" / "draft-logo-ocr-nor-200-rot.pdf"
    programme = load(path)
    assert not any("Vedtatt av styret" in m.title for m in programme.measures)
    assert programme.measure("4.1.2").title.endswith("gjenbruk av rene og urene masser.")
