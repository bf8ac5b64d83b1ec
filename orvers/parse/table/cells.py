"""Measure tables read as real table cells (DOCX/PDF readers): kind="cell" blocks with col set.

Two shapes: ruled tables give table/row/col and one block per paragraph of a cell; unruled
PDF tables clustered into columns give col only (row=None), one block per printed line, in
reading order: a measure number in the first column starts the next measure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from ...model import Block, Check, Section
from ...text import collapse_space, join_lines
from .columns import Columns, ends_open, ends_unfinished
from .cues import CHAPTER_RE, SUBSECTION_RE, dotless_number, is_bullet, label_kind
from .named import named_columns
from .numbers import opening
from .roles import Roles, find_roles, role_of
from .rowids import (
    COUNT_RE,
    block_text,
    counted,
    is_header_cell,
    labels_at,
    ranges,
    unnumbered,
)

_ROWS = 2  # a measure table has at least this many numbered rows
_AREA_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s+(?=[A-ZÆØÅ])")  # "1 Overordnede …": a chapter


def is_measure_grid(blocks: tuple[Block, ...]) -> bool:
    """Whether the document's table rows hold measures, header row or not: first cells that
    open with a measure number, and target labels ("Resultatmål:") in a cell right of them,
    or, with no label anywhere, columns in a measure table's shape (roles.py)."""
    cells = [b for b in blocks if b.kind == "cell" and b.row is not None]
    numbered = sum(1 for b in cells if b.col == 0 and opening(block_text(b)))
    if numbered >= _ROWS and any((b.col or 0) > 0 and label_kind(block_text(b)) for b in cells):
        return True
    return numbered >= _ROWS and _roles(blocks) is not None


def _heading(block: Block, chapter: str | None) -> Section | None:
    """A numbered chapter or sub-section heading outside the tables."""
    text = block_text(block)
    sub = SUBSECTION_RE.match(text)
    if sub and (chapter is None or sub.group(1) == chapter):
        return Section(f"{sub.group(1)}.{sub.group(2)}", sub.group(3).strip(), sub.group(1),
                       raw_title=sub.group(3).strip())
    chap = CHAPTER_RE.match(text)
    if chap:
        return Section(chap.group(1), chap.group(2).strip(), None, raw_title=chap.group(2).strip())
    return None


class _CellWalker:
    """Builds sections and measure columns from cell blocks in document order."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.measures: list[Columns] = []
        self.chapter: str | None = None
        self.section: str | None = None
        self.current: Columns | None = None
        self.bulleted = False
        self.leftover: list[Check] = []  # table text no measure took
        self.notes: list[str] = []  # numbers read through OCR damage
        self.area = ""  # an area column's unnumbered name, for the next measure's section
        self.unnumbered: set[int | None] = set()  # tables whose rows print no numbers
        self.counted: dict[tuple[int | None, int | None], str] = {}  # a row's plain count
        self.in_section = False  # the counts restart: each is read within its section
        self.count: str | None = None  # a count printed beside the next measure's first line
        # in a table that prints no numbers nor rules: the lines with a target label, by kind
        self.labels_at: dict[int, str] = {}
        self.assigned: list[str] = []  # the ids given to their rows
        self.by_section: list[str] = []  # the ids a count restarting per section was given

    def text_block(self, block: Block) -> None:
        if block.kind == "count":  # the count beside the next measure's first line
            self.count = COUNT_RE.match(block.text).group(1)
            return
        if block.kind == "area":
            self.area_cell(block)
            return
        head = _heading(block, self.chapter)
        if head is None:
            if block.kind == "cell" and block.row is None and block.text.strip():
                self.lost(collapse_space(block.text))  # a table line across the columns
            return
        if head.parent is None:
            self.chapter = head.id
        self.sections.append(head)
        self.section, self.current = head.id, None

    def area_cell(self, block: Block) -> None:
        """An area column's cell (named.py): the heading of the measures after it, of any
        chapter ("2.1 Klima" after chapter 1's rows); without a number, the name of the
        section the next measure's number says (a section no heading named yet)."""
        text = _AREA_NUMBER_RE.sub(r"\1. ", block.text)
        head = _heading(replace(block, text=text), None)
        if head is None:
            self.area = block.text.strip()
            return
        if head.parent is None:
            self.chapter = head.id
        self.sections.append(head)
        self.section, self.current, self.area = head.id, None, ""

    def new_measure(self, mid: str, block: Block) -> Columns:
        if self.current is not None and mid.startswith(f"{self.current.id}."):
            self._to_heading(self.current)
        if self.area and "." in mid:
            parent = mid.rsplit(".", 1)[0]
            if parent not in {x.id for x in self.sections}:
                above = parent.rsplit(".", 1)[0] if "." in parent else None
                self.sections.append(Section(parent, self.area, above, raw_title=self.area))
                self.section = parent
            self.area = ""
        self.current = Columns(mid, self.section, block.page, block.line, block.line)
        self.measures.append(self.current)
        self.bulleted = False
        return self.current

    def _to_heading(self, cols: Columns) -> None:
        """Make a "measure" whose number the next measure's extends (3.4 before 3.4.1) the
        section heading it was: a heading set in the table's width, its words across the
        columns, reads like a row."""
        self.measures.remove(cols)
        parts = [*cols.title, *(i.text() for i in (*cols.result, *cols.effect, *cols.partners))]
        title = join_lines([p for p in parts if p])
        parent = cols.id.rsplit(".", 1)[0] if "." in cols.id else None
        self.sections.append(Section(cols.id, title, parent, raw_title=title))
        self.section = cols.id

    def row(self, cells: list[Block]) -> None:
        """One table row: each block is one paragraph of a cell."""
        if (any(b.col == 0 and is_header_cell(b) for b in cells)
                or sum(map(is_header_cell, cells)) >= 2):  # "Nr | Tiltak | …": a header
            return
        filled = [b for b in cells if block_text(b).strip()]
        if len(filled) == 1 and filled[0].col == 0 and CHAPTER_RE.match(block_text(filled[0])):
            # a chapter's heading in a row of its own across the table ("3. Tverrgående
            # tema" in merged cells): a chapter, not the rest of the title above
            self.text_block(replace(filled[0], kind="paragraph", row=None, col=None))
            return
        first = [b for b in cells if b.col == 0]
        ident = opening(block_text(first[0])) if first else None
        count = self.counted.get((cells[0].table, cells[0].row))
        if first and count is not None:  # "Nr | Tiltak | …" counting 1, 2, 3 …
            ident = (self._counted_id(count), block_text(first[0]))
        elif first and not ident and cells[0].table in self.unnumbered and block_text(
                first[0]).strip():  # a measure whose number the table does not print
            ident = (self._next_id(), block_text(first[0]))
            self.assigned.append(ident[0])
        if ident:
            cols = self.new_measure(ident[0], first[0])
            if ident[1].strip():
                cols.add_title(ident[1])
            first = first[1:]
        cols = self.current
        if cols is None:
            return
        for b in first:
            cols.add_title(block_text(b))
        for b in cells:
            cols.line_end = max(cols.line_end, b.line)
            if b.col not in (1, 2):
                continue
            for text, new in _broken(block_text(b), b.col == 2):
                if b.col == 1:
                    cols.add_middle(text, new)
                else:
                    cols.add_partner(text, new)

    def _row_opens(self, line: int) -> bool:
        """Whether a line of a table that prints no numbers (nor rules) opens a row: a target
        label beside its first words that the measure read so far has had already
        ("Resultatmål:" again), or the table's first."""
        kind = self.labels_at.get(line)
        if kind is None:
            return False
        seen = self.current.seen if self.current is not None else set()
        return not seen or kind in seen or (kind == "result" and "effect" in seen)

    def _counted_id(self, count: str) -> str:
        """A counted measure's id: its count, or where the counts restart in each section
        the section's number and the count."""
        if not (self.in_section and self.section):
            return count
        self.by_section.append(f"{self.section}.{count}")
        return self.by_section[-1]

    def _next_id(self) -> str:
        """The id of the next measure in a table without numbers: the next in its section
        ("2.1.3" after two under 2.1), or T1, T2, … under no numbered heading."""
        if self.section is None:
            return f"T{sum(m.id.startswith('T') for m in self.measures) + 1}"
        return f"{self.section}.{sum(m.section == self.section for m in self.measures) + 1}"

    def _dotless(self, block: Block) -> str:
        """The next measure's number where the line opens with its digits read without dots
        ("11" for 1.1: OCR drops the dots of a number standing in a column of its own)."""
        digits = dotless_number(block.words)
        if not digits or self.section is None:
            return ""
        last = [m.id for m in self.measures if m.section == self.section]
        expected = f"{self.section}.{int(last[-1].rsplit('.', 1)[1]) + 1 if last else 1}"
        return expected if expected.replace(".", "") == digits else ""

    def lost(self, text: str) -> None:
        """Keep a table line that no measure took (before a section's first measure)."""
        after = (self.measures[-1].id,) if self.measures else ()
        last = self.leftover[-1] if self.leftover else None
        if last is not None and last.ids == after:
            self.leftover[-1] = replace(last, text=f"{last.text} {text}")
        else:
            self.leftover.append(Check("leftover_text", ids=after, text=text))

    def line(self, block: Block) -> None:
        """One printed line of a column-clustered table."""
        text = block_text(block)
        if is_header_cell(block) or not text:
            return
        ident = opening(text) if block.col == 0 else None
        if block.col == 0 and not ident and self.count is not None:
            ident, self.count = (self._counted_id(self.count), text), None
        elif block.col == 0 and not ident and self._row_opens(block.line):
            ident = (self._next_id(), text)  # a table without rules nor numbers
            self.assigned.append(ident[0])
        dotless = self._dotless(block) if block.col == 0 and not ident else ""
        if ident:
            self.new_measure(ident[0], block)
            text = ident[1].strip()
            if not text:
                return
        elif dotless:
            self.notes.append(f"measure {dotless}: its number read as "
                              f"'{block.words[0].text}', taken for {dotless}")
            self.new_measure(dotless, block)
            text = " ".join(w.text for w in block.words[1:])
            if not text:
                return
        cols = self.current
        if cols is None:
            self.lost(text)
            return
        cols.line_end = max(cols.line_end, block.line)
        if block.col == 0:
            cols.add_title(text)
        elif block.col == 1:
            cols.add_middle(text, is_bullet(text))
        else:
            bullet = is_bullet(text)
            self.bulleted = self.bulleted or bullet
            # a line read from word positions was told a start or a wrap by its geometry
            cols.add_partner(text, bullet or not (block.words or
                                                  cols.partner_continues(text, self.bulleted)))


def read_cells(blocks: tuple[Block, ...]
               ) -> tuple[list[Section], list[Columns], list[Check], list[str]]:
    """Sections and measure columns of a document whose tables come as cell blocks, the
    table text that went to no measure, and notes on numbers read through OCR damage and on
    sections no heading named."""
    walker = _CellWalker()
    blocks, named = named_columns(blocks)
    blocks, walker.counted = counted(blocks)
    counts = [*walker.counted.values(),
              *(COUNT_RE.match(b.text).group(1) for b in blocks if b.kind == "count")]
    walker.in_section = len(set(counts)) < len(counts)
    blocks = _by_role(blocks)
    walker.unnumbered = unnumbered(blocks) - {t for t, _ in walker.counted}
    walker.labels_at = labels_at(blocks)
    key = lambda b: (b.kind == "cell" and b.row is not None, b.table, b.row)  # noqa: E731
    for (in_row, _, _), group in groupby(blocks, key=key):
        cells = list(group)
        if in_row:
            walker.row(cells)
            continue
        for block in cells:
            if block.kind == "cell" and block.col is not None:
                walker.line(block)
            else:
                walker.text_block(block)
    for cols in walker.measures:
        cols.assigned = cols.id in walker.assigned or cols.id in walker.by_section
    assigned = [f"{how} ({ranges(ids)})" for how, ids in (
        ("measures in tables that print no numbers: ids assigned in order", walker.assigned),
        ("measures counted 1, 2, 3 … in each section: ids by section", walker.by_section))
        if ids]
    return (walker.sections, walker.measures, walker.leftover,
            [*named, *walker.notes, *assigned, *_unheaded(walker)])


def _broken(text: str, names: bool) -> list[tuple[str, bool]]:
    """A cell paragraph's lines broken by hand (Word's line break, Shift+Enter), each with
    whether it starts an item: a partner per line (names) unless the line before ends open
    ("og", ","); a target per line unless it goes on a sentence (the line before ends on
    "og", "i" …, or this one opens in lower case after no full stop)."""
    lines = [x for x in text.split("\n") if x.strip()] or [text]
    out = [(lines[0], True)]
    for before, line in zip(lines, lines[1:], strict=False):
        goes_on = ends_open(before) or (not names and (ends_unfinished(before) or (
            line.strip()[:1].islower() and not before.rstrip().endswith((".", ":")))))
        out.append((line, not goes_on))
    return out


def _by_role(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The table cells' columns as their roles (0 the titles with their numbers, 1 the
    targets, 2 the partners; roles.py), where a table sets them otherwise (Nr | Tiltak | …)."""
    roles = _roles(blocks)
    if roles is None:
        return blocks
    return tuple(replace(b, col=role_of(b.col, roles))
                 if b.kind == "cell" and b.row is not None and b.col is not None else b
                 for b in blocks)


def _roles(blocks: tuple[Block, ...]) -> Roles | None:
    """The roles of the table cells' columns, told from each cell's text (roles.py)."""
    cells: dict[tuple[int | None, int | None, int], list[str]] = {}
    for b in blocks:
        if b.kind == "cell" and b.row is not None and b.col is not None:
            cells.setdefault((b.table, b.row, b.col), []).append(block_text(b))
    if not cells:
        return None
    return find_roles(((col, "\n".join(texts)) for (_, _, col), texts in cells.items()),
                      max(col for _, _, col in cells) + 1)


def _unheaded(walker: _CellWalker) -> list[str]:
    """Put a measure that stands under no heading of its number's section (a table whose
    heading was not found) in that section, untitled, and say so."""
    notes: list[str] = []
    known = {s.id for s in walker.sections}
    for cols in walker.measures:
        if cols.section is not None and cols.id.startswith(f"{cols.section}."):
            continue
        if "." not in cols.id:  # a count (1, 2, 3 …) or T1: no section in its number
            continue
        parent = cols.id.rsplit(".", 1)[0]
        if parent not in known:
            known.add(parent)
            above = parent.rsplit(".", 1)[0] if "." in parent else None
            walker.sections.append(Section(parent, "", above, raw_title=""))
            notes.append(f"measure {cols.id}: no heading of its section {parent} found")
        cols.section = parent
    return notes
