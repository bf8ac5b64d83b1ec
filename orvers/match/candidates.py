"""Candidate pairs: every pair of small inputs; on large ones each measure's best few by
n-gram cosine, found block by block so no old × new matrix is ever held."""

from __future__ import annotations

import numpy as np
from scipy import sparse

BLOCK = 4_000_000  # cells of one dense block of cosines (16 MB)


def top_k(groups: tuple[np.ndarray, ...], value: np.ndarray, k: int) -> np.ndarray:
    """Mask of the pairs that are among the k highest values of any of their groups
    (e.g. groups = (rows, cols): the k best of each row and of each column)."""
    keep = np.zeros(len(value), dtype=bool)
    if not len(value):
        return keep
    v = value.astype(np.float64)
    span = float(v.max() - v.min()) + 1.0
    for group in groups:
        order = np.argsort(group * span + (v.max() - v))  # by group, best first in each
        g = group[order]
        rank = np.arange(len(g)) - np.searchsorted(g, g)
        keep[order[rank < k]] = True
    return keep


def every_pair(n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """All (row, col) pairs of an n × m matrix in row-major order."""
    return np.repeat(np.arange(n), m), np.tile(np.arange(m), n)


def nearest(ua: sparse.csr_matrix, ub: sparse.csr_matrix, k: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """Row-major sorted pairs: each row's and each column's k best by cosine (ua, ub: unit
    rows over the same columns), computed a block of rows at a time."""
    m = ub.shape[0]
    found = []
    for mine, other, flip in ((ua, ub, False), (ub, ua, True)):
        step = max(1, BLOCK // max(other.shape[0], 1))
        kk = min(k, other.shape[0])
        for s in range(0, mine.shape[0] if kk else 0, step):
            block = (mine[s:s + step] @ other.T).toarray()
            best = np.argpartition(-block, kk - 1, axis=1)[:, :kk].ravel().astype(np.int64)
            own = np.repeat(np.arange(s, s + block.shape[0]), kk)
            found.append(own * m + best if not flip else best * m + own)
    key = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    return key // m, key % m
