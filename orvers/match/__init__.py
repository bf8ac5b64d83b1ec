"""Match the measures of two versions: sections first, then optimal assignment, splits, merges."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz

from ..diff import changes
from ..model import Comparison, Link, Measure, Override, Programme
from .assign import assign, candidates, parts
from .sections import match_sections
from .settings import MatchSettings
from .signals import (
    containment,
    fields,
    fields_text,
    ngram,
    normalise,
    pairwise,
    plain,
    title_set,
    title_sort,
)

__all__ = ["MatchSettings", "compare", "score_matrix"]

DEFAULT = MatchSettings()


def _content(old: list[Measure], new: list[Measure], s: MatchSettings
             ) -> tuple[dict[str, np.ndarray], tuple[np.ndarray, np.ndarray] | None]:
    """Content signals. Small inputs: every scorer on every pair (rapidfuzz cdist). Large
    inputs: n-gram cosine on all pairs (sparse product), the word scorers only on each row's
    and column's top-k n-gram candidates (0 elsewhere)."""
    ta = [normalise(m.title) for m in old]
    tb = [normalise(m.title) for m in new]
    xa = [normalise(m.text) for m in old]
    xb = [normalise(m.text) for m in new]
    fa = [fields_text(m) for m in old]
    fb = [fields_text(m) for m in new]
    gram = ngram(xa, xb, s.ngram)
    if len(old) * len(new) <= s.dense_pairs:
        f, mask = fields(fa, fb)
        return {"title": title_sort(ta, tb), "title_set": title_set(ta, tb), "ngram": gram,
                "fields": np.where(mask, f, np.nan)}, None
    cand = candidates(gram, s.top_k, 0.0)
    r, c = cand.row, cand.col
    out = {"title": np.zeros_like(gram), "title_set": np.zeros_like(gram), "ngram": gram,
           "fields": np.full_like(gram, np.nan)}
    out["title"][r, c] = pairwise(fuzz.token_sort_ratio, ta, tb, r, c)
    out["title_set"][r, c] = pairwise(fuzz.token_set_ratio, ta, tb, r, c)
    both = np.array([bool(fa[i]) and bool(fb[j]) for i, j in zip(r.tolist(), c.tolist(),
                                                                   strict=True)], dtype=bool)
    if both.any():
        out["fields"][r[both], c[both]] = pairwise(fuzz.token_set_ratio, fa, fb,
                                                   r[both], c[both])
    return out, (r, c)


def _combine(sig: dict[str, np.ndarray], s: MatchSettings) -> np.ndarray:
    has_f = ~np.isnan(sig["fields"])
    num = s.w_title * sig["title"]
    num += s.w_set * sig["title_set"]
    num += s.w_ngram * sig["ngram"]
    num += np.where(has_f, np.float32(s.w_fields) * sig["fields"], np.float32(0))
    num /= (s.w_title + s.w_set + s.w_ngram) + np.float32(s.w_fields) * has_f
    return num


def _positions(p: Programme) -> tuple[list[str | None], np.ndarray, np.ndarray]:
    secs = [m.section for m in p.measures]
    pos = np.zeros(len(secs), dtype=np.float32)
    size = np.ones(len(secs), dtype=np.float32)
    count: dict[str | None, int] = {}
    for i, sid in enumerate(secs):
        pos[i] = count.get(sid, 0)
        count[sid] = count.get(sid, 0) + 1
    for i, sid in enumerate(secs):
        size[i] = count[sid]
    return secs, pos, size


def score_matrix(old: Programme, new: Programme, s: MatchSettings = DEFAULT
                 ) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, str],
                            tuple[np.ndarray, np.ndarray] | None]:
    """Combined score matrix (old × new), its signals, the section map and the candidate
    pairs (None: every pair was scored)."""
    mo, mn = list(old.measures), list(new.measures)
    sig, pool = _content(mo, mn, s)
    content = _combine(sig, s)
    first = assign(content, s.top_k, s.threshold, pool)
    section_map = match_sections(old, new, [(mo[i].section, mn[j].section) for i, j in first])
    so, po, zo = _positions(old)
    sn, pn, zn = _positions(new)
    codes: dict[str | None, int] = {}
    new_code = np.array([codes.setdefault(x, len(codes)) for x in sn])
    old_code = np.array([codes.get(section_map.get(x or ""), -1) for x in so])
    same = (old_code[:, None] == new_code[None, :]).astype(np.float32)
    position = same * (1.0 - np.abs(po[:, None] / zo[:, None] - pn[None, :] / zn[None, :]))
    sig["section"] = same
    sig["position"] = position.astype(np.float32)
    w_prior = s.w_section + s.w_position
    score = np.float32(1.0 - w_prior) * content
    score += np.float32(s.w_section) * same
    score += np.float32(s.w_position) * sig["position"]
    return score, sig, section_map, pool


def _signals(sig: dict[str, np.ndarray], i: int, j: int) -> tuple[tuple[str, float], ...]:
    values = ((k, float(v[i, j])) for k, v in sig.items())
    return tuple((k, round(x, 3)) for k, x in values if x == x)  # NaN: signal not available


def _shared(a: str, b: str) -> tuple[str, ...]:
    """Phrases (runs of two or more words) both texts share, longest first."""
    from ..diff import word_diff

    runs = [t.strip() for op, t in word_diff(a, b) if op == "=" and len(t.split()) >= 2]
    return tuple(sorted(runs, key=len, reverse=True)[:3])


def _overrides(overrides: Iterable[Override], old: Programme, new: Programme
               ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    links, unlinks = set(), set()
    for o in overrides:
        if o.old_label == old.label and o.new_label == new.label:
            (links if o.action == "link" else unlinks).add((o.old_id, o.new_id))
    return links, unlinks


def compare(old: Programme, new: Programme, settings: MatchSettings = DEFAULT,
            overrides: Iterable[Override] = ()) -> Comparison:
    """Link every measure of old to new: unchanged, reworded, split, merged, added, removed."""
    s = settings
    mo, mn = list(old.measures), list(new.measures)
    io = {m.id: i for i, m in enumerate(mo)}
    jn = {m.id: j for j, m in enumerate(mn)}
    score, sig, section_map, pool = score_matrix(old, new, s)
    forced, forbidden = _overrides(overrides, old, new)
    work = score.copy()
    for a, b in forbidden:
        if a in io and b in jn:
            work[io[a], jn[b]] = -1.0
    forced_ij = {(io[a], jn[b]) for a, b in forced if a in io and b in jn}
    for i, j in forced_ij:
        work[i, :] = -1.0
        work[:, j] = -1.0
    pairs = set(assign(work, s.top_k, s.threshold, pool)) | forced_ij
    # split / merge parts: a leftover measure whose text another, already linked, one covers
    linked_o = sorted({i for i, _ in pairs})
    linked_n = sorted({j for _, j in pairs})
    free_n = np.array([j for j in range(len(mn)) if j not in set(linked_n)], dtype=int)
    free_o = np.array([i for i in range(len(mo)) if i not in set(linked_o)], dtype=int)
    to = [normalise(m.title) for m in mo]
    tn = [normalise(m.title) for m in mn]
    splits: list[tuple[int, int]] = []
    merges: list[tuple[int, int]] = []
    if len(free_n) and linked_o:
        cov = containment([to[i] for i in linked_o], [tn[j] for j in free_n], s.ngram).T
        sub = np.ascontiguousarray(work[np.ix_(linked_o, free_n)].T)
        for f, t in parts(cov, sub, np.arange(len(free_n)), np.arange(len(linked_o)),
                          s.cover, s.part_min):
            splits.append((linked_o[t], int(free_n[f])))
    if len(free_o) and linked_n:
        cov = containment([tn[j] for j in linked_n], [to[i] for i in free_o], s.ngram).T
        sub = work[np.ix_(free_o, linked_n)]
        for f, t in parts(cov, sub, np.arange(len(free_o)), np.arange(len(linked_n)),
                          s.cover, s.part_min):
            merges.append((int(free_o[f]), linked_n[t]))
    split_old = {i for i, _ in splits}
    merge_new = {j for _, j in merges}
    links: list[Link] = []
    for i, j in sorted(pairs | set(splits) | set(merges), key=lambda p: (p[1], p[0])):
        a, b = mo[i], mn[j]
        if i in split_old:
            kind = "split"
        elif j in merge_new:
            kind = "merged"
        elif fuzz.ratio(plain(a.title), plain(b.title)) >= 100 * s.same_title:
            kind = "unchanged"
        else:
            kind = "reworded"
        links.append(Link(
            old=a.id, new=b.id, kind=kind, score=round(float(score[i, j]), 3),
            renumbered=a.id != b.id,
            moved=section_map.get(a.section or "") != b.section,
            signals=_signals(sig, i, j),
            shared=_shared(a.title, b.title), changes=changes(a, b),
            overridden=(i, j) in forced_ij))
    used_o = {lk.old for lk in links}
    used_n = {lk.new for lk in links}
    links += [Link(old=m.id, new=None, kind="removed") for m in mo if m.id not in used_o]
    links += [Link(old=None, new=m.id, kind="added") for m in mn if m.id not in used_n]
    result = Comparison(old=old, new=new, links=tuple(links),
                        section_map=tuple(sorted(section_map.items())))
    assert_complete(result)
    return result


def assert_complete(c: Comparison) -> None:
    """Every measure of both versions appears in at least one link."""
    old_ids = {lk.old for lk in c.links}
    new_ids = {lk.new for lk in c.links}
    missing = [m.id for m in c.old.measures if m.id not in old_ids]
    missing += [m.id for m in c.new.measures if m.id not in new_ids]
    assert not missing, f"measures lost by the matcher: {missing}"
