"""Measure tables in an OCR text layer: one line block each, the three columns interleaved.

The walk has two steps. `split_document` cuts the lines into sections and, inside tables,
into one run of lines per measure number. `ColumnReader` then deals each run's lines (or the
pieces of a line that spans columns) to the Tiltak, Resultat-/Effektmål and Partnere columns.
Two layout accidents of the page are undone on the way: cell text printed above the table
header ("orphans") belongs to the table's first measure, and a second Resultatmål/Effektmål
label inside one measure starts text that belongs to the next measure ("displaced").
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from ....model import Block, Section
from ..columns import Columns
from ..cues import (
    CHAPTER_RE,
    NARROW,
    SUBSECTION_RE,
    header_kind,
    is_bullet,
    segments,
)
from ..numbers import NUMBER_RE
from .cut import Pairs
from .deal import ColumnReader

PROSE_WIDTH = 55  # table cells are narrower than this; body text runs to ~90 characters
_SENTENCE_END_RE = re.compile(r"[.:!?]\s*$")


@dataclass
class Run:
    """The lines of one measure: its own (from its number on) and those found elsewhere."""

    id: str
    section: str
    number: Block
    lines: list[Block] = field(default_factory=list)
    orphans: list[Block] = field(default_factory=list)


@dataclass
class Outline:
    """Sections met in the text, and the runs of measure lines found in their tables."""

    sections: list[Section] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _header_lines(blocks: tuple[Block, ...]) -> set[int]:
    """Indexes of table header lines: one line, or the three words on lines of their own."""
    found: set[int] = set()
    texts = [b.text for b in blocks]
    for i, text in enumerate(texts):
        kind = header_kind(text)
        if kind == 3:
            found.add(i)
        elif kind == 1 and text.strip().casefold() == "tiltak":
            parts = [j for j in range(i + 1, min(i + 6, len(texts))) if texts[j].strip()][:2]
            if len(parts) == 2 and all(header_kind(texts[j]) == 1 for j in parts):
                found.update((i, *parts))
    return found


class _Splitter:
    """Walks the lines once, keeping the current chapter, section and table state."""

    def __init__(self) -> None:
        self.out = Outline()
        self.chapter: str | None = None
        self.section: str | None = None
        self.subsections: set[str] = set()  # chapters that have numbered sub-sections
        self.in_table = False
        self.run: Run | None = None
        self.paragraph: list[Block] = []
        self.orphans: list[Block] = []
        self.after_sentence = False

    def heading(self, sid: str, title: str, parent: str | None) -> None:
        self.close_paragraph()
        self.out.sections.append(Section(sid, title.strip(), parent, raw_title=title.strip()))
        self.section, self.in_table, self.run = sid, False, None
        self.orphans, self.after_sentence = [], True

    def start(self, mid: str, block: Block, rest: str) -> None:
        self.run = Run(mid, self.section or "", block, orphans=self.orphans)
        self.orphans = []
        if rest:
            self.run.lines.append(Block(rest, block.page, block.line))
        self.out.runs.append(self.run)

    def next_id(self) -> str:
        """The number after the last measure of this section (for a number OCR broke)."""
        last = [r.id for r in self.out.runs if r.section == self.section]
        n = int(last[-1].rsplit(".", 1)[1]) + 1 if last else 1
        return f"{self.section}.{n}"

    def number(self, block: Block) -> bool:
        """Handle a line that starts with a number; False when it is ordinary text."""
        m = NUMBER_RE.match(block.text)
        if not m:
            return False
        a, b, c, dot, rest = m.groups()
        if c:
            if self.in_table and self.section == f"{a}.{b}":
                self.start(f"{a}.{b}.{c}", block, rest)
                return True
            if self.in_table:
                self.out.notes.append(f"line {block.line}: number {a}.{b}.{c} does not belong "
                                      f"to section {self.section}; read as text")
            return False
        if self.in_table and self.section == a and a not in self.subsections:
            self.start(f"{a}.{b}", block, rest)
            return True
        if self.in_table and not rest and dot and self.section == f"{a}.{b}":
            self.start(self.next_id(), block, "")
            return True
        sub = SUBSECTION_RE.match(block.text)
        if sub and a == self.chapter:
            self.subsections.add(a)
            self.heading(f"{a}.{b}", sub.group(3), a)
            return True
        return False

    def close_paragraph(self) -> None:
        """Before a table, a block of short lines after a finished sentence is cell text."""
        para, self.paragraph = self.paragraph, []
        if not para or self.in_table or self.section is None:
            return
        if self.after_sentence and all(len(b.text.strip()) <= PROSE_WIDTH for b in para):
            self.orphans.extend((*para, Block("", para[-1].page, para[-1].line)))
            return
        self.orphans = []
        self.after_sentence = bool(_SENTENCE_END_RE.search(para[-1].text))

    def feed(self, block: Block, is_header: bool) -> None:
        text = block.text
        if is_header:
            self.close_paragraph()
            self.in_table, self.run = True, None
            return
        chapter = CHAPTER_RE.match(text)
        if chapter and not NUMBER_RE.match(text):
            self.chapter = chapter.group(1)
            self.heading(chapter.group(1), chapter.group(2), None)
            return
        if self.number(block):
            return
        if self.run is not None:
            self.run.lines.append(block)
        elif not text.strip():
            self.close_paragraph()
        else:
            self.paragraph.append(block)


def split_document(blocks: tuple[Block, ...]) -> Outline:
    """Sections and per-measure runs of lines of an OCR'd table document."""
    headers = _header_lines(blocks)
    walker = _Splitter()
    for i, block in enumerate(blocks):
        walker.feed(block, i in headers)
    walker.close_paragraph()
    return walker.out


def read_run(run: Run, carried: list[Block],
             pairs: Pairs | None = None) -> tuple[Columns, list[Block]]:
    """The columns of one measure, and the displaced lines that belong to the next one;
    pairs: the document's word pairs (see table_cut.word_pairs)."""
    number = run.number
    cols = Columns(run.id, run.section, number.page, number.line, number.line)
    probe = ColumnReader(copy.deepcopy(cols), pairs)
    cut = probe.feed(run.lines, detect_displaced=True)
    own, displaced = (run.lines, []) if cut is None else (run.lines[:cut], run.lines[cut:])
    ColumnReader(cols, pairs).feed(own, detect_displaced=False)
    if displaced:
        # rows spanning the columns after the displaced text are the rest of this measure's
        # row: the page printed [this row's top][next row's bottom][this row's bottom][next top]
        k = _trailing_rows(displaced, ColumnReader(cols).title_open(), _target_open(cols))
        tail, displaced = displaced[k:], displaced[:k]
        reader = ColumnReader(cols, pairs)
        reader.mixed = reader.tail = True
        reader.feed(tail, detect_displaced=False)
    extra = carried + run.orphans
    if extra:
        reader = ColumnReader(cols, pairs)  # text from elsewhere on the page: each column goes on
        cols.kind = "result"
        reader.feed(extra, detect_displaced=False)
    return cols, displaced


def _target_open(cols: Columns) -> bool:
    """Whether the last target read so far breaks off before its end."""
    items = cols.targets()
    return bool(items) and not items[-1].lines[-1].endswith(".")


def _trailing_rows(lines: list[Block], title_open: bool, target_open: bool = False) -> int:
    """Where this measure's share of the displaced text begins: the last blank-separated
    paragraphs that each hold a spanning line, or a last short line set apart after a
    finished target, which ends a title still without its full stop, or a last short
    lowercase line, which ends a target that broke off."""
    paragraphs: list[tuple[int, int]] = []
    for i, block in enumerate(lines):
        if not block.text.strip():
            continue
        if paragraphs and paragraphs[-1][1] == i:
            paragraphs[-1] = (paragraphs[-1][0], i + 1)
        else:
            paragraphs.append((i, i + 1))
    start = len(lines)
    for n in range(len(paragraphs) - 1, -1, -1):
        a, b = paragraphs[n]
        pieces = [segments(lines[j].text) for j in range(a, b)]
        spanning = any(len(p) > 1 for p in pieces)
        title_end = (title_open and start == len(lines) and n > 0 and b - a == 1
                     and len(pieces[0]) == 1 and not is_bullet(pieces[0][0])
                     and len(pieces[0][0]) <= NARROW
                     and lines[paragraphs[n - 1][1] - 1].text.rstrip().endswith("."))
        target_end = (target_open and start == len(lines) and b - a == 1 and len(pieces[0]) == 1
                      and pieces[0][0][:1].islower() and len(pieces[0][0]) <= NARROW)
        if not (spanning or title_end or target_end):
            break
        start = a
    return start
