"""Split and merge parts: a measure that another, linked, measure contains, and that brings
what that measure's one-to-one link leaves out."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .pairs import Pairs
from .settings import MatchSettings
from .signals import part_shares


def choose(part: np.ndarray, whole: np.ndarray, cover: np.ndarray, novel: np.ndarray,
           score: np.ndarray, own_cover: np.ndarray, s: MatchSettings) -> np.ndarray:
    """Indexes of the candidate (part, whole) pairs to keep: cover, novel and score pass
    their thresholds, and each part takes the whole it brings most new text to (then the
    best scoring). own_cover: how much of a part linked one-to-one its own partner covers
    (NaN when unlinked); such a part needs cover_linked, or cover_ratio times own_cover."""
    linked = ~np.isnan(own_cover)
    enough = np.where(linked, (cover >= s.cover_linked)
                      | (cover >= np.maximum(s.cover, s.cover_ratio * own_cover)),
                      cover >= s.cover)
    ok = np.flatnonzero(enough & (novel >= s.novel) & (score >= s.part_min))
    order = ok[np.lexsort((-score[ok], -novel[ok], part[ok]))]
    p = part[order]
    first = np.ones(len(p), dtype=bool)
    first[1:] = p[1:] != p[:-1]
    return order[first]


def distinct(wholes: list[int], novel: list[float], grams: list[set[int]],
             left: dict[int, set[int]], min_novel: float) -> list[bool]:
    """Which parts to keep so that the parts of one whole each bring their own text.

    Parts are taken most novel first; a part is kept when at least min_novel of its n-grams
    are among its whole's `left` (the whole's n-grams less its match's) and not taken by a
    part kept before.
    """
    keep = [False] * len(wholes)
    left = {w: set(g) for w, g in left.items()}
    for k in sorted(range(len(wholes)), key=lambda x: -novel[x]):
        mine = grams[k] & left[wholes[k]]
        if len(mine) >= min_novel * max(len(grams[k]), 1):
            keep[k] = True
            left[wholes[k]] -= mine
    return keep


def _grams(g: sparse.csr_matrix, row: int) -> set[int]:
    return set(g.indices[g.indptr[row]:g.indptr[row + 1]].tolist())


def find_parts(p: Pairs, sc: np.ndarray, allowed: np.ndarray, pairs: set[tuple[int, int]],
               fixed: set[tuple[int, int]], g_old: sparse.csr_matrix,
               g_new: sparse.csr_matrix, s: MatchSettings, split: bool
               ) -> list[tuple[int, int]]:
    """Split parts (split=True: new measures, parts of an old one) or merge parts (old
    measures, parts of a new one), as (old, new) pairs; removes from `pairs` the one-to-one
    links of measures that turn out to be parts.

    A part is a candidate pair's measure whose n-grams (g_old, g_new: binary, same columns,
    of each measure's title and sub-items) its linked whole covers (cover), bringing what the
    whole's own match lacks (novel). It may be unlinked, or linked to a partner it scores
    lower with than with its whole and that covers much less of it: the one-to-one
    assignment gave the whole to its other part. `fixed` links stay.
    """
    whole, part = (p.rows, p.cols) if split else (p.cols, p.rows)
    g_whole, g_part = (g_old, g_new) if split else (g_new, g_old)
    size = max(g_old.shape[0], g_new.shape[0])
    match_of_whole = np.full(size, -1)
    match_of_part = np.full(size, -1)
    own = np.full(size, -np.inf, dtype=np.float32)  # score of a part's own link
    links = sorted(pairs)
    for (i, j), k in zip(links, p.find([i for i, _ in links], [j for _, j in links]).tolist(),
                         strict=True):
        w, q = (i, j) if split else (j, i)
        match_of_whole[w] = q
        match_of_part[q] = w
        own[q] = np.inf if (i, j) in fixed or k < 0 else sc[k]
    sel = np.flatnonzero(allowed & (match_of_whole[whole] >= 0) & (sc > own[part]))
    ws, qs = whole[sel], part[sel]
    cover, novel = part_shares(g_part, g_whole, g_part, qs, ws, match_of_whole[ws])
    partner = match_of_part[qs]
    linked = partner >= 0
    own_cover = np.full(len(qs), np.nan, dtype=np.float32)
    if linked.any():  # how much of a linked part its own partner covers
        own_cover[linked] = part_shares(g_part, g_whole, g_whole, qs[linked], partner[linked],
                                        partner[linked])[0]
    pick = choose(qs, ws, cover, novel, sc[sel], own_cover, s)
    ws_l, qs_l = ws[pick].tolist(), qs[pick].tolist()
    left = {w: _grams(g_whole, w) - _grams(g_part, match_of_whole[w]) for w in set(ws_l)}
    keep = distinct(ws_l, novel[pick].tolist(), [_grams(g_part, q) for q in qs_l], left,
                    s.novel)
    found = [(q, w) for q, w, k in zip(qs_l, ws_l, keep, strict=True) if k]
    wholes = {w for _, w in found}
    found = [(q, w) for q, w in found if match_of_part[q] not in wholes]  # keep wholes' matches
    for q, _ in found:
        if match_of_part[q] >= 0:
            pairs.discard((int(match_of_part[q]), q) if split else (q, int(match_of_part[q])))
    return [(w, q) if split else (q, w) for q, w in found]
