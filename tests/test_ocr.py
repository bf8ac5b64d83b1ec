"""OCR repair of Norwegian letters on the board recommendation's text layer."""

from __future__ import annotations

import pytest
from conftest import corpus_file

from orvers.api import load
from orvers.ocr.detect import needs_repair
from orvers.ocr.lexicon import build_lexicon
from orvers.ocr.repair import repair, repair_programme

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
    # lines 131, 109, 275, 425, 436, 441, 670, 832, 908, 1162, 1189, 1425
    ("Deltatt pa nasjonale og regionale", "Deltatt på nasjonale og regionale"),
    ("og far giennomslag for Osloregionens politikk og interesser ved a",
     "og får gjennomslag for Osloregionens politikk og interesser ved a"),
    ("radsmeter til delregionene", "rådsmøter til delregionene"),
    ("helsenaeringen mater", "helsenæringen møter"),
    ("og helsenaeringsaktgrer med sikte pa", "og helsenæringsaktører med sikte på"),
    ("Okt forstaelse og kunnskap i kommunene", "Økt forståelse og kunnskap i kommunene"),
    ("grenn mobilitet og for overgang fra fly", "grønn mobilitet og for overgang fra fly"),
    ("3.1 Sirkulaerekonomi", "3.1 Sirkulærøkonomi"),
    ("o transportagrer", "o transportører"),
    ('"Fjorden var"', '"Fjorden vår"'),
    ("for oppfelging av tiltaksplan", "for oppfølging av tiltaksplan"),
    ("har i flere ar arbeidet med & skaffe", "har i flere år arbeidet med å skaffe"),
])
def test_board_words_are_repaired(lexicon, read, meant):
    assert repair(read, lexicon) == meant


@pytest.mark.parametrize(("read", "meant"), [
    # words no single-letter confusion explains, hand-checked against the board text (lines
    # 464, 643, 725, 730, 424, 895, 537, 1250, 726, 965, 963): the nearest clean-text word
    ("oppmerksorrjhet om deltakelse", "oppmerksomhet om deltakelse"),
    ("godsstrateqi", "godsstrategi"),
    ("Bane NQR for", "Bane NOR for"),
    ("gir semigse og fleksible", "gir sømløse og fleksible"),
    ("Gjennomfegrt 2 møteplasser", "Gjennomført 2 møteplasser"),
    ("sirkulaere Igsninger.", "sirkulære løsninger."),  # I and l: one glyph, so no capital
    ("naturbaserte I@sninger for", "naturbaserte løsninger for"),
    ("jnternasjonal profilering", "internasjonal profilering"),
    ("tilrettelegging for gadende,", "tilrettelegging for gående,"),
    ("jernbane og sj@", "jernbane og sjø"),
    ("0g @vrige gods-", "og øvrige gods-"),
    # compounds of attested words under the confusions (lines 490, 352, 335, 789, 1115)
    ("som hgringsinnspill,", "som høringsinnspill,"),
    ("Neeringsforeninger", "Næringsforeninger"),
    ("deltakerundersgkelse med minst", "deltakerundersøkelse med minst"),
    ("faggruppemagter der relevante", "faggruppemøter der relevante"),
    ("Deltakelse pa partnermeater i", "Deltakelse på partnermøter i"),
    # two words glued: the first is a clean word written before others, never joined (l. 793)
    ("Delta pa relevanteprosessmaoter for", "Delta på relevante prosessmøter for"),
])
def test_unknown_board_words_become_the_nearest_word(lexicon, read, meant):
    assert repair(read, lexicon) == meant


@pytest.mark.parametrize("text", [
    "Innovation,",  # t/s is no OCR confusion: a name, not innovasjon
    "Greater Oslo",  # a capitalised word is read only towards the clean texts' words
    "lade- og fylleinfrastruktur",  # a compound of attested words, not damage
    "Osloregions dag",  # a letter less at the end is inflection, not OCR
    "kontainere og work",  # a letter more or less alone: a typo or another word (ork)
    "post@osloregionen.no",
])
def test_names_compounds_and_typos_stay(lexicon, text):
    assert repair(text, lexicon) == text


def test_a_word_as_near_to_two_words_stays(tmp_path):
    none = tmp_path / "none"
    assert repair("sel", build_lexicon(("søl og sæl",), wordlist=none)) == "sel"
    assert repair("sel", build_lexicon(("søl og sal",), wordlist=none)) == "søl"


def test_clean_text_is_unchanged(lexicon):
    text = corpus_file("utkast").read_text(encoding="utf-8")
    assert repair(text, lexicon) == text


@pytest.mark.parametrize(("clean", "read", "kept"), [
    # mal is both "mål" and "mal" (template), var both "vår" and "var": the clean texts use both
    ("et mål og en mal", "mal", "mal"),
    ("det var vår plan", "var", "var"),
    # they use only one reading: a word they never use is read as that one
    ("et mål og et annet mål", "mal", "mål"),
    ("vi møter kommunene og møter dem igjen", "mater", "møter"),
])
def test_attested_words_follow_the_clean_texts(clean, read, kept):
    assert repair(read, build_lexicon((clean,))) == kept


def test_pa_is_no_word_only_the_acronym_pa(lexicon):
    # the word list has "PA" but no "pa": an all-caps entry attests only an all-caps token
    assert "pa" not in lexicon and "PA" in lexicon
    assert repair("sikte pa videre samarbeid", lexicon) == "sikte på videre samarbeid"


@pytest.mark.parametrize("text", ["KS og NHO", "RAY", "DV og KS", "bl.a. Kalnes",
                                  "a) studietur", "punkt a og b", "Holth & Winge"])
def test_acronyms_and_letters_stay(lexicon, text):
    assert repair(text, lexicon) == text


def test_lone_a_before_a_verb_is_the_infinitive_mark(lexicon):
    assert repair("for a vurdere behovet", lexicon) == "for å vurdere behovet"
    assert repair("mål om a redusere", lexicon) == "mål om å redusere"


def test_compounds_of_clean_words_are_known(lexicon):
    # not in the word list, but made of words the clean texts use
    assert "boligutvikling" not in lexicon and lexicon.compound("boligutvikling")
    assert lexicon.compound("helsenæringsaktører")
    assert not lexicon.compound("transportagrer")  # transport + agrer: agrer is no clean word


@pytest.mark.parametrize("left_out", CLEAN)
def test_clean_version_barely_changes_with_the_others_as_lexicon(left_out):
    # a version's own words are unknown to a lexicon built from the other versions: what the
    # repair changes there is what it would wrongly change in a damaged document
    others = tuple(corpus_file(c).read_text(encoding="utf-8") for c in CLEAN if c != left_out)
    text = corpus_file(left_out).read_text(encoding="utf-8")
    lexicon = build_lexicon(others)
    words, fixed = text.split(), repair(text, lexicon).split()
    changed = sum(a != b for a, b in zip(words, fixed, strict=True))
    assert changed <= 0.002 * len(words)


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


def test_without_a_manifest_the_clean_files_beside_the_document_are_its_corpus(tmp_path):
    import shutil

    from orvers.ocr.detect import reads_norwegian

    for label in ("strategi", "hp2025", "workshop", "utkast", "styret"):
        shutil.copy(corpus_file(label), tmp_path / corpus_file(label).name)
    board = tmp_path / corpus_file("styret").name
    assert not reads_norwegian(board.read_text(encoding="utf-8"))  # the OCR layer is no source
    assert reads_norwegian(corpus_file("utkast").read_text(encoding="utf-8"))
    loose, listed = load(board), load(corpus_file("styret"))
    assert [(m.title, m.partners) for m in loose.measures] == \
        [(m.title, m.partners) for m in listed.measures]
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(board, alone / board.name)
    assert load(alone / board.name).measure("1.5").title != listed.measure("1.5").title


@pytest.mark.parametrize(("read", "meant"), [
    ("Statens vegvesen 09 Bane NOR", "Statens vegvesen og Bane NOR"),  # 9 for g, 0 for o
    ("TEN-T 0g urbane noder", "TEN-T og urbane noder"),
    # numbers stay: no leading 0, or not between two words
    ("i 10 kommuner", "i 10 kommuner"), ("kl. 09 i dag", "kl. 09 i dag"),
    ("perioden 2029-2040 og", "perioden 2029-2040 og"), ("CO2 og Ring4-samarbeidet", "CO2 og "
                                                          "Ring4-samarbeidet"),
])
def test_digits_read_for_letters_in_running_text(lexicon, read, meant):
    assert repair(read, lexicon) == meant
