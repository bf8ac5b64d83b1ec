"""Plain data shared by every stage: read → parse → match → diff/trace → render.

Norwegian terms and how they map:
  tiltak = Measure, Resultatmål = result_targets, Effektmål = effect_targets,
  Partnere = partners, innsatsområde / tverrgående tema = Section,
  handlingsprogram = Programme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Format = Literal["pdf", "docx", "txt"]
Layout = Literal["outline", "table", "label-blocks", "bullet-notes", "strategy"]
LinkKind = Literal["unchanged", "reworded", "split", "merged", "added", "removed"]
Op = tuple[str, str]  # ("=" | "+" | "-", text)

LINK_KINDS: tuple[str, ...] = ("unchanged", "reworded", "split", "merged", "added", "removed")
CHANGE_FIELDS: tuple[str, ...] = ("title", "result_targets", "effect_targets", "partners")
# What a report counts: "amended" is a link of kind unchanged whose targets or partners changed
# (the title kept), and a split or merge counts once however many links it has.
EVENT_KINDS: tuple[str, ...] = ("unchanged", "amended", "reworded", "split", "merged", "added",
                                "removed")


# --- read: file → blocks -------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word printed on a PDF page, with its box in points from the page's top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Block:
    """One piece of text as the reader found it, with where it was.

    kind: "line" (text or PDF line), "paragraph" (DOCX), "cell" (table cell), "area" (a
    table's area column cell, the heading of the measures beside it: parse/table/named.py).
    line: 1-based position in the document (text line, paragraph or PDF line number).
    words: a PDF line's words where they stand on the page (outside ruled tables), from which
    the table parser finds columns.
    """

    text: str
    page: int
    line: int
    kind: str = "line"
    style: str = ""
    list_label: str = ""
    list_level: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    x0: float | None = None
    words: tuple[Word, ...] = ()  # a PDF line's words with their positions (table columns)


@dataclass(frozen=True)
class Document:
    """A file turned into blocks."""

    path: str
    format: Format
    blocks: tuple[Block, ...]
    pages: int = 1
    warnings: tuple[str, ...] = ()


# --- parse: blocks → Programme -------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a measure stands in its document."""

    page: int
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Section:
    """An innsatsområde, tverrgående tema or chapter; parent is the enclosing section's id."""

    id: str
    title: str
    parent: str | None = None
    raw_title: str = ""


@dataclass(frozen=True)
class Measure:
    """A tiltak with its targets and partners.

    title and targets are display text (OCR repaired); raw_title keeps the text as read;
    unattested lists the words of an OCR layer the repair could neither attest nor mend.
    id_source is "document" when the number is printed, "assigned" when orvers made it.
    parent: the measure this one is listed under as a sub-item (a workshop's pilot idea under
    a proposal), else None; reports count such items apart from top-level measures.
    """

    id: str
    title: str
    section: str | None
    result_targets: tuple[str, ...] = ()
    effect_targets: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    source: Source = Source(1, 0, 0)
    id_source: Literal["document", "assigned"] = "document"
    raw_title: str = ""
    children: tuple[str, ...] = ()  # sub-items (pilot ideas, `-` bullets) kept as text
    # words of an OCR text layer that no dictionary attests even after repair, as printed
    unattested: tuple[str, ...] = ()
    parent: str | None = None

    @property
    def text(self) -> str:
        """Title, targets and partners as one string (for scoring)."""
        return " ".join((self.title, *self.result_targets, *self.effect_targets, *self.partners))


@dataclass(frozen=True)
class Check:
    """A structure warning found after parsing (see parse/checks.py): kind is numbering_gap,
    duplicate, missing_targets, heading_among_measures, side_by_side or leftover_text; the
    other fields say where."""

    kind: str
    ids: tuple[str, ...] = ()
    after: str | None = None
    before: str | None = None
    missing: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Programme:
    """One version of the action programme."""

    path: str
    format: Format
    layout: Layout
    title: str
    sections: tuple[Section, ...]
    measures: tuple[Measure, ...]
    pages: int = 1
    warnings: tuple[str, ...] = ()
    label: str = ""
    date: str = ""  # the version's date as the corpus manifest gives it ("2025-12"), if known
    checks: tuple[Check, ...] = ()  # structure warnings as data (numbering gaps …)

    def measure(self, measure_id: str) -> Measure:
        """The measure with this id (KeyError if absent; the first of equal ids)."""
        return self._measure_index[measure_id]

    def section(self, section_id: str | None) -> Section | None:
        """The section with this id, or None (the first of equal ids)."""
        return self._section_index.get(section_id)

    @cached_property
    def _measure_index(self) -> dict[str, Measure]:
        """Measures by id, built on the first lookup (cached_property writes the instance's
        __dict__ directly, which a frozen dataclass allows; not a field, so equality, repr
        and replace() ignore it)."""
        index: dict[str, Measure] = {}
        for m in self.measures:
            index.setdefault(m.id, m)
        return index

    @cached_property
    def _section_index(self) -> dict[str | None, Section]:
        index: dict[str | None, Section] = {}
        for s in self.sections:
            index.setdefault(s.id, s)
        return index


# --- match: two Programmes → links ---------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """What changed inside one linked pair of measures."""

    title: tuple[Op, ...] = ()
    result_targets_added: tuple[str, ...] = ()
    result_targets_removed: tuple[str, ...] = ()
    result_targets_reworded: tuple[tuple[str, str], ...] = ()
    effect_targets_added: tuple[str, ...] = ()
    effect_targets_removed: tuple[str, ...] = ()
    effect_targets_reworded: tuple[tuple[str, str], ...] = ()
    partners_added: tuple[str, ...] = ()
    partners_removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """One old measure linked to one new measure (either side None for added/removed)."""

    old: str | None
    new: str | None
    kind: str
    score: float | None = None
    renumbered: bool = False
    moved: bool = False
    signals: tuple[tuple[str, float], ...] = ()
    shared: tuple[str, ...] = ()  # phrases both sides share (explanation)
    changes: Changes = field(default_factory=Changes)
    overridden: bool = False  # set by a user's link/unlink override
    margin: float | None = None  # how far the decision was from going the other way
    confidence: float | None = None  # calibrated probability that the link is right

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields whose content differs (title beyond OCR noise, targets, partners)."""
        if self.old is None or self.new is None:
            return ()
        c = self.changes
        differs = {
            "title": self.kind != "unchanged" and any(op != "=" and text.strip()
                                                      for op, text in c.title),
            "result_targets": bool(c.result_targets_added or c.result_targets_removed
                                   or c.result_targets_reworded),
            "effect_targets": bool(c.effect_targets_added or c.effect_targets_removed
                                   or c.effect_targets_reworded),
            "partners": bool(c.partners_added or c.partners_removed),
        }
        return tuple(f for f in CHANGE_FIELDS if differs[f])

    @property
    def event(self) -> str:
        """The kind a report counts this link under: amended when only targets/partners changed."""
        return "amended" if self.kind == "unchanged" and self.changed else self.kind

    @property
    def event_id(self) -> tuple[str, str | None, str | None]:
        """Links with the same event_id are one event: a split's share the old measure, a
        merge's the new one."""
        return (self.kind, None if self.kind == "merged" else self.old,
                None if self.kind == "split" else self.new)


@dataclass(frozen=True)
class ReviewItem:
    """A doubtful link or status: what was decided, how sure, the best alternative and the
    command (`orvers link …`/`orvers unlink …`) that would settle it for the alternative."""

    what: str
    confidence: float
    alternative: str
    command: str


@dataclass(frozen=True)
class Comparison:
    """Two versions and the links between their measures."""

    old: Programme
    new: Programme
    links: tuple[Link, ...]
    section_map: tuple[tuple[str, str], ...] = ()  # (old section id, new section id)
    review: tuple[ReviewItem, ...] = ()  # doubtful links, most doubtful first

    def summary(self) -> dict[str, int]:
        """Count of links per kind, every kind present."""
        counts = dict.fromkeys(LINK_KINDS, 0)
        for link in self.links:
            counts[link.kind] += 1
        return counts

    def events(self) -> dict[str, int]:
        """Count per EVENT_KINDS: each split (one old measure) and merge (one new) counted once."""
        return count_events(self.links)


@dataclass(frozen=True)
class Override:
    """A user's correction of a match, kept in the corpus's overrides file.

    action "link" forces old_label:old_id ↔ new_label:new_id to be linked; "unlink" forbids it.
    """

    action: Literal["link", "unlink"]
    old_label: str
    old_id: str
    new_label: str
    new_id: str


def count_events(links: tuple[Link, ...] | list[Link]) -> dict[str, int]:
    """Count per EVENT_KINDS of LINKS: the links of one split or merge count once."""
    counts = dict.fromkeys(EVENT_KINDS, 0)
    seen: set[tuple] = set()
    for link in links:
        if link.event_id not in seen:
            seen.add(link.event_id)
            counts[link.event] += 1
    return counts
