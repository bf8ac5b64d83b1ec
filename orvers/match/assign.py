"""Optimal one-to-one assignment of scored candidate pairs (sparse, top-k per measure)."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from .candidates import top_k


def gain(score: np.ndarray, threshold: float, power: float) -> np.ndarray:
    """What linking a pair is worth: its margin above threshold as a share of the most it
    could be (1 − threshold), raised to power. power 1 adds margins up, so two marginal
    links outweigh one clearly better link; power 2 makes one link with twice the margin
    worth four marginal ones, so doubtful links give way to a clear one."""
    margin = np.clip((score - threshold) / max(1.0 - threshold, 1e-9), 0.0, 1.0)
    return margin.astype(np.float64) ** power


def assign(rows: np.ndarray, cols: np.ndarray, score: np.ndarray, shape: tuple[int, int],
           k: int, threshold: float, power: float = 1.0) -> list[tuple[int, int]]:
    """One-to-one pairs among the candidates scoring at least threshold and among the top k
    of their row or column, maximising the total gain (see gain) of the links.

    Sparse min-weight full bipartite matching (LAPJVsp) on a graph padded so that every
    measure may stay unlinked: old i ↔ its own dummy, new j ↔ its own dummy (cost 1 each),
    dummies of a candidate pair ↔ each other (cost 1), a candidate pair (cost 1 − gain).
    Taking pair (i, j) instead of leaving both alone saves its gain.
    """
    n, m = shape
    ok = score >= threshold
    r, c, v = rows[ok], cols[ok], score[ok]
    best = top_k((r, c), v, k)
    r, c, v = r[best], c[best], v[best]
    if not len(r):
        return []
    w = 1.0 - gain(v, threshold, power) + 1e-9  # an explicit 0 is no edge
    ii = np.arange(n)
    jj = np.arange(m)
    g_rows = np.concatenate([r, ii, n + jj, n + c])
    g_cols = np.concatenate([c, m + ii, jj, m + r])
    vals = np.concatenate([w, np.ones(n), np.ones(m), np.ones(len(r))])
    graph = sparse.csr_matrix((vals, (g_rows, g_cols)), shape=(n + m, m + n))
    match = min_weight_full_bipartite_matching(graph)[1]
    return sorted((int(i), int(match[i])) for i in range(n) if match[i] < m)
