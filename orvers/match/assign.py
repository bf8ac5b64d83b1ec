"""Optimal one-to-one assignment of scored candidate pairs (sparse, top-k per measure), solved
per connected group of candidates so that the work grows with the pairs, not the versions."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from .candidates import top_k

GROUP = 2_000  # measures per matching problem: small components are solved together


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

    The pairs every best assignment holds are taken first (see _sure); the rest split into
    connected components (measures linked by candidate pairs); the best assignment of the
    whole is that of each component, so each is solved alone (small ones together, up to
    GROUP measures per problem) by _solve.
    """
    n, m = shape
    ok = score >= threshold
    r, c, v = rows[ok], cols[ok], score[ok]
    best = top_k((r, c), v, k)
    r, c, v = r[best], c[best], v[best]
    sure = _sure(r, c, gain(v, threshold, power))
    out = list(zip(r[sure].tolist(), c[sure].tolist(), strict=True))
    rest = ~(np.isin(r, r[sure]) | np.isin(c, c[sure]))
    r, c, v = r[rest], c[rest], v[rest]
    if not len(r):
        return sorted(out)
    graph = sparse.coo_matrix((np.ones(len(r)), (r, n + c)), shape=(n + m, n + m))
    _, label = connected_components(graph, directed=False)
    edge_label = label[r]
    order = np.argsort(edge_label, kind="stable")
    r, c, v, edge_label = r[order], c[order], v[order], edge_label[order]
    starts = np.flatnonzero(np.r_[True, edge_label[1:] != edge_label[:-1]])
    ends = np.r_[starts[1:], len(r)]
    sizes = np.bincount(label)[edge_label[starts]]
    first, total = 0, 0
    for last, size in enumerate(sizes.tolist()):
        total += size
        if total >= GROUP or last == len(sizes) - 1:
            part = slice(starts[first], ends[last])
            out += _solve(r[part], c[part], gain(v[part], threshold, power))
            first, total = last + 1, 0
    return sorted(out)


def best_pairs(score: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """The one-to-one (row, column) pairs of a dense SCORE matrix (values ≥ 0) whose scores
    add up to the most, as a dense assignment would choose them, less those scoring under
    MINIMUM. Solved sparse (_solve): no scipy.optimize to import for a small problem."""
    r, c = np.nonzero(score > 0)
    if not len(r):
        return []
    v = score[r, c].astype(np.float64)
    return sorted((i, j) for i, j in _solve(r, c, v / float(v.max())) if score[i, j] >= minimum)


def _second(group: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: whether it comes first in its group (highest value), and the group's second
    highest value (0 when the group has one pair)."""
    order = np.lexsort((-value, group))
    g, v = group[order], value[order]
    start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    size = np.diff(np.r_[start, len(g)])
    second = np.where(size > 1, v[np.minimum(start + 1, len(v) - 1)], 0.0)
    first = np.zeros(len(g), dtype=bool)
    first[order[start]] = True
    of_pair = np.empty(len(g), dtype=np.float64)
    of_pair[order] = np.repeat(second, size)
    return first, of_pair


def _sure(r: np.ndarray, c: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Mask of the pairs every best assignment holds: a pair that is the best of its old and
    of its new measure and gains more than their second best pairs together (a best
    assignment without it would gain more with it in place of those two), found again among
    the pairs left once the measures taken are removed, until none is found. A large
    version's content-only candidates form one component of nearly every measure, on which
    the assignment grows much faster than linearly; most of its links are such pairs."""
    sure = np.zeros(len(g), dtype=bool)
    left = g > 0
    while left.any():
        at = np.flatnonzero(left)
        top_r, second_r = _second(r[at], g[at])
        top_c, second_c = _second(c[at], g[at])
        found = at[top_r & top_c & (g[at] > second_r + second_c)]
        if not len(found):
            break
        sure[found] = True
        left &= ~(np.isin(r, r[found]) | np.isin(c, c[found]))
    return sure


def _solve(r: np.ndarray, c: np.ndarray, g: np.ndarray) -> list[tuple[int, int]]:
    """Sparse min-weight full bipartite matching (LAPJVsp) on the measures of these pairs,
    padded so that every measure may stay unlinked: old i ↔ its own dummy, new j ↔ its own
    dummy (cost 1 each), dummies of a candidate pair ↔ each other (cost 1), a candidate pair
    (cost 1 − gain). Taking pair (i, j) instead of leaving both alone saves its gain."""
    olds, ri = np.unique(r, return_inverse=True)
    news, ci = np.unique(c, return_inverse=True)
    n, m = len(olds), len(news)
    w = 1.0 - g + 1e-9  # an explicit 0 is no edge
    ii = np.arange(n)
    jj = np.arange(m)
    g_rows = np.concatenate([ri, ii, n + jj, n + ci])
    g_cols = np.concatenate([ci, m + ii, jj, m + ri])
    vals = np.concatenate([w, np.ones(n), np.ones(m), np.ones(len(ri))])
    graph = sparse.csr_matrix((vals, (g_rows, g_cols)), shape=(n + m, m + n))
    match = min_weight_full_bipartite_matching(graph)[1]
    return [(int(olds[i]), int(news[match[i]])) for i in range(n) if match[i] < m]
