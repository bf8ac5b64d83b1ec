"""Measure tables in a text dumped column by column (pdftotext without -layout).

Such a dump prints, page by page, a table's Tiltak column (the measures' numbered titles one
after another), then its Resultat- og effektmål column, then its Partnere column, each cell a
paragraph; a row cut by the page break goes on at the next page's top. Each column lists the
rows in the same order, so the measures are put together by position: the n-th title, the
n-th target cell (a cell opens at a "Resultatmål:" label, or at an "Effektmål:" label after
one), the n-th partner cell (a paragraph).

A paragraph with neither number nor label is placed by where it stands:
- before a page's first title: the rest of the row cut at the page break — of its title when
  the page's target column opens with such a paragraph too, else of its targets;
- after titles: the rest of a target cell while the target cells lag behind the titles,
  else a partner cell;
- after targets: a partner cell when bullets printed apart come before it (partners are a
  bulleted list), else the next target item; after partners: a partner cell.
A page with more partner cells than rows starting on it opens with the rest of the row
before. The cells a header opened belong to a table's first row, as a dump may print the
next table's header and first row before the rest of the table above. Bullets printed apart
from their text (glyphs on lines of their own) count the items of the paragraph after them;
a glyph right above a line is that line's bullet. When the columns' cells do not add up to
the titles, a warning says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ....model import Block, Section
from ....text import fold, join_lines
from ...vocabulary import PARTNER_HEADER_RE
from ..columns import Columns, ends_open
from ..cues import CHAPTER_RE, header_kind, is_bullet, label_kind

# a measure or section number; a long one may stand alone, its title on the next line
NUMBERED_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)+)\.?(?:\s+(\S.*))?$")
GLYPH_RE = re.compile(r"^\s*[•▪◦\uf0b7\uf0a7]\s*$")
_HEADER_COLUMN = {"tiltak": 0, "resultat- og effektmal": 1}


# A header word glued to the end of the heading above it ("21.1. Felles kraftTiltak"): the
# dump joins two text blocks that have no space between them.
_GLUED_HEADER_RE = re.compile(
    r"(?<=[a-zæøå])(Tiltak|Resultat- og effektmål|(?:Samarbeidsp|P)artn(?:ere|arar)|Aktører)$")


def _lines(blocks: tuple[Block, ...]) -> list[Block]:
    """The lines with text, a header word glued to the line's end set on a line of its own
    (the same line number, so that it is no paragraph of its own)."""
    out: list[Block] = []
    for b in blocks:
        if not b.text.strip():
            continue
        glued = _GLUED_HEADER_RE.search(b.text.rstrip())
        if glued:
            out += [replace(b, text=b.text[:glued.start()]), replace(b, text=glued.group(1))]
        else:
            out.append(b)
    return out


def _header_column(text: str) -> int | None:
    if header_kind(text) != 1:
        return None
    folded = fold(" ".join(text.split()))
    return 2 if PARTNER_HEADER_RE.fullmatch(folded) else _HEADER_COLUMN.get(folded)


def is_column_dump(blocks: tuple[Block, ...]) -> bool:
    """Whether the table's header words stand alone, each followed by its column's text
    instead of the next header word ("Tiltak" by a numbered title, "Resultat- og effektmål"
    by a label, "Partnere" by a name): a column-by-column dump."""
    texts = [b.text for b in _lines(blocks) if not GLYPH_RE.match(b.text)]
    if any(header_kind(t) == 3 for t in texts):
        return False
    follows: dict[int, list[bool]] = {0: [], 1: [], 2: []}
    for a, b in zip(texts, texts[1:], strict=False):
        col = _header_column(a)
        if col is not None:
            follows[col].append(_header_column(b) is None and (
                bool(NUMBERED_RE.match(b)) if col == 0 else
                bool(label_kind(b)) if col == 1 else True))
    return all(follows.values()) and all(all(f) for f in follows.values())


def row_numbers(blocks: tuple[Block, ...]) -> tuple[set[str], set[str]]:
    """Section and measure ids: a printed number with a number under it is a section."""
    ids = {m.group(1) for b in blocks if (m := NUMBERED_RE.match(b.text))}
    parents = {i.rsplit(".", 1)[0] for i in ids}
    return parents, ids - parents


@dataclass
class _Page:
    """What one page started: titles, and partner cells (those no header opened by index)."""

    titles: int = 0
    partners: list[int] = field(default_factory=list)  # opened by no header
    headed: int = 0  # partner cells opened by a "Partnere" header


@dataclass
class PartnerCell:
    """A partner cell: its lines, and its lines that carry a bullet; glyphs: bullets the dump
    printed apart before it (as many as the cell's names)."""

    lines: list[str] = field(default_factory=list)
    bulleted: list[bool] = field(default_factory=list)
    glyphs: int = 0


@dataclass
class _Dump:
    sections: list[Section] = field(default_factory=list)
    titles: list[Columns] = field(default_factory=list)
    targets: list[Columns] = field(default_factory=list)
    partners: list[PartnerCell] = field(default_factory=list)
    pages: dict[int, _Page] = field(default_factory=dict)
    # by column (0 titles, 1 targets, 2 partners): the cells a header opened, a table's first
    headed: tuple[set[int], set[int], set[int]] = field(
        default_factory=lambda: (set(), set(), set()))


class _Walker:
    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.lines = _lines(blocks)
        self.section_ids, self.measure_ids = row_numbers(blocks)
        self.row_ids = self.section_ids | self.measure_ids
        self.out = _Dump()
        self.section: str | None = None
        self.col: int | None = None
        self.header: int | None = None  # the column whose header was the last line
        self.in_table = False
        self.page_rows = False  # whether a title or heading came on this page yet
        self.glyphs = 0  # bullets printed apart before the paragraph at hand
        self.run = 0  # glyph lines in the run at hand
        self.items = 0  # of those, items started so far

    def walk(self) -> _Dump:
        page, glyph_before, glyph_run_opens = 0, False, False
        for i, b in enumerate(self.lines):
            blank_before = self._starts_after_blank(i) or b.page != page
            if b.page != page:
                page, self.page_rows = b.page, False
                self.out.pages.setdefault(page, _Page())
            if GLYPH_RE.match(b.text):
                if not glyph_before:
                    self.run, glyph_run_opens = 0, blank_before
                self.run += 1
                glyph_before = True
                continue
            bullet = glyph_before and not blank_before  # the glyph is this line's bullet
            paragraph = glyph_run_opens if bullet else blank_before
            if paragraph:
                # glyphs on lines of their own, a blank line before the text: its bullets
                self.glyphs = self.run if glyph_before and not bullet else 0
                self.items = 0
            glyph_before = False
            header, self.header = self.header, None
            self.line(i, b, paragraph, header, bullet)
        return self.out

    def _starts_after_blank(self, i: int) -> bool:
        return i == 0 or self.lines[i].line - self.lines[i - 1].line > 1

    def line(self, i: int, b: Block, paragraph: bool, header: int | None,
             bullet: bool) -> None:
        """One line; header: the column whose header stood on the line before; bullet:
        whether a glyph on the line before is its bullet."""
        text = b.text.strip()
        numbered = NUMBERED_RE.match(text)
        chapter = CHAPTER_RE.match(text)
        if numbered and numbered.group(1) in self.section_ids:
            self.heading(numbered.group(1), numbered.group(2) or "")
            return
        if chapter and not numbered and chapter.group(1) in self.section_ids:
            self.heading(chapter.group(1), chapter.group(2))
            return
        column = _header_column(text)
        if column is not None:
            self.in_table, self.col, self.header = True, column, column
            if column == 2:
                self.out.partners.append(PartnerCell())
                self.out.headed[2].add(len(self.out.partners) - 1)
                self.out.pages[b.page].headed += 1
            return
        if numbered and self.in_table and numbered.group(1) in self.measure_ids:
            cols = Columns(numbered.group(1), self.section, b.page, b.line, b.line)
            if numbered.group(2):
                cols.add_title(numbered.group(2))
            if header == 0:
                self.out.headed[0].add(len(self.out.titles))
            self.out.titles.append(cols)
            self.out.pages[b.page].titles += 1
            self.col, self.page_rows = 0, True
            return
        kind = label_kind(text)
        if kind and self.in_table:
            self.col = 1
            last = self.out.targets[-1] if self.out.targets else None
            if last is None or kind == "result" or "effect" in last.seen or header == 1:
                if header == 1:
                    self.out.headed[1].add(len(self.out.targets))
                self.out.targets.append(Columns("", self.section, b.page, b.line, b.line))
            self.out.targets[-1].add_middle(text, False)
            return
        if not self.in_table:
            return
        new_item = bullet or is_bullet(text)
        if paragraph and header is None:
            col, self.col = self.col, self.place(i)
            if self.col == 2:
                self.out.partners.append(PartnerCell())
                self.out.pages[b.page].partners.append(len(self.out.partners) - 1)
            # a blank line between two target paragraphs: the second opens an item
            new_item = new_item or (col == self.col == 1 and text[:1].isupper())
        self.add(text, new_item)

    def heading(self, sid: str, title: str) -> None:
        parent = sid.rsplit(".", 1)[0] if "." in sid else None
        self.out.sections.append(Section(sid, title.strip(), parent, raw_title=title.strip()))
        self.section, self.in_table, self.col, self.page_rows = sid, False, None, True

    def place(self, i: int) -> int:
        """The column of a paragraph that opens with neither number nor label (see above)."""
        if not self.page_rows:
            if self._runs_into_label(i):
                return 1
            return 0 if self._target_rest_follows(i) else 1
        if self.col == 0:
            return 1 if len(self.out.targets) < len(self.out.titles) else 2
        if self.col == 1 and not self.glyphs:
            return 1  # a target printed apart from the one above; partners come bulleted
        return 2

    def _runs_into_label(self, i: int) -> bool:
        """Whether the paragraph opening at line i goes on into a target label."""
        for j in range(i + 1, len(self.lines)):
            if self._starts_after_blank(j) or self.lines[j].page != self.lines[i].page:
                return False
            if label_kind(self.lines[j].text):
                return True
        return False

    def _opens_row(self, b: Block) -> bool:
        m = NUMBERED_RE.match(b.text)
        return bool(m) and m.group(1) in self.row_ids

    def _target_rest_follows(self, i: int) -> bool:
        """Whether, after the page's next titles, the target column opens with text that is
        no label (the rest of a target cell cut at the page break)."""
        page = self.lines[i].page
        seen_title = False
        for j in range(i + 1, len(self.lines)):
            b = self.lines[j]
            if b.page != page:
                return False
            if GLYPH_RE.match(b.text):
                continue
            if self._opens_row(b) or (seen_title and not self._starts_after_blank(j)):
                seen_title = seen_title or self._opens_row(b)
                continue
            if _header_column(b.text) == 0 or CHAPTER_RE.match(b.text):
                continue
            if seen_title:
                return not (label_kind(b.text) or _header_column(b.text) is not None)
        return False

    def add(self, text: str, new_item: bool) -> None:
        """A line of the current column: a title's rest, a target line, a partner line;
        new_item: whether a bullet opens it."""
        if self.col == 0 and self.out.titles:
            self.out.titles[-1].add_title(text)
        elif self.col == 1 and self.out.targets:
            new_item = new_item or self._glyph_item(text)
            self.out.targets[-1].add_middle(text, new_item)
        elif self.col == 2 and self.out.partners:
            cell = self.out.partners[-1]
            if not cell.lines:
                cell.glyphs = self.glyphs
            cell.lines.append(text)
            cell.bulleted.append(new_item)

    def _glyph_item(self, text: str) -> bool:
        """A target line opens an item where its bullet stood apart: a capital, while the
        apart glyphs are not all used."""
        if self.items < self.glyphs and text[:1].isupper():
            self.items += 1
            return True
        return False


def read_columnwise(blocks: tuple[Block, ...]) -> tuple[list[Section], list[Columns], list[str]]:
    """Sections, measure columns and notes of a table dumped column by column."""
    dump = _Walker(blocks).walk()
    rows = len(dump.titles)
    groups, headed = _rejoined(dump)
    notes = []
    if not rows == len(dump.targets) == len(groups):
        notes.append(f"columns printed one after another do not line up: {rows} titles, "
                     f"{len(dump.targets)} target cells, {len(groups)} partner cells; "
                     "targets and partners may stand at the wrong measure")
    targets = _by_row(dump.targets, dump.headed[1], dump.headed[0], rows)
    partners = _by_row(groups, headed, dump.headed[0], rows)
    for cols, target, group in zip(dump.titles, targets, partners, strict=True):
        if target is not None:
            cols.result, cols.effect, cols.seen = target.result, target.effect, target.seen
        for cell in group or ():
            for name in partner_names(cell):
                cols.add_partner(name, True)
    return dump.sections, dump.titles, notes


def _by_row(cells: list, headed: set[int], first_rows: set[int], rows: int) -> list:
    """A column's cells by row: the cells a header opened go to the rows a header opened
    (a table's first; a dump may print a later table's first cells before the rest of the
    table above), the others to the other rows, each in order; in plain order when the
    counts do not agree."""
    firsts = sorted(first_rows)
    others = [k for k in range(rows) if k not in first_rows]
    opened = [c for k, c in enumerate(cells) if k in headed]
    rest = [c for k, c in enumerate(cells) if k not in headed]
    out: list = [None] * rows
    if len(opened) == len(firsts) and len(rest) == len(others):
        for k, c in zip([*firsts, *others], [*opened, *rest], strict=True):
            out[k] = c
    else:
        for k, c in enumerate(cells[:rows]):
            out[k] = c
    return out


def _rejoined(dump: _Dump) -> tuple[list[list[PartnerCell]], set[int]]:
    """The partner cells in groups, a page's first cells joined to the group before where
    the page has more partner cells than rows starting on it (the rest of a row cut at the
    break); and which groups a header opened."""
    rest: set[int] = set()
    for page in dump.pages.values():
        extra = len(page.partners) + page.headed - page.titles
        rest.update(page.partners[:max(extra, 0)])
    groups: list[list[PartnerCell]] = []
    headed: set[int] = set()
    for k, cell in enumerate(dump.partners):
        if k in rest and groups:
            groups[-1].append(cell)
            continue
        if k in dump.headed[2]:
            headed.add(len(groups))
        groups.append([cell])
    return groups, headed


def partner_names(cell: PartnerCell) -> list[str]:
    """A partner cell's names: a bullet opens one; without bullets each line is one, but for
    as many lines as the cell has more than bullets printed apart, a line wraps the one above
    (those that most likely do: after an open end such as "og", then a lowercase line after
    the longest line, one whose next word would not have fit)."""
    lines = cell.lines
    if any(cell.bulleted):
        wraps = {i for i in range(1, len(lines)) if not cell.bulleted[i]}
    else:
        extra = len(lines) - cell.glyphs if cell.glyphs else 0
        ranked = sorted((i for i in range(1, len(lines))
                         if ends_open(lines[i - 1]) or lines[i][:1].islower()),
                        key=lambda i: (not ends_open(lines[i - 1]),
                                       -len(f"{lines[i - 1]} {lines[i].split()[0]}")))
        wraps = {i for i in range(1, len(lines)) if ends_open(lines[i - 1])
                 and not lines[i - 1].endswith(",")} if not cell.glyphs else set(ranked[:extra])
    names: list[list[str]] = []
    for i, line in enumerate(lines):
        if i in wraps and names:
            names[-1].append(line)
        else:
            names.append([line])
    return [join_lines(n) for n in names]
