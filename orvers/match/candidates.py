"""Candidate pairs: every pair of small inputs; on large ones each measure's best few, found
without ever comparing every old measure with every new one.

Large inputs: each measure's words and word pairs ("shingles") are counted; a measure looks
for partners only through its rarest shingles (those few other measures share), so the work
per measure stays bounded however many measures there are. The pairs sharing most rare
shingles (weighted by rarity) are kept per measure, a block of measures at a time, then
ranked by n-gram cosine: each measure's and each partner's top k by cosine remain.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

RARE = 8  # a measure always searches through its this many rarest shingles ...
SHARED_BY = 50  # ... and through every shingle at most this many measures have
WIDE = 6  # per measure, this many times k pairs sharing most rare shingles are kept
BLOCK = 5_000  # measures searched at once (bounds the memory of one sparse product)


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


def shingles(texts: Sequence[str]) -> sparse.csr_matrix:
    """A row per normalised text, a column per word of four letters or more and per pair of
    neighbouring words (1 where the text has it), weighted by rarity: log(texts / texts with
    it) + 1."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, text in enumerate(texts):
        words = text.split()
        # in the order of the text (a set's order changes with each run's string hashing,
        # and with it the columns, the sums' rounding and the candidates at a tie)
        found = dict.fromkeys(w for w in words if len(w) > 3)
        found.update(dict.fromkeys(f"{a} {b}" for a, b in zip(words, words[1:], strict=False)))
        rows += [i] * len(found)
        cols += [vocab.setdefault(f, len(vocab)) for f in found]
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(texts), len(vocab)))
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = (np.log((m.shape[0] + 1) / (df + 1.0)) + 1.0).astype(np.float32)
    return (m @ sparse.diags(idf)).tocsr()


def _rows_of(m: sparse.csr_matrix) -> np.ndarray:
    return np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))


def _rarest(m: sparse.csr_matrix, df: np.ndarray) -> sparse.csr_matrix:
    """M with only each row's RARE rarest shingles and those of df at most SHARED_BY."""
    row, d = _rows_of(m), df[m.indices]
    order = np.lexsort((d, row))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - m.indptr[row[order]]
    out = m.copy()
    out.data = np.where((rank < RARE) | (d <= SHARED_BY), out.data, 0).astype(np.float32)
    out.eliminate_zeros()
    return out


def _best_per_row(m: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's k largest stored values (positive), ties in stored order."""
    row = _rows_of(m)
    # one int64 key per value, by row, then value falling: a positive float32's bits order
    # as the float does (one stable sort instead of lexsort's two)
    key = (row << 32) | (~m.data.astype(np.float32).view(np.int32)).astype(np.int64) & 0xFFFFFFFF
    order = np.argsort(key, kind="stable")
    rank = np.arange(len(order)) - m.indptr[row[order]]
    best = order[rank < k]
    return row[best], m.indices[best].astype(np.int64)


def sharing(fa: sparse.csr_matrix, fb: sparse.csr_matrix, k: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """Row-major sorted pairs: each row's and each column's WIDE × k partners sharing the
    most rare shingles (fa, fb: shingles of old and new over the same columns)."""
    m = fb.shape[0]
    df = np.bincount(fa.indices, minlength=fa.shape[1]) + np.bincount(
        fb.indices, minlength=fb.shape[1])
    found = [np.zeros(0, dtype=np.int64)]
    for mine, other, flip in ((fa, fb, False), (fb, fa, True)):
        search, other_t = _rarest(mine, df), other.T.tocsr()
        for s in range(0, mine.shape[0], BLOCK):
            own, best = _best_per_row((search[s:s + BLOCK] @ other_t).tocsr(), WIDE * k)
            own = own + s
            found.append(own * m + best if not flip else best * m + own)
    key = np.unique(np.concatenate(found))
    return key // m, key % m
