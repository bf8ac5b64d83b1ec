"""The bullet-notes parser on the real workshop notes (29 Aug 2025, revised 9 Sep 2025)."""

from __future__ import annotations

import pytest

from orvers.api import load


@pytest.fixture(scope="module")
def workshop():
    from conftest import corpus_file
    return load(corpus_file("workshop"))


def _find(programme, start):
    return next(m for m in programme.measures if m.title.startswith(start))


def test_layout_ids_and_area_sections(workshop):
    assert workshop.layout == "bullet-notes"
    assert [m.id for m in workshop.measures] == [f"W{i}" for i in range(1, 67)]
    assert all(m.id_source == "assigned" for m in workshop.measures)
    titles = [s.title for s in workshop.sections]
    for heading in ("Politiske prioriteringer", "Innsatsområder", "Tverrgående temaer",
                    "Klima, miljø og natur", "Transport og mobilitet", "Sirkulærøkonomi",
                    "Miljøtilstanden i Oslofjorden, vann og vassdrag", "Andre innspill"):
        assert heading in titles
    assert not any(t.startswith(("B)", "C)", "Regelverk")) for t in titles)
    assert "Regionale KI-sentere" not in titles


def test_rows_that_lost_their_bullets_are_proposals(workshop):
    ki = _find(workshop, "Regionale KI-sentere")
    assert ki.section == "Kokurransekraft og næringsutvikling"
    helse = _find(workshop, "Utviklingsprosjekt på tvers av kommunene innen helsenæringen")
    assert int(ki.id[1:]) == int(helse.id[1:]) + 1
    plan = _find(workshop, "Regional areal- og transportplan for Osloregionen")
    assert plan.section == "By- og regionutvikling"
    assert not _find(workshop, "Bidra til bedre samordning").title.endswith("Osloregionen")


def test_short_bullet_before_a_wide_one_is_a_proposal_not_a_target(workshop):
    meeting = _find(workshop, "Møte med alle arealplanleggere i regionen")
    assert meeting.section == "By- og regionutvikling"
    assert not any("arealplanleggere" in t for m in workshop.measures
                   for t in m.result_targets + m.effect_targets)
    renewable = _find(workshop, "Utarbeide felles kunnskapsgrunnlag og samarbeide")
    assert len(renewable.result_targets) == 3 and len(renewable.effect_targets) == 5


def test_proposal_column_text_inside_a_target_stays_with_the_proposal(workshop):
    scan = _find(workshop, 'Forprosjekt "Circle scan"')
    assert "Samle kommuner og ordførere" in scan.title
    assert scan.result_targets[0].endswith("erfaringsdeling og samrbeid.")
    assert not any("ordførere" in t for t in scan.result_targets)


def test_skog_eu_project_has_targets_and_partners(workshop):
    skog = _find(workshop, "Prosjekt - Skog (skogpleie/skogsdrift) - EU-prosjekt")
    assert skog.section == "Klima, miljø og natur"
    assert skog.result_targets == ("Kunnskapsøkning i befokning/skogeiere/kommunene.",)
    assert skog.effect_targets == ("økt kunnskap blant skogeierne i Osloregionen",)
    assert skog.partners == ("NMBU", "Norges skogeierlag", "landbrukskontorer")


def test_targets_split_in_mid_line_and_lettered_items(workshop):
    natur = _find(workshop, "Natur i by")
    assert natur.result_targets[0].startswith("Kunnskap om muligheter og metodikk for "
                                              "revegetering av grå flater")
    assert natur.effect_targets[0].startswith("Økt robusthet mot klimaendringer")
    komm = _find(workshop, "Samarbeide om kommunikasjon rundt hvorfor")
    assert [t[:2] for t in komm.result_targets] == ["a)", "b)", "c)"]
    assert komm.effect_targets == ("Få ned P og N i vannet og få en friskere fjord",)
    gange = _find(workshop, "Utfordre fylkeskommuner og SVV")
    assert gange.partners == ("Østlandssamarbeidet", "veiieierbit av FK", "SVV")
    assert [t[:2] for t in gange.result_targets] == ["A)", "B)"]
    assert [t[:2] for t in gange.effect_targets] == ["A)", "B)"]


def test_pilot_ideas_are_proposals_with_dash_children(workshop):
    assert _find(workshop, "Naturrestaurering").section == "Overordna strategier"
    utenforskap = _find(workshop, "Utenforskap og gjøre klar til jobb")
    assert len(utenforskap.children) == 4
    assert utenforskap.children[0].startswith("lære og trene på digitale verktøy")
    ryddedag = _find(workshop, "Arrangement: Arrangere felles ryddedag")
    assert ryddedag.title.endswith("fjerne fremmedarter (invasive planter)")


def test_pilot_ideas_name_the_proposal_they_are_listed_under(workshop):
    testbed = _find(workshop, "Være aktiv på å søke midler")  # "… testbed for bl.a.:"
    pilots = [m.title.split()[0] for m in workshop.measures if m.parent == testbed.id]
    assert pilots == ["Rensemoduler", "Naturrestaurering", "Utenforskap", "Beredskap",
                      "Tilgjengeliggjøring"]
    assert testbed.parent is None and _find(workshop, "Utenforskap").children  # `-` stay text
    assert _find(workshop, "Regionale KI-sentere").parent is None  # a row, not a sub-item


def test_other_input_items_are_proposals(workshop):
    andre = [m for m in workshop.measures if m.section == "Andre innspill"]
    assert [m.title[:20] for m in andre] == [
        "Skulle hatt trafikkl", "Utmelding av Osloreg", "Slå sammen Osloregio"]


def test_workshop_notes_as_word_bullets_in_a_pdf():
    # LibreOffice PDF of notes in List Bullet / List Bullet 2: Symbol-font glyphs, the
    # pilot ideas set in further; a bullet's wrapped short last line is no heading
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files" / "workshop-bullets-pdf.pdf")
    assert p.layout == "bullet-notes" and len(p.measures) == 66
    assert sum(1 for m in p.measures if m.parent) == 7
    assert p.measure("W21").title.endswith("samarbeid mellom regioner/kommuner. "
                                           "Regioner og kommuner")
    assert "Regioner og kommuner" not in {s.title for s in p.sections}


def test_workshop_notes_in_word_list_bullet_styles_keep_pilot_ideas_under_proposals():
    # python-docx: proposals in List Bullet, pilot ideas in List Bullet 2 (level 0 of a list
    # of its own, set in further): the indent tells the depth
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files" / "workshop-bullets-docx.docx")
    assert len(p.measures) == 66
    children = [m for m in p.measures if m.parent]
    assert len(children) == 7
    assert all(p.measure(m.parent).parent is None for m in children)


@pytest.mark.parametrize("name", ["workshop-numbered-docx.docx", "workshop-numbered-pdf.pdf",
                                  "workshop-list-number-docx.docx",
                                  "workshop-list-number-pdf.pdf",
                                  "workshop-bracket-numbers-wide-pdf.pdf"])
def test_notes_numbering_their_proposals_keep_pilot_ideas_under_them(workshop, name):
    # proposals "1. …" / "1) …" per area or Word's List Number, pilot ideas as bullets under
    # them: before, only the 7 pilot ideas were found, as proposals
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files" / name)
    assert p.layout == "bullet-notes"
    assert [(m.id, m.parent, m.section) for m in p.measures] == \
        [(m.id, m.parent, m.section) for m in workshop.measures]
    # the date opening the notes' title ("29. august 2025 - …") is no proposal
    assert not p.measure("W1").title.startswith("august")
    # a proposal's last line after a full stop stays its text, no partner list
    assert not any(m.partners for m in p.measures)


def test_numbered_headings_over_bullets_stay_headings(tmp_path):
    text = ("Innspill fra gruppene\n\n1. Næring\n* Etablere et nettverk for næringssjefer i "
            "regionen\n* Kartlegge næringsarealer\n\n2. Klima\n* Dele erfaringer om "
            "klimatilpasning\n* Kartlegge overvann\n\n3. Transport\n* Arrangere et seminar om "
            "godstransport\n* Følge jernbanestudiene\n")
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    p = load(path)
    assert [(m.title, m.section) for m in p.measures] == [
        ("Etablere et nettverk for næringssjefer i regionen", "1. Næring"),
        ("Kartlegge næringsarealer", "1. Næring"),
        ("Dele erfaringer om klimatilpasning", "2. Klima"), ("Kartlegge overvann", "2. Klima"),
        ("Arrangere et seminar om godstransport", "3. Transport"),
        ("Følge jernbanestudiene", "3. Transport")]
