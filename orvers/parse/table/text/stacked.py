"""Measure tables without a header row in a text dumped by pdftotext without -layout.

Such a dump prints each page as runs of lines in the order pdftotext reads its text blocks:
every column lists its cells in row order (the numbered titles; the Resultatmål/Effektmål
labels; the targets' text; the partners' names), but the columns come interleaved as the
blocks fall, and no header word tells where one begins. What holds the rows together is
counting. Word's bullets come out as glyphs on lines of their own, in runs that count the
list items they stood before:
- a run right after a title counts that row's targets (a table without labels), a run right
  after a label the targets under that label; a run opening a page goes on counting the
  targets cut at the page break; a title with no run after it, straight before another
  title, shares that title's run (pdftotext printed one block of bullets beside both rows:
  half each, with a warning);
- a run after text opens a partner cell and counts its names (the next blocks are partner
  cells too while the run has names left to count), unless what follows is running text
  (far more lines than bullets, most of them wrapped); a run after a partner cell with no
  text after it is that cell's own. A block after target text that lists names (lines that
  end with room for the next word or before a capital, hardly a full stop) is a partner
  cell whose bullets went elsewhere;
- a single bullet between two lines of target text, no blank line on either side, opens the
  next item (some dumps print each bullet right before its item).
A page that opens with text, then a title or a run of bullets before a blank line, opens with
the rest of the last title where that title's last line could not have taken the text's
first word. A heading with the next title glued to it ("21.1. Felles kraft21.1.1. …") is cut
in two. All other text is
the targets' text, in row order: each page's text is cut into as many items as the page's
target bullets count (an item opens at a capitalised line; most likely after a blank line,
after a full stop, with a word the document also writes in lowercase, not after an open end
such as "og" or "som", nor with a name the document capitalises inside lines), the lines
before the page's first item going on with the item cut at the break. Where a page prints
its rows one after another (each partner cell right after target text), the text before a
partner cell belongs to that cell's row (and to the rows before it back to the last such
cell, dealt out by their counts); elsewhere the items are dealt out by the counts alone.
Partner cells (and, with labels, target cells: a Resultatmål label opens one) go to the rows
that start on the same page, in order; a page with one cell more than rows opens with the
rest of the row before. Where a page's cells do not add up to its rows, or its text to its
counts, a warning names the measures that may have the wrong targets or partners.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ....model import Block, Section
from ...vocabulary import label
from ..columns import Columns, Item, clean, ends_open, ends_unfinished
from ..cues import CHAPTER_RE, header_kind, label_kind, strip_bullet
from ..width import text_width
from .columnwise import GLYPH_RE, NUMBERED_RE, PartnerCell, partner_names, row_numbers
from .runs import PROSE_WIDTH

_ROWS = 2  # at least this many titles printed one after another, bullets between them
_SENTENCE_END = (".", "!", "?", ":")
_OPENS_BLOCK, _OPENS_ITEM = 1, 2  # a line after a blank line; a line its own bullet opens
_CERTAIN = 100.0  # the score of a line its own bullet opens
_TEXT_BULLET_RE = re.compile(r"^[•▪◦‣∙\uf0b7\uf0a7]\s+(?=\S)")  # a bullet in a line of text
_WIDTH_SHARE = 0.95  # a column's width: what this share of its lines stay within
_LINES_PER_NAME = 2  # a partner's name wraps onto a second line at most
_LIST_LINES = 4  # a list of names with no bullets counted: at least this many lines, …
_LIST_ENDED = 0.75  # … this share of them ending with room for the next word
_WORD_RE = re.compile(r"[^\W\d_]+")
_LABEL_WORD_RE = re.compile(r"^\W*\w+\s*[:;]?")  # a label line's label, to see what is after it


@dataclass
class _Token:
    """A run of lines of one kind: "title", "heading", "label", "glyphs" or "text"."""

    kind: str
    page: int
    lines: list[Block] = field(default_factory=list)
    number: str = ""  # title, heading
    rest: str = ""  # title, heading: the text after the number; label: "result" / "effect"
    count: int = 0  # glyphs: how many
    after: str = ""  # glyphs: the kind of the token before it on its page ("" at the top)
    gap: bool = True  # a blank line (or the page's top) before it


def _unglued(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """The lines, a numbered line that has the next number glued to its end ("21.1. Felles
    kraft21.1.1. Strategisk …": pdftotext joined a heading and a title with no space between)
    cut in two at it (the same line number)."""
    out: list[Block] = []
    for b in blocks:
        head = NUMBERED_RE.match(b.text)
        glued = head and re.search(rf"(?<=[^\d\s.]){re.escape(head.group(1))}\.\d+\.?\s",
                                   b.text)
        if glued:
            cut = glued.start()
            out += [replace(b, text=b.text[:cut]), replace(b, text=b.text[cut:])]
        else:
            out.append(b)
    return tuple(out)


def _tokens(blocks: Iterable[Block], sections: set[str], measures: set[str]) -> list[_Token]:
    tokens: list[_Token] = []
    page, gap = None, True
    for b in blocks:
        text = b.text.strip()
        if b.page != page:
            page, gap = b.page, True
        if not text:
            gap = True
            continue
        last = tokens[-1] if tokens and tokens[-1].page == b.page else None
        if GLYPH_RE.match(text):
            if last is not None and last.kind == "glyphs":
                last.count += 1
            else:
                tokens.append(_Token("glyphs", b.page, [b], count=1, gap=gap,
                                     after=last.kind if last is not None else ""))
            gap = False
            continue
        numbered = NUMBERED_RE.match(text)
        chapter = CHAPTER_RE.match(text)
        kind = label_kind(text)
        if numbered and numbered.group(1) in sections:
            tokens.append(_Token("heading", b.page, [b], numbered.group(1),
                                 numbered.group(2) or ""))
        elif chapter and not numbered and chapter.group(1) in sections:
            tokens.append(_Token("heading", b.page, [b], chapter.group(1), chapter.group(2)))
        elif numbered and numbered.group(1) in measures:
            tokens.append(_Token("title", b.page, [b], numbered.group(1),
                                 numbered.group(2) or ""))
        elif kind and not strip_bullet(_LABEL_WORD_RE.sub("", text, count=1)):
            tokens.append(_Token("label", b.page, [b], rest=kind))
        elif last is not None and last.kind in ("title", "text") and not gap:
            last.lines.append(b)
        else:
            tokens.append(_Token("text", b.page, [b], gap=gap))
        gap = False
    return _title_rests(tokens)


def _title_rests(tokens: list[_Token]) -> list[_Token]:
    """A page that opens with text, then what follows a title (see _titles_bullets): the text
    is the rest of the last title, cut at the break, where the title's last line could not
    have taken its first word (bullets after it then count that title's targets); else the
    rest of a cell."""
    width = _column_width(b.text for t in tokens if t.kind == "title" for b in t.lines[1:])
    out: list[_Token] = []
    for i, token in enumerate(tokens):
        top = i == 0 or tokens[i - 1].page != token.page
        after = tokens[i + 1:i + 3]
        title = next((t for t in reversed(out) if t.kind == "title"), None)
        if (top and token.kind == "text" and title is not None and _titles_bullets(after)
                and not _ended(title.lines[-1].text, token.lines[0].text, width)):
            title.lines.extend(token.lines)
            if after[0].kind == "glyphs":
                tokens[i + 1].after = "title"
            continue
        out.append(token)
    return out


def _titles_bullets(after: list[_Token]) -> bool:
    """Whether what follows a page's opening text is what follows a title: the next title,
    or a run of bullets before a title or a blank line (not a bullet between two lines of
    text, which opens the next item of the text)."""
    kinds = [t.kind for t in after]
    if kinds[:1] == ["title"] or kinds == ["glyphs", "title"]:
        return True
    return kinds[:1] == ["glyphs"] and (len(after) == 1 or after[1].gap)


def _ended(line: str, following: str, width: float) -> bool:
    """Whether a line ends its paragraph: no open end ("og", "-"), and a full stop or room
    for the next line's first word."""
    words = following.split()
    if ends_open(line):
        return False
    return line.rstrip().endswith(_SENTENCE_END) or not words or (
        text_width(f"{line.strip()} {words[0]}") <= width)


def _column_width(lines: Iterable[str]) -> float:
    """A column's width: what nearly all its lines stay within (a stray wide line aside)."""
    widths = sorted(text_width(t.strip()) for t in lines)
    return widths[math.ceil(_WIDTH_SHARE * (len(widths) - 1))] if widths else 0.0


def is_stacked_dump(blocks: tuple[Block, ...]) -> bool:
    """Whether numbered titles stand one after another with only bullets (glyphs on lines of
    their own) between them, or bare target labels head runs of such bullets or bulleted
    lines, in a text with bullets apart and no table header: a headerless table dumped
    column by column."""
    if sum(bool(GLYPH_RE.match(b.text)) for b in blocks) < _ROWS:
        return False  # no bullets printed apart
    if any(header_kind(b.text) for b in blocks):
        return False
    blocks = _unglued(blocks)
    sections, measures = row_numbers(blocks)
    tokens = _tokens(blocks, sections, measures)
    stacked = labelled = 0
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        stacked += a.kind == "title" and b.kind == "glyphs" and c.kind == "title"
        labelled += a.kind == "label" and (b.kind == "glyphs" or b.kind == "text" and bool(
            _TEXT_BULLET_RE.match(b.lines[0].text.strip())))
    return (stacked >= _ROWS or labelled >= _ROWS) and not _partners_labelled(blocks, tokens)


def _partners_labelled(blocks: tuple[Block, ...], tokens: list[_Token]) -> bool:
    """Whether partners are labelled ("Partnere: KS, …") for at least half the numbered
    titles: an outline printing each measure's labelled fields under its title (a table's
    partners stand in a column under its header, unlabelled)."""
    titles = sum(t.kind == "title" for t in tokens)
    said = sum(1 for b in blocks if (found := label(b.text)) and found[0] == "partners")
    return said >= max(_ROWS, titles / 2)


@dataclass
class _Slot:
    """A list of targets the bullets count: a row's (no labels) or a label's."""

    row: int  # no labels: the row; with labels: the target cell
    kind: str  # "result" | "effect"
    counts: dict[int, int] = field(default_factory=lambda: defaultdict(int))  # by page


@dataclass
class _Cell:
    """A target cell (with labels) or partner cell: the page it starts on and its content."""

    page: int
    slots: list[_Slot] = field(default_factory=list)  # target cell: its labels' lists
    partner: PartnerCell | None = None


@dataclass
class _Stacks:
    sections: list[Section] = field(default_factory=list)
    rows: list[Columns] = field(default_factory=list)
    slots: list[_Slot] = field(default_factory=list)
    target_cells: list[_Cell] = field(default_factory=list)
    partner_cells: list[_Cell] = field(default_factory=list)
    # by page: the target text's lines (text, what opens it: _OPENS_…, its chunk)
    text: dict[int, list[tuple[str, int, int]]] = field(
        default_factory=lambda: defaultdict(list))
    chunk_cell: dict[int, int] = field(default_factory=dict)  # the partner cell after a chunk
    # pages where every partner cell after a title comes right after target text (one row's
    # targets, then its partners: the rows printed one after another)
    row_by_row: set[int] = field(default_factory=set)
    shared: list[int] = field(default_factory=list)  # slots whose title had no bullets after it


class _Walker:
    """Sorts the tokens into the columns' streams."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.width = _column_width(b.text for t in tokens if t.kind == "text" for b in t.lines)
        self.labelled = any(t.kind == "label" for t in tokens)
        # targets bulleted in their lines ("• Utviklet …"): the runs of bullets apart are the
        # partners'
        self.inline = sum(bool(_TEXT_BULLET_RE.match(b.text.strip())) for t in tokens
                          if t.kind == "text" for b in t.lines) >= _ROWS
        self.out = _Stacks()
        self.section: str | None = None
        self.in_table = False
        self.slot: _Slot | None = None
        self.names_left = 0  # names the last partner run has yet to count
        self.page = 0
        self.page_title = False  # whether a title came on this page yet
        self.after_target = False  # whether the last text was target text
        self.chunk = 0  # target text between two partner cells is one chunk
        self.last_kind = ""  # the kind of the token before the one at hand
        self.item_opens = False  # whether a bullet between two lines opens the next text

    def walk(self) -> _Stacks:
        for i, token in enumerate(self.tokens):
            kind = token.kind
            self.last_kind = self.tokens[i - 1].kind if i else ""
            if token.page != self.page:
                self.page, self.page_title = token.page, False
                self.out.row_by_row.add(token.page)
            if kind != "text" and kind != "glyphs":
                self.names_left = 0
            if kind == "heading":
                self.heading(token)
            elif kind == "title":
                self.title(token)
            elif kind == "label" and self.in_table:
                self.label(token)
            elif kind == "glyphs" and self.in_table:
                following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
                self.glyphs(token, following if following is not None
                            and following.page == token.page and following.kind == "text"
                            else None)
            elif kind == "text":
                self.text(token)
        return self.out

    def heading(self, token: _Token) -> None:
        sid = token.number
        parent = sid.rsplit(".", 1)[0] if "." in sid else None
        title = token.rest.strip()
        self.out.sections.append(Section(sid, title, parent, raw_title=title))
        self.section, self.in_table = sid, False

    def title(self, token: _Token) -> None:
        first = token.lines[0]
        cols = Columns(token.number, self.section, token.page, first.line, token.lines[-1].line)
        if token.rest:
            cols.add_title(token.rest)
        for b in token.lines[1:]:
            cols.add_title(b.text)
        self.out.rows.append(cols)
        self.in_table, self.page_title, self.after_target = True, True, False
        if not self.labelled and self.slot is not None and self.last_kind == "title":
            self.out.shared.append(len(self.out.slots) - 1)
        if not self.labelled:
            self.slot = _Slot(len(self.out.rows) - 1, "result")
            self.out.slots.append(self.slot)

    def label(self, token: _Token) -> None:
        cells = self.out.target_cells
        cell = cells[-1] if cells else None
        if cell is None or token.rest == "result" or any(s.kind == "effect" for s in cell.slots):
            cell = _Cell(token.page)
            cells.append(cell)
        self.slot = _Slot(len(cells) - 1, token.rest)
        self.after_target = False
        cell.slots.append(self.slot)
        self.out.slots.append(self.slot)

    def glyphs(self, token: _Token, text: _Token | None) -> None:
        """Bullets: a target list's (see the module's docstring), a partner cell's to come,
        or, after a partner cell with no text after them, that cell's own; one between two
        lines of target text, with no blank line on either side, opens the next item."""
        if token.after in ("", "title", "label") and not self.inline:
            if self.slot is not None:  # a title's, a label's, or the list cut at the break
                self.slot.counts[token.page] += token.count
            return
        if (self.after_target and self.slot is not None and token.count == 1 and not token.gap
                and text is not None and not text.gap):
            self.slot.counts[token.page] += 1
            self.item_opens = True
            return
        cells = self.out.partner_cells
        if text is None and not self.after_target and cells:
            assert cells[-1].partner is not None
            cells[-1].partner.glyphs += token.count
            return
        self.names_left = token.count

    def text(self, token: _Token) -> None:
        lines = [b.text.strip() for b in token.lines]
        if not self.in_table:
            return
        if self.names_left > 0 and not self.running_text(lines):
            glyphs = self.names_left
            if glyphs > len(lines):  # more bullets than lines: cells follow
                glyphs = len(partner_names(PartnerCell(lines, [False] * len(lines))))
            self.names_left -= glyphs
            self.partner_cell(token.page, PartnerCell(lines, [False] * len(lines), glyphs))
            return
        if self.after_target and token.gap and self.name_list(lines):
            self.partner_cell(token.page, PartnerCell(lines, [False] * len(lines)))
            return
        self.names_left = 0
        if token.gap and any(len(t) > PROSE_WIDTH for t in lines):
            return  # a paragraph of body text, not a cell
        page = self.out.text[token.page]
        for i, line in enumerate(lines):
            opens = (0 if i else _OPENS_ITEM if self.item_opens else
                     _OPENS_BLOCK if token.gap else 0)
            bullet = _TEXT_BULLET_RE.match(line)
            if bullet and self.slot is not None:  # a bullet in the line opens an item
                self.slot.counts[token.page] += 1
                line, opens = line[bullet.end():], _OPENS_ITEM
            page.append((line, opens, self.chunk))
        self.after_target, self.item_opens = True, False

    def partner_cell(self, page: int, cell: PartnerCell) -> None:
        """A partner cell; it ends the chunk of target text before it."""
        if self.page_title and not self.after_target:
            self.out.row_by_row.discard(page)
        if any(c == self.chunk for _, _, c in self.out.text[page]):
            self.out.chunk_cell[self.chunk] = len(self.out.partner_cells)
        self.out.partner_cells.append(_Cell(page, partner=cell))
        self.chunk += 1
        self.after_target = False

    def name_list(self, lines: list[str]) -> bool:
        """Whether a block after target text, with no bullets counted before it, lists names:
        a few lines, nearly all of them ending with no open end and before a capital or
        where the next word would still have fit, hardly any with a full stop."""
        if len(lines) < _LIST_LINES:
            return False
        ended = sum(not ends_open(a) and (b[:1].isupper() or _ended(a, b, self.width))
                    for a, b in zip(lines, lines[1:], strict=False))
        stops = sum(t.endswith(_SENTENCE_END) for t in lines)
        return ended >= _LIST_ENDED * (len(lines) - 1) and stops <= 1

    def running_text(self, lines: list[str]) -> bool:
        """Whether a block after bullets is running text (targets), not the names they
        count: far more lines than bullets, most of them broken where the next word would
        not have fit."""
        if len(lines) <= _LINES_PER_NAME * self.names_left + 2:
            return False
        breaks = [not _ended(a, b, self.width) for a, b in zip(lines, lines[1:], strict=False)]
        return 2 * sum(breaks) > len(breaks)


def _case_words(blocks: Iterable[Block]) -> tuple[set[str], set[str]]:
    """Words written in lowercase somewhere, and words capitalised inside a line (after its
    first word, not after a full stop): names, which open no item by themselves."""
    lower, named = set(), set()
    for b in blocks:
        words = b.text.split()
        for prev, word in zip(words, words[1:], strict=False):
            w = _WORD_RE.match(word)
            if not w:
                continue
            if w.group(0).islower():
                lower.add(w.group(0))
            elif w.group(0)[:1].isupper() and not prev.endswith(_SENTENCE_END):
                named.add(w.group(0).casefold())
    return lower, named


class _Cutter:
    """Cuts the target text into items (see the module's docstring)."""

    def __init__(self, blocks: tuple[Block, ...],
                 text: dict[int, list[tuple[str, int, int]]]) -> None:
        self.lower, self.named = _case_words(blocks)
        self.width = _column_width(line[0] for lines in text.values() for line in lines)

    def score(self, prev: str, line: str, opens: int) -> float | None:
        """How likely an item opens at the line (None: it cannot)."""
        if opens == _OPENS_ITEM:
            return _CERTAIN
        if not line[:1].isupper() and not line[:1].isdigit() and line[:1] not in "«\"'(":
            return None
        score = 0.0
        if opens:
            score += 3
        if not prev or prev.endswith(_SENTENCE_END):
            score += 2
        if prev and (ends_open(prev) or ends_unfinished(prev)):
            score -= 3
        first = _WORD_RE.match(line)
        if first:
            word = first.group(0)
            if word.casefold() in self.named:
                score -= 1
            elif word.casefold() in self.lower:
                score += 1
        if prev and _ended(prev, line, self.width):
            score += 1  # the word would have fit on the line above: that line ended a paragraph
        return score

    def cut(self, lines: list[tuple[str, int, int]], count: int, prev: str) -> list[int]:
        """The lines (indexes) that open items: the count most likely."""
        scored = []
        for i, (line, opens, _) in enumerate(lines):
            s = self.score(lines[i - 1][0] if i else prev, line, opens)
            if s is not None:
                scored.append((s, i))
        return sorted(i for _, i in sorted(scored, key=lambda x: (-x[0], x[1]))[:count])


def _deal(cells: list[_Cell], rows: list[Columns]) -> tuple[list[list[int]], set[int]]:
    """The cells of each row: a page's cells go to the rows that start on it, in order; a
    page with more cells than such rows opens with the rest of the row before. Also the
    pages whose counts do not fit (fewer cells than rows, or more than one left over)."""
    by_row: list[list[int]] = [[] for _ in rows]
    pages = sorted({c.page for c in cells} | {r.page for r in rows})
    odd: set[int] = set()
    last_row = -1
    for page in pages:
        on_page = [k for k, c in enumerate(cells) if c.page == page]
        starting = [i for i, r in enumerate(rows) if r.page == page]
        extra = len(on_page) - len(starting)
        if extra < 0 or extra > 1:  # one more: the rest of the row cut at the break
            odd.add(page)
        rest, own = (on_page[:extra], on_page[extra:]) if extra > 0 else ([], on_page)
        if last_row >= 0:
            by_row[last_row].extend(rest)
        for i, k in zip(starting, own, strict=False):
            by_row[i].append(k)
        if starting:
            last_row = starting[-1]
    return by_row, odd


def read_stacked(blocks: tuple[Block, ...]) -> tuple[list[Section], list[Columns], list[str]]:
    """Sections, measure columns and notes of a headerless table dumped column by column."""
    blocks = _unglued(blocks)
    sections, measures = row_numbers(blocks)
    stacks = _Walker(_tokens(blocks, sections, measures)).walk()
    rows = stacks.rows
    notes = _share(stacks, rows)
    partners, odd = _deal(stacks.partner_cells, rows)
    cell_row = {k: i for i, cells in enumerate(partners) for k in cells}
    items, short = _items(stacks, _Cutter(blocks, stacks.text), cell_row)
    slot_rows = _slot_rows(stacks, rows, notes)
    for k, slot in enumerate(stacks.slots):
        row = slot_rows.get(k)
        if row is None:
            continue
        target = rows[row].result if slot.kind == "result" else rows[row].effect
        target.extend(Item([clean(t) for t in item]) for item in items[k])
        if stacks.target_cells:
            rows[row].seen.add(slot.kind)
    for row, cells in zip(rows, partners, strict=True):
        for name in partner_names(_joined([stacks.partner_cells[k].partner for k in cells])):
            row.add_partner(name, True)
    if odd:
        notes.append(_mismatch("partner cells", odd, rows))
    if short:
        notes.append(_mismatch("target items", short, rows))
    return stacks.sections, rows, notes


def _items(stacks: _Stacks, cutter: _Cutter, cell_row: dict[int, int]
           ) -> tuple[dict[int, list[list[str]]], set[int]]:
    """The target items of each list the bullets count (by slot), page by page (see the
    module's docstring); and the pages whose text held fewer items than counted."""
    items: dict[int, list[list[str]]] = defaultdict(list)
    prev = ""
    last_item: list[str] | None = None
    short: set[int] = set()
    for page in sorted({p for s in stacks.slots for p in s.counts} | set(stacks.text)):
        lines = stacks.text.get(page, [])
        wanted = [(k, s.counts[page]) for k, s in enumerate(stacks.slots) if s.counts.get(page)]
        starts = cutter.cut(lines, sum(n for _, n in wanted), prev)
        head = [t for t, _, _ in lines[:starts[0] if starts else len(lines)]]
        if head and last_item is not None:
            last_item.extend(head)  # the rest of the item cut at the page break
        cut = [[t for t, _, _ in lines[a:b]]
               for a, b in zip(starts, [*starts[1:], len(lines)][:len(starts)], strict=True)]
        by_chunk = _by_chunk(stacks, page, [lines[a][2] for a in starts], wanted, cell_row)
        if by_chunk is not None:
            for k, item in zip(by_chunk, cut, strict=True):
                items[k].append(item)
        else:
            if len(cut) < sum(n for _, n in wanted):
                short.add(page)
            for k, n in wanted:
                items[k].extend(cut[:n])
                cut = cut[n:]
        if lines:
            prev = lines[-1][0]
        last_item = next((items[k][-1] for k in sorted(items, reverse=True) if items[k]),
                         last_item)
    return items, short


def _share(stacks: _Stacks, rows: list[Columns]) -> list[str]:
    """A title with no bullets after it and the next title's run of bullets: pdftotext may
    print one block of bullets beside two rows after the second title. Where the first row
    has none counted at all, the run is shared between the two, half each (a guess that a
    warning names)."""
    notes = []
    for k in stacks.shared:
        first, second = stacks.slots[k], stacks.slots[k + 1]
        page = rows[second.row].page
        if sum(first.counts.values()) or second.counts.get(page, 0) < 2:
            continue
        half = second.counts[page] // 2
        first.counts[page] += half
        second.counts[page] -= half
        notes.append(f"measures {rows[first.row].id} and {rows[second.row].id}: their targets "
                     "were counted together (one run of bullets after both titles) and "
                     "shared half each; either may have the other's")
    return notes


def _joined(cells: list[PartnerCell | None]) -> PartnerCell:
    """A row's partner cells as one (a cell cut at the page break goes on in the next)."""
    parts = [c for c in cells if c is not None]
    glyphs = [c.glyphs for c in parts]
    return PartnerCell([t for c in parts for t in c.lines],
                       [b for c in parts for b in c.bulleted],
                       sum(glyphs) if all(glyphs) else 0)


def _by_chunk(stacks: _Stacks, page: int, chunks: list[int], wanted: list[tuple[int, int]],
              cell_row: dict[int, int]) -> list[int] | None:
    """The row of each of a page's items where the page prints its rows one after another
    (no labels): a chunk's items end at the row of the partner cell after it, and begin
    after the chunk before (the page's first: at its first row with targets counted on it);
    a chunk of several rows is dealt out by their counts. None where the page is not so
    printed, a chunk has no partner cell after it, or the rows would not follow in order."""
    if stacks.target_cells or page not in stacks.row_by_row or not wanted:
        return None
    counts = dict(wanted)
    ends = [cell_row.get(stacks.chunk_cell.get(c, -1), -1) for c in chunks]
    out: list[int] = []
    low = wanted[0][0]
    for chunk in dict.fromkeys(chunks):
        high = ends[chunks.index(chunk)]
        if high < low:
            return None
        size = chunks.count(chunk)
        for row in range(low, high):
            take = min(counts.get(row, 0), size - 1)
            out += [row] * take
            size -= take
        out += [high] * size
        low = high + 1
    return out


def _slot_rows(stacks: _Stacks, rows: list[Columns], notes: list[str]) -> dict[int, int]:
    """The row of each target list: a title's own, or (with labels) its cell's row."""
    if not stacks.target_cells:
        return {k: s.row for k, s in enumerate(stacks.slots)}
    by_row, odd = _deal(stacks.target_cells, rows)
    cell_row = {k: i for i, cells in enumerate(by_row) for k in cells}
    if odd:
        notes.append(_mismatch("target cells", odd, rows))
    return {k: cell_row[s.row] for k, s in enumerate(stacks.slots) if s.row in cell_row}


def _mismatch(what: str, pages: set[int], rows: list[Columns]) -> str:
    ids = [r.id for r in rows if r.page in pages]
    return (f"a table printed column by column: the {what} on page"
            f"{'s' if len(pages) > 1 else ''} {', '.join(map(str, sorted(pages)))} do not "
            f"add up to the measures there; {', '.join(ids)} may have the wrong targets or "
            "partners")
