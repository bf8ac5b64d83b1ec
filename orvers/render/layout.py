"""Where each link of a comparison stands in the new version: its sections in their order, a
removed measure under the new section its old section became, after its predecessor's match."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Comparison, Link, Programme, count_events


@dataclass(frozen=True)
class Placed:
    """One section of the new version with the links that stand in it, in the new order.

    formerly: the old section(s) that became this one, (id, title), when the number or the
    title differs (a rename or a move, stated at the section head). id None: the removed
    measures whose old section has no counterpart.
    """

    id: str | None
    title: str
    chain: tuple[str, ...]  # this section and its parents, outermost first
    links: tuple[Link, ...]
    formerly: tuple[tuple[str, str], ...] = ()


def chain(programme: Programme, section_id: str | None) -> tuple[str, ...]:
    """SECTION_ID and its parents, outermost first (cycles and unknown ids stop the walk)."""
    out: list[str] = []
    while section_id is not None and section_id not in out:
        out.insert(0, section_id)
        section = programme.section(section_id)
        section_id = section.parent if section else None
    return tuple(out)


def _mapped(comparison: Comparison, old_section: str | None) -> str | None:
    """The new section an old section became (or, failing that, its nearest parent's)."""
    smap = dict(comparison.section_map)
    for sid in reversed(chain(comparison.old, old_section)):
        if sid in smap:
            return smap[sid]
    return None


def placed(comparison: Comparison) -> list[Placed]:
    """The new version's sections in document order, each with its links (removed measures
    where they stood), then the removed measures whose section has no counterpart."""
    old, new = comparison.old, comparison.new
    new_index = {m.id: i for i, m in enumerate(new.measures)}
    old_index = {m.id: i for i, m in enumerate(old.measures)}
    new_section = {m.id: m.section for m in new.measures}
    old_section = {m.id: m.section for m in old.measures}
    matched: dict[str, list[int]] = {}
    for link in comparison.links:
        if link.old is not None and link.new is not None:
            matched.setdefault(link.old, []).append(new_index[link.new])
    groups: dict[str | None, list[tuple[tuple, Link]]] = {}
    for link in comparison.links:
        if link.new is not None:
            key = (new_index[link.new], 0, old_index.get(link.old or "", -1))
            groups.setdefault(new_section[link.new], []).append((key, link))
            continue
        target = _mapped(comparison, old_section[link.old])
        before = [m for m in old.measures[:old_index[link.old]]
                  if m.section == old_section[link.old] and m.id in matched]
        at = max(matched[before[-1].id]) if before else -1
        groups.setdefault(target, []).append(((at, 1, old_index[link.old]), link))
    formerly: dict[str, list[tuple[str, str]]] = {}
    for a, b in comparison.section_map:
        sa, sb = old.section(a), new.section(b)
        if sa and sb and (a != b or sa.title != sb.title):
            formerly.setdefault(b, []).append((a, sa.title))
    out = [Placed(s.id, s.title, chain(new, s.id),
                  tuple(lk for _, lk in sorted(groups.get(s.id, []), key=lambda x: x[0])),
                  tuple(formerly.get(s.id, ())))
           for s in new.sections]
    known = {s.id for s in new.sections}
    for sid in [k for k in groups if k not in known]:
        out.append(Placed(sid, "", (sid,) if sid else (),
                          tuple(lk for _, lk in sorted(groups[sid], key=lambda x: x[0]))))
    return out


def area_events(comparison: Comparison) -> list[tuple[str | None, str, dict[str, int]]]:
    """Per section that holds links (new numbering): its id, title and events (a split or
    merge spanning sections counted in each)."""
    return [(g.id, g.title, count_events(g.links)) for g in placed(comparison) if g.links]
