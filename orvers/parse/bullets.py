"""Parse informal workshop notes: `*` / `o` / `-` bullets under area headings, with the
Resultatmål / Effektmål / Partnere columns of the original table interleaved into the text.

Decisions (generic cues, no wording of particular proposals):
- a heading is a short line (≤ 6 words) without a bullet, starting with a capital (after
  its number, if numbered: "2. Klima"), ending in
  ":" or without punctuation, followed by a bullet or another heading (a one-word heading
  ending in ":" needs a bullet after it); a heading wrapped over two lines is joined. The
  section id is the heading's text (without the colon): the notes print no numbers, and
  `orvers trace` reports the section by its title. In a section whose rows lost their
  bullets, a short line without a colon before the first bullet is a row, not a heading;
- each `*` bullet is a proposal, and so is each `o` item (a pilot idea listed under a bullet:
  its `parent` is the `*` proposal above it in the same section);
  `-` items are children of the proposal above them. A line without a bullet right after a
  heading (a table row whose bullet was lost, the items of "Andre innspill") is a proposal too,
  and in such an unbulleted proposal a capitalised line after a full stop starts the next one;
  so does, after any proposal's full stop, a capitalised line with its own target label;
- `Resultatmål:` (also misspelt), `Effektmål:`, `Effekt:`, `Mål/effekt:` open a target, also in
  mid-line; `A)`/`a)` lines are further targets, and so are `*` bullets after a label without
  a value when they sit in the narrow target column (one wraps within it, or no wider bullet
  follows: a lone short bullet before a wide one is a proposal); a text line as wide as the
  proposal column inside a target belongs to the proposal's text (same table row);
- a line that is a list of short comma-separated names is the partner column; the lines after
  it stay partners until the next bullet, label or heading;
- notes that number their proposals ("1. …", "2) …", Word's numbered list) read each
  numbered item as a `*` proposal and a bullet under one as an `o` pilot idea (`_numbered`);
- in a PDF, a line the proposal's text broke onto only because its first word did not fit
  (common.wrapped) goes on with that text: no heading, no partner list;
- ids W1, W2, … in document order (id_source "assigned").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from ..model import Block, Document, Measure, Programme, Section
from ..text import collapse_space, join_lines
from .common import document_title, labelled, right_edge, source_of, wrapped

_BULLET_RE = re.compile(r"^\s*(\*|o(?=\s)|-(?=\s)|•)\s*")
_MID_BULLET_RE = re.compile(r"\s\*\s*(?=\S)")
_LABEL_RE = re.compile(r"(?:^|(?<=[\s/]))(R\w{4,8}mål|Effektmål|Effekt|Mål/effekt)\s*:",
                       re.IGNORECASE)
_ITEM_RE = re.compile(r"^[A-Za-z]\)\s")
_NARROW = 62  # a target column's lines are narrower than the proposal column's
_WIDE = 80  # a line this wide spans the proposal column, not a target column
_HEADING_WORDS = 6
# "3. …", "3) …": a list's item ("10.Arena": a PDF may print a wide number close to its text)
_NUMBER_RE = re.compile(r"^\s*(\d{1,2})[.)](?:\s+|(?=[^\W\d_]))(?=\S)")
_LISTED = 3  # numbered items that make notes numbering their proposals
_IN_ORDER = 0.8  # ... of which this share count on from the one before or start at 1


@dataclass
class _Line:
    text: str
    block: Block
    labelled: bool = False  # a target label follows this text on the same line
    column: bool = False  # a `*` item of a target column (see `_mark_columns`)

    @property
    def bullet(self) -> str:
        m = _BULLET_RE.match(self.text)
        return m.group(1) if m else ""

    @property
    def body(self) -> str:
        return _BULLET_RE.sub("", self.text, count=1).strip()


@dataclass
class _Proposal:
    section: str | None
    lines: list[Block]
    text: list[str]
    bulleted: bool
    sub_item: bool = False  # an `o` item under the `*` proposal above it
    children: list[list[str]] = field(default_factory=list)
    result: list[list[str]] = field(default_factory=list)
    effect: list[list[str]] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)


def _split(blocks: tuple[Block, ...]) -> list[_Line]:
    """Logical lines: a mid-line `*` bullet or target label starts a new one."""
    out: list[_Line] = []
    for b in blocks:
        if not b.text.strip():
            continue
        for part in _MID_BULLET_RE.sub("\n* ", b.text).split("\n"):
            pieces = _LABEL_RE.split(part)
            head = pieces[0]
            if head.strip().rstrip("/").strip():
                out.append(_Line(head.rstrip().rstrip("/"), b, labelled=len(pieces) > 1))
            for label, rest in zip(pieces[1::2], pieces[2::2], strict=False):
                out.append(_Line(f"{label}: {rest.strip().rstrip('/').strip()}", b))
    return out


def _label(line: _Line) -> str | None:
    m = _LABEL_RE.match(line.text.strip())
    if not m:
        return None
    return "effect" if m.group(1).casefold() in ("effektmål", "effekt") else "result"


def _heading_like(line: _Line) -> bool:
    t = line.text.strip()
    first = _NUMBER_RE.sub("", t, count=1)[:1]  # a numbered heading: "2. Klima"
    return (not line.bullet and _label(line) is None and first.isupper()
            and not _ITEM_RE.match(t) and len(t.split()) <= _HEADING_WORDS
            and not t.endswith((".", ",", "!", "?", ";")))


def _ends_sentence(line: _Line | None) -> bool:
    return line is None or line.text.rstrip().endswith((".", "!", "?"))


def _headings(lines: list[_Line]) -> dict[int, str]:
    """Index of each heading line → its title (a wrapped heading's second line is dropped)."""
    found: dict[int, str] = {}
    skip: set[int] = set()
    starts = [ln.block.x0 for ln in lines if ln.block.x0 is not None]
    margin = min(starts) if starts else None
    right = right_edge(tuple(ln.block for ln in lines))
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not _heading_like(line):
            continue
        if margin is not None and line.block.x0 is not None and line.block.x0 > margin + _INDENT:
            continue  # a PDF's line set in from the margin: a bullet's text that wrapped
        before = lines[i - 1].block if i else None
        if before is not None and before is not line.block and wrapped(before, line.block,
                                                                        right):
            continue  # the line before broke only because this line's first word did not fit
        j, title = i + 1, line.text.strip()
        nxt = lines[j] if j < len(lines) else None
        if (nxt and not nxt.bullet and nxt.text.strip()[:1].islower()
                and len(nxt.text.split()) <= 2 and j + 1 < len(lines) and lines[j + 1].bullet):
            title, j = f"{title} {nxt.text.strip()}", j + 1
        after = lines[j] if j < len(lines) else None
        followed = after is not None and (after.bullet == "*" or j in found)
        colon = title.endswith(":") and (len(title.split()) >= 2 or followed)
        # a short line alone between two paragraphs ("Andre innspill")
        alone = (len(title.split()) <= 3 and not title.endswith(":") and "," not in title
                 and after is not None and after.text.strip()[:1].isupper()
                 and _ends_sentence(lines[i - 1] if i else None))
        if title.endswith(("!", "?", ".")):
            continue
        if followed or colon or alone:
            found[i] = collapse_space(title.rstrip(":"))
            if j > i + 1:
                skip.add(i + 1)
    return _unbulleted_rows({i: t for i, t in found.items() if i not in skip}, lines)


def _unbulleted_rows(found: dict[int, str], lines: list[_Line]) -> dict[int, str]:
    """Headings less the short rows of a section whose rows all lost their bullets: after a
    heading whose first row has no bullet, a short line without a colon before any bullet is
    the next row (a proposal), not a heading."""
    out: dict[int, str] = {}
    rows = -1  # unbulleted lines since the last heading; -1 before it and after a bullet
    for i, line in enumerate(lines):
        if i in found:
            if rows > 0 and not line.text.rstrip().endswith(":"):
                continue
            out[i], rows = found[i], 0
        elif line.bullet:
            rows = -1
        elif rows >= 0:
            rows += 1
    return out


def _width(line: _Line) -> int:
    return len(line.text.rstrip())


def _mark_columns(lines: list[_Line], headings: dict[int, str]) -> None:
    """Flag the `*` items of a target column. After a target label without a value, the items
    up to the first one wider than the column are its values, if one of them wraps within the
    column's width or no wider item follows (a lone short item before a wide one is a row)."""
    for i, line in enumerate(lines):
        if not _label(line) or _LABEL_RE.sub("", line.text.strip(), count=1).strip():
            continue
        items: list[list[_Line]] = []
        for nxt in itertools.takewhile(lambda x: x not in headings and _label(lines[x]) is None,
                                       range(i + 1, len(lines))):
            starts = lines[nxt].bullet == "*" and lines[nxt].block.text.strip().startswith("*")
            if starts:
                items.append([lines[nxt]])
            elif lines[nxt].bullet:
                break
            elif items:
                items[-1].append(lines[nxt])
        run = list(itertools.takewhile(lambda it: max(map(_width, it)) < _NARROW, items))
        if any(len(it) > 1 for it in run) or len(run) == len(items):
            for it in run:
                it[0].column = True


def _is_partner_list(text: str) -> bool:
    parts = [p.strip() for p in text.split(",")]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts) and text[:1].isupper()


def _partners(lines: list[str]) -> tuple[str, ...]:
    text = join_lines(lines)
    parts = re.split(r",|(?<=[.!?])\s+(?=[A-ZÆØÅ])", text)
    return tuple(p for p in (collapse_space(x).rstrip(".") for x in parts) if p)


class _Reader:
    def __init__(self) -> None:
        self.proposals: list[_Proposal] = []
        self.section: str | None = None
        self.field = "none"
        self.target = "result"
        self.column = False  # the open target label had no value: its items follow as bullets
        self.right: float | None = None  # where a PDF's lines end (common.right_edge)
        self.before: Block | None = None  # the block of the line read last

    def start(self, line: _Line, bulleted: bool) -> None:
        self.proposals.append(_Proposal(self.section, [line.block], [line.body], bulleted,
                                        sub_item=line.bullet == "o"))
        self.field, self.column = "text", False

    def add(self, line: _Line) -> None:
        current = self.proposals[-1] if self.proposals and self.field != "none" else None
        label = _label(line)
        body = line.body
        before, self.before = self.before, line.block
        # a PDF's line the proposal's text broke onto only because its first word did not fit
        goes_on = (before is not None and before is not line.block and self.field == "text"
                   and not line.bullet and label is None
                   and wrapped(before, line.block, self.right))
        if goes_on and current:
            current.text.append(body)
        elif label and current:
            value = _LABEL_RE.sub("", line.text.strip(), count=1).strip()
            getattr(current, label).append([value] if value else [])
            self.field, self.target, self.column = label, label, not value
        elif line.bullet == "-" and current:
            current.children.append([body])
            self.field = "child"
        elif (line.column and current and self.column
              and self.field in ("result", "effect", "partners")):
            self.field = self.target
            getattr(current, self.field).append([body])
        elif line.bullet in ("*", "o", "•"):
            self.start(line, bulleted=True)
            return
        elif current is None:
            if self.section is not None:
                self.start(line, bulleted=False)
            return
        elif (self.field in ("result", "effect", "partners") and not _ITEM_RE.match(body)
              and line.block.kind == "line" and len(line.block.text.rstrip()) >= _WIDE):
            current.text.append(body)  # the proposal column of the same row
        elif self.field == "partners" and _ITEM_RE.match(body):
            self.field = self.target
            getattr(current, self.field).append([body])
        elif self.field == "partners" or (
                _is_partner_list(body) and self.field != "child"
                and (self.field != "text" or current.text[-1].rstrip().endswith((".", "!", "?")))):
            current.partners.append(body)
            self.field = "partners"
        elif self.field in ("result", "effect"):
            items = getattr(current, self.field)
            if _ITEM_RE.match(body) or not items:
                items.append([body])
            else:
                items[-1].append(body)
        elif self.field == "child":
            current.children[-1].append(body)
        elif ((not current.bulleted or line.labelled) and body[:1].isupper()
              and current.text[-1].rstrip().endswith((".", "!", "?"))):
            self.start(line, bulleted=False)
            return
        else:
            current.text.append(body)
        current.lines.append(line.block)


def _texts(items: list[list[str]]) -> tuple[str, ...]:
    return tuple(t for t in (join_lines(i) for i in items) if t)


_GLYPH_RE = re.compile(r"^\s*[\uf0b7\uf0a7▪◦‣∙]\s*")  # a PDF's bullet glyphs (Symbol font)
_INDENT = 4.0  # points: a bullet glyph this far right of the leftmost is a sub-item's


def _typed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A PDF's bullet glyphs typed as the notes type them: "*" at the leftmost place bullets
    stand, "o" (a pilot idea under a proposal) further right."""
    placed = [b.x0 for b in blocks if b.x0 is not None and _GLYPH_RE.match(b.text)]
    if not placed:
        return blocks
    left = min(placed)
    return tuple(replace(b, text=_GLYPH_RE.sub("o " if b.x0 is not None and b.x0 > left + _INDENT
                                               else "* ", b.text, count=1))
                 if _GLYPH_RE.match(b.text) else b for b in blocks)


def _numbered(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Notes that number their proposals ("1. …", "2) …" in each group, a bullet under one
    a pilot idea) typed as the notes type them: the numbered item "*", a bullet under it
    "o". Numbers that head groups (short lines, as headings are) or a date opening a line
    ("2. juni …") do not count: most items are longer than a heading and count on in
    order."""
    found = [(k, int(m.group(1))) for k, b in enumerate(blocks)
             if (m := _NUMBER_RE.match(b.text))]
    at: set[int] = set()  # the items: each counts on from the item before (one may have
    last = 0  # been lost: a line the reader joined), or starts at 1
    for k, n in found:
        if n == 1 or last < n <= last + 2:
            at.add(k)
            last = n
    long = sum(len(blocks[k].text.split()) > _HEADING_WORDS + 1 for k in at)
    if len(at) < _LISTED or long * 2 < len(at) or len(at) < _IN_ORDER * len(found):
        return blocks
    first = min(at)
    out = []
    for k, b in enumerate(blocks):
        if k in at:
            b = replace(b, text=_NUMBER_RE.sub("* ", b.text, count=1))
        elif k > first and _BULLET_RE.match(b.text) and b.text.lstrip()[:1] in "*•":
            b = replace(b, text=_BULLET_RE.sub("o ", b.text, count=1))
        out.append(b)
    return tuple(out)


def parse_bullets(doc: Document) -> Programme:
    """Sections and proposals of bullet-style workshop notes."""
    lines = _split(_numbered(_typed(labelled(doc.blocks))))
    headings = _headings(lines)
    _mark_columns(lines, headings)
    reader = _Reader()
    reader.right = right_edge(tuple(ln.block for ln in lines))
    sections: dict[str, Section] = {}
    wrapped = {i + 1 for i, t in headings.items() if t != lines[i].text.strip().rstrip(":")}
    for i, line in enumerate(lines):
        if i in headings:
            title = headings[i]
            sections.setdefault(title, Section(title, title, None, raw_title=title))
            reader.section, reader.field = title, "none"
        elif i not in wrapped:
            reader.add(line)
    measures: list[Measure] = []
    top: dict[str | None, str] = {}  # each section's last top-level proposal
    for p in reader.proposals:
        title = join_lines(p.text)
        if not title:
            continue
        if not p.sub_item:
            top[p.section] = f"W{len(measures) + 1}"
        measures.append(Measure(
            id=f"W{len(measures) + 1}", title=title, section=p.section,
            result_targets=_texts(p.result), effect_targets=_texts(p.effect),
            partners=_partners(p.partners), source=source_of(p.lines), id_source="assigned",
            raw_title=title, children=_texts(p.children),
            parent=top.get(p.section) if p.sub_item else None,
        ))
    return Programme(
        path=doc.path, format=doc.format, layout="bullet-notes",
        title=document_title(doc.blocks), sections=tuple(sections.values()),
        measures=tuple(measures), pages=doc.pages, warnings=doc.warnings,
    )
