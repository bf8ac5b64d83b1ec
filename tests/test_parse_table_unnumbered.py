"""Measure tables that print no numbers (orvers/parse/table/cells.py): under a measure
table's header each row is a measure, its id the next in its section, said in a note; the
id marked as orvers' own (id_source "assigned"). Word table and its LibreOffice PDF."""

from __future__ import annotations

import docx
import pytest
from builders import to_pdf

from orvers.api import load

ROWS = {
    "1.1 Kunnskap": [("Samle kunnskap om flom", "Gjennomført to møter.", "NVE"),
                     ("Dele data mellom kommunene", "Etablert en portal.", "Kartverket")],
    "1.2 Samarbeid": [("Styrke samarbeidet om arealbruk", "Laget en veileder.", "KS"),
                      ("Lage felles kart", "Publisert kartet.", "DSB"),
                      ("Holde et årlig seminar", "Holdt seminaret.", "Statsforvalteren")],
}


def _write(path):
    document = docx.Document()
    document.add_heading("1 Klima", level=1)
    for heading, rows in ROWS.items():
        document.add_heading(heading, level=2)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells,
                              ("Tiltak", "Resultat- og effektmål", "Partnere"), strict=True):
            cell.text = text
        for title, target, partner in rows:
            cells = table.add_row().cells
            cells[0].text = title
            cells[1].text = "Resultatmål:"
            cells[1].add_paragraph(target)
            cells[2].text = partner
    document.save(str(path))
    return path


def _check(programme):
    assert [m.id for m in programme.measures] == ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3"]
    assert [m.title for m in programme.measures] == [
        title for rows in ROWS.values() for title, _, _ in rows]
    assert programme.measures[3].result_targets == ("Publisert kartet.",)
    assert programme.measures[4].partners == ("Statsforvalteren",)
    assert {m.id_source for m in programme.measures} == {"assigned"}
    assert any("print no numbers" in n and "1.1.1–1.1.2" in n and "1.2.1–1.2.3" in n
               for n in programme.warnings)


def test_a_word_table_without_numbers_gives_a_measure_per_row(tmp_path):
    _check(load(_write(tmp_path / "plan.docx")))


@pytest.mark.libreoffice
def test_a_pdf_table_without_numbers_gives_a_measure_per_row(tmp_path):
    _check(load(to_pdf(_write(tmp_path / "plan.docx"), tmp_path)))


def test_a_table_of_no_measures_gets_no_ids(tmp_path):
    """A table without a measure table's header (a budget) gives no measures of its own."""
    path = _write(tmp_path / "plan.docx")
    document = docx.Document(str(path))
    document.add_heading("2 Budsjett", level=1)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Post", "Beløp"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Kontingent", "2 400 000"
    document.save(str(path))
    assert len(load(path).measures) == 5


def _counted(path, restart: bool):
    document = docx.Document()
    document.add_heading("1 Klima", level=1)
    count = 0
    for heading, rows in ROWS.items():
        document.add_heading(heading, level=2)
        count = 0 if restart else count
        table = document.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells,
                              ("Nr", "Tiltak", "Resultat- og effektmål", "Partnere"), strict=True):
            cell.text = text
        for title, target, partner in rows:
            count += 1
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[3].text = f"{count}.", title, partner
            cells[2].text = "Resultatmål:"
            cells[2].add_paragraph(target)
    document.save(str(path))
    return path


def test_an_nr_column_counting_through_gives_the_counts_as_ids(tmp_path):
    p = load(_counted(tmp_path / "plan.docx", restart=False))
    assert [(m.id, m.section) for m in p.measures] == [
        ("1", "1.1"), ("2", "1.1"), ("3", "1.2"), ("4", "1.2"), ("5", "1.2")]
    assert [m.title for m in p.measures] == [t for rows in ROWS.values() for t, _, _ in rows]
    assert p.measures[4].partners == ("Statsforvalteren",)
    assert {m.id_source for m in p.measures} == {"document"}
    assert not p.checks  # a count has no section in its number: no gap, no lost heading


def test_an_nr_column_counting_in_each_section_gives_ids_by_section(tmp_path):
    p = load(_counted(tmp_path / "plan.docx", restart=True))
    assert [m.id for m in p.measures] == ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3"]
    assert {m.id_source for m in p.measures} == {"assigned"}
    assert any("counted 1, 2, 3 … in each section" in w and "1.2.1–1.2.3" in w
               for w in p.warnings)
