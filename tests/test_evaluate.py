"""Link-level precision/recall/F1 against a gold CSV, low rows left out (CONTRACTS.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orvers.errors import InputError
from orvers.evaluate import evaluate, json_pairs, read_gold, report

GOLD = """old_id,new_id,relation,confidence,note
1.1,2.1,unchanged,high,
1.2,2.2,reworded,high,
1.3,,removed,high,
,2.3,added,high,
1.4,2.2,merged,low,may also be removed
"""


@pytest.fixture
def gold(tmp_path):
    p = tmp_path / "gold.csv"
    p.write_text(GOLD, encoding="utf-8")
    return read_gold(p)


def test_perfect(gold):
    s = evaluate([("1.1", "2.1"), ("1.2", "2.2"), ("1.3", None), (None, "2.3")], gold)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_low_rows_count_neither_way(gold):
    s = evaluate([("1.1", "2.1"), ("1.2", "2.2"), ("1.3", None), (None, "2.3"),
                  ("1.4", "2.2"), ("1.4", None)], gold)
    assert s.f1 == 1.0 and len(s.ignored) == 2


def test_misses(gold):
    s = evaluate([("1.1", "2.2"), ("1.3", None), (None, "2.3")], gold)
    assert s.false_positives == (("1.1", "2.2"),)
    assert set(s.false_negatives) == {("1.1", "2.1"), ("1.2", "2.2")}
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 4)
    text = report(s, {"1.1": "Etablere nettverk"}, {})
    assert "false positive: 1.1 «Etablere nettverk» → 2.2\n" in text
    assert "«»" not in report(s)  # --links: ids alone, no empty titles
    assert text.splitlines()[-1] == "precision=0.667 recall=0.500 f1=0.571"


def test_json_pairs(tmp_path):
    p = tmp_path / "c.json"
    p.write_text(json.dumps({"links": [{"old": "1.1", "new": None, "kind": "removed"}]}))
    assert json_pairs(p) == [("1.1", None)]
    p.write_text("not json")
    with pytest.raises(InputError):
        json_pairs(p)


def test_bad_gold(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(InputError):
        read_gold(p)


def test_trace_labels_give_a_status_per_target_set():
    """The clean-up day was in the draft and dropped by the board: adopted in a trace to the
    draft alone, dropped in one to the board alone, dropped_at_board through both."""
    from orvers.evaluate import read_trace_labels, trace_gold

    rows = read_trace_labels(Path(__file__).parent / "data" / "trace_labels.csv")
    day = next(r for r in rows if "ryddedag" in r.prefix)
    assert day.links == {"draft": ("3.2.4",), "board": ()}
    assert trace_gold(day, ("draft", "board")) == "dropped_at_board"
    assert trace_gold(day, ("draft",)) == "adopted"
    assert trace_gold(day, ("board",)) == "dropped"
    assert {trace_gold(r, ("draft",)) for r in rows} == {"adopted", "partial", "dropped"}
