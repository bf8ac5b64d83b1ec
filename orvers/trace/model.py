"""Frozen results of tracing proposals (workshop ideas) through later versions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TraceSettings:
    """Thresholds of the proposal → measure matcher (containment scores in 0..1).

    link_min: a measure takes up a proposal when it covers at least this share of the
      proposal's IDF-weighted content words; adopt_min: at or above this share in the last
      version the proposal counts as adopted, between link_min and adopt_min as partial.
    clause_min: a measure also takes up a proposal when it covers this share of one of the
      proposal's sentences or clauses (long proposals taken up in part).
    margin_min, margin: a measure that scores at least margin_min and margin × the runner-up
      is a clear choice and links even under link_min (proposals say much a measure leaves out).
    rel_min: links of one proposal within one version score at least this share of its best.
    min_words: at least this many distinct content words must be shared; min_mass: their
      IDF mass must reach this many times a unique word's weight (generic words never link);
      max_links: links kept per proposal and version (best first).
    prefix_min: shortest common prefix (chars) that counts as the same stem; fuzzy_min:
      rapidfuzz ratio for OCR-damaged or inflected words; compound_min: shortest shared
      ending that links a compound to its head word (næringsareal ~ areal), credited half.
    """

    link_min: float = 0.35
    clause_min: float = 0.4
    rel_min: float = 0.8
    margin_min: float = 0.2
    margin: float = 2.0
    adopt_min: float = 0.50
    min_words: int = 3
    min_mass: float = 1.0
    max_links: int = 3
    prefix_min: int = 5
    fuzzy_min: float = 88.0
    compound_min: int = 5


@dataclass(frozen=True)
class TraceLink:
    """A proposal taken up by one measure of one version, with the words they share."""

    version: str
    id: str
    score: float
    evidence: str
    overridden: bool = False


@dataclass(frozen=True)
class ProposalTrace:
    """One proposal and what became of it; status adopted | partial | dropped_at_<stage>."""

    id: str
    text: str
    section: str
    status: str
    links: tuple[TraceLink, ...]


@dataclass(frozen=True)
class Origin:
    """Where a measure of the last version came from: proposals and earlier measures."""

    id: str
    title: str
    proposals: tuple[str, ...]
    earlier: tuple[tuple[str, str], ...]  # (version label, measure id)
    new: bool


@dataclass(frozen=True)
class Trace:
    """Proposals of the source traced through the targets, and the reverse view."""

    versions: tuple[tuple[str, str], ...]  # (path, label)
    proposals: tuple[ProposalTrace, ...]
    origins: tuple[Origin, ...]
    areas: tuple[tuple[str, int, int, int], ...]  # (section, proposals, adopted, partial)
    notes: tuple[str, ...] = ()

    def summary(self) -> dict[str, int]:
        """Count of proposals per status, in a stable order."""
        counts: dict[str, int] = {"adopted": 0, "partial": 0}
        for label in (v[1] for v in self.versions[1:]):
            counts.setdefault(_dropped(label, self), 0)
        for p in self.proposals:
            counts[p.status] = counts.get(p.status, 0) + 1
        return counts


def _dropped(label: str, trace: Trace) -> str:
    labels = [v[1] for v in trace.versions[1:]]
    from .core import stage_names

    return "dropped_at_" + stage_names(labels)[labels.index(label)]
