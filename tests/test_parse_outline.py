"""The numbered-outline parser on the real draft (utkast til handlingsprogram 2026)."""

from __future__ import annotations

import re

import pytest

from orvers.api import load
from orvers.model import Block, Document
from orvers.parse.outline import parse_outline

EXPECTED_IDS = (
    [f"2.{i}" for i in range(1, 6)]
    + [f"3.1.{i}" for i in range(1, 5)] + [f"3.2.{i}" for i in range(1, 5)]
    + [f"3.3.{i}" for i in range(1, 6)] + [f"3.4.{i}" for i in range(1, 3)]
    + [f"4.1.{i}" for i in range(1, 3)] + [f"4.2.{i}" for i in range(1, 5)]
    + [f"4.3.{i}" for i in range(1, 4)] + [f"4.4.{i}" for i in range(1, 4)] + ["4.5.1"]
)


def test_draft_measure_ids_exactly(draft_path):
    programme = load(draft_path)
    assert programme.layout == "outline"
    assert [m.id for m in programme.measures] == EXPECTED_IDS
    assert all(m.id_source == "document" for m in programme.measures)


def test_draft_political_priorities_are_sections_not_measures(draft_path):
    programme = load(draft_path)
    sections = {s.id: s for s in programme.sections}
    assert [s.id for s in programme.sections] == [
        "1", "1.1", "1.2", "1.3", "2", "3", "3.1", "3.2", "3.3", "3.4",
        "4", "4.1", "4.2", "4.3", "4.4", "4.5"]
    assert sections["1.1"].title == "Oslofjorden" and sections["1.1"].parent == "1"
    assert sections["3.2"].title == "Klima, miljø og natur" and sections["3.2"].parent == "3"
    assert sections["4.4"].title == "Miljøtilstanden i Oslofjorden, vann og vassdrag"


def test_draft_titles_join_wrapped_lines(draft_path):
    programme = load(draft_path)
    assert programme.measure("3.3.1").title == (
        "Følge opp Jernbanedirektoratets utredninger om jernbane mot 2050; kollektivstudie, "
        "fjerntogstrategi, godsstrategi")
    assert programme.measure("3.2.4").title.startswith(
        "Arrangere felles ryddedag blant kommunene i Osloregionen med mål om å fjerne "
        "fremmedarter (invasive planter).")
    assert "innsatsområdene By- og regionutvikling" in programme.measure("3.2.2").title
    assert programme.measure("4.5.1").title.endswith(
        "tiltrekke kompetanse, investeringer og samarbeid.")
    assert programme.measure("2.2").title == "Samarbeide tettere med fylkeskommunene i Osloregionen"


def test_draft_measures_sit_in_their_sections_without_targets(draft_path):
    programme = load(draft_path)
    assert programme.measure("3.2.4").section == "3.2"
    assert programme.measure("2.1").section == "2"
    assert all(not m.partners and not m.result_targets for m in programme.measures)
    assert not any("•" in m.title or "Å bli" in m.title for m in programme.measures)


def test_label_is_set(draft_path):
    assert load(draft_path, label="utkast").label == "utkast"


def test_word_automatic_numbering_is_read_from_list_labels():
    from orvers.model import Block, Document
    from orvers.parse import parse

    rows = [("", "Handlingsprogram"), ("3.", "Innsatsområder"), ("3.1.", "Klima og natur"),
            ("3.1.1.", "Arrangere felles ryddedag blant"), ("", "kommunene i regionen"),
            ("3.1.2.", "Kartlegge økologiske korridorer"), ("3.2.", "Transport"),
            ("3.2.1.", "Følge opp jernbaneutredninger")]
    blocks = tuple(Block(text=t, page=1, line=n, kind="paragraph", list_label=label,
                         list_level=label.count(".") - 1 if label else None)
                   for n, (label, t) in enumerate(rows, start=1))
    programme = parse(Document(path="x.docx", format="docx", blocks=blocks))
    assert programme.layout == "outline"
    assert [m.id for m in programme.measures] == ["3.1.1", "3.1.2", "3.2.1"]
    title = programme.measure("3.1.1").title
    assert title == "Arrangere felles ryddedag blant kommunene i regionen"
    assert [s.id for s in programme.sections] == ["3", "3.1", "3.2"]


def _outline(lines: list[str]):
    from orvers.model import Block, Document
    from orvers.parse import parse

    blocks = tuple(Block(text=t, page=1, line=n, kind="line")
                   for n, t in enumerate(lines, start=1))
    return parse(Document(path="x.txt", format="txt", blocks=blocks), "outline")


def test_sibling_bare_names_are_topics_but_a_lone_short_measure_is_a_measure():
    programme = _outline([
        "1. Politiske prioriteringer", "1.1. Oslofjorden", "1.2. Kraft og energi",
        "2. Tiltak", "2.1. Arrangere BEST 2026", "2.2. Samarbeide tettere med fylkeskommunene",
        "3. Transport", "3.1. NTP-gruppe"])
    assert [m.id for m in programme.measures] == ["2.1", "2.2", "3.1"]
    assert {"1.1", "1.2"} <= {s.id for s in programme.sections}


def test_numbers_of_any_width_each_start_a_measure():
    # chapters 124–125 and measures past 9 (3.10.12): each number its own item, none merged
    lines = ["Handlingsprogram 2030", "124. Tidligere kapittel"]
    lines += [f"124.{k}. Tiltak nummer {k} i kapittel 124." for k in range(1, 4)]
    lines += ["125. Nytt kapittel", "125.10. Underavsnitt ti"]
    lines += [f"125.10.{k}. Tiltak nummer {k} i avsnitt ti." for k in range(1, 13)]
    doc = Document("wide.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(lines, 1)))
    programme = parse_outline(doc)
    assert [m.id for m in programme.measures] == (
        [f"124.{k}" for k in range(1, 4)] + [f"125.10.{k}" for k in range(1, 13)])
    assert programme.measure("125.10.12").title == "Tiltak nummer 12 i avsnitt ti."
    assert programme.measure("125.10.12").section == "125.10"


def test_automatic_numbers_printed_apart_and_out_of_order_find_their_items():
    # pdftotext prints Word's automatic numbers apart from their text, the chapters' numbers
    # first ("2.", "3.", then 2.'s heading …, 3.'s heading after 2.'s last measure), and may
    # glue a section's number to the end of its chapter's heading
    programme = _outline([
        "Handlingsprogram", "2.", "", "3.", "", "Felles tiltak", "2.1.", "",
        "Arrangere BEST 2026 for", "kommunene i regionen", "", "2.2.", "",
        "Samarbeide tettere med fylkeskommunene", "", "Innsatsområder",
        "3.1. Klima og natur", "3.1.1. Arrangere felles ryddedag", "",
        "4. Tverrgående temaer4.1.", "", "Oslofjorden", "",
        "4.1.1.", "Følge opp tiltaksplanen for Oslofjorden"])
    assert [m.id for m in programme.measures] == ["2.1", "2.2", "3.1.1", "4.1.1"]
    assert programme.measure("2.1").title == "Arrangere BEST 2026 for kommunene i regionen"
    assert programme.measure("2.2").title == "Samarbeide tettere med fylkeskommunene"
    sections = {s.id: s.title for s in programme.sections}
    assert sections == {"2": "Felles tiltak", "3": "Innsatsområder", "3.1": "Klima og natur",
                        "4": "Tverrgående temaer", "4.1": "Oslofjorden"}


def test_a_child_heading_glued_with_its_text_onto_its_parent_is_read_apart():
    # pdftotext may join a heading and the next line, the child's number and text glued on
    programme = _outline([
        "Handlingsprogram", "11. Arbeidsgruppen kraft11.1. Kompetanse og rekruttering",
        "11.1.1. Kartlegge behovet for fagarbeidere", "11.1.2. Etablere et felles traineeprogram",
        "12. Arbeidsgruppen areal", "12.1. Areal og transport",
        "12.1.1. Følge opp regional plan for areal"])
    assert [m.id for m in programme.measures] == ["11.1.1", "11.1.2", "12.1.1"]
    sections = {s.id: s.title for s in programme.sections}
    assert sections["11"] == "Arbeidsgruppen kraft"
    assert sections["11.1"] == "Kompetanse og rekruttering"


def _line(n: int, x0: float, text: str, size: float = 10.0) -> Block:
    """A PDF line of words 6 pt per character apart, set in the given size, from x0."""
    from orvers.model import Word

    words, x = [], x0
    for w in text.split():
        words.append(Word(w, x, x + 6 * len(w), 20.0 * n, 20.0 * n + size))
        x += 6 * len(w) + 4
    return Block(text=text, page=1, line=n, x0=x0, words=tuple(words))


def test_a_heading_whose_number_ocr_lost_does_not_end_the_title_above():
    # the chapter's number was misread: its heading, set larger and left of the measures'
    # numbers, is the chapter of the sections that follow, not the end of 3.4.2's title
    lines = [_line(1, 80, "3. Innsatsområder", 16), _line(2, 80, "3.4. Byutvikling", 13),
             _line(3, 115, "3.4.1. Følge prosesser om regionale planer i fylkeskommuner"),
             _line(4, 151, "og vurdere innspill"),
             _line(5, 115, "3.4.2. Erfaringsdeling om naturbaserte løsninger, tilknyttet"),
             _line(6, 151, "Arealplanlegging"), _line(7, 80, "Tverrgående temaer", 16),
             _line(8, 80, "4.1. Sirkulærøkonomi", 13),
             _line(9, 115, "4.1.1. Videreføre arbeidet i den tverrfaglige arbeidsgruppen")]
    programme = parse_outline(Document("x.pdf", "pdf", tuple(lines)))
    assert [m.id for m in programme.measures] == ["3.4.1", "3.4.2", "4.1.1"]
    assert programme.measure("3.4.2").title == (
        "Erfaringsdeling om naturbaserte løsninger, tilknyttet Arealplanlegging")
    assert programme.measure("3.4.1").title.endswith("og vurdere innspill")
    assert {s.id: s.title for s in programme.sections}["4"] == "Tverrgående temaer"


def test_a_short_last_title_line_left_of_the_number_stays_in_the_title():
    # a title set with a first-line indent wraps left of its number; its short last line is
    # no heading, as no new chapter follows it
    lines = [_line(1, 80, "3. Innsatsområder", 16), _line(2, 80, "3.4. Byutvikling", 13),
             _line(3, 115, "3.4.1. Følge prosesser om regionale planer i samarbeid med"),
             _line(4, 80, "Osloregionen"),
             _line(5, 115, "3.4.2. Erfaringsdeling om naturbaserte løsninger")]
    programme = parse_outline(Document("x.pdf", "pdf", tuple(lines)))
    assert [m.id for m in programme.measures] == ["3.4.1", "3.4.2"]
    assert programme.measure("3.4.1").title.endswith("i samarbeid med Osloregionen")


def _draft_as(tmp_path, draft_path, pattern: str, form: str):
    text = re.sub(pattern, form, draft_path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


@pytest.mark.parametrize(("pattern", "form"), [
    (r"^(\d+\.\d+\.\d+)\.\s", r"Tiltak \1: "),  # "Tiltak 3.1.2: Title"
    (r"^(\d+(?:\.\d+)+)\.\s", r"\1) "),  # "3.1.2) Title"
    (r"^(\d+(?:\.\d+)+)\.\s", r"\1 – "),  # "3.1.2 – Title"
])
def test_other_ways_to_print_a_number_read_as_the_draft(tmp_path, draft_path, pattern, form):
    plain = load(draft_path)
    other = _draft_as(tmp_path, draft_path, pattern, form)
    assert [(m.id, m.title) for m in other.measures] == [(m.id, m.title) for m in plain.measures]
    assert [(s.id, s.title) for s in other.sections] == [(s.id, s.title) for s in plain.sections]


def test_labelled_targets_and_partners_under_an_outline_measure():
    lines = ["Handlingsprogram 2027", "1. Samferdsel", "1.1. Følge opp NTP",
             "Resultatmål:", "- Innspill levert innen fristen", "- Felles uttalelse vedtatt",
             "av styret", "Effektmål: Bedre kollektivtilbud i regionen",
             "Partnere: Fylkeskommunene, Statens vegvesen, Bane NOR",
             "1.2. Arrangere et seminar om gods", "Partnere: Oslo Havn"]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(lines, 1)))
    p = parse_outline(doc)
    assert [m.id for m in p.measures] == ["1.1", "1.2"]  # "Følge opp NTP" is no heading
    m = p.measure("1.1")
    assert m.title == "Følge opp NTP"
    assert m.result_targets == ("Innspill levert innen fristen",
                                "Felles uttalelse vedtatt av styret")
    assert m.effect_targets == ("Bedre kollektivtilbud i regionen",)
    assert m.partners == ("Fylkeskommunene", "Statens vegvesen", "Bane NOR")
    assert p.measure("1.2").partners == ("Oslo Havn",)


def test_fields_of_no_measure_under_an_outline_measure_are_left_out_and_named():
    lines = ["Handlingsprogram 2027", "1. Næring", "1.1. Etablere et nettverk",
             "Resultatmål: To samlinger", "Ansvar: Sekretariatet", "Partnere: KS, NHO",
             "1.2. Kartlegge næringsarealer", "Resultatmål: Kartlegging levert",
             "Tidsplan: 2026–2027", "Partnere: Kommunene", "1.3. Dele erfaringer",
             "Partnere: NAV", "Status: Pågår", "er videreført fra 2025"]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(lines, 1)))
    p = parse_outline(doc)
    assert [(m.id, m.result_targets, m.partners) for m in p.measures] == [
        ("1.1", ("To samlinger",), ("KS", "NHO")),
        ("1.2", ("Kartlegging levert",), ("Kommunene",)),
        ("1.3", (), ("NAV",))]
    assert [w for w in p.warnings if "no field" in w] == [
        "lines labelled 'Ansvar' name no field of a measure: left out (measure 1.1)",
        "lines labelled 'Tidsplan' name no field of a measure: left out (measure 1.2)",
        "lines labelled 'Status' name no field of a measure: left out (measure 1.3)"]


def test_a_dump_of_an_outline_with_labelled_partners_is_no_table(tmp_path):
    # pdftotext prints an outline's bullets as glyphs on lines of their own, as it prints a
    # table's column by column; the labelled partners say it is an outline (before, with
    # "Samarbeidspartnere:" in place of "Partnere:", read as a table: partners 0)
    glyph = "\uf0b7"
    text = "Handlingsprogram 2027\n1. Samferdsel\n" + "".join(
        f"1.{n}. {title}\nResultatmål:\n{glyph}\n{glyph}\n\n{r}\nEn rapport\n\n"
        f"Samarbeidspartnere: {who}\n"
        for n, (title, r, who) in enumerate((
            ("Følge opp NTP", "Innspill levert", "KS, Bane NOR"),
            ("Arrangere et seminar om gods", "Seminar holdt", "Oslo Havn"),
            ("Kartlegge ladepunkter", "Kart laget", "Kommunene, NHO"),
            ("Samordne innspill til NTP", "Innspill samordnet", "Fylkeskommunene"),
            ("Følge opp godsstrategien", "Strategi fulgt opp", "Jernbanedirektoratet")),
            start=1))
    path = tmp_path / "outline.txt"
    path.write_text(text, encoding="utf-8")
    p = load(path)
    assert p.layout == "outline"
    assert [m.partners for m in p.measures] == [
        ("KS", "Bane NOR"), ("Oslo Havn",), ("Kommunene", "NHO"), ("Fylkeskommunene",),
        ("Jernbanedirektoratet",)]


@pytest.mark.parametrize(("pattern", "form"), [
    (r"^\d+\.\d+\.\d+\.\s", "• "),  # each section's measures as bullets, no numbers
    (r"^\d+\.\d+\.\d+\.\s", "- "),
    (r"^(\d+)\.\s+(?=[A-ZÆØÅ])", r"Kapittel \1: "),  # chapters after their word
])
def test_measures_listed_without_numbers_and_chapters_after_a_word(tmp_path, draft_path,
                                                                   pattern, form):
    plain = load(draft_path)
    other = _draft_as(tmp_path, draft_path, pattern, form)
    assert [(m.id, m.title) for m in other.measures] == [(m.id, m.title) for m in plain.measures]
    assert [(s.id, s.title) for s in other.sections] == [(s.id, s.title) for s in plain.sections]
    listed = {m.id for m in other.measures if m.id_source == "assigned"}
    assert listed == ({m.id for m in plain.measures if m.id.count(".") == 2}
                      if "Kapittel" not in form else set())
    assert any(w.startswith("measures listed as bullets or letters under a numbered section")
               and "3.1.1–3.1.4" in w for w in other.warnings) == ("Kapittel" not in form)


def test_a_measure_opening_its_own_list_keeps_it():
    # "følgende tiltak:" ends with a colon: the bullets are the measure's, not measures
    lines = ["Handlingsprogram", "3. Klima", "3.1. Gjennomføre EU-prosjektet, følgende tiltak:",
             "• identifisere data", "• holde seminarer", "3.2. Arrangere en ryddedag"]
    doc = Document("t.txt", "txt", tuple(Block(t, 1, i) for i, t in enumerate(lines, 1)))
    p = parse_outline(doc)
    assert [m.id for m in p.measures] == ["3.1", "3.2"]


def test_a_hanging_indent_is_no_table_column():
    # LibreOffice PDF of an outline whose measures are Word bullets: the bullet glyph stands
    # left of a gap, its text right of it, as a table's first two columns would
    from pathlib import Path

    p = load(Path(__file__).parent / "variants" / "files"
             / "synthetic-outline-bullet-measures-pdf.pdf")
    assert p.layout == "outline" and len(p.measures) == 52


def test_a_pdf_target_whose_bullet_ocr_lost_starts_after_a_line_with_room_left():
    # an OCR layer lost the targets' bullets: a line after one that ended short (its next
    # word would have fit) starts a target of its own when it opens with a capital; a line
    # the one before broke onto only because its first word did not fit goes on
    from pdf_lines import pdf_document, pdf_line

    def line(n: int, *pieces: tuple[float, str]):
        return pdf_line(n, 1, 20.0 * n, *pieces)

    doc = pdf_document(
        line(1, (40, "Handlingsprogram 2027")), line(2, (40, "1. Samferdsel")),
        line(3, (40, "1.1. Følge opp nasjonal transportplan")),
        line(4, (40, "Resultatmål:")),
        line(5, (60, "Innspill levert innen fristen som styret satte for")),
        line(6, (60, "Kommunene i god tid.")),
        line(7, (60, "Felles uttalelse vedtatt")),
        line(8, (60, "Partnere: Fylkeskommunene")),
        line(9, (40, "1.2. Arrangere et seminar om godstransport i regionen i 2027")),
        line(10, (40, "1.3. Følge jernbanestudiene og gi innspill til utredningene")),
        line(11, (40, "1.4. Kartlegge næringsarealer langs jernbanen i hele regionen")),
        line(12, (40, "1.5. Dele erfaringer om innfartsparkering mellom kommunene")))
    m = parse_outline(doc).measure("1.1")
    assert m.result_targets == ("Innspill levert innen fristen som styret satte for "
                                "Kommunene i god tid.", "Felles uttalelse vedtatt")


def test_measures_set_as_word_headings_with_their_fields_under_headings(tmp_path):
    """Each measure a numbered Heading 3, its fields under headings without a colon: before,
    every measure was read as a section (Word's heading style) and no measure was found."""
    import docx

    document = docx.Document()
    document.add_heading("1. Klima", level=1)
    document.add_heading("1.1. Kunnskap", level=2)
    for n in range(1, 6):
        document.add_heading(f"1.1.{n} Samle kunnskap om tema {n}", level=3)
        document.add_heading("Resultatmål", level=4)
        document.add_paragraph(f"Gjennomført {n} møter.", style="List Bullet")
        document.add_heading("Partnere", level=4)
        document.add_paragraph("KS, NVE")
    path = tmp_path / "headings.docx"
    document.save(str(path))
    p = load(path)
    assert [m.id for m in p.measures] == [f"1.1.{n}" for n in range(1, 6)]
    assert p.measures[2].title == "Samle kunnskap om tema 3"
    assert p.measures[2].result_targets == ("Gjennomført 3 møter.",)
    assert p.measures[2].partners == ("KS", "NVE")


DUMPED = """1. Klima
{items}"""
ITEM = """1.{n}. Samle kunnskap om flom og skred i kommunene, tema {n}
Resultatmål:
\uf0b7
\uf0b7

Gjennomført to møter med kommunene og
fylkeskommunene om tema {n}.
Etablert en felles portal.

Partnere: KS, NVE
"""


def test_a_run_of_bullets_counts_the_items_of_the_paragraph_after_it(tmp_path):
    """pdftotext prints a cell's or list's bullets first, one per line, then the items'
    lines: the run counts the items, cut where a capital follows a full stop (before: all
    the targets one)."""
    path = tmp_path / "dump.txt"
    path.write_text(DUMPED.format(items="".join(ITEM.format(n=n) for n in range(1, 6))),
                    encoding="utf-8")
    m = load(path).measures[1]
    assert m.result_targets == ("Gjennomført to møter med kommunene og fylkeskommunene om "
                                "tema 2.", "Etablert en felles portal.")
    assert m.partners == ("KS", "NVE")
