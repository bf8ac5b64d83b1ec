"""Consolidation chosen with the one-to-one links: a measure may take a second partner in the
same assignment (several old measures became one new one, or one became several).

Each measure gets a second slot. A candidate pair may use it when one side's words are mostly
found in the other (cover: the part is contained in the whole) and it scores at least
part_min; the second slot's link is worth `second` of a first link's gain, so a measure takes
a second partner only where no one-to-one partner wants that measure more.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .assign import assign
from .settings import MatchSettings
from .signals import row_dots


def _covers(g_old: sparse.csr_matrix, g_new: sparse.csr_matrix, r: np.ndarray, c: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Share of old r[k]'s n-grams found in new c[k], and of new c[k]'s found in old r[k]
    (binary matrices, same columns: the n-grams they share, once, over each one's count), a
    bounded block of pairs at a time (row_dots: all pairs' rows at once took 0.8 GB at
    50 000 measures)."""
    shared = row_dots(g_old, g_new, r, c)
    return ((shared / np.maximum(np.diff(g_old.indptr)[r], 1)).astype(np.float32),
            (shared / np.maximum(np.diff(g_new.indptr)[c], 1)).astype(np.float32))


def joint_assign(rows: np.ndarray, cols: np.ndarray, score: np.ndarray, shape: tuple[int, int],
                 g_old: sparse.csr_matrix, g_new: sparse.csr_matrix, s: MatchSettings
                 ) -> set[tuple[int, int]]:
    """One-to-one links plus second partners (see the module), as (old, new) pairs."""
    n, m = shape
    good = np.flatnonzero(score >= s.part_min)  # covers only where a part may be
    merge = np.zeros(len(score), dtype=bool)
    split = np.zeros(len(score), dtype=bool)
    old_in_new, new_in_old = _covers(g_old, g_new, rows[good], cols[good])
    merge[good] = old_in_new >= s.cover_linked
    split[good] = new_in_old >= s.cover_linked
    # second slots: old i's is row n + i, new j's is column m + j; a second slot links only
    # to a first slot (no pair twice)
    base = np.clip((score - s.threshold) / (1.0 - s.threshold), 0.0, 1.0)
    worth = s.threshold + (1.0 - s.threshold) * base * s.second ** (1.0 / s.link_power)
    r = np.concatenate([rows, rows[merge], n + rows[split]])
    c = np.concatenate([cols, m + cols[merge], cols[split]])
    v = np.concatenate([score, worth[merge], worth[split]])
    found = assign(r, c, v, (2 * n, 2 * m), s.assign_k, s.threshold, s.link_power)
    return {(i - n if i >= n else i, j - m if j >= m else j) for i, j in found}
