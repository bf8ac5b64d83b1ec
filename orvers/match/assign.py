"""Optimal one-to-one assignment (sparse top-k, per connected component) and split/merge parts."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def candidates(score: np.ndarray, k: int, threshold: float) -> sparse.coo_matrix:
    """Keep each row's and each column's top-k pairs scoring at least threshold."""
    n, m = score.shape
    keep = np.zeros(score.shape, dtype=bool)
    if n and m:
        kk = min(k, m)
        idx = np.argpartition(-score, kk - 1, axis=1)[:, :kk]
        keep[np.arange(n)[:, None], idx] = True
        kk = min(k, n)
        idx = np.argpartition(-np.ascontiguousarray(score.T), kk - 1, axis=1)[:, :kk]
        keep[idx, np.arange(m)[:, None]] = True
    keep &= score >= threshold
    r, c = np.nonzero(keep)
    return sparse.coo_matrix((score[r, c], (r, c)), shape=score.shape)


def assign(score: np.ndarray, k: int, threshold: float,
           pool: tuple[np.ndarray, np.ndarray] | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs among top-k candidates at or above threshold, maximising the total
    margin above threshold (so one good link beats two weak ones).

    Sparse min-weight full bipartite matching (LAPJVsp) on a graph padded so that every
    measure may stay unlinked: old i ↔ its own dummy, new j ↔ its own dummy (cost 1 each),
    dummies of a candidate pair ↔ each other (cost 1), a candidate pair (cost 1 + threshold −
    score). Taking pair (i, j) instead of leaving both alone saves score − threshold.
    pool: candidate (rows, cols) to use instead of the top-k of score.
    """
    n, m = score.shape
    if pool is None:
        cand = candidates(score, k, threshold)
        r, c = cand.row, cand.col
    else:  # candidate pairs chosen before (top-k of the n-gram signal)
        ok = score[pool] >= threshold
        r, c = pool[0][ok], pool[1][ok]
    if not len(r):
        return []
    w = (1.0 + threshold - score[r, c]).astype(np.float64) + 1e-9
    ii = np.arange(n)
    jj = np.arange(m)
    rows = np.concatenate([r, ii, n + jj, n + c])
    cols = np.concatenate([c, m + ii, jj, m + r])
    vals = np.concatenate([w, np.ones(n), np.ones(m), np.ones(len(r))])
    graph = sparse.csr_matrix((vals, (rows, cols)), shape=(n + m, m + n))
    match = min_weight_full_bipartite_matching(graph)[1]
    return sorted((int(i), int(match[i])) for i in range(n) if match[i] < m)


def parts(cover: np.ndarray, score: np.ndarray, free: np.ndarray, taken: np.ndarray,
          min_cover: float, min_score: float) -> list[tuple[int, int]]:
    """(free, taken) pairs where a free item's text is covered by an already-linked item.

    cover[f, t]: share of free item f's text found in item t; each free item takes its best
    covering item when that share and the pair score pass their thresholds.
    """
    out: list[tuple[int, int]] = []
    if not len(free) or not len(taken):
        return out
    sub = cover[np.ix_(free, taken)] * (score[np.ix_(free, taken)] >= min_score)
    best = sub.argmax(axis=1)
    for a, b in zip(range(len(free)), best, strict=True):
        if sub[a, b] >= min_cover:
            out.append((int(free[a]), int(taken[b])))
    return out
