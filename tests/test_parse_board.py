"""The board recommendation (styret): measures, targets and partners from its OCR'd tables.

Expected texts are typed from the corpus file by hand (OCR spelling as printed: the OCR
repair is a later step), with the line numbers where a reader finds them.
"""

from __future__ import annotations

import pytest
from conftest import corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from orvers.model import Block, Document
from orvers.parse.table import looks_like_table, parse_table
from orvers.read import read

BOARD_IDS = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
    "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2",
    "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4.1", "2.4.2",
    "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.3.1", "3.3.2",
    "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.5.1", "3.5.2",
]


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def board():
    return parse_table(read(corpus_file("styret")))


def test_board_has_exactly_its_31_measures_in_order(board):
    assert [m.id for m in board.measures] == BOARD_IDS
    assert board.layout == "table" and board.format == "txt"


def test_organisation_tasks_and_budget_chapters_are_not_measures(board):
    ids = {m.id for m in board.measures}
    assert not any(i.startswith(("4.", "5.")) for i in ids)
    # "1. Drøfte felles saker …" … "6. Gjennomføre aktiviteter …" in "Kort om Osloregionen"
    assert not any(norm(m.title).startswith(("drgfte", "utarbeide felles")) for m in board.measures)
    assert not {"4", "5", "4.1", "5.1"} & {s.id for s in board.sections}


def test_sections_are_the_chapters_and_their_sub_sections(board):
    got = [(s.id, s.parent) for s in board.sections]
    assert got == [
        ("1", None), ("2", None), ("2.1", "2"), ("2.2", "2"), ("2.3", "2"), ("2.4", "2"),
        ("3", None), ("3.1", "3"), ("3.2", "3"), ("3.3", "3"), ("3.4", "3"), ("3.5", "3"),
    ]
    titles = {s.id: s.title for s in board.sections}
    assert titles["1"] == "Overordnede strategier"
    assert titles["2.1"] == "Konkurransekraft og naeringsutvikling"
    assert titles["3.4"] == "Miljgtilstanden i Oslofjorden, vann og vassdrag"
    assert board.measure("1.3").section == "1"
    assert board.measure("2.3.1").section == "2.3"
    assert board.measure("3.5.2").section == "3.5"


@pytest.mark.parametrize(("mid", "title"), [
    # number and title split over separate lines (160-164)
    ("1.2", "Samarbeide tettere med fylkeskommunene i Osloregionen"),
    # "1.1|Videreutvikle og styrke |Resultatmal: o KS": columns run together (118-126)
    ("1.1", "Videreutvikle og styrke Osloregionens pavirkningsarbeid overfor storting, "
            "regjering og offentlige myndigheter"),
    # the end of the title is printed above the table header (314-319, 343-347)
    ("2.1.1", "Kartlegge og dele gode eksempler pa naeringsvennlig praksis i kommunene, og "
              "legge til rette for leeringsarenaer og nettverk for utvikling av naeringspolitikk."),
    # "2.3." with "-_—" on the next line: the number's last digit lost (633-643)
    ("2.3.1", "Folge opp Jernbanedirektoratets utredninger om jernbane mot 2050; "
              "kollektivstudie, fierntogstrategi, godsstrateqi"),
    # "EU-" / "prosjektet" across lines keeps its hyphen (571-576)
    ("2.2.2", "Gjennomfgre EU-prosjektet Geo4Water, med seminarer/workshops 0g andre tiltak for "
              "dialog og erfaringsdeling."),
    ("3.1.1", "Viderefore arbeidet i den tverrfaglige arbeidsgruppen for sirkuleer gkonomi for & "
              "styrke kunnskapsgrunnlaget, dele erfaringer mellom kommuner og identifisere "
              "konkrete temaer for mulig prosjektutvikling med ekstern finansiering."),
    # 1030-1041, ended by "(om tilsagn)." (1084), printed after 3.3.2's text, before its number
    ("3.3.1", "Deltagelse i Interreg-prosjekt ORBIFY som har som mal & utvikle felles "
              "kunnskapsgrunnlag og samarbeid om kompetanse/metoder for hvordan kommuner kan "
              "jobbe for & fremme utbygging av fornybar energi med lavt konfliktniva i regionen "
              "(om tilsagn)."),
    # "3.3.2|Erfarings- og Dersom prosjekt …": title text above, a note beside (1058-1086)
    ("3.3.2", "Erfarings- og kunnskapsdeling om utfordringer og muligheter for samarbeid innen "
              "energiomradet"),
    # "3.4.1|Gjennomfere Resultatmal: o Sintef", title end printed above the header (1097-1113)
    ("3.4.1", "Gjennomfere EU-prosjektet SEADITO iht plan med mal om utvikling av digital "
              "tvilling av Oslofjorden og sikre at prosjektet utvikler verktgy som vil ha "
              "nytteverdi som beslutningsstatte for kommunene"),
    ("3.4.3", 'Delta i prosjektet "Fjorden var" (forutsatt finansiering).'),
    # 1.5's row is printed in two halves around the bottom of 1.4's row (226-254):
    # "malgrupper" stands under 1.4's partners, before 1.5's number
    ("1.5", "Gjennomfare starre arrangementer pa tvers av fagomrader og malgrupper"),
    # likewise "pa vegne av / regionen" (1234-1235) above 3.5.2's number (1248-1250)
    ("3.5.2", "Osloregionen folger opp annet relevant profileringssamarbeid pa vegne av regionen"),
])
def test_titles_as_printed(board, mid, title):
    assert norm(board.measure(mid).title) == norm(title)


# Targets and partners checked by hand against the text (line numbers of the corpus file).
CLEAN = {
    "1.2": (  # 166-179
        ["Utviklet felles mateplasser/arenaer og konkrete tiltak som styrker det "
         "interessepolitiske samarbeid"],
        ["Starre politisk gjennomslagskraft for regionen, mer effektiv bruk av ressurser og "
         "kapasitet"],
        ["Fylkeskommunene", "Jstlandssamarbeidet"],
    ),
    "1.3": (  # 186-203: "o stiftelser mfl" keeps its "mfl", trailing commas go
        ["Oppdatert Fakta Osloregionen", "Finansiert Foresight Osloregionen"],
        ["Utformet kunnskapsbasert politikk, som grunnlag for stgrre politisk gjennomslag for "
         "utvikling og vekst i regionen"],
        ["FoU-miljger", "Kunnskapsintensive aktgrer", "virkemiddelaktarer", "stiftelser mfl"],
    ),
    "2.1.2": (  # 370-402
        ["Gjennomfgrt et forprosjekt med 8 relevante aktgrer (kommuner, fylkeskommuner, "
         "naeringsforeninger m.fl.). for & vurdere behovet og bruksmuligheten av en felles "
         "kartlegging av naeringsareal i regionen.",
         "Utarbeidet en evalueringsrapport som identifiserer hvilke oversikter som finnes, "
         "hvilke som mangler, og hvilke samkjgringsbehov det er behov for.",
         "Besluttet om det skal etableres et felles prosjekt eller ikke, og i sa fall definert "
         "prosjektets mal, deltakere og fremdriftsplan."],
        ["Bedre oversikt over eksisterende kartlegging av naeringsetablering i regionen.",
         "Omforent gnske og behov for kartlegging av areal for neering."],
        ["Medlemskommuner", "Innovasjon Norge", "neeringsklynger og andre"],
    ),
    "2.2.1": (  # 543-567: partners without bullets, one a line
        ["Gjennomfgrt minst 2 faglige arrangement med kunnskapsdeling, med konkrete eksempler "
         "pa de ulike tema.",
         "Delt erfaringer fra minst 5 kommuner og fagmiljg pa ulike tema.",
         "Utarbeidet og delt korte notater med anbefalinger og eksempler fra hvert "
         "arrangement/tema."],
        ["Jkt kompetanse hos medlemmene som bidrar til & nd kommunenes mal pa klima, miljg og "
         "natur."],
        ["Ulike fagmiljger", "statlige aktarer", "naeringsliv", "interesseorganisasjoner"],
    ),
    "2.3.1": (  # 645-678
        ["Utarbeidet underlag for innspill il hgring pa utredningene.",
         "Gjennomfgrt webinar i Q1 om utredninger i samarbeid med Jernbanedirektoratet.",
         "Bidratt med innspill til minst 3 nasjonale utredninger om jernbaneutvikling.",
         "Deltatt i relevante mater og prosesser med Jernbanedirektoratet, Bane NOR og "
         "Samferdselsdepartementet."],
        ["Osloregionens behov og prioriteringer er reflektert i utredninger og "
         "jernbanestrategier",
         "Jkt politisk og faglig oppmerksomhet om jernbanens rolle i regional utvikling, grenn "
         "mobilitet og for overgang fra fly til tog for lengre strekninger (inkl. "
         "grensekryssende jernbane)."],
        ["Jernbanedirektoratet", "Bane NOR", "fylkeskommune", "interesseorganisasjoner"],
    ),
    "2.3.2": (  # 686-710
        ["Utarbeidet strategi og plan for Osloregionens NTP-arbeid.",
         "Etablert tverrgaende NTP-gruppe som sikrer god faglig og geografisk forankring.",
         "Deltatt i relevante mgter og prosesser om Nasjonal transportplan 2029-2040."],
        ["Jkt kunnskap og felles prosess til NTP.",
         "Okt politisk og faglig oppmerksomhet om samferdsel og mobilitet i hovedstadsomradet "
         "og hvordan na malene for NTP."],
        ["Jstlandssamarbeidet", "NHO", "LO"],
    ),
    "2.4.2": (  # 810-825
        ["Gjennomfgrt minst en mateplass om boligutvikling."],
        ["Jkt satsning pa boligutvikling knyttet til kommunenes behov for baerekraftig by- og "
         "regionsutvikling"],
        ["OMA", "relevante neeringsaktgrer", "fylkeskommunene"],
    ),
    "3.2.1": (  # 932-956: "¢ Veileder for etablering av" wraps: a target, not a partner
        ["Gjennomfgrt i henhold til prosjektplan",
         "Bidra i koordinering, planlegging og etablering av lade- og fylleinfrastruktur for "
         "nullutslipp og klimangytralt drivstoff i kommuner pa Dstlandet.",
         "Aktivt jobbet med spredningen av veileder for energistasjoner"],
        ["Okt kompetanseheving i arealplanlegging, tilrettelegging for samarbeid mellom private "
         "og offentlige aktgrer.",
         "Veileder for etablering av energistasjoner har nadd nye brukere"],
        ["Fylkeskommuner", "Naeringsorganisasjoner", "regionale foreninger"],
    ),
    "3.2.2": (  # 967-979: the label is OCR'd "Resultatmail:"
        ["Identifisert mulige lokaliseringer og aktarer.", "Arrangert en workshop."],
        ["Okt kunnskap og kompetanseheving i planlegging for intermodale lgsninger."],
        ["Havner", "transportgrer"],
    ),
    "3.3.1": (  # 1043-1056
        ["Prosjektoppstart med partnere.", "Gjennomfgrt i henhold til prosjektets plan."],
        ["Forsterket kunnskapsgrunnlag om kommunalt samarbeid om utbygging av fornybar energi"],
        ["Bjark Innovation", "Fyrbodals Kommunalférbund", "Rade kommune"],
    ),
    "3.4.3": (  # 1166-1179
        ['Deltatt i aktiviteter i prosjekter i samarbeid med partnere i "Fjorden var".',
         "Bidratt til mobilisering til innsats, helhetlig koordinering og kommunikasjon som "
         "bidrar til & redde Oslofjorden."],
        ["En ren og frisk Oslofjord med et aktivt friluftsliv."],
        ["Fjorden var-partnere"],
    ),
    "3.4.4": (  # 1187-1201: "interesseorganisasjon" / "er" is one word broken by the column
        ["Gjennomfgrt 2-4 mgter i arbeidsgruppen for oppfelging av tiltaksplan og andre "
         "Oslofjord-initiativ."],
        ["Jkt kompetanse om ulike deler av Osloregionens utfordringer og muligheter for & "
         "bidra til bedring av miljgtilstanden i Oslofjorden, vann og vassdrag."],
        ["Kunnskaps- og interesseorganisasjoner"],
    ),
}


@pytest.mark.parametrize("mid", sorted(CLEAN))
def test_targets_and_partners_of_cleanly_laid_out_measures(board, mid):
    result, effect, partners = CLEAN[mid]
    m = board.measure(mid)
    assert list(m.result_targets) == result
    assert list(m.effect_targets) == effect
    assert list(m.partners) == partners


def test_targets_and_partners_from_lines_that_span_columns(board):
    # 343-355 and 321-340: "2.1.1 [Kartlegge og dele |Resultatmal: e KS", "gode eksempler
    # pa | e Minst 15 kommuner … i e NHO"; the rest of the cells stands above the header
    m = board.measure("2.1.1")
    assert m.result_targets[0] == ("Minst 15 kommuner har deltatt aktivt i erfaringsutveksling "
                                   "gjennom fysiske eller digitale mgteplasser.")
    assert len(m.result_targets) == 3 and len(m.effect_targets) == 2
    assert list(m.partners) == ["KS", "NHO", "LO", "Hgyskoler/universiteter", "Klynger",
                                "Neeringsforeninger", "Frivillige organisasjoner",
                                "Andre relevante aktgrer"]
    # 862-876 with 839-859 above the header: partner "forsknings og / utdanningssektor"
    m = board.measure("3.1.1")
    assert list(m.partners) == ["Medlemskommuner", "forsknings og utdanningssektor", "klynger",
                                "KS", "Miljgdirektoratet"]
    assert m.result_targets[0] == ("Gjennomfgrt minst 4 meteplasser (digitale og fysiske) med "
                                   "deltakelse fra kommuner og fagmiljger.")
    # 1.6 (268-294): the effect target "… samarbeid om" goes on past the page break
    assert board.measure("1.6").effect_targets[1] == (
        "Fatt giennomslagskraft gjennom bedre samordning og samarbeid om saker som bergrer "
        "hele Osloregionen")
    assert list(board.measure("1.6").partners) == ["Medlemskommuner", "Delregionene"]
    # 1.1 (118-158): three columns on one line, then each column alone; the rest of the
    # first effect target ("stortingsmeldinger …", 153) is printed after the third target
    m = board.measure("1.1")
    assert m.result_targets == (
        "Utviklet en tydelig og koordinert strategi for politisk pavirkning mot Storting, "
        "regjering og offentlige myndigheter.",
        "Deltatt pa nasjonale og regionale hgringer som bergrer Osloregionens "
        "politikkomrader og satsinger",
        "Etablert en politisk mateplass som fremmer Osloregionens satsingsomrader og "
        "tiltrekker nasjonale, regionale og lokale politikere.")
    assert m.effect_targets == (
        "Regionens saker har fatt gjennomslag i nasjonale planer, stortingsmeldinger eller "
        "statsbudsjett.",
        "Osloregionen oppfattes som en sentral aktgr i nasjonal politikk, gjennom omtale i "
        "media og referanser i politiske debatter.",
        "Bidratt til bedre rammevilkar for kommunene.")
    assert m.partners == ("KS", "FoU-miljger", "nzeringsliv", "interesseorganisasjoner",
                          "delregionene", "kKommunene", "fylkene, mfl")
    # 2.3.3 (717-724): the result target wraps into a line shared with the title and a partner
    m = board.measure("2.3.3")
    assert m.result_targets == ("Gjennomfgrt mater med fylkeskommuner, Statens vegvesen og "
                                "Bane NOR.",)
    assert m.partners[:3] == ("Fylkeskommuner", "Statens Vegvesen", "Bane NOR")
    # 3.5.2 (1248-1263 with 1237-1241 above): effect target from the other half of the row
    m = board.measure("3.5.2")
    assert m.effect_targets == ("Regionen ble ivaretatt i profileringsarbeid og gjennom "
                                "samarbeid med partnere.",)
    assert m.partners[2:] == ("Innovasjon Norge", "neeringsklynger og bransjeorganisasjoner",
                              "samarbeidspartnere i prosjekter", "utenriksstasjoner",
                              "internasjonale nettverk")


def test_source_points_at_the_measure_number(board):
    m = board.measure("2.3.1")
    assert m.source.line_start == 633  # the "2.3." line
    assert m.source.line_end >= 678
    assert board.measure("1.1").source.line_start == 118


def test_board_text_is_recognised_as_a_table_layout():
    assert looks_like_table(read(corpus_file("styret")))
    assert not looks_like_table(read(corpus_file("utkast")))
    assert not looks_like_table(read(corpus_file("hp2025")))


# --- real table cells (DOCX / PDF readers) ------------------------------------------------


def _doc(blocks: list[Block]) -> Document:
    return Document(path="built.docx", format="docx", blocks=tuple(blocks), pages=1)


def _cell(text, line, row, col, table=0, label=""):
    return Block(text, 1, line, kind="cell", table=table, row=row, col=col, list_label=label)


def test_ruled_table_cells_one_block_per_paragraph():
    blocks = [
        Block("2. Innsatsområder", 1, 1, kind="paragraph"),
        Block("2.3 Transport og mobilitet", 1, 2, kind="paragraph"),
        _cell("Tiltak", 3, 0, 0), _cell("Resultat- og effektmål", 4, 0, 1),
        _cell("Partnere", 5, 0, 2),
        _cell("2.3.1", 6, 1, 0), _cell("Følge opp Jernbanedirektoratets utredninger", 7, 1, 0),
        _cell("Resultatmål:", 8, 1, 1),
        _cell("Utarbeidet underlag for innspill til høring.", 9, 1, 1, label="\uf0b7"),
        _cell("Effektmål:", 10, 1, 1),
        _cell("Osloregionens behov er reflektert.", 11, 1, 1, label="•"),
        _cell("\uf0b7 Jernbanedirektoratet", 12, 1, 2), _cell("Bane NOR,", 13, 1, 2),
        _cell("2.3.2 Oppstart av NTP-arbeid", 14, 2, 0),
        _cell("Resultatmål:", 15, 2, 1), _cell("Strategi utarbeidet.", 16, 2, 1),
        _cell("NHO", 17, 2, 2),
    ]
    doc = _doc(blocks)
    assert looks_like_table(doc)
    p = parse_table(doc)
    assert [m.id for m in p.measures] == ["2.3.1", "2.3.2"]
    first = p.measure("2.3.1")
    assert first.title == "Følge opp Jernbanedirektoratets utredninger"
    assert first.section == "2.3"
    assert first.result_targets == ("Utarbeidet underlag for innspill til høring.",)
    assert first.effect_targets == ("Osloregionens behov er reflektert.",)
    assert first.partners == ("Jernbanedirektoratet", "Bane NOR")
    assert p.measure("2.3.2").title == "Oppstart av NTP-arbeid"
    assert p.measure("2.3.2").partners == ("NHO",)
    assert [(s.id, s.parent) for s in p.sections] == [("2", None), ("2.3", "2")]


def test_column_clustered_pdf_table_lines_in_reading_order():
    def line(text, n, col):
        return Block(text, 2, n, kind="cell", col=col)

    blocks = [
        Block("3. Tverrgående tema", 2, 1), Block("3.2 Grønn næringstransport", 2, 2),
        line("Tiltak", 3, 0), line("Resultat- og effektmål", 4, 1), line("Partnere", 5, 2),
        line("3.2.2", 6, 0), line("Utforske synergier", 7, 0), line("mellom prosjektene", 8, 0),
        line("Resultatmål:", 9, 1), line("• Identifisert mulige lokaliseringer", 10, 1),
        line("og aktører.", 11, 1), line("Effektmål:", 12, 1),
        line("• Økt kunnskap.", 13, 1), line("• Havner", 14, 2), line("• transport-", 15, 2),
        line("aktører", 16, 2),
        line("3.2.3 Belyse", 17, 0), line("utfordringer", 18, 0),
        line("Resultatmål:", 19, 1), line("• Gjennomført et arrangement", 20, 1),
        line("Statens vegvesen", 21, 2), line("Bente Bye og partnere i", 22, 2),
        line("Spania", 23, 2),
    ]
    assert looks_like_table(_doc(blocks))
    p = parse_table(_doc(blocks))
    assert [m.id for m in p.measures] == ["3.2.2", "3.2.3"]
    m = p.measure("3.2.2")
    assert m.title == "Utforske synergier mellom prosjektene"
    assert m.result_targets == ("Identifisert mulige lokaliseringer og aktører.",)
    assert m.effect_targets == ("Økt kunnskap.",)
    assert m.partners == ("Havner", "transportaktører")
    n = p.measure("3.2.3")
    assert n.title == "Belyse utfordringer"
    assert n.section == "3.2"
    assert n.partners == ("Statens vegvesen", "Bente Bye og partnere i Spania")


def test_text_moved_between_measures_is_reported(board):
    # 226-243 ("malgrupper", "annet hvert ar …", 1.5's second Effektmal) stand among 1.4's cells
    assert any(w.startswith("measure 1.5: lines 226-243") and "1.4" in w
               for w in board.warnings)
    assert board.title.endswith("18. desember 2025")


_PIECES = ["Tiltak Resultat- og effektmal Partnere", "2.1 Konkurransekraft", "2. Innsatsomrader",
           "2.1.1", "2.1.", "-_—", "2.1.2 [Kartlegge og dele  |Resultatmal: e KS",
           "Resultatmal:", "Effektmal;", "e Minst 15 kommuner har deltatt aktivt i", "o LO",
           "¢ Andre relevante aktgrer,", "praksis i", "| ", "", " ", "e¢tektmal:", ": . e"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=150, deadline=None)
def test_any_jumble_of_table_lines_parses_without_crashing(texts):
    blocks = tuple(Block(t, 1, i) for i, t in enumerate(texts, start=1))
    p = parse_table(Document(path="x.txt", format="txt", blocks=blocks))
    assert {m.section for m in p.measures} <= {s.id for s in p.sections}
    assert all(m.id.startswith(f"{m.section}.") for m in p.measures)
