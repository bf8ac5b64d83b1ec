"""The measure-aware Word redline: tracked changes that accept to the new text, reject to the old.

The fixture is a hand-made comparison of real measures, read by hand from the draft
(utkast, 2025-10) and the board recommendation (styret, 2025-12) with OCR errors repaired:
a merge (3.3.3 + 3.3.4 → 2.3.3), a split (4.4.1 → 3.4.1 + 3.4.2), a removal (3.2.4),
an addition (2.4.2) and a pure renumbering (3.1.1 → 2.1.1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from orvers.model import Comparison, Link, Measure, Programme, Section
from orvers.redline import write_redline
from orvers.redline.project import project, tables

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = dt.datetime(2025, 12, 18, 9, 0, tzinfo=dt.UTC)

OLD_SECTIONS = (
    Section("3.1", "Attraktivitet og næringsutvikling", "3"),
    Section("3.2", "Klima, miljø og natur", "3"),
    Section("3.3", "Samferdsel og mobilitet", "3"),
    Section("3.4", "Areal og bolig", "3"),
    Section("4.4", "Oslofjorden", "4"),
)
NEW_SECTIONS = (
    Section("2.1", "Konkurransekraft og næringsutvikling", "2"),
    Section("2.3", "Samferdsel og mobilitet", "2"),
    Section("2.4", "Areal og bolig", "2"),
    Section("3.4", "Oslofjorden", "3"),
)
OLD = (
    Measure("3.1.1", "Kartlegge og dele gode eksempler på næringsvennlig praksis i kommunene, og "
            "legge til rette for læringsarenaer og nettverk for utvikling av næringspolitikk.",
            "3.1"),
    Measure("3.2.4", "Arrangere felles ryddedag blant kommunene i Osloregionen med mål om å fjerne "
            "fremmedarter (invasive planter). Forutsetter arbeidsgruppe for planlegging og "
            "gjennomføring med deltakelse fra kommunene.", "3.2"),
    Measure("3.3.3", "Etablere dialog med fylkeskommuner, Statens vegvesen og Bane NOR for å "
            "styrke samarbeidet om grønn mobilitet og multimodale transportløsninger i "
            "Osloregionen.", "3.3"),
    Measure("3.3.4", "Arbeide for sømløse og fleksible kollektivreiser for å identifisere "
            "forbedringspotensial for reiser over fylkesgrenser, takstsoner og mellom "
            "transportformer", "3.3"),
    Measure("4.4.1", "Gjennomføre EU-prosjektet SEADITO med fokus på utvikling av en digital "
            "tvilling av Oslofjorden og sikre prosjektets nytteverdi for kommunene gjennom "
            "involvering av relevante aktører. I tillegg skal Osloregionen delta aktivt i "
            "oppfølgingen av ny tiltaksplan for Oslofjorden ved å bidra på aktuelle arenaer og i "
            "gjennomføringsprosesser.", "4.4"),
)
NEW = (
    Measure("2.1.1", OLD[0].title, "2.1",
            result_targets=("Gjennomført minst to læringsarenaer.",), partners=("KS",)),
    Measure("2.3.3", "Etablere strukturert dialog med fylkeskommunene, Statens vegvesen og Bane "
            "NOR for å utvikle samarbeid om grønn mobilitet og multimodale transportløsninger "
            "som gir sømløse kollektivreiser på tvers av fylkesgrenser, takstsoner og mellom "
            "transportformer.", "2.3",
            result_targets=("Gjennomført møter med fylkeskommuner, Statens vegvesen og Bane NOR.",),
            effect_targets=("Bedre tilrettelegging for gående, sykling og kollektiv og trygg og "
                            "effektiv overgang mellom transportformer.",
                            "Sømløse og fleksible kollektivreiser over fylkesgrenser, takstsoner "
                            "og mellom transportformer."),
            partners=("Fylkeskommuner", "Statens vegvesen", "Bane NOR")),
    Measure("2.4.2", "Bidra til økt kunnskap om boligutvikling i Osloregionen.", "2.4"),
    Measure("3.4.1", "Gjennomføre EU-prosjektet SEADITO iht plan med mål om utvikling av en "
            "digital tvilling av Oslofjorden.", "3.4",
            effect_targets=("Økt kunnskap om digital tvilling som beslutningsstøtte.",),
            partners=("Sintef", "Fylkeskommuner", "Miljødirektoratet, statsforvaltere")),
    Measure("3.4.2", "Følge opp ny tiltaksplan for Oslofjorden", "3.4",
            result_targets=("Bidratt på aktuelle arenaer og i gjennomføringsprosesser.",
                            "Deltatt i møter og prosesser om ny tiltaksplan for Oslofjorden"),
            effect_targets=("Osloregionens innspill er ivaretatt i ny tiltaksplan.",),
            partners=("Fylkeskommuner", "Vannområder", "FoU-miljøer", "Næringsaktører")),
)
LINKS = (
    Link("3.1.1", "2.1.1", "unchanged", 1.0, renumbered=True),
    Link("3.2.4", None, "removed"),
    Link("3.3.3", "2.3.3", "merged", 0.84, renumbered=True),
    Link("3.3.4", "2.3.3", "merged", 0.71, renumbered=True),
    Link(None, "2.4.2", "added"),
    Link("4.4.1", "3.4.1", "split", 0.8, renumbered=True),
    Link("4.4.1", "3.4.2", "split", 0.6, renumbered=True),
)


def programme(label: str, sections, measures) -> Programme:
    return Programme(f"{label}.txt", "txt", "outline", f"Handlingsprogram ({label})", sections,
                     measures, label=label)


COMPARISON = Comparison(programme("utkast", OLD_SECTIONS, OLD),
                        programme("styret", NEW_SECTIONS, NEW), LINKS)


def cells(m: Measure, result="Resultatmål:", effect="Effektmål:") -> tuple[str, str, str, str]:
    """The four cells a reader expects for a measure (the board's table layout)."""
    targets = []
    if m.result_targets:
        targets += [result, *m.result_targets]
    if m.effect_targets:
        targets += [effect, *m.effect_targets]
    return (m.id, "\n".join((m.title, *m.children)), "\n".join(targets), "\n".join(m.partners))


def measure_rows(path: Path, mode: str) -> list[tuple[str, ...]]:
    """Rows of the redline table that hold a measure (4 cells, a number in the first)."""
    table = tables(project(path, mode))[-1]
    return [row for row in table[1:] if len(row) == 4]


def xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


@pytest.fixture
def redline(tmp_path) -> Path:
    path = tmp_path / "redline.docx"
    write_redline(COMPARISON, path, author="Sekretariatet", date=DATE)
    return path


def test_accept_all_gives_the_new_version(redline):
    assert measure_rows(redline, "accept") == [cells(m) for m in NEW]


def test_reject_all_gives_the_old_text_of_every_row(redline):
    merged = Measure("2.3.3", f"{OLD[2].title} {OLD[3].title}", None)
    expected = [cells(OLD[0])[1:], cells(merged)[1:], cells(OLD[4])[1:], cells(OLD[4])[1:],
                cells(OLD[1])[1:]]
    got = [row[1:] for row in measure_rows(redline, "reject")]
    assert sorted(got) == sorted(expected)
    assert len(got) == len(expected)


def test_removed_measure_is_a_deleted_row_where_it_stood(redline):
    rejected = [row[0] for row in measure_rows(redline, "reject")]
    # 3.2.4 stood after 3.1.1 (now 2.1.1) in the draft, and its section has no board counterpart
    assert rejected == ["2.1.1", "3.2.4", "2.3.3", "3.4.1", "3.4.2"]
    assert "3.2.4" not in [row[0] for row in measure_rows(redline, "accept")]


def test_section_headings_follow_the_new_version_and_track_renamed_titles(redline):
    accepted = tables(project(redline, "accept"))[-1]
    rejected = tables(project(redline, "reject"))[-1]
    assert [r[0] for r in accepted if len(r) == 1] == [
        "2.1 Konkurransekraft og næringsutvikling", "2.3 Samferdsel og mobilitet",
        "2.4 Areal og bolig", "3.4 Oslofjorden"]
    assert [r[0] for r in rejected if len(r) == 1] == [
        "2.1 Attraktivitet og næringsutvikling", "3.2 Klima, miljø og natur",
        "2.3 Samferdsel og mobilitet", "2.4 Areal og bolig", "3.4 Oslofjorden"]


def test_comments_say_where_measures_came_from(redline):
    document = docx.Document(str(redline))
    texts = sorted(c.text for c in document.comments)
    assert texts == ["Tidligere 3.1.1, omnummerert", "Tidligere 3.3.3 og 3.3.4, slått sammen",
                     "Tidligere 4.4.1, delt", "Tidligere 4.4.1, delt"]
    assert {c.author for c in document.comments} == {"Sekretariatet"}


def test_english_comments_and_headers(tmp_path):
    path = tmp_path / "en.docx"
    write_redline(COMPARISON, path, date=DATE, lang="en")
    document = docx.Document(str(path))
    assert "Formerly 3.3.3 and 3.3.4, merged" in [c.text for c in document.comments]
    table = tables(project(path, "accept"))[-1]
    assert table[0] == ("No.", "Measure", "Result and effect targets", "Partners")
    assert any(r[2].startswith("Result targets:") for r in table if len(r) == 4)


def test_cover_page_lists_what_changed(redline):
    text = "\n".join(item for item in project(redline, "accept") if isinstance(item, str))
    assert "2.4.2 Bidra til økt kunnskap om boligutvikling i Osloregionen." in text
    assert "3.2.4 Arrangere felles ryddedag" in text
    assert "4.4.1 delt i 3.4.1, 3.4.2" in text
    assert "3.3.3, 3.3.4 slått sammen til 2.3.3" in text
    counts = tables(project(redline, "accept"))[1]
    # one split and one merge, each of two links, counted once; kinds that did not occur are
    # left out, as on the compare page
    assert dict(counts) == {"uendret": "1", "delt": "1", "slått sammen": "1", "nytt": "1",
                            "fjernet": "1"}


def test_revision_ids_are_unique_and_every_revision_has_author_and_date(redline):
    body = xml(redline)
    comments = xml(redline, "word/comments.xml")
    comment_ids = [el.get(f"{W}id") for el in comments.iter(f"{W}comment")]
    ids = [el.get(f"{W}id") for el in body.iter(f"{W}ins", f"{W}del")] + comment_ids
    assert len(ids) == len(set(ids)) > 20
    anchors = [el.get(f"{W}id") for el in body.iter(f"{W}commentRangeStart")]
    assert sorted(anchors) == sorted(comment_ids)
    for el in body.iter(f"{W}ins", f"{W}del"):
        assert el.get(f"{W}author") == "Sekretariatet"
        assert el.get(f"{W}date") == "2025-12-18T09:00:00Z"


def test_deleted_text_is_deltext_and_marked_rows_wrap_every_run(redline):
    body = xml(redline)
    assert not list(body.iterfind(f".//{W}del//{W}t"))
    assert list(body.iterfind(f".//{W}del//{W}delText"))
    marked_rows = [tr for tr in body.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}ins") is not None
                   or tr.find(f"{W}trPr/{W}del") is not None]
    assert len(marked_rows) >= 3  # the added and removed measures, the removed section heading
    for tr in marked_rows:
        for run in tr.iter(f"{W}r"):
            assert run.getparent().tag in (f"{W}ins", f"{W}del")


def test_comparing_a_version_with_itself_gives_no_revisions(tmp_path):
    new = COMPARISON.new
    same = Comparison(new, new, tuple(Link(m.id, m.id, "unchanged", 1.0) for m in new.measures))
    path = tmp_path / "same.docx"
    write_redline(same, path, date=DATE)
    body = xml(path)
    assert not list(body.iter(f"{W}ins", f"{W}del"))
    assert not docx.Document(str(path)).comments


def test_pure_renumbering_gives_no_text_revisions_in_measure_bodies(tmp_path):
    old = COMPARISON.new
    renumbered = tuple(Measure(f"9.{i}", m.title, m.section, m.result_targets, m.effect_targets,
                               m.partners) for i, m in enumerate(old.measures, 1))
    new = programme("ny", old.sections, renumbered)
    links = tuple(Link(a.id, b.id, "unchanged", 1.0, renumbered=True)
                  for a, b in zip(old.measures, renumbered, strict=True))
    path = tmp_path / "renumbered.docx"
    write_redline(Comparison(old, new, links), path, date=DATE)
    assert not list(xml(path).iter(f"{W}ins", f"{W}del"))
    comments = [c.text for c in docx.Document(str(path)).comments]
    assert comments == [f"Tidligere {m.id}, omnummerert" for m in old.measures]


def test_reopens_with_python_docx_and_keeps_norwegian_letters(redline):
    assert len(docx.Document(str(redline)).tables) == 3
    text = "\n".join("\n".join(row) for row in measure_rows(redline, "accept"))
    assert "Næringsaktører" in text and "gående" in text and "Miljødirektoratet" in text


# --- property: random edits of real measures ------------------------------------------------

WORDS = sorted({w for m in OLD + NEW for w in re.findall(r"\w+", m.title)})


@st.composite
def edited(draw, measure: Measure) -> Measure:
    words = measure.title.split(" ")
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        at = draw(st.integers(0, max(len(words) - 1, 0)))
        word = draw(st.sampled_from(WORDS))
        if action == "delete" and len(words) > 1:
            del words[at]
        elif action == "insert":
            words.insert(at, word)
        else:
            words[at] = word
    def edit_list(items: tuple[str, ...]) -> tuple[str, ...]:
        out = list(items)
        if out and draw(st.booleans()):
            del out[draw(st.integers(0, len(out) - 1))]
        if draw(st.booleans()):
            out.insert(draw(st.integers(0, len(out))), " ".join(draw(
                st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))))
        return tuple(out)
    return Measure(measure.id, " ".join(words), measure.section,
                   edit_list(measure.result_targets), edit_list(measure.effect_targets),
                   edit_list(measure.partners))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_accept_to_new_and_reject_to_old(tmp_path, data):
    olds = tuple(NEW)
    news = tuple(data.draw(edited(m)) for m in olds)
    old_p = programme("a", NEW_SECTIONS, olds)
    new_p = programme("b", NEW_SECTIONS, news)
    links = tuple(Link(m.id, m.id, "reworded", 0.9) for m in olds)
    path = tmp_path / "random.docx"
    write_redline(Comparison(old_p, new_p, links), path, date=DATE)
    assert measure_rows(path, "accept") == [cells(m) for m in news]
    assert measure_rows(path, "reject") == [cells(m) for m in olds]


def test_a_measure_merged_into_a_reworded_one_is_called_merged(tmp_path):
    # as in the gold: draft 3.2.1 → board 2.2.1 reworded, draft 3.4.2 folded into 2.2.1
    old = programme("utkast", OLD_SECTIONS, (
        Measure("3.2.1", "Erfaringsdeling om aktuelle tema innen klima, miljø- og natur", "3.2"),
        Measure("3.4.2", "Naturbaserte løsninger for overvannshåndtering", "3.4")))
    new = programme("styret", (Section("2.2", "Klima, miljø og natur", "2"),), (
        Measure("2.2.1", "Erfaringsdeling om aktuelle tema innen klima, miljø- og natur, f.eks. "
                "naturbaserte løsninger for overvannshåndtering", "2.2"),))
    links = (Link("3.2.1", "2.2.1", "reworded", 0.9, renumbered=True),
             Link("3.4.2", "2.2.1", "merged", 0.5, renumbered=True))
    path = tmp_path / "mixed.docx"
    write_redline(Comparison(old, new, links), path, date=DATE)
    assert [c.text for c in docx.Document(str(path)).comments] == [
        "Tidligere 3.2.1 og 3.4.2, slått sammen"]
    cover = [i for i in project(path, "accept") if isinstance(i, str)]
    assert "3.2.1, 3.4.2 slått sammen til 2.2.1" in cover


def test_cover_page_shows_the_versions_dates_when_known(tmp_path):
    dated = Comparison(dataclasses.replace(COMPARISON.old, date="2025-10"),
                       dataclasses.replace(COMPARISON.new, date="2025-12"), LINKS)
    path = tmp_path / "dated.docx"
    write_redline(dated, path, date=DATE)
    compared = tables(project(path, "accept"))[0]
    assert ("Dato", "2025-10", "2025-12") in compared
    assert ("Versjon", "utkast", "styret") in compared
