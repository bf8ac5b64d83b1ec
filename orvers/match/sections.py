"""Section matching: title similarity, position and the votes of matched measures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz

from ..model import Programme, Section
from .assign import best_pairs
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


def _name(title: str) -> str:
    """A section title's name without a "Kind: " prefix ("Tverrgående: Kraft" → "Kraft")."""
    head, sep, rest = title.partition(":")
    return rest.strip() if sep and rest.strip() and len(head.split()) <= 3 else title


def _levels(programme: Programme, sections: list[Section]) -> np.ndarray:
    """Each section's level for comparison: 0 for a section that holds measures itself, at
    any depth (a flat programme's themes are an outline's subsections), else its depth (a
    section that only holds sections is like one at the same depth)."""
    parents = _parents(programme)
    holding = {m.section for m in programme.measures}
    return np.array([0 if s.id in holding else len(_ancestry(parents, s.id))
                     for s in sections], dtype=np.int64)


def _title_similarity(a: list[str], b: list[str]) -> np.ndarray:
    """Title similarity of every pair, above what unrelated short titles reach by chance
    (fuzzy ratios of two unrelated section titles are often 0.3–0.5): 0 at 0.5, 1 at 1."""
    ta, tb = [normalise(t) for t in a], [normalise(t) for t in b]
    sim = np.maximum(matrix(fuzz.token_sort_ratio, ta, tb),
                     0.8 * matrix(fuzz.token_set_ratio, ta, tb))
    sim = np.clip(2.0 * sim - 1.0, 0.0, 1.0)
    return sim * (np.array([bool(t) for t in ta])[:, None] & np.array([bool(t) for t in tb]))


def match_sections(old: Programme, new: Programme,
                   pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """Map old section ids to new ones: measures' votes, title similarity, same level."""
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
    titles = [s.title for s in so], [s.title for s in sn]
    names = [_name(t) for t in titles[0]], [_name(t) for t in titles[1]]
    title = _title_similarity(*titles)
    if names != titles:  # some titles have a "Kind: " prefix
        title = np.maximum(title, _title_similarity(*names))
    score = title
    io = {a.id: i for i, a in enumerate(so)}
    jn = {b.id: j for j, b in enumerate(sn)}
    for (x, y), v in votes.items():
        if x in io and y in jn:
            # one dissenting vote assumed: a section's lone link never outweighs a title
            score[io[x], jn[y]] += v / (sizes.get(x, 0) + 1)
    score = score * np.where(_levels(old, so)[:, None] == _levels(new, sn)[None, :], 1.0, 0.2)
    return {so[i].id: sn[j].id for i, j in best_pairs(score, 0.3)}


def section_trust(section_map: dict[str, str],
                  pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, float]:
    """How far each mapped old section's measures follow the map: of the (old section, new
    section) pairs of linked measures, the share that agree, one agreeing link assumed (a
    section without links is trusted; one whose measures went elsewhere, e.g. a catch-all
    theme divided among new sections, hardly)."""
    agree: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    for a, b in pairs:
        if a in section_map:
            linked[a] += 1
            agree[a] += section_map[a] == b
    return {a: (agree[a] + 1) / (linked[a] + 1) for a in section_map}
