"""Measure tables printed without a header: columns told from where the words stand (a PDF's
word boxes, or a text set in columns with spaces, as pdftotext -layout writes it)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from builders import convert
from docx.shared import Cm, Pt
from pdf_lines import pdf_document as _pdf
from pdf_lines import pdf_line as _line

from orvers.model import Block, Document
from orvers.parse import detect_layout, parse
from orvers.parse.table.geometry import read_geometry
from orvers.read import read


def _rows(page: int, start: int, shift: float, rows: list[tuple[str, str, str]],
          edges: tuple[float, float, float] = (40, 200, 400)) -> list[Block]:
    """Lines of a table page: each row (Tiltak, targets, Partnere), the columns moved by
    shift (a page scanned a little off, or laid out anew)."""
    out = []
    for i, cells in enumerate(rows):
        pieces = [(x + shift, text) for x, text in zip(edges, cells, strict=True) if text]
        out.append(_line(start + i, page, 100 + 12 * i, *pieces))
    return out


def test_a_table_without_header_is_read_from_its_gutters_across_shifted_pages():
    doc = _pdf(
        _line(1, 1, 60, (40, "1. Strategier"), size=14),
        *_rows(1, 2, 0, [
            ("1.1. Samle kunnskap", "Resultatmål:", "KS"),
            ("om flom og ras", "• Gjennomført to møter.", "NVE"),
            ("", "Effektmål:", ""),
            ("", "• Bedre beredskap.", ""),
            ("1.2. Dele data", "Resultatmål:", "Kartverket"),
            ("mellom kommunene", "• Etablert en portal.", "Statens vegvesen"),
        ]),
        *_rows(2, 20, 12, [  # the next page, set 12 pt further right
            ("og fylkene.", "Effektmål:", "DSB"),
            ("", "• Delte data brukes.", ""),
            ("1.3. Lage kart", "Resultatmål:", "NVE"),
            ("", "• Laget tre kart.", "Kommunene"),
        ]),
    )
    assert detect_layout(doc) == "table"
    p = parse(doc)
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    first, second, third = p.measures
    assert first.title == "Samle kunnskap om flom og ras"
    assert (first.result_targets, first.effect_targets) == (("Gjennomført to møter.",),
                                                            ("Bedre beredskap.",))
    assert first.partners == ("KS", "NVE")
    assert second.title == "Dele data mellom kommunene og fylkene."  # the row goes on
    assert second.effect_targets == ("Delte data brukes.",)
    assert second.partners == ("Kartverket", "Statens vegvesen", "DSB")
    assert third.partners == ("NVE", "Kommunene")


def test_numbers_in_a_column_of_their_own_open_the_rows_and_the_titles_stand_beside():
    edges = (40, 200, 400)
    lines = [_line(1, 1, 60, (40, "1. Strategier"), size=14)]
    for i, (number, title, target, partner) in enumerate([
            ("1.1", "Samle kunnskap", "Resultatmål:", "KS"),
            ("", "om flom", "• Gjennomført to møter.", "NVE"),
            ("1.2", "Dele data", "Resultatmål:", "Kartverket"),
            ("", "", "• Etablert en portal.", "DSB")]):
        pieces = [(x, t) for x, t in zip((20, *edges), (number, title, target, partner),
                                         strict=True) if t]
        lines.append(_line(2 + i, 1, 100 + 12 * i, *pieces))
    p = parse(_pdf(*lines))
    assert [(m.id, m.title) for m in p.measures] == [("1.1", "Samle kunnskap om flom"),
                                                     ("1.2", "Dele data")]
    assert p.measures[1].result_targets == ("Etablert en portal.",)
    assert p.measures[1].partners == ("Kartverket", "DSB")


def test_numbered_lines_with_no_targets_beside_them_are_no_table():
    """A numbered outline sets its numbers apart from its text too: two columns, but no
    column of targets, so it is read as the outline it is."""
    doc = _pdf(*(_line(i, 1, 100 + 12 * i, (40, f"1.{i}"), (80, f"Tiltak nummer {i} i planen"))
                 for i in range(1, 8)))
    assert not read_geometry(doc).found
    assert detect_layout(doc) == "outline"


def _spaced(rows: list[tuple[str, str, str]], starts: list[tuple[int, int]]) -> list[str]:
    """Lines set in columns with spaces, each row's target and partner columns starting at
    its own character columns (a long word pushes them right, as in pdftotext -layout)."""
    out = []
    for (title, target, partner), (at, partner_at) in zip(rows, starts, strict=True):
        line = title.ljust(at) + target
        out.append((line.ljust(partner_at) + partner).rstrip())
    return out


def test_a_text_set_in_columns_with_spaces_finds_each_rows_columns():
    rows = [
        ("1.1. Samle kunnskap", "Resultatmål:", "KS"),
        ("om flom og ras", "• Gjennomført to møter.", "NVE"),
        ("", "Effektmål:", ""),
        ("", "• Bedre beredskap.", ""),
        ("1.2. Dele kunnskapsgrunnlaget", "Resultatmål:", "Kartverket"),  # pushed right
        ("mellom kommunene", "• Etablert en portal.", "DSB"),
        ("", "Effektmål:", ""),
        ("", "• Delte data brukes.", ""),
        ("1.3. Lage kart", "Resultatmål:", "NVE"),
        ("", "• Laget tre kart.", "Kommunene"),
        ("", "Effektmål:", ""),
        ("", "• Kart brukes.", ""),
    ]
    starts = [(24, 52)] * 4 + [(33, 58)] * 4 + [(24, 52)] * 4
    text = ["1. Strategier", *_spaced(rows, starts)]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(text, 1)))
    p = parse(doc)
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    second = p.measures[1]
    assert second.title == "Dele kunnskapsgrunnlaget mellom kommunene"
    assert (second.result_targets, second.effect_targets) == (("Etablert en portal.",),
                                                              ("Delte data brukes.",))
    assert second.partners == ("Kartverket", "DSB")


def test_a_number_ocr_read_without_its_dots_is_taken_where_it_is_the_next_one():
    """OCR drops the dots of a number standing in a column of its own ("11" for 1.1); a
    title line that starts with a number ("13 kommuner", not standing apart) is no row."""
    lines = [_line(1, 1, 60, (40, "1. Strategier"), size=14)]
    for i, (number, title, target, partner) in enumerate([
            ("11", "Samle kunnskap", "Resultatmål:", "KS"),
            ("", "om flom", "• Gjennomført to møter.", "NVE"),
            ("1.2", "Nå ut til", "Resultatmål:", "Kartverket"),
            ("", "13 kommuner", "• Etablert en portal.", "DSB"),
            ("1.3", "Lage kart", "Resultatmål:", "NVE"),
            ("", "", "• Laget tre kart.", "")]):
        pieces = [(x, t) for x, t in zip((20, 80, 200, 400), (number, title, target, partner),
                                         strict=True) if t]
        lines.append(_line(2 + i, 1, 100 + 12 * i, *pieces))
    p = parse(_pdf(*lines))
    assert [(m.id, m.title) for m in p.measures] == [
        ("1.1", "Samle kunnskap om flom"), ("1.2", "Nå ut til 13 kommuner"), ("1.3", "Lage kart")]
    assert "measure 1.1: its number read as '11', taken for 1.1" in p.warnings


def test_a_heading_set_as_body_text_above_a_header_is_no_part_of_the_table_before():
    header = "Tiltak".ljust(24) + "Resultat- og effektmål".ljust(28) + "Partnere"
    first = _spaced([("1.1. Samle kunnskap", "Resultatmål:", "KS"),
                     ("om flom", "• Gjennomført to møter.", "NVE")], [(24, 52)] * 2)
    second = _spaced([("1.2. Dele data", "Resultatmål:", "Kartverket"),
                      ("", "• Etablert en portal.", "DSB")], [(24, 52)] * 2)
    text = ["1. Strategier", header, *first, "", "Klima og miljø", header, *second]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(text, 1)))
    p = parse(doc)
    assert [(m.id, m.title) for m in p.measures] == [("1.1", "Samle kunnskap om flom"),
                                                     ("1.2", "Dele data")]


def _unruled_board(path: Path, note_after: str | None = None) -> Path:
    """A Word board of three sections, four measures each, in unruled tables with no header
    row, rendered to PDF by LibreOffice; with note_after, a row after that measure whose
    Tiltak and target cells are merged into one, eight short lines of a note that run from
    the Tiltak column across the targets' gutter."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Sans"
    document.styles["Normal"].font.size = Pt(10)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(1.5)
    for chapter in (1, 2, 3):
        document.add_heading(f"{chapter}. Innsatsområde {chapter}", level=1)
        table = document.add_table(rows=0, cols=3)
        table.style = "Normal Table"
        for k in range(1, 5):
            cells = table.add_row().cells
            cells[0].text = f"{chapter}.{k}. Tiltak {chapter}{k} om samarbeid i regionen"
            cells[1].text = "Resultatmål:"
            for t in range(3):
                cells[1].add_paragraph(f"Gjennomført {t + 2} møter om tema {chapter}{k}.",
                                       style="List Bullet")
            cells[1].add_paragraph("Effektmål:")
            cells[1].add_paragraph("Bedre samordning i regionen.", style="List Bullet")
            cells[2].text = "Kommunene"
            cells[2].add_paragraph("Statens vegvesen", style="List Bullet")
            if note_after == f"{chapter}.{k}":
                note = table.add_row().cells
                merged = note[0].merge(note[1])
                merged.text = "Merknad fra styret om tiltakene over:"
                for n in range(1, 8):
                    merged.add_paragraph(f"Merknad {n}: tiltaket videreføres fra 2025")
        table.autofit = False
        for column, width in zip(table.columns, (5.5, 7.0, 5.5), strict=True):
            for cell in column.cells:
                cell.width = Cm(width)
    document.save(str(path))
    return convert(path, path.parent, "pdf")


@pytest.mark.libreoffice
def test_a_page_whose_gutter_text_crosses_says_it_took_the_other_pages_place(tmp_path):
    crossed = read(_unruled_board(tmp_path / "crossed.docx", note_after="2.2"))
    page = next(b.page for b in crossed.blocks if b.text.startswith("Merknad 4"))
    clean = parse(read(_unruled_board(tmp_path / "clean.docx")))
    p = parse(crossed)
    assert [m.id for m in p.measures] == [m.id for m in clean.measures]
    assert len(p.measures) == 12
    lacking = [w for w in p.warnings if "no gutter found" in w]
    assert lacking == [f"page {page}: no gutter found before the Resultat- og effektmål column "
                       "(columns told from where the words stand); the place the other pages "
                       "agree on was taken"]
    assert not [w for w in clean.warnings if "no gutter found" in w]
