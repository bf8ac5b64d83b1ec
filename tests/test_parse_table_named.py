"""A table's header row that names more than the three columns: the result and the effect
targets apart, a responsible or a deadline beside the partners, each row's area before the
measure (parse/table/named.py)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import corpus_file

from orvers.api import load
from orvers.parse.table.named import column_kind, role_named

FILES = Path(__file__).parent / "variants" / "files"


@pytest.mark.parametrize(("name", "kind"), [
    ("Resultatmål", "result"), ("Effektmål", "effect"), ("Resultat- og effektmål", ""),
    ("Ansvar", "other"), ("Ansvarlig", "other"), ("Frist", "other"), ("Status", "other"),
    ("Ansvarsfordeling", ""), ("Merknad", "other"),
    ("Ansvar og partnere", ""), ("Ansvarlig/samarbeidspartnere", ""),  # the partners
    ("Partnere", ""), ("Tiltak", ""), ("Beskrivelse", ""),
    ("Innsatsområde", "area"), ("Satsingsområde", "area"), ("Kapittel", "area"),
    ("Tema", ""),
])
def test_column_kinds(name, kind):
    assert column_kind(name) == kind


def _table(tmp_path: Path, heads: list[str], rows: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_heading("1. Felles tiltak", level=1)
    table = document.add_table(rows=1, cols=len(heads))
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "named.docx"
    document.save(str(path))
    return path


def test_result_and_effect_columns_and_a_responsible_column(tmp_path):
    path = _table(tmp_path, ["Tiltak", "Resultatmål", "Effektmål", "Partnere", "Ansvar"], [
        ["1.1. Etablere et nettverk for næringssjefer", "To samlinger i året",
         "Mer samordnet næringspolitikk", "KS, NHO", "Sekretariatet"],
        ["1.2. Kartlegge næringsarealer", "Kartlegging levert", "Bedre arealbruk",
         "Kommunene", "Arbeidsgruppen"]])
    p = load(path)
    m = p.measure("1.1")
    assert m.result_targets == ("To samlinger i året",)
    assert m.effect_targets == ("Mer samordnet næringspolitikk",)
    assert m.partners == ("KS", "NHO")  # a comma-separated list in the cell
    assert p.measure("1.2").partners == ("Kommunene",)
    assert "a column 'Ansvar' holds no field of a measure: left out" in p.warnings
    assert not any("without a Resultatmål/Effektmål label" in w for w in p.warnings)


def test_the_board_with_its_targets_in_two_columns_keeps_result_and_effect_apart():
    board = load(corpus_file("styret"))
    split = load(FILES / "board-result-effect-columns-docx.docx")
    assert [(m.id, m.result_targets, m.effect_targets) for m in split.measures] == \
        [(m.id, m.result_targets, m.effect_targets) for m in board.measures]
    # LibreOffice, Table Grid: words too long for the narrow columns break inside
    pdf = load(FILES / "board-result-effect-columns-pdf.pdf")
    assert [(bool(m.result_targets), bool(m.effect_targets)) for m in pdf.measures] == \
        [(bool(m.result_targets), bool(m.effect_targets)) for m in board.measures]
    held_out = load(FILES / "synthetic-board-result-effect-frist-pdf.pdf")
    assert all(m.partners and "Desember 2026" not in m.partners for m in held_out.measures)
    assert any(m.effect_targets for m in held_out.measures)


def test_an_unruled_table_leaves_a_named_column_out_and_warns_of_split_targets():
    # columns told from the header words' places (LibreOffice PDF of a table without rules)
    ansvar = load(FILES / "board-ansvar-column-unruled-pdf.pdf")
    assert not any("Sekretariatet" in x for m in ansvar.measures for x in m.partners)
    assert "a column 'Ansvar' holds no field of a measure: left out" in ansvar.warnings
    split = load(FILES / "board-result-effect-columns-unruled-pdf.pdf")
    assert any("result and effect targets stand in columns of their own" in w
               for w in split.warnings)


def test_an_area_column_names_the_sections_of_the_measures_beside_it(tmp_path):
    # the area's cell merged down its rows: Word keeps its text in the first row only
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Innsatsområde", "Tiltak",
                                                "Resultat- og effektmål", "Partnere"],
                          strict=True):
        cell.text = text
    rows = [("Næring og kompetanse", "1.1. Etablere et nettverk for næringssjefer", "KS"),
            (None, "1.2. Kartlegge næringsarealer", "Kommunene"),
            ("Klima og miljø", "2.1. Dele erfaringer om klimatilpasning", "Statsforvalteren")]
    area = None
    for name, title, partner in rows:
        cells = table.add_row().cells
        if name is None:
            area = area.merge(cells[0])
        else:
            area = cells[0]
            area.text = name
        cells[1].text = title
        cells[2].text = "Resultatmål: Rapport levert"
        cells[3].text = partner
    path = tmp_path / "area.docx"
    document.save(str(path))
    p = load(path)
    assert [(m.id, m.title, m.section, m.partners) for m in p.measures] == [
        ("1.1", "Etablere et nettverk for næringssjefer", "1", ("KS",)),
        ("1.2", "Kartlegge næringsarealer", "1", ("Kommunene",)),
        ("2.1", "Dele erfaringer om klimatilpasning", "2", ("Statsforvalteren",))]
    assert [(s.id, s.title) for s in p.sections] == [("1", "Næring og kompetanse"),
                                                     ("2", "Klima og miljø")]


@pytest.mark.parametrize("name", ["board-area-merged-docx.docx", "board-area-merged-pdf.pdf",
                                  "board-area-rows-pdf.pdf"])
def test_the_board_with_an_area_column_keeps_its_sections(name):
    board = load(corpus_file("styret"))
    read = load(FILES / name)
    assert [(s.id, s.title) for s in read.sections if s.id in {m.section for m in
                                                                 read.measures}] == \
        [(s.id, s.title) for s in board.sections if s.id in {m.section for m in board.measures}]
    assert [m.section for m in read.measures] == [m.section for m in board.measures]


def test_an_unruled_table_reads_its_area_column_as_sections():
    # held out: numbered areas merged down their rows, no rules (the columns from the
    # header words' places); an area's name wraps over the lines beside its rows
    p = load(FILES / "synthetic-board-grid-area-unruled-pdf.pdf")
    assert p.layout == "table"
    assert all(m.section and m.id.startswith(f"{m.section}.") for m in p.measures)
    titles = {s.id: s.title for s in p.sections}
    assert all(titles[m.section] for m in p.measures)
    assert not any(m.title[:1].isdigit() for m in p.measures)  # no area's number in a title


@pytest.mark.parametrize(("result", "effect"), [
    ("Resultatmål:", "Effektmål:"), ("Resultat:", "Effekt:"),
    ("Resultatmål 2026:", "Effektmål 2026–2028:"), ("Mål for resultat:", "Mål for effekt:"),
])
def test_target_labels_said_other_ways_keep_result_and_effect_apart(tmp_path, result, effect):
    path = _table(tmp_path, ["Tiltak", "Resultat- og effektmål", "Partnere"], [
        ["1.1. Etablere et nettverk for næringssjefer",
         f"{result} To samlinger i året {effect} Mer samordnet næringspolitikk", "KS"],
        ["1.2. Kartlegge næringsarealer", f"{result} Kartlegging levert", "Kommunene"]])
    document = docx.Document(str(path))  # each label on a paragraph of its own, as Word has it
    cell = document.tables[0].rows[1].cells[1]
    cell.text = result
    for text in ("To samlinger i året", effect, "Mer samordnet næringspolitikk"):
        cell.add_paragraph(text)
    document.save(str(path))
    p = load(path)
    m = p.measure("1.1")
    assert (m.result_targets, m.effect_targets) == (("To samlinger i året",),
                                                    ("Mer samordnet næringspolitikk",))
    assert p.measure("1.2").result_targets == ("Kartlegging levert",)
    assert not any("without a Resultatmål/Effektmål label" in w for w in p.warnings)


@pytest.mark.parametrize(("name", "role"), [
    ("Tiltak", 0), ("Nr", 0), ("Resultat- og effektmål", 1), ("Resultatmål", 1),
    ("Effektmål", 1), ("Mål", 1), ("Partnere", 2), ("Samarbeidspartnere", 2),
    ("Ansvar og partnere", 2), ("Ansvar", None), ("Frist", None), ("Målgruppe", None),
])
def test_the_role_a_header_cell_names(name, role):
    assert role_named(name) == role


def test_columns_in_another_order_as_the_header_names_them(tmp_path):
    """Tiltak | Partnere | Resultatmål | Effektmål: before, the partners were read into the
    titles and the targets as partners."""
    path = _table(tmp_path, ["Tiltak", "Partnere", "Resultatmål", "Effektmål"], [
        ["1.1. Etablere et nettverk for næringssjefer", "KS, NHO", "To samlinger i året",
         "Mer samordnet næringspolitikk"],
        ["1.2. Kartlegge næringsarealer", "Kommunene", "Kartlegging levert",
         "Bedre arealbruk"]])
    m = load(path).measure("1.1")
    assert m.title == "Etablere et nettverk for næringssjefer"
    assert m.partners == ("KS", "NHO")
    assert m.result_targets == ("To samlinger i året",)
    assert m.effect_targets == ("Mer samordnet næringspolitikk",)


def test_a_row_per_title_across_a_table_of_targets_and_partners(tmp_path):
    """Resultat- og effektmål | Partnere under a row holding each measure's number and title
    across the table: before, read as an outline, the partners as targets."""
    document = docx.Document()
    document.add_heading("1. Felles tiltak", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Resultat- og effektmål", "Partnere"
    for n, (target, partner) in enumerate((("To samlinger i året", "KS"),
                                           ("Kartlegging levert", "NHO"),
                                           ("Veileder laget", "Kommunene")), 1):
        cells = table.add_row().cells
        cells[0].merge(cells[1]).text = f"1.{n}. Tiltak nummer {n} for næringslivet"
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"Resultatmål:\n{target}", partner
    path = tmp_path / "rows.docx"
    document.save(str(path))
    p = load(path)
    assert p.layout == "table"
    assert [(m.id, m.title, m.result_targets, m.partners) for m in p.measures] == [
        ("1.1", "Tiltak nummer 1 for næringslivet", ("To samlinger i året",), ("KS",)),
        ("1.2", "Tiltak nummer 2 for næringslivet", ("Kartlegging levert",), ("NHO",)),
        ("1.3", "Tiltak nummer 3 for næringslivet", ("Veileder laget",), ("Kommunene",))]
