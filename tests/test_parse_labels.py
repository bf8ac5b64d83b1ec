"""The label-block parser on the real 2025 programme (Tiltak: / Partnere: / Resultatmål:)."""

from __future__ import annotations

import pytest

from orvers.api import load


@pytest.fixture
def hp2025(hp2025_path):
    return load(hp2025_path)


def test_every_nonempty_tiltak_block_is_a_measure(hp2025, hp2025_path):
    text = hp2025_path.read_text(encoding="utf-8")
    assert text.count("Tiltak:") == 37  # 30 at line start, 7 after text or a tab; one empty
    assert hp2025.layout == "label-blocks"
    assert [m.id for m in hp2025.measures] == [f"T{i}" for i in range(1, 37)]
    assert all(m.id_source == "assigned" for m in hp2025.measures)
    assert any("empty 'Tiltak:' block skipped" in w for w in hp2025.warnings)
    assert all(m.partners and m.result_targets for m in hp2025.measures)


def test_blocks_on_one_line_separated_by_tabs(hp2025):
    m = next(m for m in hp2025.measures if m.title.startswith("Etablere en arbeidsgruppe som"))
    assert m.partners == ("Kommunene", "fylkeskommuner", "Norsk Vann",
                          "strategiske partnere for Oslofjorden")
    assert m.result_targets == (
        "Økt oppmerksomhet og gjennomslag for sterkere statlig satsing på Oslofjorden",)


def test_label_and_value_on_separate_lines(hp2025):
    first = hp2025.measures[0]
    assert first.title == "Påvirkningsarbeid overfor storting, regjering og offentlige myndigheter"
    assert first.result_targets == ("Osloregionen får større politisk gjennomslag",)
    assert hp2025.section(first.section).title == "Overordnede strategier"


def test_sub_bullets_are_children_and_partners_continue(hp2025):
    m = next(m for m in hp2025.measures if m.title.startswith("Klimasats-prosjektet"))
    assert m.children[0] == "Gjøre veilederen kjent, spre den til kommunene."
    assert len(m.children) == 3
    assert "Kystverket" in m.partners and "KS" in m.partners
    assert hp2025.section(m.section).title == "Tverrgående: Grønn næringstransport"


def test_missing_result_label_reads_line_as_result_target(hp2025):
    best = next(m for m in hp2025.measures if m.title == "BEST 2025")
    assert best.result_targets[0].startswith("Markering av Osloregionens 20-årsjubileum")
    assert "Forskningsmiljøer" in best.partners



def test_labels_as_an_ocr_layer_reads_them():
    from orvers.model import Block, Document
    from orvers.parse.labels import label, parse_labels

    lines = ["Tiltak: Samle kunnskap", "Partnere: KS, NHO", "Resultatmal: Holdt et møte",
             "Effektmai: Mer kunnskap"]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(lines, 1)))
    m = parse_labels(doc).measures[0]
    assert (m.result_targets, m.effect_targets) == (("Holdt et møte",), ("Mer kunnskap",))
    assert label("Tiitak: Dele data") == ("title", "Dele data")
    assert label("Merknad: ingen") is None and label("Partnerskap: KS") is None
    assert label("Partner: KS") == ("partners", "KS")  # one partner


def _labels(lines: list[str]):
    from orvers.model import Block, Document
    from orvers.parse import parse

    blocks = tuple(Block(text=t, page=1, line=n) for n, t in enumerate(lines, start=1))
    return parse(Document(path="x.pdf", format="pdf", blocks=blocks), "label-blocks")


def test_lines_wrapped_in_a_pdf_continue_their_sub_item_and_their_target():
    # printed from Word, a `-` sub-item and a result target wrap onto lines of their own
    programme = _labels([
        "Tiltak: Gjennomføre webinarer på aktuelle tema:",
        "- Osloregionen en drivkraft i arbeidet med arealanalyser. Ta i",
        "bruk felles verktøy og kunnskapsgrunnlag",
        "- Indirekte utslipp",
        "Partnere: Kommunene, NVE",
        "Resultatmål: Utvikle kart som viser sammenhengende kollektivsystem, og",
        "hvor det må jobbes for samordning av billettstruktur.",
        "Klima og miljø",
        "Tiltak: Erfaringsdeling om offentlige innkjøp",
        "Partnere: KS",
        "Resultatmål: Styrke kunnskapsgrunnlaget"])
    first, second = programme.measures
    assert first.title == "Gjennomføre webinarer på aktuelle tema:"
    assert first.children == ("Osloregionen en drivkraft i arbeidet med arealanalyser. Ta i "
                              "bruk felles verktøy og kunnskapsgrunnlag", "Indirekte utslipp")
    assert first.result_targets == ("Utvikle kart som viser sammenhengende kollektivsystem, og "
                                    "hvor det må jobbes for samordning av billettstruktur.",)
    assert [s.title for s in programme.sections] == ["Klima og miljø"]
    assert second.section == programme.sections[0].id


def test_a_pdf_line_that_wrapped_goes_on_even_opening_with_a_capital():
    # the 2025 programme in landscape serif (LibreOffice PDF): a target's rest opens with a
    # name, a partner's rest with a bracket; neither is a heading nor a partner of its own
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files" / "hp2025-logo-wide-pdf.pdf")
    assert p.measure("T33").result_targets[0].endswith(
        "som medlemmene i Osloregionen ønsker internasjonalt profilert")
    assert "Masseforvaltning – Porfyr (Bærum)" in p.measure("T23").partners
    assert "(Bærum)" not in p.measure("T23").partners
    assert not any(s.title.startswith("Osloregionen ønsker") for s in p.sections)


def test_numbered_tiltak_labels_give_the_ids(tmp_path):
    text = ("Handlingsprogram 2027\n\nTiltak 1: Etablere et nettverk for næringssjefer\n"
            "Resultatmål: To samlinger i året\n\nTiltak 2: Kartlegge næringsarealer\n\n"
            "Tiltak nr. 3: Arrangere en ryddedag\nPartnere: Kommunene, Oslofjordens "
            "Friluftsråd\n")
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    p = load(path)
    assert p.layout == "label-blocks"
    assert [(m.id, m.id_source) for m in p.measures] == [("1", "document"), ("2", "document"),
                                                         ("3", "document")]
    assert p.measure("1").result_targets == ("To samlinger i året",)
    assert p.measure("3").title == "Arrangere en ryddedag"
    # a number missing on one label: ids assigned in order, and said
    path.write_text(text.replace("Tiltak 2:", "Tiltak:"), encoding="utf-8")
    p = load(path)
    assert [m.id for m in p.measures] == ["T1", "T2", "T3"]
    assert any("carry a number and some do not" in w for w in p.warnings)


def test_bullets_under_a_label_are_its_items_not_headings(tmp_path):
    # a short bulleted target was read as the next section's heading, and its text lost
    text = ("Handlingsprogram 2027\n\nTiltak: Etablere et nettverk\nResultatmål:\n"
            "• To samlinger i året\n• Rapport lagt fram\nPartnere:\n• KS\n• NHO, LO\n\n"
            "Tiltak: Kartlegge næringsarealer\nResultatmål: Kartlegging levert\n• Rapport\n"
            "Effektmål: Bedre arealbruk\nPartnere: Kommunene\n\n"
            "Tiltak: Dele erfaringer\nResultatmål: Webinar holdt\nPartnere: NAV\n")
    p = _loaded(tmp_path, text)
    assert [(m.result_targets, m.partners) for m in p.measures] == [
        (("To samlinger i året", "Rapport lagt fram"), ("KS", "NHO", "LO")),
        (("Kartlegging levert", "Rapport"), ("Kommunene",)),
        (("Webinar holdt",), ("NAV",))]
    assert len(p.sections) == 1


def test_short_target_labels_are_labels(tmp_path):
    # "Resultat:" / "Effekt:" said for Resultatmål / Effektmål
    text = ("Handlingsprogram 2027\n\nTiltak: Etablere et nettverk\nResultat: To samlinger\n"
            "Effekt: Mer samordnet næringspolitikk\nPartnere: KS\n\n"
            "Tiltak: Kartlegge næringsarealer\nResultat: Kartlegging levert\n\n"
            "Tiltak: Dele erfaringer\nEffekt: Bedre arealbruk\n")
    p = _loaded(tmp_path, text)
    assert [(m.title, m.result_targets, m.effect_targets) for m in p.measures] == [
        ("Etablere et nettverk", ("To samlinger",), ("Mer samordnet næringspolitikk",)),
        ("Kartlegge næringsarealer", ("Kartlegging levert",), ()),
        ("Dele erfaringer", (), ("Bedre arealbruk",))]


@pytest.mark.parametrize(("partners", "result", "effect"), [
    ("Samarbeidspartnere", "Resultatmål", "Effektmål"),
    ("Partnarar", "Mål for resultat", "Mål for effekt"),  # nynorsk, and targets said longer
    ("Aktører", "Resultatmål 2027", "Effektmål 2027–2030"),
])
def test_fields_labelled_other_ways(tmp_path, partners, result, effect):
    # before: an unknown partners label went into the result target before it (or the
    # title), and "Mål for resultat:" into the partners, silently
    text = "Handlingsprogram 2027\n\n" + "".join(
        f"Tiltak: {title}\n{result}: {r}\n{effect}: {e}\n{partners}: {who}\n\n"
        for title, r, e, who in (
            ("Etablere et nettverk", "To samlinger", "Mer samordning", "KS, NHO"),
            ("Kartlegge næringsarealer", "Kartlegging levert", "Bedre arealbruk", "Kommunene"),
            ("Dele erfaringer", "Webinar holdt", "Mer kunnskap", "NAV")))
    p = _loaded(tmp_path, text)
    assert [(m.title, m.result_targets, m.effect_targets, m.partners) for m in p.measures] == [
        ("Etablere et nettverk", ("To samlinger",), ("Mer samordning",), ("KS", "NHO")),
        ("Kartlegge næringsarealer", ("Kartlegging levert",), ("Bedre arealbruk",),
         ("Kommunene",)),
        ("Dele erfaringer", ("Webinar holdt",), ("Mer kunnskap",), ("NAV",))]
    assert not p.warnings


def test_a_year_after_tiltak_heads_a_table_not_a_measure(tmp_path):
    # "Tiltak 2025: Resultatmål: Partnere:" is the 2025 programme's overview header
    text = ("Handlingsprogram 2025\n\nTiltak 2025: Resultatmål:\tPartnere:\n\n"
            "Tiltak: Etablere et nettverk\nResultatmål: To samlinger\nPartnere: KS\n\n"
            "Tiltak: Dele erfaringer\nResultatmål: Webinar holdt\nPartnere: NAV\n\n"
            "Tiltak: Kartlegge arealer\nResultatmål: Kartlegging\nPartnere: NHO\n")
    p = _loaded(tmp_path, text)
    assert [m.title for m in p.measures] == ["Etablere et nettverk", "Dele erfaringer",
                                             "Kartlegge arealer"]


def test_fields_of_no_measure_are_left_out_and_named(tmp_path):
    # "Ansvar:", "Frist:", "Status:" under a measure: before, read as a target or as the
    # next section's heading, silently
    text = ("Handlingsprogram 2027\n\nNæring\n\n"
            "Tiltak: Etablere et nettverk\nResultatmål: To samlinger\nPartnere: KS, NHO\n"
            "Ansvar: Sekretariatet\nFrist: Desember 2027\n\n"
            "Tiltak: Kartlegge næringsarealer\nResultatmål: Kartlegging levert\n"
            "Ansvar: Faggruppe næring\nPartnere: Kommunene\n\nKlima\n\n"
            "Tiltak: Dele erfaringer\nResultatmål: Webinar holdt\nStatus: Pågår\n"
            "Partnere: NAV\n")
    p = _loaded(tmp_path, text)
    assert [(m.title, m.result_targets, m.partners) for m in p.measures] == [
        ("Etablere et nettverk", ("To samlinger",), ("KS", "NHO")),
        ("Kartlegge næringsarealer", ("Kartlegging levert",), ("Kommunene",)),
        ("Dele erfaringer", ("Webinar holdt",), ("NAV",))]
    assert [p.section(m.section).title for m in p.measures] == ["Næring", "Næring", "Klima"]
    assert p.warnings == (
        "lines labelled 'Ansvar' name no field of a measure: left out (measures T1, T2)",
        "lines labelled 'Frist' name no field of a measure: left out (measure T1)",
        "lines labelled 'Status' name no field of a measure: left out (measure T3)")


def test_headings_printed_with_numbers_give_the_section_ids(tmp_path):
    text = ("Handlingsprogram 2027\n\n1. Næring\n\nTiltak: Etablere et nettverk\n"
            "Partnere: KS\n\nTiltak: Kartlegge arealer\nPartnere: NHO\n\n"
            "Kapittel 2: Klima og miljø\n\nTiltak: Dele erfaringer\nPartnere: NAV\n")
    p = _loaded(tmp_path, text)
    assert [(s.id, s.title) for s in p.sections] == [("1", "Næring"), ("2", "Klima og miljø")]
    assert [m.section for m in p.measures] == ["1", "1", "2"]


@pytest.mark.parametrize("name", ["hp2025-forms-docx.docx", "hp2025-forms-unruled-pdf.pdf"])
def test_a_heading_after_the_partners_is_a_heading(name):
    # the 2025 programme as forms, partners last: a heading with a comma ("…Oslofjorden,
    # vann og vassdrag") was read as two more partners, its measures put in the section
    # before. Word's heading style, a PDF's larger type say it is a heading.
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files" / name)
    headings = [s.title for s in p.sections]
    assert len(headings) == 7
    assert "S5. Tverrgående: Miljøtilstanden i Oslofjorden, vann og vassdrag" in headings
    assert not any("vassdrag" in x for m in p.measures for x in m.partners)


def test_partner_lists_split_at_commas_outside_brackets_others_kept_with_the_name():
    from orvers.parse.labels import split_partners

    assert split_partners("Viken (Asker, Bærum), KS, NHO og LO mm") == [
        "Viken (Asker, Bærum)", "KS", "NHO og LO mm"]
    # "mfl", "m.fl.", "osv" say "and others": no partner of their own
    assert split_partners("Kommunene, fylkene, mfl") == ["Kommunene", "fylkene, mfl"]
    assert split_partners("KS, m.fl.") == ["KS, m.fl."]


def _loaded(tmp_path, text: str):
    path = tmp_path / "programme.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)
