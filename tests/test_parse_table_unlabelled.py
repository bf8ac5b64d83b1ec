"""Measure tables with neither a header row nor Resultatmål:/Effektmål: labels: told from
their shape (numbers in sequence opening one column, two columns of text right of the titles)
and read with their targets as result targets, which a warning says."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pdf_lines import pdf_document as _pdf
from pdf_lines import pdf_line as _line

from orvers.api import load
from orvers.parse import detect_layout, parse
from orvers.parse.table import UNLABELLED

FILES = Path(__file__).parent / "variants" / "files"


def _page(rows: list[tuple[str, ...]], edges: tuple[float, ...] = (40, 200, 400)):
    """A heading, then the rows as table lines (one piece per column, empty: none)."""
    lines = [_line(1, 1, 60, (40, "1. Strategier"), size=14)]
    for i, cells in enumerate(rows):
        pieces = [(x, text) for x, text in zip(edges, cells, strict=True) if text]
        lines.append(_line(2 + i, 1, 100 + 12 * i, *pieces))
    return _pdf(*lines)


_ROWS = [
    ("1.1. Samle kunnskap", "• Gjennomført to møter.", "• KS"),
    ("om flom og ras", "• Bedre beredskap.", "• NVE"),
    ("1.2. Dele data", "• Etablert en portal.", "• Kartverket"),
    ("mellom kommunene", "", "• DSB"),
    ("1.3. Lage kart", "• Laget tre kart.", "• NVE"),
]


def test_a_table_without_header_or_labels_is_read_from_its_columns_with_a_warning():
    doc = _page(_ROWS)
    assert detect_layout(doc) == "table"
    p = parse(doc)
    assert [(m.id, m.title) for m in p.measures] == [
        ("1.1", "Samle kunnskap om flom og ras"), ("1.2", "Dele data mellom kommunene"),
        ("1.3", "Lage kart")]
    first = p.measures[0]
    assert first.result_targets == ("Gjennomført to møter.", "Bedre beredskap.")
    assert first.effect_targets == ()
    assert first.partners == ("KS", "NVE")
    assert p.measures[1].partners == ("Kartverket", "DSB")
    assert UNLABELLED in p.warnings


def test_a_table_of_titles_and_targets_only_reads_its_targets():
    doc = _page([(a, b) for a, b, _ in _ROWS], edges=(40, 200))
    assert detect_layout(doc) == "table"
    p = parse(doc)
    assert [(m.id, m.result_targets, m.partners) for m in p.measures] == [
        ("1.1", ("Gjennomført to møter.", "Bedre beredskap."), ()),
        ("1.2", ("Etablert en portal.",), ()), ("1.3", ("Laget tre kart.",), ())]
    assert UNLABELLED in p.warnings


def test_a_table_of_titles_and_partners_only_reads_its_partners():
    """The column beside the titles lists names (a few words each): partners, no targets."""
    p = parse(_page([(a, c) for a, _, c in _ROWS], edges=(40, 200)))
    assert [(m.id, m.title, m.result_targets, m.partners) for m in p.measures] == [
        ("1.1", "Samle kunnskap om flom og ras", (), ("KS", "NVE")),
        ("1.2", "Dele data mellom kommunene", (), ("Kartverket", "DSB")),
        ("1.3", "Lage kart", (), ("NVE",))]
    assert "no measure has result or effect targets (a table of titles and partners)" in (
        p.warnings)


def test_numbered_lines_with_amounts_beside_them_are_no_table():
    rows = [("1.1. Kontingent", "200 000"), ("1.2. Prosjektmidler", "650 000"),
            ("1.3. Renter", "45 000")]
    assert detect_layout(_page(rows, edges=(40, 200))) != "table"


def test_numbers_out_of_sequence_are_no_table_without_labels():
    rows = list(_ROWS)
    rows[0], rows[2], rows[4] = (("3.4. " + rows[0][0][5:], *rows[0][1:]),
                                 ("1.2. " + rows[2][0][5:], *rows[2][1:]),
                                 ("2.1. " + rows[4][0][5:], *rows[4][1:]))
    assert detect_layout(_page(rows)) != "table"


@pytest.mark.parametrize("name", ["board-nolabel-docx.docx", "board-nolabel-grid-pdf.pdf",
                                  "board-nolabel-pdf.pdf", "board-nolabel-nr-column-pdf.pdf"])
def test_the_board_without_header_or_labels_reads_its_targets_as_result_targets(name):
    p = load(FILES / name)
    assert p.layout == "table"
    assert len(p.measures) == 31
    assert all(m.result_targets and not m.effect_targets for m in p.measures)
    assert UNLABELLED in p.warnings


@pytest.mark.parametrize("name", ["board-noheader-docx.docx", "board-noheader-pdf.pdf",
                                  "board-grid-docx.docx"])
def test_a_table_with_labels_gives_no_such_warning(name):
    p = load(FILES / name)
    assert any(m.effect_targets for m in p.measures)
    assert UNLABELLED not in p.warnings


def test_a_measure_without_labels_among_labelled_ones_is_named():
    p = parse(_page([
        ("1.1. Samle kunnskap", "Resultatmål:", "• KS"),
        ("om flom og ras", "• Gjennomført to møter.", "• NVE"),
        ("", "Effektmål:", ""),
        ("", "• Bedre beredskap.", ""),
        ("1.2. Dele data", "• Etablert en portal.", "• Kartverket"),
        ("1.3. Lage kart", "Resultatmål:", "• NVE"),
        ("", "• Laget tre kart.", ""),
    ]))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    assert p.measures[1].result_targets == ("Etablert en portal.",)
    assert f"measure 1.2: {UNLABELLED}" in p.warnings
    assert UNLABELLED not in p.warnings


@pytest.mark.parametrize("intro", [
    "Hvert tiltak har Resultatmål: det som er gjort i år, og Effektmål: virkningen.",
    "Resultatmål: det som skal være gjort innen året er omme.",
])
def test_a_label_word_in_a_paragraph_above_the_table_keeps_the_warning(tmp_path, intro):
    """A label counts where it opens a line of a target cell, not where the introduction
    mentions it (even at a paragraph's start)."""
    document = docx.Document(str(FILES / "board-nolabel-docx.docx"))
    document.paragraphs[1].insert_paragraph_before(intro)
    document.save(str(tmp_path / "intro.docx"))
    p = load(tmp_path / "intro.docx")
    assert len(p.measures) == 31
    assert UNLABELLED in p.warnings
    assert not any(w.startswith("measures ") and UNLABELLED in w for w in p.warnings)


def test_a_label_word_in_a_text_line_above_the_table_keeps_the_warning():
    lines = [_line(1, 1, 60, (40, "1. Strategier"), size=14),
             _line(2, 1, 80, (40, "Hvert tiltak har Resultatmål: det som er gjort, og "
                                  "Effektmål: virkningen av det."))]
    for i, cells in enumerate(_ROWS):
        pieces = [(x, text) for x, text in zip((40, 200, 400), cells, strict=True) if text]
        lines.append(_line(3 + i, 1, 100 + 12 * i, *pieces))
    p = parse(_pdf(*lines))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    assert UNLABELLED in p.warnings
