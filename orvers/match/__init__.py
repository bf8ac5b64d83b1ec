"""Match the measures of two versions: sections first, then optimal assignment, splits, merges."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from ..diff import changes
from ..model import Changes, Comparison, Link, Override, Programme
from .assign import assign
from .confidence import decisions, with_confidence
from .consolidate import joint_assign
from .pairs import Pairs, content, content_pairs, priors, score
from .parts import find_parts
from .same import same_words
from .sections import match_sections, section_trust
from .settings import MatchSettings
from .signals import ngram_counts, normalise, wording

__all__ = ["MatchSettings", "compare"]

DEFAULT = MatchSettings()


def _signals(p: Pairs, k: int) -> tuple[tuple[str, float], ...]:
    values = ((name, float(v[k])) for name, v in p.signals.items())
    return tuple((name, round(x, 3)) for name, x in values if x == x)  # NaN: not available


def _shared(c: Changes) -> tuple[str, ...]:
    """Phrases (runs of two or more words) both titles share, longest first."""
    runs = [t.strip() for op, t in c.title if op == "=" and len(t.split()) >= 2]
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
    forced, forbidden = _overrides(overrides, old, new)
    forced_ij = {(io[a], jn[b]) for a, b in forced if a in io and b in jn}
    shape = (len(mo), len(mn))
    ta = [normalise(m.title) for m in mo]
    tb = [normalise(m.title) for m in mn]
    says = [wording(m) for m in mo + mn]
    p = content_pairs(mo, mn, ta, tb, says, s, extra=forced_ij)
    cont = content(p, s)
    first = assign(p.rows, p.cols, cont, shape, s.assign_k, s.threshold, s.link_power)
    linked = [(mo[i].section, mn[j].section) for i, j in first]
    section_map = match_sections(old, new, linked)
    priors(p, mo, mn, section_map, section_trust(section_map, linked))
    sc = score(p, cont, s)
    allowed = np.ones(len(sc), dtype=bool)
    no = [(io[a], jn[b]) for a, b in forbidden if a in io and b in jn]
    at = p.find([i for i, _ in no], [j for _, j in no])
    allowed[at[at >= 0]] = False
    if forced_ij:
        allowed &= ~np.isin(p.rows, [i for i, _ in forced_ij])
        allowed &= ~np.isin(p.cols, [j for _, j in forced_ij])
    # a part is found in its whole's own text: title and sub-items (a label block's title
    # may only name a project, its sub-items say what is done)
    grams = ngram_counts(says, s.ngram)
    grams.data[:] = 1.0
    g_old, g_new = grams[:len(mo)], grams[len(mo):]
    if s.second:
        pairs = joint_assign(p.rows[allowed], p.cols[allowed], sc[allowed], shape, g_old,
                             g_new, s) | forced_ij
    else:
        pairs = set(assign(p.rows[allowed], p.cols[allowed], sc[allowed], shape, s.assign_k,
                           s.threshold, s.link_power)) | forced_ij
    olds = Counter(i for i, _ in pairs)
    news = Counter(j for _, j in pairs)
    splits = find_parts(p, sc, allowed, pairs, forced_ij, g_old, g_new, s, split=True)
    split_old = {i for i, _ in splits}
    fixed = forced_ij | {(i, j) for i, j in pairs if i in split_old}  # a split's own link
    merges = find_parts(p, sc, allowed, pairs, fixed, g_old, g_new, s, split=False)
    merge_new = {j for _, j in merges}
    every = sorted(pairs | set(splits) | set(merges), key=lambda x: (x[1], x[0]))
    index = p.find([i for i, _ in every], [j for _, j in every])
    links: list[Link] = []
    for (i, j), k in zip(every, index.tolist(), strict=True):
        a, b = mo[i], mn[j]
        if i in split_old or olds[i] > 1:
            kind = "split"
        elif j in merge_new or news[j] > 1:
            kind = "merged"
        elif same_words(ta[i], tb[j], s.ocr_letters):
            kind = "unchanged"
        else:
            kind = "reworded"
        diff = changes(a, b)
        links.append(Link(
            old=a.id, new=b.id, kind=kind, score=round(float(sc[k]), 3),
            renumbered=a.id != b.id,
            moved=section_map.get(a.section or "") != b.section,
            signals=_signals(p, k), shared=_shared(diff), changes=diff,
            overridden=(i, j) in forced_ij))
    used_o = {lk.old for lk in links}
    used_n = {lk.new for lk in links}
    links += [Link(old=m.id, new=None, kind="removed") for m in mo if m.id not in used_o]
    links += [Link(old=None, new=m.id, kind="added") for m in mn if m.id not in used_n]
    result = Comparison(old=old, new=new, links=tuple(links),
                        section_map=tuple(sorted(section_map.items())))
    assert_complete(result)
    found = decisions(list(result.links), p.rows[allowed], p.cols[allowed], sc[allowed],
                      [m.id for m in mo], [m.id for m in mn], s.threshold,
                      cont[allowed])
    return with_confidence(result, found)


def assert_complete(c: Comparison) -> None:
    """Every measure of both versions appears in at least one link."""
    old_ids = {lk.old for lk in c.links}
    new_ids = {lk.new for lk in c.links}
    missing = [m.id for m in c.old.measures if m.id not in old_ids]
    missing += [m.id for m in c.new.measures if m.id not in new_ids]
    assert not missing, f"measures lost by the matcher: {missing}"
