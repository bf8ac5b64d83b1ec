"""HTML reports: word diffs, filters (in headless Chromium), lineage, trace and index pages."""

from __future__ import annotations

import re
import subprocess

import pytest
from test_history import CHAIN

from orvers.diff import changes
from orvers.model import Comparison, Link
from orvers.render.html import render_comparison, render_index, render_trace

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
