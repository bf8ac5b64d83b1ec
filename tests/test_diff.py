"""Field-level changes of linked measures: title diff, targets, partners (names normalised)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from orvers.diff import changes, partner_key, side, word_diff
from orvers.model import Measure
from orvers.ocr.wordlist import load_wordlist


def test_word_diff_rebuilds_both_sides():
    old = "Vurdere prosjekt om massehåndtering i regionen"
    new = "Vurdere å etablere prosjekt om massehåndtering i hele regionen"
    ops = word_diff(old, new)
    assert side(ops, "-") == old and side(ops, "+") == new
    assert ("+", "å etablere ") in ops


@pytest.mark.parametrize("a,b", [
    ("Statens vegvesen", "SVV"),
    ("fylkeskommune", "FK"),
    ("Bane NOR m.fl.", "bane  nor"),
    ("Bane NOR, ", "Bane NOR mfl"),
    ("Jernbanedirektoratet", "JDIR"),
])
def test_partner_names_normalised(a, b):
    assert partner_key(a) == partner_key(b)


def test_partner_changes_ignore_spelling_variants():
    old = Measure("1", "Tiltak", None, partners=("SVV", "Bane NOR m.fl.", "Kommunene,"))
    new = Measure("1", "Tiltak", None, partners=("Statens vegvesen", "Bane NOR", "NHO"))
    ch = changes(old, new)
    assert ch.partners_added == ("NHO",)
    assert ch.partners_removed == ("Kommunene,",)


def test_targets_reworded_are_matched_among_themselves():
    old = Measure("1", "T", None, result_targets=(
        "Gjennomført minst 2 webinarer om energi", "Utarbeidet en rapport om kraftbehov"))
    new = Measure("1", "T", None, result_targets=(
        "Gjennomført minst 3 webinarer om energi", "Etablert et nettverk for energirådgivere"))
    ch = changes(old, new)
    assert ch.result_targets_reworded == (("Gjennomført minst 2 webinarer om energi",
                                           "Gjennomført minst 3 webinarer om energi"),)
    assert ch.result_targets_added == ("Etablert et nettverk for energirådgivere",)
    assert ch.result_targets_removed == ("Utarbeidet en rapport om kraftbehov",)


# Partners of five board measures as printed in the board document (styret, typed by hand
# with correct spelling; the draft lists no partners at all, so all are added).
BOARD_PARTNERS = {
    "1.2": ["Fylkeskommunene", "Østlandssamarbeidet"],
    "2.1.2": ["Medlemskommuner", "Innovasjon Norge", "næringsklynger og andre"],
    "2.2.2": ["Sintef", "Meteorologisk institutt", "UiO",
              "Bente Bye og partnere i Spania og Irland",
              "andre relevante fagmiljø i Osloregionen"],
    "2.3.1": ["Jernbanedirektoratet", "Bane NOR", "fylkeskommune", "interesseorganisasjoner"],
    "3.4.2": ["Fylkeskommuner", "Vannområder", "FoU-miljøer", "Næringsaktører"],
}


def test_partners_added_draft_to_board_checked_by_hand():
    from conftest import corpus_file

    from orvers.api import load
    from orvers.match import compare

    c = compare(load(corpus_file("utkast")), load(corpus_file("styret")))
    by_new = {lk.new: lk for lk in c.links if lk.old and lk.new}
    for new_id, expected in BOARD_PARTNERS.items():
        got = by_new[new_id].changes
        assert got.partners_removed == ()
        assert len(got.partners_added) == len(expected), new_id
        for name, want in zip(got.partners_added, expected, strict=True):
            assert fuzz.ratio(name.casefold(), want.casefold()) >= 75, (new_id, name, want)


needs_word_list = pytest.mark.skipif(not load_wordlist().words, reason="no word list installed")
# how the board's OCR layer reads ø, æ and a capital Ø (fglge, naeringsliv, Jstlandet)
OCR_NOISE = str.maketrans({"ø": "g", "æ": "ae", "Ø": "J"})


@needs_word_list
@pytest.mark.parametrize("label", ["utkast", "hp2025"])
def test_a_title_against_its_ocr_read_self_shows_no_change(label):
    from conftest import corpus_file

    from orvers.api import load

    for m in load(corpus_file(label)).measures:
        read = m.title.translate(OCR_NOISE)
        ops = word_diff(m.title, read, ocr_noise=True)
        assert [op for op, _ in ops] == ["="], m.id
        assert side(ops, "+") == read


@needs_word_list
def test_a_real_change_beside_ocr_noise_still_shows():
    old = "Følge opp kollektivstudie, fjerntogstrategi og godsstrategi mot 2050"
    new = "Folge opp kollektivstudie, fierntogstrategi og godsstrateqi mot 2060"
    ops = word_diff(old, new, ocr_noise=True)
    assert [op for op, _ in ops if op != "="] == ["-", "+"]
    assert ("-", "2050") in ops and ("+", "2060") in ops
    assert side(ops, "+") == new


@needs_word_list
@pytest.mark.parametrize(("old", "new"), [
    ("Bane NOR for å", "Bane NOR før å"),  # two dictionary words: a change, not noise
    ("Gjennomføre et webinar", "Gjennomføre en webinar"),  # t/n is no OCR confusion
    ("Statens vegvesen", "statens vegvesen"),  # a change of case
])
def test_words_differing_on_purpose_still_show(old, new):
    ops = word_diff(old, new, ocr_noise=True)
    assert any(op != "=" for op, _ in ops)
    assert side(ops, "-") == old and side(ops, "+") == new


def test_without_ocr_noise_the_diff_keeps_both_texts():
    # the redline rejects to the old text: its diff keeps every letter of both
    old, new = "Følge opp godsstrategi", "Folge opp godsstrateqi"
    ops = word_diff(old, new)
    assert side(ops, "-") == old and side(ops, "+") == new


@needs_word_list
def test_targets_differing_by_ocr_noise_are_unchanged():
    old = Measure("1", "T", None, result_targets=(
        "Gjennomført møter med fylkeskommuner og Bane NOR", "Arrangert en workshop"))
    new = Measure("1", "T", None, result_targets=(
        "Gjennomfgrt mgter med fylkeskommuner og Bane NQR", "Arrangert to workshoper"))
    ch = changes(old, new)
    assert ch.result_targets_reworded == (("Arrangert en workshop", "Arrangert to workshoper"),)
    assert ch.result_targets_added == () and ch.result_targets_removed == ()
    assert [op for op, _ in changes(Measure("1", "Følge opp", None),
                                    Measure("1", "Folge opp", None)).title] == ["="]
