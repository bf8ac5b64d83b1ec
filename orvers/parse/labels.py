"""Parse label blocks (`Tiltak:` / `Partnere:` / `Resultatmål:` / `Effektmål:`), as in the
2025 programme: label and value on the same or the next line, several labels on one line
separated by tabs, `-` sub-bullets under a measure.

Decisions:
- a field's label may be said other ways (`Resultat:`, `Mål for effekt:`, `Resultatmål 2026:`,
  `Samarbeidspartnere:`, `Partnarar:`: vocabulary.py);
- a bullet under `Resultatmål:`, `Effektmål:` or `Partnere:` is an item of that field (never
  a section heading), its bullet taken off;
- every non-empty `Tiltak:` block is a measure, ids T1, T2, … in document order
  (id_source "assigned"); an empty block is skipped with a warning; where every block's
  label carries its own number ("Tiltak 4:", "Tiltak nr. 4:"), that number is its id;
- title = the Tiltak text without its `-` items; the `-` items are the measure's children;
- partners are split on commas; an unlabelled line after the partners that is itself a list
  (has a comma) continues them, any other unlabelled line is read as the result target whose
  label is missing (with a warning) — the 2025 programme's "BEST 2025" block;
- where a PDF shows where its lines end, a line the one before broke onto only because its
  first word did not fit goes on with what the line before said: a target's rest, even one
  opening with a capital ("… som medlemmene i" / "Osloregionen ønsker …"), or a partner's
  ("Masseforvaltning – Porfyr" / "(Bærum), KS"), not a heading nor a partner of its own;
- a short unlabelled line between a block's result target and the next `Tiltak:` is a section
  heading (the last one wins, so page furniture before a heading is passed over); sections get
  ids S1, S2, … and a heading printed twice is one section. Lines before the first `Tiltak:`
  (the table of contents) only give the first heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..model import Block, Document, Measure, Programme, Section
from ..text import collapse_space, is_bullet, join_lines, numbered, strip_bullet
from .common import document_title, is_heading_style, labelled, right_edge, source_of, wrapped
from .vocabulary import label as field_label
from .vocabulary import left_out_notes, other_label


def label(segment: str) -> tuple[str, str] | None:
    """The field a segment's label names ("title", "partners", "result", "effect") and the
    text after it, the label said any way vocabulary.py knows (Resultat:, Partnarar:), also
    as an OCR layer may read it (Resultatmal:)."""
    found = field_label(segment)
    return found[:2] if found else None


def label_number(segment: str) -> str | None:
    """The number a label carries ("Tiltak 4: …" → "4"), None where it carries none."""
    found = field_label(segment)
    return found[2] if found else None


_HEADING_WORDS = 8
# a heading's number: "2.", "2.1", "2.1." (after text.numbered: "Kapittel 2:" → "2. ")
_HEADING_NUMBER_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=\.))\.?\s+(\S.*)$")
_TALL = 1.15  # a line set this much higher than the body text is a heading (geometry.py's)


@dataclass
class _Block:
    start: Block
    lines: list[Block] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    effect: list[str] = field(default_factory=list)
    section: str | None = None
    notes: list[str] = field(default_factory=list)
    number: str | None = None  # printed after the label: "Tiltak 4:"
    left_out: list[str] = field(default_factory=list)  # labels naming no field ("Ansvar")


# a comma or semicolon outside brackets: "Viken (Asker, Bærum)"
_LIST_COMMA_RE = re.compile(r"[,;](?![^()]*\))")


# "… and others" closing a list: it stays with the name before it ("fylkene, mfl")
_OTHERS_RE = re.compile(r"^(?:m\.?\s?fl|m\.?\s?m|osv|etc|m\.?\s?v|med flere|og flere|og andre)\.?$",
                        re.IGNORECASE)


def split_partners(text: str) -> list[str]:
    """Partner names from a list parted by commas or semicolons (inside brackets nothing parts;
    "mfl", "mm", "osv" after a comma stay with the name before)."""
    names: list[str] = []
    for part in (collapse_space(x) for x in _LIST_COMMA_RE.split(text)):
        if names and _OTHERS_RE.match(part):
            names[-1] = f"{names[-1]}, {part}"
        elif part:
            names.append(part)
    return names


def _is_heading(text: str) -> bool:
    return len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ",", ":"))


class _Reader:
    def __init__(self, right: float | None = None, tall: float | None = None) -> None:
        self.blocks: list[_Block] = []
        self.field = ""
        self.pending: str | None = None
        self.sections: dict[str, Section] = {}
        self.section: str | None = None
        self.right = right  # where a PDF's lines end (common.right_edge)
        self.before: Block | None = None  # the line read last
        self.tall = tall  # a PDF's line set at least this high is a heading (body_height)

    def heading(self) -> None:
        if self.pending is None:
            return
        title = self.pending
        if title not in self.sections:
            sid = f"S{len(self.sections) + 1}"
            self.sections[title] = Section(sid, title, None, raw_title=title)
        self.section = self.sections[title].id
        self.pending = None

    def _tall(self, block: Block) -> bool:
        return self.tall is not None and bool(block.words) and _height(block) >= self.tall

    def add(self, block: Block, segment: str) -> None:
        m = label(segment)
        other = None if m else other_label(segment)
        if other is not None:  # "Ansvar: …": no field of a measure, left out with its lines
            if self.blocks:
                self.blocks[-1].left_out.append(other)
                self.field = "other"
            self.before = block
            return
        # a line the one before broke onto only because its first word did not fit (PDF)
        before, self.before = self.before, block
        goes_on = before is not None and before is not block and wrapped(before, block,
                                                                         self.right)
        if not m and segment.strip() and (is_heading_style(block) or self._tall(block)):
            # set as a heading (Word's style, a PDF's larger type): never a field's text
            rest = self.pending is not None and goes_on  # a heading's line that wrapped
            self.pending = collapse_space(f"{self.pending} {segment}" if rest else segment)
            return
        if goes_on and not m and self.pending is not None and segment.strip():
            self.pending = collapse_space(f"{self.pending} {segment}")  # a heading wrapped
            return
        if m and m[0] == "title":
            self.heading()
            self.blocks.append(_Block(block, section=self.section,
                                      number=label_number(segment)))
            self.field, segment = m
        elif m and self.blocks:
            self.field, segment = m
        elif not self.blocks:
            if segment.strip() and not m and _is_heading(segment.strip()):
                self.pending = collapse_space(segment)
            return
        current = self.blocks[-1]
        text = segment.strip()
        if not text:
            return
        if self.field == "other":  # the rest of a field left out, or the next heading
            if _is_heading(text):
                self.pending = collapse_space(text)
            return
        if self.field == "title" and re.match(r"^\s*[-–•]\s", segment):
            current.children.append(strip_bullet(text))
        elif self.field == "title" and current.children:  # a sub-item wrapped onto this line
            current.children[-1] = join_lines([current.children[-1], text])
        elif self.field == "title":
            current.title.append(text)
        elif self.field in ("result", "effect", "partners") and is_bullet(text):
            item = collapse_space(strip_bullet(text))  # an item of its own
            if self.field == "partners":
                current.partners += split_partners(item)
            else:
                getattr(current, self.field).append(item)
        elif self.field == "partners":
            if goes_on and current.partners:  # the list goes on: a name's rest, or names
                parts = split_partners(text)
                if parts and not before.text.rstrip().endswith(","):
                    current.partners[-1] = collapse_space(f"{current.partners[-1]} "
                                                          f"{parts.pop(0)}")
                current.partners += parts
            elif current.partners and _is_heading(text) and (
                    "," not in text and (current.result or current.effect)
                    or _HEADING_NUMBER_RE.match(numbered(text))):
                self.pending = collapse_space(text)  # a numbered one, or the targets are there
                return
            elif current.partners and "," not in text:
                current.result.append(text)
                current.notes.append(f"an unlabelled line after the partners (line "
                                     f"{block.line}) was read as its result target")
                self.field = "result"
            else:
                current.partners += split_partners(text)
        elif self.field in ("result", "effect") and getattr(current, self.field):
            targets = getattr(current, self.field)
            if text[:1].islower() or goes_on:  # a target wrapped onto this line
                targets[-1] = collapse_space(join_lines([targets[-1], text]))
            elif _is_heading(text):
                self.pending = collapse_space(text)
                return
            else:
                targets.append(collapse_space(text))
        else:
            getattr(current, self.field).append(collapse_space(text))
        current.lines.append(block)


def _height(block: Block) -> float:
    return max(w.bottom - w.top for w in block.words)


def _tall_from(blocks: tuple[Block, ...]) -> float | None:
    """The height from which a PDF's line is set larger than its body text (its most common
    height), None without placed words."""
    heights = [round(_height(b), 1) for b in blocks if b.words]
    return Counter(heights).most_common(1)[0][0] * _TALL if heights else None


def parse_labels(doc: Document) -> Programme:
    """Sections and measures of a label-block programme (`Tiltak:` / `Partnere:` / …)."""
    blocks = labelled(doc.blocks)
    reader = _Reader(right_edge(blocks), _tall_from(blocks))
    for block in blocks:
        for segment in block.text.split("\t"):
            if segment.strip() or label(segment):
                reader.add(block, segment)
    measures: list[Measure] = []
    warnings = list(doc.warnings)
    left_out: dict[str, list[str]] = {}
    numbers = [b.number for b in reader.blocks if b.title or b.children]
    printed = bool(numbers) and all(numbers) and len(set(numbers)) == len(numbers)
    if any(numbers) and not printed:
        warnings.append("some 'Tiltak' labels carry a number and some do not (or one twice): "
                        "ids assigned T1, T2, … in document order instead")
    for b in reader.blocks:
        if not b.title and not b.children:
            warnings.append(f"line {b.start.line}: empty 'Tiltak:' block skipped")
            continue
        mid = b.number if printed and b.number else f"T{len(measures) + 1}"
        title = join_lines(b.title) or b.children[0]
        measures.append(Measure(
            id=mid, title=title, section=b.section, result_targets=tuple(b.result),
            effect_targets=tuple(b.effect), partners=tuple(b.partners),
            source=source_of([b.start, *b.lines]),
            id_source="document" if printed else "assigned", raw_title=title,
            children=tuple(b.children),
        ))
        warnings += [f"measure {mid}: {n}" for n in b.notes]
        for word in b.left_out:
            left_out.setdefault(word, []).append(mid)
    warnings += left_out_notes(left_out, len(measures))
    sections, ids = _printed_numbers(list(reader.sections.values()))
    return Programme(
        path=doc.path, format=doc.format, layout="label-blocks",
        title=document_title(doc.blocks), sections=tuple(sections),
        measures=tuple(replace(m, section=ids.get(m.section or "", m.section))
                       for m in measures),
        pages=doc.pages, warnings=tuple(warnings),
    )


def _printed_numbers(sections: list[Section]) -> tuple[list[Section], dict[str, str]]:
    """The sections numbered as their headings print it ("2. Næring" → 2, "Næring"; also
    "Kapittel 2: Næring") where every heading prints a number of its own, and the assigned
    ids (S1, S2, …) mapped to them; else the sections as they are."""
    found = [_HEADING_NUMBER_RE.match(numbered(s.title)) for s in sections]
    numbers = [m.group(1) for m in found if m]
    if not sections or len(numbers) != len(sections) or len(set(numbers)) != len(numbers):
        return sections, {}
    ids = {s.id: m.group(1) for s, m in zip(sections, found, strict=True) if m}
    return [replace(s, id=m.group(1), title=m.group(2), raw_title=s.title)
            for s, m in zip(sections, found, strict=True) if m], ids
