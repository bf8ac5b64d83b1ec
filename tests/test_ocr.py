"""OCR repair of Norwegian letters on the board recommendation's text layer."""

from __future__ import annotations

import pytest
from conftest import corpus_file

from orvers.api import load
from orvers.ocr import build_lexicon, needs_repair, repair, repair_programme

CLEAN = ("utkast", "workshop", "hp2025", "strategi")


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(tuple(corpus_file(c).read_text(encoding="utf-8") for c in CLEAN))


@pytest.mark.parametrize(("read", "meant"), [
    # hand-checked against the board text (lines 40, 41, 49, 60, 71 of the corpus file)
    ("som fglger av samarbeidsavtalen", "som følger av samarbeidsavtalen"),
    ("1. Drgfte felles saker", "1. Drøfte felles saker"),
    ("Gjennomfgre aktiviteter med sikte", "Gjennomføre aktiviteter med sikte"),
    ("erfaringsoverfgring, laering, og", "erfaringsoverføring, læring, og"),
    ("baerekraftsmal.", "bærekraftsmål."),
    ("0g na sine", "og nå sine"),
    ("Jkt samarbeid", "Økt samarbeid"),
    ("Dstlandet", "Østlandet"),
    ("FoU-miljger, nzeringsliv", "FoU-miljøer, næringsliv"),
    ("| 2025 ble det", "I 2025 ble det"),
    ("som bidrar til & styrke maloppnaelsene", "som bidrar til å styrke måloppnåelsene"),
])
def test_board_words_are_repaired(lexicon, read, meant):
    assert repair(read, lexicon) == meant


def test_clean_text_is_unchanged(lexicon):
    text = corpus_file("utkast").read_text(encoding="utf-8")
    assert repair(text, lexicon) == text


@pytest.mark.parametrize("word", ["mal", "pa", "Pkt"])
def test_ambiguous_words_without_context_stay(lexicon, word):
    # mal is both "mål" and "mal" (template), pa both "på" and "pa"; no deciding context here
    assert repair(word, lexicon) == word


def test_board_programme_is_repaired_and_keeps_raw_title(lexicon):
    board = load(corpus_file("styret"), repair_ocr=False)
    assert needs_repair(board, lexicon)
    fixed, report = repair_programme(board, lexicon)
    assert report.words_changed > 100
    first = fixed.measure("1.1")
    assert "påvirkningsarbeid" in first.title and "pavirkningsarbeid" in first.raw_title
    assert "FoU-miljøer" in first.partners and "næringsliv" in first.partners


def test_clean_programmes_do_not_need_repair(lexicon):
    for label in ("utkast", "workshop", "hp2025"):
        assert not needs_repair(load(corpus_file(label)), lexicon)


def test_missing_word_list_warns(tmp_path):
    lexicon = build_lexicon(("følger møte",), wordlist=tmp_path / "none")
    assert repair("fglger mgte", lexicon) == "følger møte"
    assert lexicon.warnings and "not found" in lexicon.warnings[0]


def test_load_repairs_the_board_and_says_so():
    board = load(corpus_file("styret"))
    assert "påvirkningsarbeid" in board.measure("1.1").title
    assert any("OCR text layer" in w for w in board.warnings)
