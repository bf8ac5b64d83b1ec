"""Parse the strategic guidelines (strategiske føringer): vision, goals, challenges, sub-goals
(delmål) and strategies per innsatsområde and tverrgående tema.

Decision: the items a report can compare are the strategies — the lines that start with
"Ved …" ("Ved å satse på …") under a "Strategier" heading, joined with their wrapped lines.
They become measures with ids S1, S2, … (id_source "assigned"); the area headings become
sections whose id is the heading text. Vision, goals, challenges and delmål are not
extracted (a warning says so). The PDF's text layer prints some headings after the text they
head, so a strategy may land under the area printed before it.
"""

from __future__ import annotations

import re

from ..model import Block, Document, Measure, Programme, Section
from ..text import collapse_space, join_lines
from .common import document_title, source_of

_KINDS = {"utfordringer", "mål", "delmål", "strategier", "visjon"}
_STRATEGY_RE = re.compile(r"^Ved\s+\S")
_NOT_HEADING_RE = re.compile(r"^(Ved\s|Å\s|For\s+å\s|\[|\d|https?:|www\.)", re.IGNORECASE)
_HEADING_WORDS = 7
_PROSE = 60
_OPEN_ENDINGS = {"og", "i", "for", "på", "til", "med", "av", "som", "eller", "om", "en", "et"}


def _is_heading(lines: list[Block], i: int, after_heading: bool = False) -> bool:
    """A short unpunctuated line after a finished paragraph, a page start or another heading,
    followed by prose or a kind label (Utfordringer, Delmål, Strategier)."""
    raw = lines[i].text
    t = raw.strip()
    if (len(t) < 3 or not t[:1].isupper() or _NOT_HEADING_RE.match(t) or t.casefold() in _KINDS
            or len(t.split()) > _HEADING_WORDS or t.endswith((".", ",", ":", ";", "!", "?"))
            or t.split()[-1] in _OPEN_ENDINGS):
        return False
    before = lines[i - 1].text.strip() if i else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    later = lines[i + 2].text.strip() if i + 2 < len(lines) else ""
    opened = (after_heading or not before or before.endswith(".") or len(before) <= 2
              or raw.startswith(" "))
    leads = (len(after) >= _PROSE or after.casefold() in _KINDS
             or (after[:1].isupper() and len(after.split()) <= 3 and len(later) >= _PROSE))
    return opened and leads


def parse_strategy(doc: Document) -> Programme:
    """Area sections and their strategies ("Ved å …") as items S1, S2, …."""
    lines = [b for b in doc.blocks if b.text.strip()]
    sections: dict[str, Section] = {}
    items: list[tuple[str | None, list[Block]]] = []
    section: str | None = None
    open_item = heading = False
    for i, b in enumerate(lines):
        t = b.text.strip()
        was_heading, heading = heading, False
        if _STRATEGY_RE.match(t):
            items.append((section, [b]))
            open_item = True
        elif open_item and t[:1].islower():
            items[-1][1].append(b)
        elif _is_heading(lines, i, was_heading):
            section = collapse_space(t)
            sections.setdefault(section, Section(section, section, None, raw_title=section))
            open_item, heading = False, True
        else:
            open_item = False
    measures = tuple(
        Measure(id=f"S{n}", title=join_lines([b.text for b in blocks]), section=sec,
                source=source_of(blocks), id_source="assigned",
                raw_title=join_lines([b.text for b in blocks]))
        for n, (sec, blocks) in enumerate(items, start=1))
    note = ("strategy layout: the strategies (\"Ved å …\") are listed as items; vision, goals, "
            "challenges and delmål are not extracted")
    return Programme(
        path=doc.path, format=doc.format, layout="strategy", title=document_title(doc.blocks),
        sections=tuple(sections.values()), measures=measures, pages=doc.pages,
        warnings=(*doc.warnings, note),
    )
