"""Measures kept as a small two-column table each, a form (parse/form_tables.py)."""

from __future__ import annotations

from pathlib import Path

import docx
from conftest import corpus_file

from orvers.api import load

FILES = Path(__file__).parent / "variants" / "files"


def _forms(tmp_path: Path, forms: list[list[tuple[str, list[str]]]]) -> Path:
    document = docx.Document()
    document.add_heading("1. Næring og kompetanse", level=1)
    for rows in forms:
        table = document.add_table(rows=0, cols=2)
        for key, values in rows:
            cells = table.add_row().cells
            cells[0].text = key
            cells[1].text = values[0]
            for value in values[1:]:
                cells[1].add_paragraph(value, style="List Bullet")
        document.add_paragraph("")
    path = tmp_path / "forms.docx"
    document.save(str(path))
    return path


def test_a_form_per_measure_gives_its_title_targets_and_partners(tmp_path):
    path = _forms(tmp_path, [
        [("Tiltak 1.1", ["Etablere et nettverk for næringssjefer"]),
         ("Resultatmål", ["To samlinger i året"]),
         ("Effektmål", ["Mer samordnet næringspolitikk"]),
         ("Ansvar", ["Sekretariatet"]),
         ("Partnere", ["KS, NHO"])],
        [("Tiltak 1.2", ["Kartlegge næringsarealer"]),
         ("Resultatmål", ["Kartlegging levert"]),
         ("", ["Rapport lagt fram"]),  # a row without its key: the one above goes on
         ("Partnere", ["Kommunene"])],
        [("Tiltak 1.3", ["Dele erfaringer om rekruttering"]),
         ("Effektmål", ["Flere søkere til kommunene"]),
         ("Partnere", ["NAV"])]])
    p = load(path)
    assert [(m.id, m.title, m.result_targets, m.effect_targets, m.partners)
            for m in p.measures] == [
        ("1.1", "Etablere et nettverk for næringssjefer", ("To samlinger i året",),
         ("Mer samordnet næringspolitikk",), ("KS", "NHO")),
        ("1.2", "Kartlegge næringsarealer", ("Kartlegging levert", "Rapport lagt fram"), (),
         ("Kommunene",)),
        ("1.3", "Dele erfaringer om rekruttering", (), ("Flere søkere til kommunene",),
         ("NAV",))]
    assert ("a row 'Ansvar' of a measure's table holds no field of a measure: left out"
            in p.warnings)


def test_a_two_column_table_of_other_keys_is_no_form(tmp_path):
    # a budget: its keys name no field of a measure
    path = _forms(tmp_path, [[("1.1. Etablere et nettverk", ["Kontingent"]),
                              ("1.2. Kartlegge næringsarealer", ["Reiser"])]])
    p = load(path)
    assert [m.id for m in p.measures] == ["1.1", "1.2"]
    assert p.measures[0].title == "Etablere et nettverk"
    assert not any("holds no field" in w for w in p.warnings)


def test_the_board_as_forms_reads_as_the_board():
    board = load(corpus_file("styret"))
    fields = [(m.id, m.section, m.title, m.result_targets, m.effect_targets)
              for m in board.measures]
    read = load(FILES / "board-forms-docx.docx")
    assert [(m.id, m.section, m.title, m.result_targets, m.effect_targets)
            for m in read.measures] == fields
    # LibreOffice PDFs (ruled; the number before the title in its own cell): a page break
    # splits some forms, their rest a table of field rows alone
    shape = [(m.id, m.section, len(m.result_targets), len(m.effect_targets))
             for m in board.measures]
    for name in ("board-forms-pdf.pdf", "board-forms-title-row-pdf.pdf"):
        read = load(FILES / name)
        assert [(m.id, m.section, len(m.result_targets), len(m.effect_targets))
                for m in read.measures] == shape
