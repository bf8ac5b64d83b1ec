"""HTML reports: word diffs, filters (in headless Chromium), lineage, trace and index pages."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest
from test_history import CHAIN

from orvers.diff import changes
from orvers.model import Comparison, Link, Measure, ReviewItem
from orvers.render.html import render_comparison, render_index, render_trace
from orvers.render.trace_html import render_trace_html
from orvers.trace import ProposalTrace, Trace

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"]


def test_comparison_page_marks_words_and_is_self_contained():
    page = render_comparison(CHAIN[0], lineages={("b", "2.1"): (("a", ("1.1",)),
                                                                ("b", ("2.1",)))})
    assert "<ins>tettere </ins>" in page
    assert 'data-kind="split"' in page and 'data-kind="reworded"' in page
    # each step of the lineage links to the measure on its version's page
    assert "omformulert" in page and 'a <a href="../versions/a.html#a-1.1">1.1</a>' in page
    assert not re.search(r'(src|href)="https?:', page)  # nothing fetched from the network
    english = render_comparison(CHAIN[0], lang="en")
    assert '<html lang="en">' in english and "reworded" in english and "omformulert" not in english


def test_override_is_shown():
    assert "manuell kobling" in render_comparison(CHAIN[1])


def test_trace_page_and_index():
    trace = {"versions": [{"label": "workshop"}, {"label": "utkast"}, {"label": "styret"}],
             "proposals": [{"id": "W1", "text": "Felles ryddedag", "section": "Klima",
                            "status": "dropped_at_styret",
                            "links": [{"version": "utkast", "id": "3.2.4", "score": 0.9}]}],
             "summary": {"adopted": 0, "dropped_at_styret": 1}}
    page = render_trace(trace)
    assert "falt ut i styret" in page and "3.2.4" in page and "Felles ryddedag" in page
    index = render_index("Rapport", [{"label": "utkast", "stage": "draft", "date": "2025-10",
                                      "title": "Utkast", "measures": 37,
                                      "files": [("JSON", "versions/utkast.json")]}],
                         [{"title": "Sammenligninger", "entries": [
                             {"title": "utkast → styret", "summary": "",
                              "files": [("HTML", "compare/utkast--styret.html")]}]}],
                         "2025-01-01 00:00 UTC", ["hp2025: feil"])
    assert 'href="compare/utkast--styret.html"' in index and "hp2025: feil" in index


REMOVED = ReviewItem("b:2.1 → c:– (removed)", 0.5, "b:2.1 → c:3.1 (0.41)",
                     "orvers link b:2.1 c:3.1")
REVIEW_MERGE = ReviewItem("b:2.3 → c:3.1 (merged)", 0.4, "b:2.3 removed, c:3.1 added",
                          "orvers unlink b:2.3 c:3.1")


def _queued(c: Comparison, *items: ReviewItem) -> Comparison:
    return Comparison(c.old, c.new, c.links, review=items)


def test_review_queue_comes_before_the_table_and_marks_its_rows():
    page = render_comparison(_queued(CHAIN[1], REVIEW_MERGE, REMOVED))
    queue, table = page.index('id="review"'), page.index('<table id="links"')
    assert page.index("Til gjennomgang (2)") < table and queue < table
    assert page.count('<tr id="review-') == 2
    # most doubtful first, in the report's words, each command ready to copy
    first = page.split('<tr id="review-1">')[1].split("</tr>")[0]
    assert "b:2.3 → c:3.1 (slått sammen)" in first and ">0.40<" in first
    assert "<code>orvers unlink b:2.3 c:3.1</code>" in first
    assert "<code>orvers link b:2.1 c:3.1</code>" in page
    # the row of the removed measure carries a mark pointing to its queue row, and back
    row = page.split('id="b-2.1"')[1].split("</tr>")[0]
    assert '<a class="q" id="review-2-1" href="#review-2"' in row
    assert 'href="#review-2-1"' in page.split('<tr id="review-2">')[1].split("</tr>")[0]
    assert "Samarbeide tettere med kommunene" in page.split('<tr id="review-2">')[1]
    # the merge's second link (2.2 → 3.1) is not in the queue: only the two asked about are
    assert page.count('class="q"') == 2


def test_an_empty_queue_says_there_is_nothing_doubtful():
    page = render_comparison(CHAIN[0])
    assert "Ingen usikre koblinger." in page and 'class="q"' not in page
    assert page.index("Ingen usikre koblinger.") < page.index('<table id="links"')
    english = render_comparison(CHAIN[0], lang="en")
    assert "No doubtful links." in english and "Ingen usikre" not in english


def test_review_queue_in_english():
    page = render_comparison(_queued(CHAIN[1], REMOVED), lang="en")
    queue = page.split('id="review"')[1].split("</details>")[0]
    for label in ("To review (1)", "Decided", "Confidence", "Alternative", "Command",
                  "b:2.1 → c:– (removed)"):
        assert label in queue
    assert "Til gjennomgang" not in page and "fjernet" not in queue
    assert 'title="Doubtful: see no. 1 to review (confidence 0.50)"' in page


def test_untrusted_text_in_the_queue_is_escaped():
    old, new = CHAIN[1].old, CHAIN[1].new
    evil = "<script>alert(1)</script> Samarbeide"
    old = replace(old, measures=(Measure(id="2.1", title=evil, section=None),
                                 *old.measures[1:]))
    item = ReviewItem("b:2.1 → c:– (removed)", 0.5, f"b:2.1 → c:3.1 {evil}",
                      f"orvers link b:2.1 c:3.1 {evil}")
    page = render_comparison(Comparison(old, new, CHAIN[1].links, review=(item,)))
    assert "<script>alert" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title, alt, command…


def test_trace_pages_list_the_queue_first_and_mark_the_proposals():
    item = ReviewItem("workshop:W1 dropped_at_styret", 0.5, "styret:2.2.1 (0.07)",
                      "orvers link workshop:W1 styret:2.2.1")
    trace = {"versions": [{"label": "workshop"}, {"label": "utkast"}, {"label": "styret"}],
             "proposals": [{"id": "W1", "text": "Felles ryddedag", "section": "Klima",
                            "status": "dropped_at_styret", "links": []},
                           {"id": "W2", "text": "Sykkelveier", "section": "Klima",
                            "status": "adopted", "links": []}],
             "summary": {"adopted": 1, "dropped_at_styret": 1},
             "review": [item.__dict__]}
    page = render_trace(trace)
    assert page.index('id="review"') < page.index('id="areas"')
    assert "workshop:W1 falt ut i styret" in page
    assert "<code>orvers link workshop:W1 styret:2.2.1</code>" in page
    row = page.split('id="workshop-W1"')[1].split("</tr>")[0]
    assert 'href="#review-1"' in row
    assert 'href="#review-1"' not in page.split('id="workshop-W2"')[1].split("</tr>")[0]
    standalone = render_trace_html(Trace(
        versions=(("w.txt", "workshop"), ("s.txt", "styret")),
        proposals=(ProposalTrace("W1", "Felles ryddedag", "Klima", "dropped_at_styret", ()),),
        origins=(), areas=(), review=(item,)), lang="en")
    assert standalone.index("To review (1)") < standalone.index("Per area")
    assert "workshop:W1 dropped at styret" in standalone
    assert '<a class="q" id="review-1-1" href="#review-1"' in standalone


def test_index_gives_each_comparison_its_number_to_review():
    entry = {"title": "utkast → styret", "summary": "",
             "review": {"n": 9, "href": "compare/utkast--styret.html#review"},
             "files": [("HTML", "compare/utkast--styret.html")]}
    index = render_index("Rapport", [], [{"title": "Sammenligninger", "entries": [entry]}],
                         "2025-01-01 00:00 UTC", [])
    assert '<a href="compare/utkast--styret.html#review">9 til gjennomgang</a>' in index
    english = render_index("Report", [], [{"title": "Comparisons", "entries": [entry]}],
                           "2025-01-01 00:00 UTC", [], lang="en")
    assert ">9 to review</a>" in english


def _dom(path, tmp_path, fragment: str) -> str:
    run = subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          f"file://{path}{fragment}"], capture_output=True, text=True,
                         timeout=90)
    return run.stdout


@pytest.mark.chromium
def test_filters_work_in_chromium(tmp_path):
    old, new = CHAIN[0].old, CHAIN[0].new
    links = tuple(Link(lk.old, lk.new, lk.kind, changes=changes(old.measure(lk.old),
                                                                 new.measure(lk.new)))
                  for lk in CHAIN[0].links)
    path = tmp_path / "c.html"
    path.write_text(render_comparison(Comparison(old, new, links)), encoding="utf-8")
    dom = _dom(path, tmp_path, "#kind=split")
    shown = re.findall(r'data-kind="(\w+)"[^>]*data-shown="1"', dom)
    hidden = re.findall(r'data-kind="(\w+)"[^>]*data-shown="0"', dom)
    assert shown == ["split", "split"] and hidden == ["reworded"]
    assert "2 / 3" in dom
    assert "Bygge gangveier" in dom
