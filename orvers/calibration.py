"""Calibrated confidence: raw margins mapped to the share of decisions that were right on the
hand-labelled sets (isotonic, fitted by benchmarks/bench_accuracy.py --calibrate)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data" / "calibration.json"


def fit(x: list[float], right: list[bool]) -> dict[str, list[float]]:
    """An increasing map from x to the share of right decisions: isotonic regression over the
    distinct values of x (decisions with the same x share one share), each pooled block's
    share shrunk towards 1/2 by one right and one wrong decision (a block of five right links
    says 6/7, not certainty). Knots at each block's ends."""
    from scipy.optimize import isotonic_regression  # slow to import: only when fitting

    if not x:
        return {"x": [0.0], "y": [0.5]}
    xs, at, count = np.unique(np.asarray(x, dtype=float), return_inverse=True,
                              return_counts=True)
    hits = np.bincount(at.ravel(), weights=np.asarray(right, dtype=float), minlength=len(xs))
    blocks = isotonic_regression(hits / count, weights=count).blocks
    kx: list[float] = []
    ky: list[float] = []
    for lo, hi in zip(blocks[:-1], blocks[1:], strict=True):
        share = (hits[lo:hi].sum() + 1.0) / (count[lo:hi].sum() + 2.0)
        kx += [float(xs[lo]), float(xs[hi - 1])]
        ky += [round(float(share), 4)] * 2
    return {"x": kx, "y": ky}


@functools.cache
def _maps() -> dict[str, dict[str, list[float]]]:
    return json.loads(DATA.read_text(encoding="utf-8")) if DATA.is_file() else {}


def confidence(kind: str, x: float, maps: dict | None = None) -> float:
    """The calibrated probability that a decision of this kind with margin x is right
    (kinds: link, unlinked, trace_link, trace_taken, trace_dropped); 0.5 when the map is
    missing."""
    m = (maps if maps is not None else _maps()).get(kind)
    if not m:
        return 0.5
    return round(float(np.interp(x, m["x"], m["y"])), 3)
