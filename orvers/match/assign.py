"""Optimal one-to-one assignment (sparse top-k, per connected component) and split/merge parts."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import connected_components


def candidates(score: np.ndarray, k: int, threshold: float) -> sparse.coo_matrix:
    """Keep each row's and each column's top-k pairs scoring at least threshold."""
    n, m = score.shape
    keep = np.zeros(score.shape, dtype=bool)
    if n and m:
        kk = min(k, m)
        idx = np.argpartition(-score, kk - 1, axis=1)[:, :kk]
        keep[np.arange(n)[:, None], idx] = True
        kk = min(k, n)
        idx = np.argpartition(-score, kk - 1, axis=0)[:kk, :]
        keep[idx, np.arange(m)[None, :]] = True
    keep &= score >= threshold
    r, c = np.nonzero(keep)
    return sparse.coo_matrix((score[r, c], (r, c)), shape=score.shape)


def assign(score: np.ndarray, k: int, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs among top-k candidates at or above threshold, maximising the total
    margin above threshold (so one good link beats two weak ones)."""
    n, m = score.shape
    cand = candidates(score, k, threshold)
    if cand.nnz == 0:
        return []
    graph = sparse.bmat([[None, cand], [cand.T, None]]).tocsr()
    ncomp, labels = connected_components(graph, directed=False)
    rows_of: dict[int, list[int]] = {}
    cols_of: dict[int, list[int]] = {}
    for i in np.unique(cand.row):
        rows_of.setdefault(labels[i], []).append(int(i))
    for j in np.unique(cand.col):
        cols_of.setdefault(labels[n + j], []).append(int(j))
    allowed = cand.tocsr()
    pairs: list[tuple[int, int]] = []
    for comp, rows in rows_of.items():
        cols = cols_of.get(comp, [])
        sub = allowed[rows][:, cols].toarray()
        # one free "no link" column per row (cost 0), so nobody is forced into a weak pair
        cost = np.hstack([np.where(sub > 0, threshold - sub, 1.0),
                          np.zeros((len(rows), len(rows)))])
        ri, ci = linear_sum_assignment(cost)
        pairs += [(rows[a], cols[b]) for a, b in zip(ri, ci, strict=True)
                  if b < len(cols) and sub[a, b] > 0]
    return sorted(pairs)


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
