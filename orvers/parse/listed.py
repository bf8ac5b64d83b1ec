"""Measures listed without numbers under a numbered section: bullets ("• Kartlegge …") or
letters ("a) Kartlegge …") below a short heading line, as a draft may print a section's
measures. Such an item is a section, and each entry (with the lines it wrapped onto) a
measure whose id is the section's and its place ("3.1.2", id_source "assigned").

An item is such a section where its first line is a heading (at most six words, no end stop
nor colon: "følgende tiltak:" opens a measure's own list) and the lines below it are two or
more entries and the lines they wrapped onto, with no paragraph before the first (a prose
section's list follows its text); one entry is enough where other sections of the document
list two or more so.
"""

from __future__ import annotations

import re

from ..model import Block
from ..text import is_bullet, join_lines, strip_bullet

_LETTER_RE = re.compile(r"^\s*[a-zæøå]\)\s+(?=\S)")
_HEADING_WORDS = 6
ENTRIES = 2  # entries a section needs to list its measures so


def _entry(text: str) -> str | None:
    """The text of a list entry without its bullet or letter; None for any other line."""
    if is_bullet(text):
        return strip_bullet(text)
    if _LETTER_RE.match(text):
        return _LETTER_RE.sub("", text, count=1).strip()
    return None


def listed(first: str, lines: list[Block], least: int = ENTRIES
           ) -> list[tuple[str, list[Block]]]:
    """The entries listed under an item's heading line, each as (its text, its lines); []
    where the item is no such section (see the module; least: the entries it needs, one
    where other sections of the document list theirs so)."""
    if len(first.split()) > _HEADING_WORDS or first.rstrip()[-1:] in ".:;,":
        return []
    entries: list[tuple[list[str], list[Block]]] = []
    for b in lines:
        text = b.text.strip()
        if not text:
            continue
        found = _entry(text)
        if found is not None:
            entries.append(([found], [b]))
        elif not entries:
            return []  # a paragraph before the list: a prose section
        else:
            entries[-1][0].append(text)
            entries[-1][1].append(b)
    if len(entries) < least:
        return []
    return [(join_lines(texts), blocks) for texts, blocks in entries]
