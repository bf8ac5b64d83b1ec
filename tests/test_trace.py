"""orvers trace: workshop proposals followed through the draft and the board recommendation."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, corpus_file

from orvers.api import load
from orvers.cli import cli
from orvers.evaluate import TraceRow, TraceScore, evaluate_trace, read_trace_labels
from orvers.model import Measure, Override, Programme, Section
from orvers.text import fold
from orvers.trace import Trace, trace
from orvers.trace.core import DEFAULT
from orvers.trace.lineage import lineages
from orvers.trace.score import containment, proposal_clauses, word_similarity, word_weights
from orvers.trace.subject import subject_links

LABELS = Path(__file__).parent / "data" / "trace_labels.csv"
@cache
def _workshop() -> Programme:
    return load(corpus_file("workshop"), layout="bullet-notes", label="workshop")


@cache
def _versions() -> tuple[Programme, Programme]:
    return (load(corpus_file("utkast"), label="utkast"),
            load(corpus_file("styret"), label="styret"))


@cache
def _trace() -> Trace:
    return trace(_workshop(), list(_versions()))


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _find(result: Trace, prefix: str):
    hits = [p for p in result.proposals if _key(p.text).startswith(_key(prefix))]
    assert len(hits) == 1, f"{prefix!r}: {len(hits)} proposals start so"
    return hits[0]


def _labels() -> list[TraceRow]:
    return read_trace_labels(LABELS)


def evaluate(result: Trace, rows: list[TraceRow], every: bool = False) -> TraceScore:
    """Link precision/recall and status accuracy on the labelled proposals (low rows left
    out unless every)."""
    return evaluate_trace(result, rows, {"utkast": "draft", "styret": "board"}, every)


def test_labels_cover_both_kinds_and_name_one_proposal_each():
    rows = _labels()
    assert len(rows) >= 55
    assert sum(1 for r in rows if r.links["draft"] or r.links["board"]) >= 8
    assert sum(1 for r in rows if not (r.links["draft"] or r.links["board"])) >= 8
    for row in rows:
        _find(_trace(), row.prefix)


def test_link_precision_recall_and_status_accuracy_on_labelled_set():
    scores = evaluate(_trace(), _labels())
    print(scores)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.85
    assert scores.status_accuracy >= 0.90


def test_clean_up_day_was_in_the_draft_and_dropped_by_the_board():
    p = _find(_trace(), "Arrangement: Arrangere felles ryddedag")
    assert [(x.version, x.id) for x in p.links] == [("utkast", "3.2.4")]
    assert p.status == "dropped_at_board"
    assert "ryddedag" in p.links[0].evidence


def test_renewable_energy_with_low_conflict_lives_on_in_orbify():
    p = _find(_trace(), "Utarbeide felles kunnskapsgrunnlag og samarbeide om kompetanse")
    assert ("styret", "3.3.1") in [(x.version, x.id) for x in p.links]
    assert p.status in ("adopted", "partial")


def test_housing_policy_became_board_2_4_2():
    p = _find(_trace(), "Jobbe med boligpolitikk")
    assert ("styret", "2.4.2") in [(x.version, x.id) for x in p.links]
    assert p.status in ("adopted", "partial")


def test_a_long_proposal_is_taken_up_by_the_measure_that_names_its_subject():
    # "helsenæringen" is rare in Norwegian and only the health-industry measure says it; the
    # proposal's other details (the project «En vei inn», the pilot) are not taken up
    p = _find(_trace(), "Prosjekt: styrke helsenæringen og helsetjenesten")
    assert [(x.version, x.id) for x in p.links] == [("utkast", "3.1.3"), ("styret", "2.1.3")]
    assert p.status == "partial"


@pytest.mark.parametrize("proposal, lineages, linked", [
    ("Styrke helsenæringen i regionen", ["Samarbeid med helsenæringens klynger",
                                          "Bygge sykkelveier"], [True, False]),
    # the subject in two lineages: neither is the clear one
    ("Styrke helsenæringen i regionen", ["Samarbeid med helsenæringens klynger",
                                          "Dialog med helsenæringen"], [False, False]),
    # a rare form whose stem other lineages use in a common form ("Osloregionen")
    ("Tenke i Osloregionperspektiv", ["Osloregionens påvirkningsarbeid",
                                      "Osloregionen skal dele erfaringer"], [False, False]),
    # words common in Norwegian make no subject
    ("Redusere utslipp fra trafikken", ["Tiltak som reduserer utslipp fra trafikken",
                                        "Bygge sykkelveier"], [False, False]),
])
def test_subject_words_link_the_one_lineage_that_shares_them(proposal, lineages, linked):
    got = subject_links([proposal], lineages, DEFAULT.subject_zipf, DEFAULT.subject_letters)
    assert got[0].tolist() == linked


def test_compiled_frequencies_are_wordfreqs_and_read_without_it(tmp_path):
    """The bokmål Zipf frequencies compiled into the user's cache give what wordfreq gives for
    every word of the bundled documents, and a later process reads them without wordfreq."""
    import re
    import subprocess
    import sys

    from wordfreq import zipf_frequency

    from orvers.trace.frequency import zipf

    words = {w.lower() for path in sorted(CORPUS.glob("*.txt"))
             for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8"))}
    assert len(words) > 1000
    assert [w for w in sorted(words) if zipf(w) != zipf_frequency(w, "nb")] == []
    assert zipf("Kommunen") == zipf_frequency("kommunen", "nb") > 3
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    probe = ("import sys; from orvers.trace.frequency import zipf; "
             "print(zipf('kommune') > 4, 'wordfreq' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert [r.stdout.split() for r in runs] == [["True", "True"], ["True", "False"]], runs
    assert len(list(tmp_path.rglob("nb.marisa"))) == 1


def test_every_proposal_has_a_status_and_summary_adds_up():
    result = _trace()
    assert len(result.proposals) == len(_workshop().measures)
    statuses = {"adopted", "partial", "dropped_at_draft", "dropped_at_board"}
    assert all(p.status in statuses for p in result.proposals)
    assert sum(result.summary().values()) == len(result.proposals)


def test_reverse_view_names_every_board_measure():
    result = _trace()
    board = _versions()[1]
    assert [o.id for o in result.origins] == [m.id for m in board.measures]
    orbify = next(o for o in result.origins if o.id == "3.3.1")
    assert _find(result, "Utarbeide felles kunnskapsgrunnlag og samarbeide").id in orbify.proposals


def test_overrides_force_and_forbid_links():
    w = _workshop()
    p = _find(_trace(), "Arrangement: Arrangere felles ryddedag")
    overrides = (Override("unlink", "workshop", p.id, "utkast", "3.2.4"),
                 Override("link", "workshop", p.id, "styret", "2.2.1"))
    forced = next(x for x in trace(w, list(_versions()), overrides=overrides).proposals
                  if x.id == p.id)
    assert [(x.version, x.id, x.overridden) for x in forced.links] == [("styret", "2.2.1", True)]
    assert forced.status in ("adopted", "partial")


@pytest.mark.parametrize("text", [
    "Erfaringsdeling og webinar for kommunene",
    "Videreføre dialog med statlige aktører",
    "Samarbeid med kommunene og regionale aktører om kunnskap og kompetanse",
    "Delta på nasjonal samarbeidsarena for nyttetransport",  # samarbeid- is no evidence
])
def test_generic_words_alone_make_no_link(text):
    w = _workshop()
    only = Programme(w.path, "txt", "bullet-notes", "", (), (Measure("W1", text, None),),
                     label="workshop")
    result = trace(only, list(_versions()))
    assert result.proposals[0].links == ()
    assert result.proposals[0].status == "dropped_at_draft"


def test_a_common_first_part_of_a_compound_proves_little():
    docs = [{"samarbeid", "kommunene"}, {"samarbeid", "regionen"}, {"samarbeidet", "fylkene"},
            {"samarbeidsarena", "nyttetransport"}, {"boligpolitikk"}, {"boligutvikling"},
            {"kommunene", "fylkene"}]
    vocab = sorted(set().union(*docs))
    ix = {w: i for i, w in enumerate(vocab)}
    similar = word_similarity(vocab, DEFAULT)
    weight, credit = word_weights(docs, vocab, similar, DEFAULT)
    # a word weighs what its family weighs: samarbeidet counts as samarbeid
    assert weight[ix["samarbeid"]] == weight[ix["samarbeidet"]] < weight[ix["boligpolitikk"]]
    arena = credit[ix["samarbeidsarena"], ix["samarbeid"]] / weight[ix["samarbeidsarena"]]
    bolig = credit[ix["boligpolitikk"], ix["boligutvikling"]] / weight[ix["boligpolitikk"]]
    assert 0 < arena < bolig / 2


def test_lineages_group_a_measure_with_its_splits_and_merges():
    a = Programme("a", "txt", "outline", "", (), tuple(Measure(i, i, None) for i in
                                                       ("1", "2", "3", "4")), label="a")
    b = Programme("b", "txt", "outline", "", (), tuple(Measure(i, i, None) for i in
                                                       ("x", "y", "z")), label="b")
    groups = lineages([a, b], [[("1", "x"), ("1", "y"), ("2", "z"), ("3", "z")]])
    named = sorted(sorted(("ab"[k], [a, b][k].measures[j].id) for k, j in g) for g in groups)
    assert named == [[("a", "1"), ("b", "x"), ("b", "y")], [("a", "2"), ("a", "3"), ("b", "z")],
                     [("a", "4")]]
    assert len(lineages([a, b], None)) == 7


def test_a_measure_carries_the_proposal_through_its_earlier_form():
    # the draft names only the project (ORBIFY); its board form quotes the proposal
    p = _find(_trace(), "Utarbeide felles kunnskapsgrunnlag og samarbeide om kompetanse")
    assert [(x.version, x.id) for x in p.links] == [("utkast", "4.3.1"), ("styret", "3.3.1")]


def test_a_link_through_the_lineage_shows_the_carrier_s_score_and_words():
    p = _find(_trace(), "Utarbeide felles kunnskapsgrunnlag og samarbeide om kompetanse")
    draft, board = p.links
    assert draft.via == ("styret", "3.3.1") and board.via is None
    assert draft.score == board.score > 0.5
    assert draft.evidence == board.evidence and "fornybar energi" in draft.evidence


def _version(label: str, sections: list[tuple[str, str]], items: list[tuple[str, str]]
             ) -> Programme:
    return Programme(label, "txt", "outline", "", tuple(Section(i, t) for i, t in sections),
                     tuple(Measure(f"{sec}.{k}", t, sec) for k, (sec, t) in enumerate(items, 1)),
                     label=label)


def _draft() -> Programme:
    return _version("utkast", [("1", "Attraktivitet og næringsutvikling"),
                               ("2", "Klima, miljø og natur"), ("3", "Transport og mobilitet")], [
        ("1", "Forprosjekt om kartlegging av næringsarealer for en mer næringsrettet region"),
        ("1", "Dele gode eksempler på næringsvennlig praksis i kommunene"),
        ("2", "Arrangere felles ryddedag mot fremmedarter i kommunene"),
        ("2", "Erfaringsdeling om naturbaserte løsninger for overvann"),
        ("3", "Etablere sykkelparkering ved jernbanestasjonene i regionen"),
        ("3", "Følge opp utredninger om jernbane mot 2050")])


def _idea(section: str, text: str) -> Programme:
    return Programme("w", "txt", "bullet-notes", "", (Section(section, section),),
                     (Measure("W1", text, section),), label="workshop")


@pytest.mark.parametrize("section, linked", [("Konkurransekraft og næringsutvikling", True),
                                             ("Klima, miljø og natur", False),
                                             ("Andre innspill", False)])
def test_a_core_taken_up_without_the_details_links_only_in_the_proposal_s_area(section, linked):
    # the measure carries "kartlegging av næringsareal", not the ABC principle: a weak share,
    # but the clear choice, and in the area of the workshop group that proposed it
    idea = "Kartlegging av næringsareal etter ABC-prinsippet: rett virksomhet på rett sted"
    p = trace(_idea(section, idea), [_draft()]).proposals[0]
    assert [(x.id, x.score < DEFAULT.link_min) for x in p.links] == ([("1.1", True)] if linked
                                                                      else [])
    assert p.status == ("partial" if linked else "dropped_at_utkast")


def test_each_part_of_a_proposal_links_the_measure_that_carries_it():
    idea = ("Arrangere ryddedag mot fremmedarter langs vassdragene i kommunene. Etablere trygg "
            "sykkelparkering ved jernbanestasjonene for pendlere.")
    p = trace(_idea("Andre innspill", idea), [_draft()]).proposals[0]
    assert sorted(x.id for x in p.links) == ["2.3", "3.5"]
    assert "ryddedag" in next(x.evidence for x in p.links if x.id == "2.3")
    assert p.status == "partial"


def test_an_abbreviation_ends_no_clause():
    idea = Measure("W1", "Forskning på ny energiproduksjon, eks. solkraft fra NMBU. Kartlegge "
                         "kraftbehovet i kommunene nå og i fremtiden.", None)
    assert proposal_clauses(idea) == ["Forskning på ny energiproduksjon, eks. solkraft fra NMBU.",
                                      "Kartlegge kraftbehovet i kommunene nå og i fremtiden."]


def test_a_short_word_opening_a_compound_is_half_the_compound():
    vocab = ["nett", "nettutfordringer", "skog", "skogbruk", "sol", "solkraft"]
    sim = word_similarity(vocab, DEFAULT).sim
    assert sim[0, 1] == sim[2, 3] == 0.5
    assert sim[4, 5] == 0.0  # three letters open too many words to count


def test_forms_of_one_word_count_once_in_a_proposal():
    measures = ["Samarbeid med helsenæringen og sykehusene", "Ryddedag mot fremmedarter"]
    once = ["helsenæringen og legemiddelproduksjon"]
    twice = ["helsenæring og helsenæringen og legemiddelproduksjon"]
    a = containment(once, measures, once + measures, DEFAULT).score
    b = containment(twice, measures, once + measures, DEFAULT).score
    assert a[0, 0] == pytest.approx(b[0, 0]) and 0 < a[0, 0] < 1


def test_lineage_follows_overrides_between_versions():
    def version(label, titles):
        return Programme(label, "txt", "outline", "", (), tuple(
            Measure(f"{k}", t, "1") for k, t in enumerate(titles, 1)), label=label)

    idea = Measure("W1", "Felles sykkelparkering ved jernbanestasjonene i regionen", None)
    source = Programme("w", "txt", "bullet-notes", "", (), (idea,), label="workshop")
    draft = version("utkast", ["Delta i Interreg-prosjektet PEDAL (om tilsagn)",
                               "Arrangere ryddedag mot fremmedarter i kommunene"])
    board = version("styret", ["Arrangere ryddedag mot fremmedarter i kommunene",
                               "Etablere felles sykkelparkering ved jernbanestasjonene i regionen "
                               "gjennom Interreg-prosjektet PEDAL"])
    joined = (Override("link", "utkast", "1", "styret", "2"),)
    apart = (Override("unlink", "utkast", "1", "styret", "2"),)
    linked = trace(source, [draft, board], overrides=joined).proposals[0]
    assert [(x.version, x.id) for x in linked.links] == [("utkast", "1"), ("styret", "2")]
    alone = trace(source, [draft, board], overrides=apart).proposals[0]
    assert [(x.version, x.id) for x in alone.links] == [("styret", "2")]
    assert linked.status == alone.status == "adopted"


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_cli_trace_writes_every_format(tmp_path, fmt):
    out = tmp_path / f"trace.{fmt}"
    args = ["trace", str(corpus_file("workshop")), str(corpus_file("utkast")),
            str(corpus_file("styret")), "--format", fmt, "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "ryddedag" in text
    if fmt == "json":
        data = json.loads(text)
        assert [v["label"] for v in data["versions"]] == ["workshop", "utkast", "styret"]
        p = next(x for x in data["proposals"] if "felles ryddedag" in x["text"])
        assert p["status"] == "dropped_at_board"
        assert p["links"][0] == {**p["links"][0], "version": "utkast", "id": "3.2.4"}
        assert sum(data["summary"].values()) == len(data["proposals"])
    if fmt == "html":
        assert "<script src=" not in text and "http" not in text.split("<body")[0]


def test_dropped_status_names_the_stage_or_the_label():
    w = _workshop()
    draft, board = _versions()
    three = trace(w, [draft, board, board.__class__(**{**board.__dict__, "label": "vedtatt"})])
    assert "dropped_at_utkast" in three.summary()
    assert all(p.status in ("adopted", "partial") or p.status.removeprefix("dropped_at_")
               in ("utkast", "styret", "vedtatt") for p in three.proposals)
    clean = _find(three, "Arrangement: Arrangere felles ryddedag")
    assert clean.status == "dropped_at_styret"


def test_json_keeps_norwegian_letters(tmp_path):
    out = tmp_path / "t.json"
    args = ["trace", "workshop", "utkast", "styret", "--format", "json", "-o", str(out),
            "--corpus", str(corpus_file("workshop").parent)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "fremmedarter" in text and "Klima, miljø og natur" in text and "\\u00f8" not in text
    # a draft measure that only names its project is linked through its board form
    links = [lk for p in json.loads(text)["proposals"] for lk in p["links"]]
    carried = [lk for lk in links if lk["via"]]
    assert carried and all(lk["via"]["version"] != lk["version"] for lk in carried)
    assert all(lk["score"] > 0 and lk["evidence"] for lk in carried)


def test_cli_trace_bad_file_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["trace", str(tmp_path / "none.txt"),
                                      str(corpus_file("utkast"))])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_two_targets_outside_a_corpus_drop_at_draft_or_board(tmp_path):
    import shutil

    files = []
    for label in ("workshop", "utkast", "styret"):
        files.append(tmp_path / f"{label}-copy.txt")  # no corpus.toml: labels are file names
        shutil.copy(corpus_file(label), files[-1])
    out = tmp_path / "t.json"
    result = CliRunner().invoke(cli, ["trace", *map(str, files), "--format", "json",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    statuses = {p["status"] for p in data["proposals"]}
    assert statuses <= {"adopted", "partial", "dropped_at_draft", "dropped_at_board"}
    assert {"dropped_at_draft", "dropped_at_board"} <= statuses
