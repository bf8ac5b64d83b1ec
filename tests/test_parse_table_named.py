"""A table's header row that names more than the three columns: the result and the effect
targets apart, a responsible or a deadline beside the partners (parse/table/named.py)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import corpus_file

from orvers.api import load
from orvers.parse.table.named import column_kind

FILES = Path(__file__).parent / "variants" / "files"


@pytest.mark.parametrize(("name", "kind"), [
    ("Resultatmål", "result"), ("Effektmål", "effect"), ("Resultat- og effektmål", ""),
    ("Ansvar", "other"), ("Ansvarlig", ""), ("Frist", "other"), ("Status", "other"),
    ("Partnere", ""), ("Tiltak", ""), ("Beskrivelse", ""),
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
    assert m.partners == ("KS, NHO",)
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
