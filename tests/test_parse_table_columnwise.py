"""Measure tables in a text dumped column by column, as pdftotext without -layout prints a
ruled table: per page the titles, then the targets, then the partners, a row cut at the page
break going on at the next page's top. (The variant suite reads three whole such dumps.)"""

from __future__ import annotations

from orvers.api import load
from orvers.parse.table.text.columnwise import is_column_dump
from orvers.read import read

_PAGE_1 = """Handlingsprogram 2026
1. Felles tiltak
Tiltak
1.1. Videreutvikle og styrke
påvirkningsarbeidet

1.2. Samarbeide tettere med
fylkeskommunene

Resultat- og effektmål
Resultatmål:
\uf0b7 Utviklet en strategi for
politisk påvirkning.
Effektmål:
\uf0b7 Regionens saker har fått
gjennomslag.
Resultatmål:
\uf0b7 Felles møteplasser og

Partnere
\uf0b7 KS
\uf0b7 næringsliv

\uf0b7
\uf0b7

Fylkeskommunene
Nasjonale og regionale
nettverk
"""
_PAGE_2 = """1.3. Bidra til viktig nøkkeltall

konkrete tiltak.
Effektmål:
\uf0b7 Større gjennomslagskraft
Resultatmål:
\uf0b7 Oppdatert Fakta Osloregionen

\uf0b7

Østlandssamarbeidet

\uf0b7
\uf0b7

FoU-miljøer
Kunnskapsintensive aktører
"""


def test_a_column_dump_is_put_together_row_by_row(tmp_path):
    path = tmp_path / "styret.txt"
    path.write_text(_PAGE_1 + "\f" + _PAGE_2 + "\f", encoding="utf-8")
    programme = load(path)
    assert programme.layout == "table"
    assert [m.id for m in programme.measures] == ["1.1", "1.2", "1.3"]
    m1, m2, m3 = programme.measures
    assert m1.title == "Videreutvikle og styrke påvirkningsarbeidet"
    assert m1.result_targets == ("Utviklet en strategi for politisk påvirkning.",)
    assert m1.effect_targets == ("Regionens saker har fått gjennomslag.",)
    assert m1.partners == ("KS", "næringsliv")
    # 1.2's row was cut by the page break: its targets and partners go on on page 2
    assert m2.result_targets == ("Felles møteplasser og konkrete tiltak.",)
    assert m2.effect_targets == ("Større gjennomslagskraft",)
    assert m2.partners == ("Fylkeskommunene", "Nasjonale og regionale nettverk",
                           "Østlandssamarbeidet")
    assert m3.title == "Bidra til viktig nøkkeltall"
    assert m3.result_targets == ("Oppdatert Fakta Osloregionen",)
    assert m3.partners == ("FoU-miljøer", "Kunnskapsintensive aktører")
    assert not any("line up" in w for w in programme.warnings)


def test_columns_that_do_not_add_up_are_named(tmp_path):
    path = tmp_path / "styret.txt"
    # the second target cell is lost: three titles, two target cells
    lost = _PAGE_2.replace("Resultatmål:\n\uf0b7 Oppdatert Fakta Osloregionen\n", "")
    path.write_text(_PAGE_1 + "\f" + lost + "\f", encoding="utf-8")
    warnings = load(path).warnings
    assert any("do not line up: 3 titles, 2 target cells" in w for w in warnings)


def test_line_by_line_texts_are_no_column_dump(board_path, tmp_path):
    # the bundled board text (an OCR layer, its columns interleaved line by line) and a
    # table with its header on one line, as pdftotext -layout prints it
    assert not is_column_dump(read(board_path).blocks)
    layout = tmp_path / "layout.txt"
    layout.write_text("Tiltak      Resultat- og effektmål     Partnere\n"
                      "1.1. Styrke  Resultatmål:               KS\n", encoding="utf-8")
    assert not is_column_dump(read(layout).blocks)
