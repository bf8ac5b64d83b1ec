"""Structure checks after parsing: what a reader would notice is wrong with the measures found.

- numbering_gap: printed numbers skip some (2.1.1 → 2.1.3; 2.1.4 → 2.3.1 with section 2.2
  absent; a section whose first measure is not its first);
- duplicate: a number printed twice;
- missing_targets: a measure without result or effect targets where most measures have them;
- leftover_text: text inside a measure table that went to no measure (the parser reports it);
- heading_among_measures: a numbered heading with nothing under it, among the measures of its
  section (1.1 a heading beside measures 1.2–1.6): likely a measure read as a heading;
- side_by_side: a measure's title, target or partner holding a bullet between its words
  ("… for politisk • næringsliv påvirkning"): two columns of a table read as one line.

Only printed numbers are checked for gaps; ids orvers assigned (T1, W1 …) have none.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Check, Measure, Programme

_LISTED = 20  # at most this many missing ids are listed in one check
_WITH_TARGETS = 2 / 3  # when this share of measures has targets, one without is suspect


def _number(ident: str) -> tuple[int, ...] | None:
    parts = ident.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def _missing(prev: tuple[int, ...], cur: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The numbers an unbroken outline prints between prev and cur (same depth or not;
    prev empty: before the first number)."""
    common = 0
    while common < min(len(prev), len(cur)) and prev[common] == cur[common]:
        common += 1
    if common == len(cur):
        return []
    out: list[tuple[int, ...]] = []
    if prev:  # a document may start at any chapter, not within one
        first = prev[common] + 1 if common < len(prev) else 1
        out += [(*cur[:common], n) for n in range(first, cur[common])]
    for level in range(common + 1, len(cur)):
        out += [(*cur[:level], n) for n in range(1, cur[level])]
    return out


def numbering_gaps(ids: list[str]) -> list[Check]:
    """Gaps in a document's printed numbers (section and measure ids together)."""
    numbers = sorted({n for n in map(_number, ids) if n is not None})
    out: list[Check] = []
    for prev, cur in zip([(), *numbers], numbers, strict=False):
        missing = [".".join(map(str, n)) for n in _missing(prev, cur)]
        if missing and prev:
            out.append(Check("numbering_gap", after=".".join(map(str, prev)),
                             before=".".join(map(str, cur)), missing=tuple(missing[:_LISTED])))
        elif missing:
            out.append(Check("numbering_gap", before=".".join(map(str, cur)),
                             missing=tuple(missing[:_LISTED])))
    return out


def _duplicates(measures: tuple[Measure, ...]) -> list[Check]:
    counts = Counter(m.id for m in measures)
    return [Check("duplicate", ids=(i,)) for i, n in counts.items() if n > 1]


def _missing_targets(measures: tuple[Measure, ...]) -> list[Check]:
    without = [m.id for m in measures if not (m.result_targets or m.effect_targets)]
    if not measures or len(without) > (1 - _WITH_TARGETS) * len(measures):
        return []
    return [Check("missing_targets", ids=tuple(without))] if without else []


def _headings_among_measures(programme: Programme) -> list[Check]:
    """Sections that hold neither measures nor sections, numbered among the measures their
    parent section holds."""
    holding = {m.section for m in programme.measures} | {s.parent for s in programme.sections}
    ids = tuple(s.id for s in programme.sections
                if s.id not in holding and s.parent is not None
                and any(m.section == s.parent for m in programme.measures))
    return [Check("heading_among_measures", ids=ids)] if ids else []


# a list's bullet glyph between two words: the text of two columns side by side on one line
_MID_BULLET_RE = re.compile(r"\w[^\w•▪◦\uf0b7\uf0a7]*\s[•▪◦\uf0b7\uf0a7]\s+\w")


def _side_by_side(measures: tuple[Measure, ...]) -> list[Check]:
    ids = tuple(m.id for m in measures
                if any(_MID_BULLET_RE.search(t) for t in (m.title, *m.result_targets,
                                                           *m.effect_targets, *m.partners)))
    return [Check("side_by_side", ids=ids)] if ids else []


def structure_checks(programme: Programme, leftover: tuple[Check, ...] = ()) -> tuple[Check, ...]:
    """Every check of a parsed programme, numbering first."""
    printed = [m.id for m in programme.measures if m.id_source == "document"]
    gaps = numbering_gaps(printed + [s.id for s in programme.sections]) if printed else []
    return (*gaps, *_duplicates(programme.measures), *_missing_targets(programme.measures),
            *_headings_among_measures(programme), *_side_by_side(programme.measures),
            *leftover)


def describe(check: Check) -> str:
    """One line for a user, naming the ids."""
    if check.kind == "numbering_gap":
        where = f"after {check.after} " if check.after else ""
        return (f"numbering gap {where}before {check.before}: "
                f"{', '.join(check.missing)} not found")
    if check.kind == "duplicate":
        return f"measure number {check.ids[0]} occurs more than once"
    if check.kind == "missing_targets":
        return f"no result or effect targets, unlike the other measures: {', '.join(check.ids)}"
    if check.kind == "heading_among_measures":
        return ("numbered like the measures beside them but read as headings, with nothing "
                f"under them: {', '.join(check.ids)}")
    if check.kind == "side_by_side":
        return ("a bullet between the words of a title, target or partner (two columns of a "
                f"table read as one line?): {', '.join(check.ids)}")
    where = f"after {check.ids[0]}" if check.ids else "before the first measure"
    return f"table text assigned to no measure, {where}: {check.text[:60]}"
