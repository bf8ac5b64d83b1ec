"""One measure's three table columns, gathered piece by piece, turned into a Measure."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ...model import Measure, Source
from ...text import collapse_space, join_lines, strip_item_number
from ..labels import split_partners
from .cues import label_kind, strip_bullet
from .width import text_width

# Words that join two parts of a text ("pa": OCR's "på"): a line ending on one goes on.
_JOINING = "og|i|for|med|til|av|om|på|pa"
# A partner line that ends (or the next one that starts) with one of these words is wrapped,
# not a new partner: "Bente Bye og partnere i / Spania og Irland".
_OPEN_END_RE = re.compile(rf"(?:\b(?:{_JOINING}|&)|-)$", re.IGNORECASE)
PARTNER_MIN_EMS = 9.0  # a Partnere column prints lines at least this wide before it wraps
_UNFINISHED_RE = re.compile(
    rf"\b(?:{_JOINING}|&|å|de|den|det|et|en|som|fra|ved|mot|eller)$", re.IGNORECASE)
_OPEN_START_RE = re.compile(rf"^(?:{_JOINING}|&|-)\b")
_GLUED_RE = re.compile(r"^[a-zæøå]([A-ZÆØÅ][a-zæøå]{2,})\b")
_EDGE_RE = re.compile(r"^[\s|\]\[]+|(?:\s+[.,:;·])*[\s|\[\]]*$")  # rules, trailing " . . ."
# The narrow Partnere column breaks long words without a hyphen: "interesseorganisasjon / er".
_SUFFIX_RE = re.compile(rf"^(?!(?:{_JOINING})$)[a-zæøå]{{1,3}}$")


@dataclass
class Item:
    """A bullet item under construction: its wrapped lines."""

    lines: list[str]

    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class Columns:
    """The text of one measure, by column: Tiltak, Resultatmål/Effektmål, Partnere."""

    id: str
    section: str | None
    page: int
    line_start: int
    line_end: int
    title: list[str] = field(default_factory=list)
    result: list[Item] = field(default_factory=list)
    effect: list[Item] = field(default_factory=list)
    partners: list[Item] = field(default_factory=list)
    kind: str = "result"  # which target list the middle column is filling
    seen: set[str] = field(default_factory=set)  # labels met so far
    assigned: bool = False  # the id orvers gave a row that printed no number

    def targets(self) -> list[Item]:
        """The target list being filled."""
        return self.result if self.kind == "result" else self.effect

    def add_title(self, text: str) -> None:
        """Add one line of the Tiltak column."""
        self.title.append(clean(text))

    def add_middle(self, text: str, new_item: bool) -> None:
        """Add one line of the middle column: a label, a new bullet item or a wrapped line."""
        kind = label_kind(text)
        if kind:
            self.kind = kind
            self.seen.add(kind)
            rest = _after_label(text)
            if rest:
                self.add_middle(rest, True)
            return
        target = self.targets()
        body = clean(strip_item_number(strip_bullet(text)) if new_item else text)
        if not body:
            return
        if new_item or not target:
            target.append(Item([body]))
        else:
            _open_item(target, body).lines.append(body)

    def add_partner(self, text: str, new_item: bool) -> None:
        """Add one line of the Partnere column."""
        body = clean(strip_item_number(strip_bullet(text)) if new_item else text)
        if not body:
            return
        if self.partners and not new_item:
            self.partners[-1].lines.append(body)
        else:
            self.partners.append(Item([body]))

    def title_unfinished(self) -> bool:
        """Whether the title so far ends on a word no title ends on ("og", "i", "de" …)."""
        return bool(self.title) and ends_unfinished(self.title[-1])

    def partner_continues(self, text: str, bulleted: bool) -> bool:
        """Whether an unbulleted partner line wraps the previous partner: the line above ends
        open ("i", "og") or its name was too long for the line; a comma ends a name."""
        if not self.partners:
            return False
        last = self.partners[-1].lines[-1]
        if last.endswith(","):
            return False
        if _OPEN_END_RE.search(last):
            return True
        # "og Irland" goes on a name whose line was full; after "Osloregionen" it would have fit
        words = text.split()
        wraps = bool(words) and text_width(f"{last} {words[0]}") > PARTNER_MIN_EMS
        return wraps and (bulleted or starts_open(text))

    def measure(self, words: Collection[str] = ()) -> Measure:
        """The finished Measure (text as read: the OCR repair sets display text later);
        words: the document's words (casefolded), to tell a glued bullet from a letter."""
        title = join_lines(self.title)
        return Measure(
            id=self.id,
            title=title,
            raw_title=title,
            section=self.section,
            result_targets=tuple(unglue(t, words) for t in _texts(self.result)),
            effect_targets=tuple(unglue(t, words) for t in _texts(self.effect)),
            partners=tuple(unglue(name, words) for i in self.partners
                           for name in split_partners(_partner(i))),
            source=Source(self.page, self.line_start, self.line_end),
            id_source="assigned" if self.assigned else "document",
        )


def unglue(text: str, words: Collection[str]) -> str:
    """Text without a lowercase letter glued before its capitalised first word, where the
    document prints that word without it: OCR reads a bullet so ("kKommunene")."""
    m = _GLUED_RE.match(text)
    return text[1:] if m and m.group(1).casefold() in words else text


def ends_open(text: str) -> bool:
    """Whether text ends with a word or sign that joins it to the next line ("og", "i", "-")."""
    return bool(_OPEN_END_RE.search(text.strip())) or text.rstrip().endswith(",")


def ends_unfinished(text: str) -> bool:
    """Whether text ends on a word no sentence ends on ("og", "i", "de", "som", "mot" …)."""
    return bool(_UNFINISHED_RE.search(text.strip()))


def starts_open(text: str) -> bool:
    """Whether text starts with a word no name starts with ("og", "i", "av" …)."""
    return bool(_OPEN_START_RE.match(text.strip()))


def clean(text: str) -> str:
    """Trim column rule glyphs (`|`, `[`) left at the edges of a piece."""
    return collapse_space(_EDGE_RE.sub("", text))


def _after_label(text: str) -> str:
    """What follows a label's colon on the same line."""
    body = strip_bullet(text)
    colon = re.search(r"[:;]", body)
    return body[colon.end():].strip() if colon else ""


def _open_item(items: list[Item], line: str) -> Item:
    """The item a wrapped line continues: the last one, unless that one is finished and an
    earlier one breaks off mid-sentence (its rest printed further down, past other items)."""
    last = items[-1]
    if not last.lines[-1].endswith(".") or not line[:1].islower():
        return last
    for item in reversed(items[:-1]):
        if _OPEN_END_RE.search(item.lines[-1]) or item.lines[-1].endswith(","):
            return item
    return last


def _texts(items: list[Item]) -> tuple[str, ...]:
    return tuple(t for t in (i.text() for i in items) if t)


def _partner(item: Item) -> str:
    """A partner name, a word broken across lines mended, without its list's trailing comma."""
    lines: list[str] = []
    for line in item.lines:
        if lines and _SUFFIX_RE.match(line):
            lines[-1] += line
        else:
            lines.append(line)
    return join_lines(lines).rstrip(" ,;").strip()
