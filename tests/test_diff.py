"""Field-level changes of linked measures: title diff, targets, partners (names normalised)."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from orvers.diff import changes, partner_key, side, word_diff
from orvers.model import Measure


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
