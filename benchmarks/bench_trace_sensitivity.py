"""Trace threshold sensitivity: each TraceSettings threshold scaled in turn, the others kept.

Prints, per threshold and scale, link precision/recall and status accuracy of `orvers trace
workshop utkast styret` on the labelled proposals (tests/data/trace_labels.csv; high rows, and
all rows), and the status counts; a threshold whose result flips at ±10 % sits at an edge.
Run: .venv/bin/python benchmarks/bench_trace_sensitivity.py [--scales 0.8,0.9,1.1,1.2]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_trace import _labels, _versions, _workshop, evaluate  # noqa: E402

from orvers.match import compare  # noqa: E402
from orvers.trace import trace  # noqa: E402
from orvers.trace.core import DEFAULT  # noqa: E402

THRESHOLDS = ("link_min", "margin", "weak_min", "weak_margin", "clause_min", "clause_margin",
              "rel_min", "adopt_min", "min_mass")


def measure(settings, comparisons: dict, rows: list) -> str:
    """One row: P/R/accuracy on high rows and on all rows, and the status counts."""
    result = trace(_workshop(), list(_versions()), settings, comparisons=comparisons)
    high = evaluate(result, rows)
    every = evaluate(result, rows, every=True)
    counts = result.summary()
    cells = [f"{x.precision:.3f} {x.recall:.3f} {x.status_accuracy:.3f}"
             for x in (high, every)]
    return " | ".join(cells + [" ".join(f"{counts.get(k, 0):2d}" for k in (
        "adopted", "partial", "dropped_at_draft", "dropped_at_board"))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="0.8,0.9,1.1,1.2")
    scales = [float(x) for x in parser.parse_args().scales.split(",")]
    draft, board = _versions()  # no threshold here changes the matcher: compare them once
    comparisons = {(draft.label, board.label): compare(draft, board)}
    rows = _labels()
    print("threshold        value  | high P  R     acc   | all P   R     acc   | ad pa dd db")
    print(f"{'(defaults)':16} {'':6} | {measure(DEFAULT, comparisons, rows)}")
    for name in THRESHOLDS:
        for scale in scales:
            value = round(getattr(DEFAULT, name) * scale, 3)
            settings = dataclasses.replace(DEFAULT, **{name: value})
            print(f"{name:16} {value:<6} | {measure(settings, comparisons, rows)}", flush=True)


if __name__ == "__main__":
    main()
