"""A table of contents left out before parsing: its entries repeat the numbered headings
(and, where measures are headings, the measures) with page numbers, and read as measures and
sections they would take the place of the real ones or glue the real headings onto the
measures before them.

An entry is a line ending in a page number (1–999, not the end of a larger number or an
amount in groups: "2026", "1 950 000") after a leader (dots, an ellipsis, a tab or a
wide gap) or a numbered line ending in a page number. A run of at least three entries (blank
lines and a "Innhold"/"Contents" heading allowed between) whose page numbers never fall is a
table of contents where most of its entries have leaders, or where most of its numbered
entries' numbers open a line again further on (the headings they point to). The run is left
out with a warning that says where it stood.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document

_LEADER = r"(?:\s*(?:\.\s?){3,}|\s*…+|\s*_{3,}|\t+|\s{3,})"
_ENTRY_RE = re.compile(rf"^\s*(?P<id>\d{{1,3}}(?:\.\d{{1,3}})*\.?)?\s*(?P<title>\S.*?)"
                       rf"(?P<leader>{_LEADER})?\s*(?<!\d)(?<!\d\s)(?P<page>[1-9]\d{{0,2}})\s*$")
_NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S")
_HEADING_RE = re.compile(r"^\s*(innhold|innholdsfortegnelse|innhaldsliste|contents|"
                         r"table of contents)\s*:?\s*$", re.IGNORECASE)
_MIN_ENTRIES = 3


def _entry(text: str) -> tuple[str, bool, int] | None:
    """(number or "", whether a leader stands before the page number, the page) of a
    contents entry, None for any other line. An unnumbered line needs the leader."""
    if "\n" in text.strip():
        return None
    found = _ENTRY_RE.match(text)
    if not found or not re.search(r"[^\W\d_]", found["title"]):
        return None
    number = (found["id"] or "").rstrip(".")
    leader = bool(found["leader"])
    if not number and not leader:
        return None
    return number, leader, int(found["page"])


def without_contents(doc: Document) -> Document:
    """The document with its table(s) of contents left out (see the module), and a warning
    for each; the document itself where it has none."""
    blocks = doc.blocks
    drop: set[int] = set()
    notes: list[str] = []
    i = 0
    while i < len(blocks):
        run = _run(blocks, i)
        if run and _is_contents(blocks, run):
            drop.update(range(run[0], run[-1] + 1))
            where = (f"page {blocks[run[0]].page}" if doc.format == "pdf"
                     else f"lines {blocks[run[0]].line}–{blocks[run[-1]].line}")
            notes.append(f"a table of contents ({len(run)} entries, {where}) left out: its "
                         "entries are read where they stand in the text")
            i = run[-1] + 1
        else:
            i += 1
    if not drop:
        return doc
    for k in sorted(drop):  # a contents heading just above goes with it
        if k > 0 and k - 1 not in drop and _HEADING_RE.match(blocks[k - 1].text):
            drop.add(k - 1)
    kept = tuple(b for k, b in enumerate(blocks) if k not in drop)
    return replace(doc, blocks=kept, warnings=(*doc.warnings, *notes))


def _run(blocks, start: int) -> list[int]:
    """Indices of the entries of the run of contents entries starting at start (blank
    blocks between them skipped), [] where start is no entry."""
    found: list[int] = []
    last_page = 0
    k = start
    while k < len(blocks):
        block = blocks[k]
        if block.kind == "cell":
            break
        if not block.text.strip():
            k += 1
            continue
        entry = _entry(block.text)
        if entry is None or entry[2] < last_page:
            break
        found.append(k)
        last_page = entry[2]
        k += 1
    return found if len(found) >= _MIN_ENTRIES else []


def _is_contents(blocks, run: list[int]) -> bool:
    """Whether a run of entries is a table of contents: mostly leaders, or numbered entries
    whose numbers mostly open a line again after the run."""
    entries = [_entry(blocks[k].text) for k in run]
    if sum(e[1] for e in entries if e) * 2 > len(entries):
        return True
    numbers = [e[0] for e in entries if e and e[0]]
    if len(numbers) < _MIN_ENTRIES:
        return False
    later = {m.group(1) for b in blocks[run[-1] + 1:] if (m := _NUMBER_RE.match(b.text))}
    return sum(n in later for n in numbers) * 3 >= len(numbers) * 2
