"""Measure tables from word positions (any PDF line with its words: OCR layer or not).

The header (Tiltak | Resultat- og effektmål | Partnere) is looked for on every line, as it
repeats at each table's start; its words give the columns' left edges. A page without a header
goes on with the columns of the table still open on the page before, so a row continues
across pages. Where no header opened the table, its columns are those the words' places
give on each page (headerless.py), and the table opens at a measure number in its first
column. A line's words fall into pieces at gaps wider than a space; each piece goes to
the column it starts in. A line whose text runs across a column's edge (a heading, prose) is
no table line; a numbered heading ends the table. A header may open with a column naming each
row's area ("Innsatsområde Tiltak …", named.py): its lines, from a row's first to the next
row's, make one block of kind "area" before the row, the heading of its measures. Rows are
left to the cell reader: a measure number in the first column starts one; where a target or
partner item starts, to items.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

from ...model import Block, Document, Word
from ...text import fold
from ..vocabulary import PARTNER_HEADER_RE
from .cues import CHAPTER_RE, SUBSECTION_RE, dotless_number
from .gutters import find_gutters, runs
from .headerless import PageEdges, page_edges
from .items import items
from .named import column_kind, left_out
from .numbers import opening
from .spaced import is_spaced, placed, refit, row_starts

# The header's three words, by column (folded, OCR's "effektmal" included).
_HEADER_STARTS = (("tiltak",), ("resultat", "effekt"))
_COLUMN_NAMES = ("Tiltak", "Resultat- og effektmål", "Partnere")
_HEADER_WORDS = 8  # a header line has no more words than this
_PUNCT = ".,:;|[]()"
_SPACE = 0.55  # a gap wider than this share of the text height parts two pieces of a line
_SLACK = 0.35  # a piece may start this share of the text height left of its column's edge
_TALL = 1.15  # a line this much taller than the body text is a heading, not a table row
_COUNT_HEADS = ("nr", "nummer")  # a column left of Tiltak counting the measures
_COUNT_RE = re.compile(r"^\d{1,3}\.?$")  # a row's count: "7", "7."


@dataclass(frozen=True)
class _Columns:
    """Left edges of the table's columns (x in points), by column: 0 Tiltak, 1 targets,
    2 Partnere; a column the header does not print is None."""

    edges: tuple[float | None, float | None, float | None]
    cut: float | None = None  # where a column the header names for no field starts (Ansvar)
    split: bool = False  # the header names the result and the effect targets apart
    area: bool = False  # a column left of Tiltak names each row's area (its section)
    counted: bool = False  # a column left of Tiltak counts the measures ("Nr": 1, 2, 3 …)

    def column(self, x: float, slack: float) -> int:
        """The column a piece starting at x stands in."""
        return max((k for k, e in enumerate(self.edges) if e is not None and x >= e - slack),
                   default=0)

    def next_edge(self, col: int) -> float | None:
        """The left edge of the column right of col, if any."""
        return next((e for e in self.edges[col + 1:] if e is not None), None)


@dataclass(frozen=True)
class Geometry:
    """Where a document's words stand, worked out once per document: the lines the reader
    reads (a text set with spaces given its words' places, by_row: its columns then placed
    only roughly), whether a header line gives the columns, and the columns each page's
    words give where none does (headerless.py)."""

    blocks: tuple[Block, ...]
    by_row: bool
    headed: bool
    pages: PageEdges

    @property
    def found(self) -> bool:
        """Whether the words stand in a measure table, with a header or without."""
        return self.headed or bool(self.pages.edges)


def read_geometry(doc: Document) -> Geometry:
    """The document's geometry: from its words' places, or, in a text set in columns with
    spaces (pdftotext -layout), from its characters' columns when they give a table."""
    if is_spaced(doc.blocks):
        spaced = _geometry(placed(doc.blocks), by_row=True)
        if spaced.found:
            return spaced
    return _geometry(doc.blocks, by_row=False)


def _geometry(blocks: tuple[Block, ...], by_row: bool) -> Geometry:
    headed = any(_header(b.words) for b in blocks if b.words)
    return Geometry(blocks, by_row, headed, page_edges(blocks))


def _header(words: tuple[Word, ...]) -> _Columns | None:
    """The columns a header line's words give, or None if the line is no header."""
    if not words or len(words) > _HEADER_WORDS:
        return None
    area = len(words) > 1 and column_kind(words[0].text) == "area"
    counted = len(words) > 1 and fold(words[0].text).strip(_PUNCT).casefold() in _COUNT_HEADS
    if area or counted:
        words = words[1:]
    if fold(words[0].text).strip(_PUNCT) != "tiltak":
        return None  # the header starts with the word itself ("tiltaksplan" is a title word)
    if any(c.isdigit() for w in words for c in w.text):
        return None  # a measure's row: "Tiltak 2.1: Title  Resultatmål:  Partner"
    edges: list[float | None] = [None, None, None]
    for w in words:
        key = fold(w.text).casefold()
        for col, starts in enumerate(_HEADER_STARTS):
            if edges[col] is None and key.startswith(starts):
                edges[col] = w.x0
        if edges[2] is None and PARTNER_HEADER_RE.match(key):
            edges[2] = w.x0
    found = [e for e in edges if e is not None]
    if edges[0] is None or len(found) < 2 or found != sorted(found):
        return None
    # named.py's kinds: a column right of the partners named for no field is left out; the
    # result and effect targets named apart are read together, and said
    last = max(found)
    cut = next((w.x0 for w in words if w.x0 > last and column_kind(w.text) == "other"), None)
    return _Columns((edges[0], edges[1], edges[2]), cut, _split(words), area, counted)


def _split(words: tuple[Word, ...]) -> bool:
    """Whether a header names the result and the effect targets as columns of their own:
    its pieces (apart by more than a space; "Resultat- og" goes on in "effektmål", as an
    OCR layer may space it) name one each."""
    names: list[str] = []
    for piece in runs(words, _SPACE * median(w.bottom - w.top for w in words)):
        text = " ".join(w.text for w in piece)
        if names and names[-1].casefold().endswith((" og", " and", "&", "-", "/")):
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    return {"result", "effect"} <= {column_kind(n) for n in names}


def _cells(block: Block, columns: _Columns, body: float,
           overflow: bool = False) -> list[Block] | None:
    """The block's text by column, or None when it runs across a column edge (prose; with
    overflow, a line's last piece may run on from a column right of the first, as a text
    set with spaces lets a line run into the next column where that is empty) or
    stands in the first column alone, set larger than the body text and not in lowercase (a
    heading; an OCR layer sets some lines taller, one with a bullet glyph for one, so a line
    with text in two columns is a row, and one that starts in lowercase goes on a title) or
    numbered as a chapter ("2. Innsatsområder", where all lines are set alike: a text)."""
    height = median(w.bottom - w.top for w in block.words)
    by_col: dict[int, list[Word]] = {}
    pieces = runs(block.words, _SPACE * height)
    if columns.cut is not None:  # a column named for no field of a measure
        pieces = [p for p in pieces if p[0].x0 < columns.cut - _SLACK * height] or pieces[:1]
    area: list[Word] = []
    if (columns.area or columns.counted) and columns.edges[0] is not None:  # left of Tiltak
        left = [p for p in pieces if p[0].x0 < columns.edges[0] - _SLACK * height]
        if any(p[-1].x1 > columns.edges[0] + _SLACK * height for p in left):
            return None
        area = [w for p in left for w in p]
        pieces = pieces[len(left):]
    text = " ".join(w.text for w in area)
    if columns.counted and area and not _COUNT_RE.match(text):
        if not opening(text):
            return None  # left of Tiltak under "Nr" stands a count, a number or nothing
        pieces, area = [area, *pieces], []  # "2.1.3" under "Nr": the measure's own number
    for piece in pieces:
        col = columns.column(piece[0].x0, _SLACK * height)
        edge = columns.next_edge(col)
        runs_on = overflow and col > 0 and piece is pieces[-1]
        if edge is not None and piece[-1].x1 > edge + _SLACK * height and not runs_on:
            return None
        by_col.setdefault(col, []).extend(piece)
    if set(by_col) == {0} and not area and (height > _TALL * body
                                            and not block.text[:1].islower()
                                            or CHAPTER_RE.match(block.text)):
        return None
    named = [replace(block, text=text, kind="count" if columns.counted else "area",
                     x0=area[0].x0, words=())] if area else []
    return named + [replace(block, text=" ".join(w.text for w in ws), kind="cell", col=col,
                            x0=ws[0].x0, words=tuple(ws))
                    for col, ws in sorted(by_col.items())]


def _heading(text: str) -> bool:
    """Whether the text is a numbered chapter or section heading ("2.1 Klima …")."""
    return bool(CHAPTER_RE.match(text) or SUBSECTION_RE.match(text))


def table_cells(geometry: Geometry) -> tuple[tuple[Block, ...], list[str]]:
    """The geometry's blocks with every line of a measure table split into column cells
    (kind "cell", col set, row unset) in reading order; a line of the table that runs across
    its columns a cell of no column (col unset); header lines dropped, other blocks as they
    were. By row (a text set with spaces), each row's and each page's lines find their own
    gutters near the table's columns. And a note on the pages read without a header whose
    words gave no gutter of their own before a column."""
    blocks, by_row = geometry.blocks, geometry.by_row
    heights = [w.bottom - w.top for b in blocks for w in b.words]
    body = median(heights) if heights else 10.0
    inferred = {page: _Columns(edges) for page, edges in geometry.pages.edges.items()}
    read: set[int] = set()  # the pages with lines read in the columns their words give
    starts = row_starts(blocks) if by_row else {}
    table: _Columns | None = None  # the table's columns, as its header or the page gives them
    columns: _Columns | None = None  # those of the line's row
    headed = False  # whether a header line opened the table
    out: list[Block] = []
    notes: dict[str, None] = {}  # in the order said, once each
    area: int | None = None  # where in out the open row's area block stands
    for i, block in enumerate(blocks):
        if not block.words:
            out.append(block)
            continue
        header = _header(block.words)
        if header is not None:
            table = columns = header
            headed = True
            area = None
            notes.update(_header_notes(header, block))
            _heading_above(out, blocks, i)
            continue
        if not headed and block.page in inferred:
            page = inferred[block.page]
            if table is not None or _opens_row(block, page, body):
                table = columns = page
        if table is not None and i in starts:
            columns = _refit(table, starts[i])
        cells = _cells(block, columns, body, by_row) if columns is not None else None
        if cells is None:
            if columns is not None and _heading(block.text):
                table = columns = None
                headed = False
            elif columns is not None:  # a line across the table's columns: no column's
                block = replace(block, kind="cell")
            out.append(block)
            continue
        if not headed and block.page in inferred:
            read.add(block.page)
        if cells and cells[0].kind == "count":  # the next measure's count (cells.py)
            out.append(cells[0])
            cells = cells[1:]
        elif cells and cells[0].kind == "area":
            named, cells = cells[0], cells[1:]
            if area is None or any(c.col == 0 and opening(c.text) for c in cells):
                area = len(out)
                out.append(named)
            else:  # the area's name goes on beside the next lines (its cell merged down)
                out[area] = replace(out[area], text=f"{out[area].text} {named.text}")
        out.extend(cells)
    return items(out), [*notes, *_borrowed(geometry.pages, read)]


def _header_notes(header: _Columns, block: Block) -> dict[str, None]:
    """What a header that names more than the three columns leaves unread, said once."""
    notes: dict[str, None] = {}
    if header.cut is not None:
        name = next((w.text for w in block.words if w.x0 >= header.cut), "")
        notes[left_out(name)] = None
    if header.split:
        notes["the result and effect targets stand in columns of their own in a table "
              "without rules: read together, line by line, as targets (check them)"] = None
    return notes


def _heading_above(out: list[Block], blocks: tuple[Block, ...], at: int) -> None:
    """Give back as a line the one cell read from the line above a header where a blank line
    stands above it: the heading of the table the header opens, set as the body text (a text
    set with spaces; a PDF's heading is taller and no cell)."""
    if at < 2 or not out or out[-1].kind != "cell" or out[-1].col != 0:
        return
    above, before = blocks[at - 1], blocks[at - 2]
    if out[-1].line == above.line and not before.words and (len(out) < 2 or
                                                            out[-2].line != above.line):
        out[-1] = above


def _refit(table: _Columns, lines: list[tuple[Word, ...]]) -> _Columns:
    """The table's columns moved to the gutters of a row's (or a page's) lines."""
    return replace(table, edges=refit(table.edges, find_gutters(lines, 0.0, table.edges[0])))


def _opens_row(block: Block, columns: _Columns, body: float) -> bool:
    """Whether the line starts a table row: a measure number in the first column (or one OCR
    read without its dots, standing apart, with text in the other columns beside it)."""
    cells = _cells(block, columns, body)
    if not cells or cells[0].col != 0:
        return False
    return bool(opening(cells[0].text)
                or (len(cells) > 1 and dotless_number(cells[0].words)))


def _borrowed(pages: PageEdges, read: set[int]) -> list[str]:
    """Say which of the pages read lacked the gutter before a column, and that the place the
    other pages agree on was taken: there a column may start a little off, so a line may
    go to the wrong column."""
    lacking: dict[tuple[int, ...], list[int]] = {}
    for page in sorted(read):
        if page in pages.borrowed:
            lacking.setdefault(pages.borrowed[page], []).append(page)
    notes = []
    for cols, where in lacking.items():
        names = " and ".join(_COLUMN_NAMES[c] for c in cols)
        many = len(cols) > 1
        notes.append(f"{'pages' if len(where) > 1 else 'page'} {', '.join(map(str, where))}: "
                     f"no gutter found before the {names} column{'s' if many else ''} (columns "
                     f"told from where the words stand); the place{'s' if many else ''} the "
                     f"other pages agree on {'were' if many else 'was'} taken")
    return notes
