"""One measure number for every table reader (orvers/parse/table/numbers.py): the cell
reader, the geometry reader (header or none), the roles of a table's columns, the items of a
row and a text set with spaces all take the same texts for a measure's number."""

from __future__ import annotations

import pytest
from pdf_lines import pdf_document, pdf_line

from orvers.parse import parse
from orvers.parse.table.numbers import is_number, opening


@pytest.mark.parametrize(("text", "number", "rest"), [
    ("2.3.4 Gjennomføre en analyse", "2.3.4", "Gjennomføre en analyse"),
    ("1.1. Samle kunnskap", "1.1", "Samle kunnskap"),
    ("3.10.12 Tiltak", "3.10.12", "Tiltak"),
    ("2.3.4/Gjennomføre", "2.3.4", "Gjennomføre"),  # OCR read the column's rule as a glyph
    ("1.1|Videreutvikle", "1.1", "Videreutvikle"),
    ("2.1.1 [Kartlegge", "2.1.1", "Kartlegge"),
    ("2.3.", "2.3", ""),  # the number alone in its cell (Nr | Tiltak | …)
    ("1.2\nDele data\nmellom kommunene", "1.2", "Dele data\nmellom kommunene"),  # paragraphs
    # printed as an outline may print it (text.numbered)
    ("Tiltak 1.1: Samle kunnskap", "1.1", "Samle kunnskap"),
    ("Tiltak nr. 2.3.4: Gjennomføre", "2.3.4", "Gjennomføre"),
    ("Tiltak 1.1", "1.1", ""),  # its title in the cell's next paragraph
    ("Tiltak 22.2.12:", "22.2.12", ""),
    ("2.1) Dele data", "2.1", "Dele data"),
    ("2.1 – Dele data", "2.1", "Dele data"),
])
def test_a_cell_or_line_opens_with_a_measure_number(text, number, rest):
    assert opening(text) == (number, rest)


@pytest.mark.parametrize("text", [
    "2025.12 Møte i styret",  # a year is no chapter
    "1.2.3.4 Fjerde nivå",  # four levels: a list's number, no measure's
    "1.1a Tittel",
    "12 Tittel",
    "Tiltak",  # a header word
    "Tiltak 2025–2028 Tittel",
    "1) Tittel",  # a list's number
])
def test_other_openings_are_no_measure_number(text):
    assert opening(text) is None


def test_a_number_standing_as_a_word_of_its_own():
    assert is_number("2.1") and is_number("2.1.3.")
    assert not is_number("2.1,") and not is_number("2025.12") and not is_number("1.1|Tiltak")


def test_a_number_ocr_joined_to_its_title_opens_a_row_of_a_table_without_header():
    """The cell reader starts a measure at "1.1|Samle" (the column's rule read as a glyph);
    the geometry reader opens the table there too, so the first measure is not lost."""
    rows = [("1.1|Samle kunnskap", "Resultatmål:", "KS"),
            ("om flom og ras", "• Gjennomført to møter.", "NVE"),
            ("1.2 Dele data", "Resultatmål:", "Kartverket"),
            ("mellom kommunene", "• Etablert en portal.", "DSB"),
            ("1.3 Lage kart", "Resultatmål:", "NVE"),
            ("", "• Laget tre kart.", "Kommunene")]
    lines = [pdf_line(1, 1, 60, (40, "1. Strategier"), size=14)]
    for i, cells in enumerate(rows):
        pieces = [(x, t) for x, t in zip((40, 200, 400), cells, strict=True) if t]
        lines.append(pdf_line(2 + i, 1, 100 + 12 * i, *pieces))
    p = parse(pdf_document(*lines))
    assert [(m.id, m.title) for m in p.measures] == [("1.1", "Samle kunnskap om flom og ras"),
                                                     ("1.2", "Dele data mellom kommunene"),
                                                     ("1.3", "Lage kart")]
    assert p.measures[0].partners == ("KS", "NVE")
