"""Section matching: title similarity, position and the votes of matched measures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from ..model import Programme, Section
from .signals import matrix, normalise


def ancestry(programme: Programme, section_id: str | None) -> list[str]:
    """The section id and its parents' ids, innermost first."""
    return _ancestry(_parents(programme), section_id)


def _parents(programme: Programme) -> dict[str, str | None]:
    return {s.id: s.parent for s in programme.sections}


def _ancestry(parents: dict[str, str | None], section_id: str | None) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    while section_id and section_id not in seen:
        out.append(section_id)
        seen.add(section_id)
        if section_id in parents:
            section_id = parents[section_id]
        else:
            section_id = section_id.rsplit(".", 1)[0] if "." in section_id else None
    return out


def all_sections(programme: Programme) -> list[Section]:
    """The programme's sections plus any section id a measure names but the outline lacks."""
    known = {s.id: s for s in programme.sections}
    parents = _parents(programme)
    for m in programme.measures:
        for sid in _ancestry(parents, m.section):
            known.setdefault(sid, Section(sid, "", None))
    return list(known.values())


def match_sections(old: Programme, new: Programme,
                   pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """Map old section ids to new ones: measures' votes, title similarity, same depth."""
    so, sn = all_sections(old), all_sections(new)
    if not so or not sn:
        return {}
    po, pn = _parents(old), _parents(new)
    votes: Counter[tuple[str, str]] = Counter()
    sizes: Counter[str] = Counter()
    for m in old.measures:
        for sid in _ancestry(po, m.section):
            sizes[sid] += 1
    for a, b in pairs:
        for x, y in zip(_ancestry(po, a), _ancestry(pn, b), strict=False):
            votes[x, y] += 1
    ta = [normalise(s.title) for s in so]
    tb = [normalise(s.title) for s in sn]
    title = np.maximum(matrix(fuzz.token_sort_ratio, ta, tb),
                       0.8 * matrix(fuzz.token_set_ratio, ta, tb))
    depth_o = np.array([len(_ancestry(po, a.id)) for a in so])
    depth_n = np.array([len(_ancestry(pn, b.id)) for b in sn])
    has = np.array([bool(t) for t in ta])[:, None] & np.array([bool(t) for t in tb])[None, :]
    score = 0.5 * title * has
    io = {a.id: i for i, a in enumerate(so)}
    jn = {b.id: j for j, b in enumerate(sn)}
    for (x, y), v in votes.items():
        if x in io and y in jn:
            score[io[x], jn[y]] += v / max(sizes.get(x, 0), 1)
    score = score * np.where(depth_o[:, None] == depth_n[None, :], 1.0, 0.2)
    rows, cols = linear_sum_assignment(-score)
    return {so[i].id: sn[j].id for i, j in zip(rows, cols, strict=True) if score[i, j] >= 0.3}
