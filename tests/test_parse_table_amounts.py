"""Numbered tables that hold no measures (a budget, a meeting plan) beside the measure tables:
their rows are a few words and an amount or a date, and are left out with a warning naming
them. (The variant suite reads the board with such tables as DOCX, PDF and text.)"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from orvers.api import load
from orvers.parse.amounts import is_amount


def _table(document, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


_MEASURES = [
    ("1.1. Samle kunnskap om flom og ras i regionen",
     "Resultatmål:\nGjennomført to møter med kommunene.\nEffektmål:\nBedre beredskap.",
     "KS\nNVE"),
    ("1.2. Dele data om flomsoner mellom kommunene",
     "Resultatmål:\nEtablert en felles portal.", "Kartverket"),
    ("1.3. Lage kart over skredfare for alle kommunene",
     "Resultatmål:\nLaget tre kart.", "NVE\nDSB"),
]


def _programme(tmp_path: Path, *extra: tuple[str, list[tuple[str, ...]]]) -> Path:
    document = docx.Document()
    document.add_heading("1. Beredskap", level=1)
    _table(document, _MEASURES)
    for heading, rows in extra:
        document.add_heading(heading, level=1)
        _table(document, rows)
    path = tmp_path / "programme.docx"
    document.save(str(path))
    return path


def test_a_budget_and_a_meeting_plan_numbered_like_measures_are_left_out(tmp_path):
    p = load(_programme(
        tmp_path,
        ("2. Budsjett", [("1.1 Kontingent", "200 000"), ("1.2 Prosjektmidler", "kr 650 000"),
                         ("2.1 Lønn og sosiale kostnader", "1 950 000")]),
        ("3. Møteplan", [("3.1", "Styremøte", "12. februar 2026"),
                         ("3.2", "Representantskapsmøte", "18. juni 2026")])))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    assert p.measures[0].title == "Samle kunnskap om flom og ras i regionen"
    assert [s.id for s in p.sections] == ["1"]
    assert any(w.startswith("numbered rows 1.1, 1.2, 2.1, 3.1, 3.2:") for w in p.warnings)


def test_a_single_row_of_words_and_an_amount_stays_but_is_named(tmp_path):
    p = load(_programme(tmp_path, ("2. Annet", [("2.1 Kontingent", "200 000")])))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3", "2.1"]
    assert any(w.startswith("measure 2.1: a few words and an amount") for w in p.warnings)


def test_measures_whose_targets_hold_numbers_stay_measures(tmp_path):
    p = load(_programme(tmp_path, ("2. Samferdsel", [
        ("2.1 Følge opp Nasjonal transportplan", "Resultatmål:\n2029-2040", "SVV"),
        ("2.2 Delta i arbeidet med ny regional plan for areal og transport",
         "Resultatmål:\nMinst 15 kommuner har deltatt.\n80 %", "Fylkene")])))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3", "2.1", "2.2"]


@pytest.mark.parametrize(("text", "amount"), [
    ("2 400 000", True), ("kr 45 000", True), ("12. februar 2026", True), ("15 %", True),
    ("Gjennomført 2 møter", False), ("Minst 15 kommuner", False), ("KS", False),
])
def test_an_amount_or_a_date_is_digits_with_hardly_a_word(text, amount):
    assert is_amount(text) is amount


def test_an_outline_leaves_out_its_numbered_lines_of_amounts_and_dates(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(
        "1. Beredskap\n1.1. Samle kunnskap om flom og ras i regionen\n"
        "1.2. Dele data om flomsoner mellom kommunene\n1.3. Lage kart over skredfare\n"
        "2. Budsjett\n2.1. Kontingent 2 400 000\n2.2. Prosjektmidler kr 650 000\n"
        "3. Møteplan\n3.1. Styremøte 12. februar 2026\n3.2. Representantskapsmøte 18. juni\n"
        "4. Samferdsel\n4.1. Oppstart av arbeidet med NTP (2029-2040)\n"
        "4.2. Følge opp handlingsplan 2025-2028\n", encoding="utf-8")
    p = load(path)
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3", "4.1", "4.2"]
    assert any(w.startswith("numbered rows 2.1, 2.2, 3.1, 3.2:") for w in p.warnings)
