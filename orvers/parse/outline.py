"""Parse a numbered outline (`3.2.4. text` under `3.2. Klima, miljø og natur` under
`3. Innsatsområder`), as in the secretariat's draft.

A measure is the deepest numbered item that carries text; every item with numbered items
under it is a section. Titles wrap over lines and are joined with `join_lines`.

Decision: a leaf item whose first line is a short heading followed by prose paragraphs
(the draft's political priorities 1.1 Oslofjorden, 1.2 Energi, 1.3 Jernbane) is a prose
section, not a measure; so is a paragraph in a Word heading style ("Heading 2",
"Overskrift 2"), and so are sibling items that are all bare short names ("1.1 Oslofjorden",
"1.2 Energi" with their prose lost, as in a PDF printed from Word). The draft has no targets
or partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from statistics import median

from ..model import Block, Document, Measure, Programme, Section
from ..text import join_lines
from .amounts import drop_data_rows
from .common import (
    document_title,
    is_heading_style,
    labelled,
    numbered_blocks,
    right_edge,
    source_of,
    wrapped,
)
from .fields import fields
from .labels import label
from .listed import ENTRIES, listed
from .vocabulary import left_out_notes

NUMBER_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)(\.?)\s+(\S.*)$")  # any width: 125, 3.10.12
_FIRST_CHAPTER_MAX = 999  # an outline may start at any chapter, but not at a year ("2025.")
_BARE_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.$")
_GLUED_NUMBER_RE = re.compile(r"(?<=[^\d\s.])(\d+(?:\.\d+)+\.)(?=\s+\S|$)")
_DASH_RE = re.compile(r"(?<=\.)\s+[—–]\s+")  # "2.1. — Title": OCR reads a tab's gap as a dash
_HEADING_WORDS = 6  # a first line this short, followed by a prose paragraph, is a heading
_PROSE_CHARS = 200
_TALL = 1.15  # a line this much taller than the body text is a heading
_SLACK = 0.35  # a line starting this share of its height left of an item's number is apart


@dataclass
class _Item:
    number: tuple[int, ...]
    lines: list[Block] = field(default_factory=list)
    first: str = ""

    @property
    def id(self) -> str:
        return ".".join(map(str, self.number))

    @property
    def parent(self) -> str | None:
        return ".".join(map(str, self.number[:-1])) or None


def count_numbered(doc: Document) -> int:
    """How many lines start with a multi-level number such as `3.2.4.` (in any of the forms
    `numbered` reads), or hold it alone (its title on the next line: "Tiltak 1.1.2")."""
    return sum(1 for b in numbered_blocks(labelled(doc.blocks))
               if re.match(r"^\s*\d+(\.\d+)+\.?(\s+\S|\s*$)", b.text))


def _accepts(number: tuple[int, ...], trailing_dot: str, title: str,
             seen: dict[tuple[int, ...], _Item], last_top: int) -> bool:
    """Whether a numbered line continues the outline (and is not a date or a count)."""
    if number in seen:
        return False
    if len(number) == 1:
        return (trailing_dot == "." and title[:1].isupper()
                and (number[0] == last_top + 1
                     or (last_top == 0 and 0 < number[0] <= _FIRST_CHAPTER_MAX)))
    # a chapter whose heading was lost (misread) still holds its numbered sections
    return number[:-1] in seen or (len(number) == 2 and (
        number[0] == last_top + 1 or any(k[:1] == number[:1] and len(k) == 2 for k in seen)))


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.strip().rstrip(".").split("."))


def _unglued(text: str) -> list[str]:
    """A numbered line with its child's number glued to it, bare at its end or followed by
    the child's text ("11. Arbeid kraft11.1.", "11. Arbeid kraft11.1. Kompetanse", as
    pdftotext may print a heading and the next, its hyphen at the line's end dropped), as
    two lines."""
    m = NUMBER_RE.match(text)
    if not m:
        return [text]
    for tail in _GLUED_NUMBER_RE.finditer(text, m.end(2)):
        if _number(tail.group(1))[:-1] == _number(m.group(1)):
            return [text[:tail.start()].rstrip(), text[tail.start():]]
    return [text]


def _joined(blocks: tuple[Block, ...]) -> list[Block]:
    """The blocks with a number standing alone on its line put before its item's text, as a
    PDF's text layer (pdftotext) prints automatic numbers apart from their items, sometimes
    out of order ("2.", "3.", then 2.'s heading, 2.1.'s number and text, …, 3.'s heading).

    The numbers wait in a queue; the next line that starts a paragraph (after a blank line or
    right after a number) takes the first of them in outline order. A waiting number whose
    descendant comes first lost its text and is dropped."""
    out: list[Block] = []
    pending: list[Block] = []
    starts = True  # the next line starts a paragraph
    for b in blocks:
        for text in _unglued(b.text.strip()):
            if not text:
                starts = True
                continue
            if _BARE_NUMBER_RE.match(text):
                number = _number(text)
                pending = [p for p in pending if _number(p.text) != number[:len(_number(p.text))]]
                pending.append(replace(b, text=text))
                starts = True
                continue
            m = NUMBER_RE.match(text)
            if m:
                number = _number(m.group(1))
                pending = [p for p in pending if _number(p.text) != number[:len(_number(p.text))]]
            elif pending and starts:
                first = min(pending, key=lambda p: _number(p.text))
                pending.remove(first)
                b = replace(b, text=f"{first.text.strip()} {text}", line=first.line)
                text = b.text
            out.append(replace(b, text=text) if text != b.text else b)
            starts = False
    return out


def _body_height(blocks: tuple[Block, ...]) -> float | None:
    """The median height of the words a PDF prints (the body text's size), if it has any."""
    heights = [w.bottom - w.top for b in blocks for w in b.words]
    return median(heights) if heights else None


def _heading_apart(block: Block, item: _Item, body: float | None) -> bool:
    """Whether a short line with no end stop stands apart from the item by geometry — set
    larger than the body text, or starting left of the item's number — and so is a heading
    whose number was lost (OCR), not the rest of the item's title."""
    first = item.lines[0]
    text = block.text.strip()
    if (body is None or not block.words or not first.words or not text[:1].isupper()
            or len(text.split()) > _HEADING_WORDS or text.endswith((".", ",", ";", ":"))):
        return False
    height = median(w.bottom - w.top for w in block.words)
    return height > _TALL * body or block.words[0].x0 < first.words[0].x0 - _SLACK * height


def _items(blocks: tuple[Block, ...]) -> list[_Item]:
    items: list[_Item] = []
    seen: dict[tuple[int, ...], _Item] = {}
    last_top = 0
    body = _body_height(blocks)
    # a line apart that may be a heading whose number was lost: it is one when a new chapter's
    # first section follows, else it was the end of the item's title after all
    heading: Block | None = None
    listing: int | None = None  # the last number of a target list numbered by hand ("1. ")
    # the last line so taken as a target: a chapter's heading if the next number is its child
    taken: tuple[Block, tuple[int, ...], str] | None = None
    for b in _joined(blocks):
        text = _DASH_RE.sub(" ", b.text.strip(), count=1)
        found = label(text)
        if found:  # a target list may follow a target label; a partner label ends it
            listing = 0 if found[0] in ("result", "effect") and not found[1].strip() else None
        m = NUMBER_RE.match(text)
        if m:
            number = tuple(int(p) for p in m.group(1).split("."))
            if (listing is not None and number == (listing + 1,) and items
                    and not is_heading_style(b)):
                listing += 1  # "2. Deltatt på …" after "1. …" under Resultatmål: an item
                items[-1].lines.append(b)
                taken = (b, number, m.group(3).strip())
                continue
            listing = None
            if (taken is not None and number[:-1] == taken[1] and taken[1] not in seen
                    and taken[0] in items[-1].lines):  # "2. Næring" was a chapter after all
                at = items[-1].lines.index(taken[0])
                chapter = _Item(taken[1], items[-1].lines[at:], taken[2])
                del items[-1].lines[at:]
                items.append(chapter)
                seen[taken[1]] = chapter
                last_top = max(last_top, taken[1][0])
            taken = None
            if _accepts(number, m.group(2), m.group(3), seen, last_top):
                if heading is not None and len(number) == 2 and number[:1] not in seen:
                    chapter = _Item(number[:1], [heading], heading.text.strip())
                    items.append(chapter)
                    seen[chapter.number] = chapter
                elif heading is not None:
                    items[-1].lines.append(heading)
                heading = None
                item = _Item(number, [b], m.group(3).strip())
                items.append(item)
                seen[number] = item
                last_top = max(last_top, number[0])
                continue
        if items and heading is None and _heading_apart(b, items[-1], body):
            heading = b
            continue
        if heading is not None:
            items[-1].lines.append(heading)
            heading = None
        if items:
            items[-1].lines.append(b)
    if heading is not None:
        items[-1].lines.append(heading)
    return items


def _is_prose_section(item: _Item, right: float | None) -> bool:
    """A short heading line followed by a paragraph that starts a new sentence (where the
    page shows it, a line that ended before it had to)."""
    rest = [b.text.strip() for b in item.lines[1:] if b.text.strip()]
    if not rest or len(item.first.split()) > _HEADING_WORDS or item.first.rstrip()[-1:] in ",-":
        return False
    if fields(item.lines[1:]).any:  # a measure's labelled targets or partners follow
        return False
    if wrapped(item.lines[0], item.lines[1], right):
        return False
    return rest[0][:1].isupper() and len(" ".join(rest)) >= _PROSE_CHARS


def _heading(item: _Item, right: float | None) -> str:
    """A section's title: its first line, and the lines it wrapped onto where the page shows
    them ("3.1. Attraktivitet og" / "næringsutvikling" in a narrow column)."""
    lines = [item.first]
    for line, after in zip(item.lines, item.lines[1:], strict=False):
        if not wrapped(line, after, right):
            break
        lines.append(after.text)
    return join_lines(lines)


_NAME_WORDS = 3  # "Oslofjorden", "Kraft og energi": a name, not a measure's sentence


def _topic_lists(items: list[_Item], parents: set[str]) -> set[str]:
    """Ids of leaf items whose siblings (two or more) are all bare short names, no text below."""
    groups: dict[str | None, list[_Item]] = {}
    for it in items:
        groups.setdefault(it.parent, []).append(it)
    bare = [g for g in groups.values() if len(g) >= 2 and all(
        it.id not in parents and len(it.lines) == 1 and len(it.first.split()) <= _NAME_WORDS
        and not re.search(r"[.:;,]$", it.first.strip()) for it in g)]
    return {it.id for g in bare for it in g}


def parse_outline(doc: Document) -> Programme:
    """Sections and measures of a numbered-outline programme."""
    blocks = numbered_blocks(labelled(doc.blocks))
    items = _items(blocks)
    right = right_edge(blocks)
    parents = {it.parent for it in items if it.parent}
    names = _topic_lists(items, parents)
    sections: list[Section] = []
    measures: list[Measure] = []
    section_ids: set[str] = set()
    unnumbered: list[str] = []
    left_out: dict[str, list[str]] = {}  # labels naming no field, and the measures they are in
    lists = {it.id: listed(it.first, it.lines[1:], least=1) for it in items
             if it.id not in parents}
    # one entry is a list where another section lists two or more so (listed.py)
    least = 1 if any(len(e) >= ENTRIES for e in lists.values()) else ENTRIES
    for it in items:
        entries = lists.get(it.id, [])
        if len(entries) >= least:  # a section listing its measures without numbers
            title = join_lines([it.first])
            sections.append(Section(it.id, title, it.parent, raw_title=title))
            section_ids.add(it.id)
            measures += [Measure(id=f"{it.id}.{k}", title=text, section=it.id,
                                 source=source_of(lines), id_source="assigned", raw_title=text)
                         for k, (text, lines) in enumerate(entries, 1)]
            unnumbered.append(f"{it.id}.1–{it.id}.{len(entries)}")
            continue
        if (it.id in parents or it.id in names or _is_prose_section(it, right)
                or (is_heading_style(it.lines[0]) and not fields(it.lines[1:], right).any)):
            # a leaf in a Word heading style is a measure when its targets or partners
            # follow, labelled ("Resultatmål" set as a heading of its own too)
            title = _heading(it, right)
            sections.append(Section(it.id, title, it.parent, raw_title=title))
            section_ids.add(it.id)
            continue
        below = fields(it.lines[1:], right)
        for word in below.left_out:
            left_out.setdefault(word, []).append(it.id)
        title = join_lines([it.first, *below.title])
        measures.append(Measure(
            id=it.id, title=title, section=it.parent, source=source_of(it.lines),
            id_source="document", raw_title=title, result_targets=tuple(below.result),
            effect_targets=tuple(below.effect), partners=tuple(below.partners),
        ))
    keep, data_notes = drop_data_rows(measures)
    measures = [measures[i] for i in keep]
    warnings = [f"measure {m.id}: its section {m.section} is not printed"
                for m in measures if m.section and m.section not in section_ids]
    warnings += data_notes + left_out_notes(left_out, len(measures))
    if unnumbered:
        warnings.append("measures listed as bullets or letters under a numbered section, "
                        "without numbers of their own: ids assigned in order "
                        f"({', '.join(unnumbered)})")
    return Programme(
        path=doc.path, format=doc.format, layout="outline", title=document_title(doc.blocks),
        sections=tuple(sections), measures=tuple(measures), pages=doc.pages,
        warnings=(*doc.warnings, *warnings),
    )
