"""Targets and partners under an outline's item, where a programme prints them as labelled
lines below the measure's title (`Resultatmål:`, `Effektmål:`, `Partnere:`), each label's
text on its line or in bullets below it.

A label line ends the title and starts its field (a target or partner label also alone on
its line without its colon, as a form's keys saved as text print it); a bullet or an item's
own number typed before it ("2. ", taken off) or alone on the line before it (pdftotext
prints a Word bullet so) starts a new target, and so does,
in a PDF, a line opening with a capital after a line that had room for its first word (a
target whose bullet an OCR layer lost); any other line goes on with the target before it (it
wrapped); partners are split on commas, and a
PDF's line that broke inside a name (not after a comma) goes on with that name. A
`Tiltak:` label inside an item only names what follows as the title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block
from ..text import (
    ITEM_NUMBER_RE,
    collapse_space,
    is_bullet,
    join_lines,
    strip_bullet,
    strip_item_number,
)
from .common import wrapped
from .labels import label, split_partners
from .vocabulary import field_of, other_label


@dataclass
class Fields:
    """What an item's lines after its first hold: the title's other lines, then the fields."""

    title: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    effect: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # labels naming no field ("Ansvar")

    @property
    def any(self) -> bool:
        return bool(self.result or self.effect or self.partners)


def fields(blocks: list[Block], right: float | None = None) -> Fields:
    """The title lines and labelled fields of an item's lines after its first (right: where
    a PDF's lines end, to tell a partner's name that wrapped onto the next line)."""
    out = Fields()
    name = ""
    before: Block | None = None
    # bullets alone on their lines (pdftotext): one opens the line after it; a run of them
    # counts the items of the paragraph that follows (glyphs), dealt out at its end (queued)
    glyphs = 0
    queued: list[str] = []

    def deal() -> None:
        for item in _cut(queued, glyphs):
            _add(out, name, item, new=True)
        queued.clear()

    for b in [*blocks, None]:  # None: the end, where items still queued are dealt out
        text = b.text.strip() if b is not None else ""
        if is_bullet(text) and not strip_bullet(text):
            if queued:
                deal()
                glyphs = 0
            glyphs += 1
            continue
        found = (label(text) or _bare_label(text)) if text else None
        other = None if found or not text else other_label(text)
        if queued and (not text or found or other):  # the paragraph the bullets counted ends
            deal()
            glyphs = 0
        if b is None or not text:
            continue
        if glyphs > 1 and name in ("result", "effect") and not (found or other):
            queued.append(text)
            before = b
            continue
        opened, glyphs = glyphs == 1, 0
        goes_on = (before is not None and wrapped(before, b, right)
                   and not before.text.rstrip().endswith(","))
        previous, before = before, b
        if other is not None:  # "Ansvar: …": no field of a measure, left out with its lines
            name = "other"
            out.left_out.append(other)
            continue
        if found:
            name, rest = found
            if name == "title":
                name = ""
                out.title.append(rest)
            elif rest.strip():
                _add(out, name, rest, new=True)
            continue
        if not name:
            out.title.append(b.text)
        elif name != "other":
            # a PDF's line after one that had room for its first word starts a paragraph of
            # its own: a target whose bullet an OCR layer lost, when it opens with a capital
            apart = (right is not None and b.words and previous is not None
                     and previous.words and not goes_on and text[:1].isupper())
            numbered = name != "partners" and bool(ITEM_NUMBER_RE.match(text))
            _add(out, name, strip_item_number(text) if numbered else text,
                 new=is_bullet(text) or numbered or apart or opened, goes_on=goes_on)
    return out


def _cut(lines: list[str], count: int) -> list[str]:
    """A paragraph's lines cut into COUNT items (a run of bullets counted them): at the
    places most like an item's start — a capital after a line ending in a full stop, then
    a capital after a shorter line — in the order they stand; the lines as one item where
    fewer such places are found."""
    places = []
    for k in range(1, len(lines)):
        if lines[k][:1].isupper():
            ended = lines[k - 1].rstrip().endswith((".", "!", "?"))
            shorter = len(lines[k - 1]) < max(len(x) for x in lines) * 0.8
            places.append((2 * ended + shorter, -k, k))
    if len(places) < count - 1:
        return [join_lines(lines)]
    cuts = sorted(k for _, _, k in sorted(places, reverse=True)[:count - 1])
    return [join_lines(lines[a:b]) for a, b in zip([0, *cuts], [*cuts, len(lines)],
                                                   strict=True)]


def _bare_label(text: str) -> tuple[str, str] | None:
    """A target or partner label alone on its line without its colon ("Resultatmål",
    "Partnere": a form's keys saved as text), as label() gives it; in lower case it is a
    name ("andre | partnere" wrapped)."""
    name = field_of(text) if len(text.split()) == 1 and text[:1].isupper() else None
    return (name, "") if name in ("result", "effect", "partners") else None


def _add(out: Fields, name: str, text: str, new: bool, goes_on: bool = False) -> None:
    if name == "partners":
        parts = split_partners(strip_bullet(text) if is_bullet(text) else text)
        if goes_on and parts and out.partners:  # a name that wrapped onto this line
            out.partners[-1] = collapse_space(f"{out.partners[-1]} {parts.pop(0)}")
        out.partners += parts
        return
    targets: list[str] = getattr(out, name)
    text = collapse_space(strip_bullet(text) if is_bullet(text) else text)
    if not text:
        return
    if new or not targets:
        targets.append(text)
    else:
        targets[-1] = collapse_space(join_lines([targets[-1], text]))
