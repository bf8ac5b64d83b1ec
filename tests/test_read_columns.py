"""Pages in two newspaper columns are read column by column; an unruled table's columns are
not. (The variant suite reads the draft and a synthetic outline set in two columns by
LibreOffice; these tests pin the decision on words placed by hand.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from orvers.read import columns
from orvers.read.pdf import _lines

FILES = Path(__file__).parent / "variants" / "files"


def _words(x: float, top: float, text: str) -> list[dict]:
    """A line's words from x, 5 pt per letter, one space apart, 10 pt high."""
    out = []
    for w in text.split():
        out.append({"text": w, "x0": x, "x1": x + 5 * len(w), "top": top, "bottom": top + 10})
        x += 5 * len(w) + 3
    return out


def _page(left: list[str], right: list[str], right_x: float = 320.0) -> list:
    """Lines of a page: the left column's texts from x 40, the right one's from right_x, a
    line every 14 pt from the top of both (so their lines stand side by side)."""
    words = [w for k, t in enumerate(left) for w in _words(40, 100 + 14 * k, t)]
    words += [w for k, t in enumerate(right) for w in _words(right_x, 100 + 14 * k, t)]
    return _lines(words)


_LEFT = ["3.1. Attraktivitet", "3.1.1. Kartlegge og dele gode", "eksempler på praksis",
         "3.1.2. Forprosjekt om arealer", "for å vurdere behovet", "og mulighetene rundt",
         "3.1.3. Kartlegge behov for", "samarbeid med næringen", "og klynger og",
         "kunnskapsmiljøer", "i hele", "Osloregionen"]
_RIGHT = ["i regionen og legge til", "rette for dialog", "3.1.4. Opprettholde politisk",
          "oppmerksomhet om behovet", "3.2. Klima, miljø og natur", "3.2.1. Erfaringsdeling om",
          "aktuelle tema innen klima", "og naturbaserte løsninger", "for overvann",
          "3.2.2. Gjennomføre prosjektet", "om data og", "tjenestebehov"]


def test_numbered_columns_read_by_column_and_stack_into_one():
    lines = _page(_LEFT, _RIGHT)
    assert " ".join(w["text"] for w in lines[2][1]).startswith("eksempler på praksis 3.1.4.")
    at = columns.gutter(lines, 595.0)
    assert at is not None and at[0] < 320 < at[1] + 1
    crossing, left, right = columns.split(lines, at, _lines)
    assert not crossing and len(left) == len(_LEFT) and len(right) == len(_RIGHT)
    assert columns.reads_by_column(lines, left, right)
    stacked = columns.stacked([ws for _, ws in (*left, *right)])
    tops = [ws[0]["top"] for ws in stacked]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one column, top to bottom


@pytest.mark.parametrize("right", [
    # an unruled table: a date in another column, numbered targets in a cell
    ["18. desember 2025", *[""] * 11],
    ["Gjennomført to møter", "1. Arrangert seminar", "2. Delt et notat", "", "", "",
     "1. Bistått kommuner", "2. Fremmet temaet", "3. Samarbeid med LO", "", "", ""],
])
def test_a_table_whose_other_columns_hold_numbers_is_read_across(right):
    lines = _page(_LEFT, [t or "tekst" for t in right])
    at = columns.gutter(lines, 595.0)
    assert at is not None  # a gutter is there: the numbers tell it is no column layout
    _, left, right_lines = columns.split(lines, at, _lines)
    assert not columns.reads_by_column(lines, left, right_lines)


def test_a_title_across_both_columns_stays_one_line():
    lines = _page(_LEFT, _RIGHT)
    lines = _lines([w for _, ws in lines for w in ws]
                   + _words(40, 80, "Handlingsprogram for Osloregionen 2026 utkast til "
                                    "behandling i styret med vedlegg"))
    at = columns.gutter(lines, 595.0)
    crossing, _, _ = columns.split(lines, at, _lines)
    assert [" ".join(w["text"] for w in ws)[:16] for _, ws in crossing] == ["Handlingsprogram"]


def test_two_column_pdfs_read_in_order_and_tables_unchanged():
    from orvers.api import load

    draft = load(FILES / "draft-page-columns-pdf.pdf")
    ids = [m.id for m in draft.measures]
    assert len(ids) == 33 and ids == sorted(ids, key=lambda i: tuple(map(int, i.split("."))))
    assert draft.measure("3.1.4").title.startswith("Osloregionen skal opprettholde politisk")
    assert {s.id: s.title for s in draft.sections}["3.1"] == "Attraktivitet og næringsutvikling"
    # an unruled measure table has a gutter between its columns on every page: read across
    board = load(FILES / "board-noheader-pdf.pdf")
    assert [m.id for m in board.measures][:3] == ["1.1", "1.2", "1.3"]
    assert all(m.partners for m in board.measures[:3])


def test_labelled_blocks_in_two_columns_read_by_column_a_labelled_table_across():
    left = ["Tiltak: Etablere et nettverk", "for næringssjefer", "Partnere: KS, NHO",
            "Resultatmål: To samlinger", "Tiltak: Kartlegge arealer", "Partnere: Kommunene",
            "Resultatmål: En rapport", "om arealene", "i regionen", "levert"]
    right = ["Tiltak: Arrangere en ryddedag", "Partnere: Friluftsrådet",
             "Resultatmål: Én ryddedag", "Tiltak: Dele erfaringer", "om overvann",
             "Partnere: Vannområdene", "Resultatmål: To webinarer", "i året", "med kommunene",
             "og fylkene"]
    lines = _page(left, right)
    at = columns.gutter(lines, 595.0)
    _, l_lines, r_lines = columns.split(lines, at, _lines)
    assert columns.reads_by_column(lines, l_lines, r_lines)
    # a table keeps each label to its column: titles left, labelled targets right
    table = _page([t.split(": ", 1)[-1] for t in left], right)
    at = columns.gutter(table, 595.0)
    _, l_lines, r_lines = columns.split(table, at, _lines)
    assert not columns.reads_by_column(table, l_lines, r_lines)


def test_label_blocks_in_two_page_columns_read_whole():
    from orvers.api import load

    p = load(FILES / "hp2025-page-columns-pdf.pdf")  # LibreOffice PDF, two page columns
    assert [m.id for m in p.measures] == [f"T{k}" for k in range(1, 37)]
    assert "Konkurranseskraft og næringsutvikling" in [s.title for s in p.sections]
    assert p.measure("T10").result_targets == ("Kunnskaps- og erfaringsdeling",)
    assert not p.warnings
