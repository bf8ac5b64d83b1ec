"""Scored candidate pairs: content signals, their combination and the section priors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ..model import Measure
from .candidates import every_pair, sharing, shingles, top_k
from .settings import MatchSettings
from .signals import (
    fields_text,
    informative,
    matrix,
    ngram_counts,
    ngram_idf,
    on_pairs,
    row_dots,
    stem_counts,
    tf_idf,
    unit_rows,
)


@dataclass(frozen=True)
class Pairs:
    """Candidate (old, new) pairs, sorted row-major, and one array per signal (NaN: the
    signal does not apply to that pair)."""

    rows: np.ndarray
    cols: np.ndarray
    width: int  # number of new measures
    signals: dict[str, np.ndarray]

    def find(self, rows: Iterable[int], cols: Iterable[int]) -> np.ndarray:
        """Index of each (row, col) among the pairs, -1 where it is not a candidate."""
        want = (np.asarray(list(rows), dtype=np.int64) * self.width
                + np.asarray(list(cols), dtype=np.int64))
        have = self.rows * self.width + self.cols
        if not len(have):
            return np.full(len(want), -1)
        at = np.minimum(np.searchsorted(have, want), len(have) - 1)
        return np.where(have[at] == want, at, -1)


def content_pairs(old: list[Measure], new: list[Measure], ta: list[str], tb: list[str],
                  says: list[str], s: MatchSettings, extra: Iterable[tuple[int, int]] = ()
                  ) -> Pairs:
    """Candidate pairs with their content signals: every pair of small inputs; on large ones
    each measure's top_k by n-gram cosine among the partners it shares rare words with (see
    candidates), plus the `extra` pairs. ta, tb: the measures' normalised titles; says: the
    wording (signals.wording) of old's measures, then new's."""
    n, m = len(old), len(new)
    measures = old + new
    fields = [fields_text(x) for x in measures]
    # whole_text, from the two halves it is made of (normalising is word by word)
    whole = [f"{a} {b}" if a and b else a or b for a, b in zip(says, fields, strict=True)]
    grams = informative(ngram_counts(whole, s.ngram), s.common)
    grams = unit_rows(ngram_idf(grams, s.ngram_idf) if s.ngram_idf else grams)
    ua, ub = grams[:n], grams[n:]
    every = n * m <= s.dense_pairs
    if every:
        r, c = every_pair(n, m)
    else:
        sh = shingles(whole)
        r, c = sharing(sh[:n], sh[n:], s.top_k)
        best = top_k((r, c), row_dots(ua, ub, r, c), s.top_k)
        r, c = r[best], c[best]
    extra = [(i, j) for i, j in extra]
    if extra and not every:
        key = np.unique(np.concatenate([r * m + c, [i * m + j for i, j in extra]]))
        r, c = key // m, key % m
    sig = {"title": _scored(fuzz.token_sort_ratio, ta, tb, r, c, every),
           "title_set": _scored(fuzz.token_set_ratio, ta, tb, r, c, every),
           "ngram": row_dots(ua, ub, r, c, every)}
    # what each measure says (title, sub-items) weighted by how rare its words are in all
    # that both versions say (targets and partners too: more text, steadier frequencies)
    stems = stem_counts(says + whole, s.stem_letters)
    words = unit_rows(tf_idf(stems[:n + m], stems[n + m:]))
    sig["idf"] = row_dots(words[:n], words[n:], r, c, every)
    if s.w_title_idf:
        # the titles alone as word stems weighted by their rarity among both versions'
        # titles: a set phrase most titles open with weighs nothing, a subject word much
        heads = stem_counts(ta + tb, s.stem_letters)
        heads = unit_rows(tf_idf(heads, heads))
        sig["title_idf"] = row_dots(heads[:n], heads[n:], r, c, every)
    else:
        sig["title_idf"] = np.zeros(len(r), dtype=np.float32)
    fa, fb = fields[:n], fields[n:]
    both = (np.array([bool(t) for t in fa], dtype=bool)[r]
            & np.array([bool(t) for t in fb], dtype=bool)[c])
    sig["fields"] = np.full(len(r), np.nan, dtype=np.float32)
    if both.any():
        sig["fields"][both] = _scored(fuzz.token_set_ratio, fa, fb, r[both], c[both], False)
    return Pairs(r, c, m, sig)


def _scored(scorer, a: list[str], b: list[str], r: np.ndarray, c: np.ndarray,
            every: bool) -> np.ndarray:
    return matrix(scorer, a, b).ravel() if every else on_pairs(scorer, a, b, r, c)


def content(p: Pairs, s: MatchSettings) -> np.ndarray:
    """Weighted mean of the content signals of each pair (fields only where both have them)."""
    sig = p.signals
    has_f = ~np.isnan(sig["fields"])
    num = s.w_title * sig["title"] + s.w_set * sig["title_set"] + s.w_ngram * sig["ngram"]
    num += np.where(has_f, s.w_fields * sig["fields"], 0.0).astype(np.float32)
    mean = num / ((s.w_title + s.w_set + s.w_ngram) + s.w_fields * has_f).astype(np.float32)
    mean = mean + s.w_idf * sig["idf"] * (1.0 - mean)
    return (mean + s.w_title_idf * sig["title_idf"] * (1.0 - mean)).astype(np.float32)


def _positions(sections: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Each measure's position inside its section and the section's size."""
    pos = np.zeros(len(sections), dtype=np.float32)
    count: dict[str | None, int] = {}
    for i, sid in enumerate(sections):
        pos[i] = count.get(sid, 0)
        count[sid] = count.get(sid, 0) + 1
    size = np.array([count[sid] for sid in sections], dtype=np.float32)
    return pos, size


def priors(p: Pairs, old: list[Measure], new: list[Measure], section_map: dict[str, str],
           trust: dict[str, float]) -> None:
    """Add the "section" (same section after section matching), "position" (same place
    inside it) and "trust" (how far the old section's mapping is to be trusted) signals."""
    so = [x.section for x in old]
    sn = [x.section for x in new]
    codes: dict[str | None, int] = {}
    new_code = np.array([codes.setdefault(x, len(codes)) for x in sn], dtype=np.int64)
    old_code = np.array([codes.get(section_map.get(x or ""), -1) for x in so], dtype=np.int64)
    same = (old_code[p.rows] == new_code[p.cols]).astype(np.float32)
    po, zo = _positions(so)
    pn, zn = _positions(sn)
    p.signals["section"] = same
    p.signals["position"] = same * (1.0 - np.abs(po[p.rows] / zo[p.rows]
                                                 - pn[p.cols] / zn[p.cols]))
    p.signals["trust"] = np.array([trust.get(x or "", 0.0) for x in so],
                                  dtype=np.float32)[p.rows]


def score(p: Pairs, content_score: np.ndarray, s: MatchSettings) -> np.ndarray:
    """Content score blended with the section and position priors, as far as the old
    section's mapping is trusted (an unmapped or untrusted section leaves the content as is,
    neither for nor against a pair)."""
    t = p.signals["trust"]
    prior = s.w_section * p.signals["section"] + s.w_position * p.signals["position"]
    return ((1.0 - (s.w_section + s.w_position) * t) * content_score
            + t * prior).astype(np.float32)
