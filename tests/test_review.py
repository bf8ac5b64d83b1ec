"""Calibrated confidence, the review queue and `orvers review`: a suggested command applied
changes the comparison, the trace and the redline alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from test_redline import cells, measure_rows

from orvers.api import load
from orvers.calibration import confidence, fit
from orvers.cli import cli
from orvers.match.confidence import decisions, with_confidence
from orvers.model import Comparison, Link, Programme


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns(".orvers-cache"))
    return root


def test_isotonic_map_rises_with_the_margin_and_never_claims_certainty():
    maps = {"link": fit([-0.1, 0.0, 0.05, 0.1, 0.2, 0.3], [0, 0, 1, 0, 1, 1])}
    got = [confidence("link", x, maps) for x in (-0.2, 0.0, 0.1, 0.4)]
    assert got == sorted(got)
    assert 0.0 < got[0] < 0.5 < got[-1] < 1.0


def test_decisions_with_the_same_margin_share_one_confidence():
    """Ties are one point of the map: four decisions at margin 0 (three right) say 4/6 with
    the shrinkage, whatever order they came in; a kind without a margin says its base rate."""
    for order in ([True, False, True, True], [False, True, True, True]):
        maps = {"k": fit([0.0] * 4 + [0.1] * 2, order + [True, True])}
        assert confidence("k", 0.0, maps) == 0.667
        assert confidence("k", 0.1, maps) == 0.75
    flat = {"k": fit([0.0] * 5, [True, True, True, True, False])}
    assert confidence("k", 0.0, flat) == confidence("k", 3.0, flat) == 0.714


def test_a_removed_and_an_added_measure_one_link_would_settle_are_one_question():
    """Old X was left unlinked and new Y2 added; each is the other's best candidate by content:
    the queue asks once whether X became Y2."""
    links = [Link("A1", "A2", "reworded", score=0.9), Link("X", None, "removed"),
             Link(None, "Y2", "added")]
    found = decisions(links, np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]),
                      np.array([0.9, 0.1, 0.40, 0.42]), ["A1", "X"], ["A2", "Y2"], 0.45)
    assert [d.alternative for d in found[1:]] == [("X", "Y2", 0.42)] * 2
    empty = Programme("a.txt", "txt", "outline", "a", (), (), label="a")
    maps = {"link": fit([0.0, 0.1, 0.2, 0.3], [True] * 4),
            "unlinked": fit([0.0, 0.1], [False, True])}
    queue = with_confidence(Comparison(empty, empty, tuple(links)), found, maps).review
    assert [(r.command, r.what) for r in queue] == [
        ("orvers link a:X a:Y2", "a:X → a:– (removed); a:– → a:Y2 (added)")]


def test_an_unlinked_measure_is_offered_its_best_partner_by_content():
    """The section priors kept X from A2 (its final score is below Y2's), but by what the two
    say A2 is X's best partner: the queue offers X → A2, which would make A1 and X merge into
    A2 (three measures on one subject consolidated into one across a year look like this),
    not the free Y2 that happens to share X's section."""
    links = [Link("A1", "A2", "reworded", score=0.9), Link("X", None, "removed"),
             Link(None, "Y2", "added")]
    rows, cols = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    final = np.array([0.9, 0.1, 0.30, 0.42])
    content = np.array([0.9, 0.1, 0.44, 0.35])
    found = decisions(links, rows, cols, final, ["A1", "X"], ["A2", "Y2"], 0.45, content)
    assert found[1].alternative == ("X", "A2", 0.44)
    assert found[1].margin == round(0.45 - 0.42, 4)  # the confidence still follows the final score
    assert found[2].alternative == ("X", "Y2", 0.35)


def test_every_link_and_status_carries_a_confidence_and_a_path(corpus, tmp_path):
    data = json.loads(_run("compare", "utkast", "styret", "--format", "json",
                           "--corpus", str(corpus)))
    assert all(0.0 <= lk["confidence"] <= 1.0 for lk in data["links"])
    confidences = [r["confidence"] for r in data["review"]]
    assert confidences == sorted(confidences)
    t = json.loads(_run("trace", "workshop", "utkast", "styret", "--format", "json",
                        "--corpus", str(corpus)))
    for p in t["proposals"]:
        assert 0.0 <= p["confidence"] <= 1.0
        assert len(p["path"]) == 2
        if p["status"] == "adopted":
            assert p["path"][-1] == "present"
            assert max(x["score"] for x in p["links"] if x["version"] == "styret") >= 0.5
        if p["status"] == "partial":  # the status follows from the scores shown
            assert max(x["score"] for x in p["links"] if x["version"] == "styret") < 0.5


def test_a_suggested_command_changes_comparison_trace_and_redline_alike(corpus, tmp_path):
    queues = json.loads(_run("review", str(corpus), "--format", "json"))["review"]
    queue = next(q["items"] for q in queues if q["what"] == "utkast → styret")
    item = next(x for x in queue if x["command"].startswith("orvers link"))
    _, _, old_ref, new_ref = item["command"].split()
    old_id, new_id = old_ref.split(":")[1], new_ref.split(":")[1]
    draft = load(corpus / "2025-10_utkast-handlingsprogram-2026.txt")
    before = tmp_path / "before.docx"
    _run("redline", "utkast", "styret", "-o", str(before), "--corpus", str(corpus))

    _run("link", old_ref, new_ref, "--corpus", str(corpus))

    data = json.loads(_run("compare", "utkast", "styret", "--format", "json",
                           "--corpus", str(corpus)))
    forced = [lk for lk in data["links"] if (lk["old"], lk["new"]) == (old_id, new_id)]
    assert forced and forced[0]["overridden"] and forced[0]["confidence"] == 1.0
    assert item["command"] not in {r["command"] for r in data["review"]}
    t = json.loads(_run("trace", "workshop", "utkast", "styret", "--format", "json",
                        "--corpus", str(corpus)))
    origin = next(o for o in t["origins"] if o["id"] == new_id)
    assert {"version": "utkast", "id": old_id} in origin["earlier"]
    after = tmp_path / "after.docx"
    _run("redline", "utkast", "styret", "-o", str(after), "--corpus", str(corpus))
    removed = cells(draft.measure(old_id))
    assert removed in measure_rows(before, "reject")  # a deleted row of its own before
    assert removed not in measure_rows(after, "reject")
    title = draft.measure(old_id).title
    assert any(title in row[1] for row in measure_rows(after, "reject"))


def test_the_markdown_queue_names_kinds_and_statuses_in_the_reports_words():
    from orvers.model import ReviewItem
    from orvers.render.review_md import review_markdown

    items = (ReviewItem("workshop:W35 dropped_at_draft", 0.33, "styret:2.3.2 (0.51)",
                        "orvers link workshop:W35 styret:2.3.2"),
             ReviewItem("utkast:3.4.2 → styret:– (removed)", 0.5, "utkast:3.4.2 → styret:2.2.1",
                        "orvers link utkast:3.4.2 styret:2.2.1"))
    text = "\n".join(review_markdown(items, "nb"))
    assert "| workshop:W35 falt ut i utkastet |" in text
    assert "| utkast:3.4.2 → styret:– (fjernet) |" in text and "dropped_at" not in text
    assert "(removed)" in "\n".join(review_markdown(items, "en"))
    # one question for a removed and an added measure: both kinds in the report's words
    both = (ReviewItem("a:X → a:– (removed); a:– → a:Y2 (added)", 0.5, "a:X → a:Y2 (0.42)",
                       "orvers link a:X a:Y2"),)
    assert "| a:X → a:– (fjernet); a:– → a:Y2 (nytt) |" in "\n".join(review_markdown(both, "nb"))
