"""Section matching: title similarity, position and the votes of matched measures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..model import Programme, Section
from .signals import normalise, title_set, title_sort


def ancestry(programme: Programme, section_id: str | None) -> list[str]:
    """The section id and its parents' ids, innermost first."""
    out: list[str] = []
    seen: set[str] = set()
    while section_id and section_id not in seen:
        out.append(section_id)
        seen.add(section_id)
        sec = programme.section(section_id)
        section_id = sec.parent if sec else (section_id.rsplit(".", 1)[0] if "." in section_id
                                             else None)
    return out


def _depth(programme: Programme, section_id: str) -> int:
    return len(ancestry(programme, section_id))


def all_sections(programme: Programme) -> list[Section]:
    """The programme's sections plus any section id a measure names but the outline lacks."""
    known = {s.id: s for s in programme.sections}
    for m in programme.measures:
        for sid in ancestry(programme, m.section):
            known.setdefault(sid, Section(sid, "", None))
    return list(known.values())


def match_sections(old: Programme, new: Programme,
                   pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """Map old section ids to new ones: measures' votes, title similarity, same depth."""
    so, sn = all_sections(old), all_sections(new)
    if not so or not sn:
        return {}
    votes: Counter[tuple[str, str]] = Counter()
    sizes: Counter[str] = Counter()
    for m in old.measures:
        for sid in ancestry(old, m.section):
            sizes[sid] += 1
    for a, b in pairs:
        for x, y in zip(ancestry(old, a), ancestry(new, b), strict=False):
            votes[x, y] += 1
    ta = [normalise(s.title) for s in so]
    tb = [normalise(s.title) for s in sn]
    title = np.maximum(title_sort(ta, tb), 0.8 * title_set(ta, tb))
    score = np.zeros((len(so), len(sn)), dtype=np.float32)
    for i, a in enumerate(so):
        for j, b in enumerate(sn):
            v = votes.get((a.id, b.id), 0) / max(sizes.get(a.id, 0), 1)
            same_depth = _depth(old, a.id) == _depth(new, b.id)
            t = title[i, j] if (ta[i] and tb[j]) else 0.0
            score[i, j] = (v + 0.5 * t) * (1.0 if same_depth else 0.2)
    rows, cols = linear_sum_assignment(-score)
    return {so[i].id: sn[j].id for i, j in zip(rows, cols, strict=True) if score[i, j] >= 0.3}
