"""Frozen results of tracing proposals (workshop ideas) through later versions."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ReviewItem


@dataclass(frozen=True)
class TraceSettings:
    """Thresholds of the proposal → measure matcher (containment scores in 0..1).

    Proposals are matched against lineages (a measure and its forms in the other versions).
    link_min, margin: a lineage takes up a proposal when it covers at least link_min of the
      proposal's IDF-weighted content words and margin × the runner-up (the clear choice).
    weak_min, weak_margin, weak_words: in the proposal's own area (its workshop group's
      section) a lineage also takes it up with at least weak_min when it covers weak_margin ×
      the runner-up and shares weak_words words (a proposal whose details were left out, its
      core taken up by one measure alone).
    clause_min, clause_margin: a lineage also takes up a proposal when it covers this share of
      one of the proposal's sentences or clauses and clause_margin × that clause's runner-up
      (long proposals taken up in part; each part by the measure that carries it).
    rel_min: inside a lineage, the measures of a version that carry the proposal within rel_min
      of the best of them.
    adopt_min: a proposal counts as adopted when a measure of the last version covers this share
      of it or of its headline (first clause), else as partial; a link's score is that share,
      so the status follows from the scores shown.
    min_words: at least this many distinct content words must be shared; min_mass: their
      IDF mass must reach this many times a unique word's weight (generic words never link);
      max_links: links kept per proposal and version (best first).
    prefix_min: shortest common prefix (chars) that counts as the same stem; modifier_min:
      shortest word that, whole, opens a compound as its first part (nett ~ nettutfordringer);
      fuzzy_min: rapidfuzz ratio for OCR-damaged or inflected words; compound_min: shortest shared
      ending that links a compound to its head word (næringsareal ~ areal), credited half;
      family_min: words at least this alike count as one word for document frequency.
    subject_zipf, subject_letters: a lineage also takes up a proposal when it is the only one
      sharing words with it whose Zipf frequency in bokmål (wordfreq) is below subject_zipf on
      both sides, compared by their first subject_letters letters (the subject of a long
      proposal, "helsenæringen"; 2 is about once per ten million words; 0 turns it off).
    """

    link_min: float = 0.35
    margin: float = 1.5
    weak_min: float = 0.12
    weak_margin: float = 1.75
    weak_words: int = 2
    clause_min: float = 0.4
    clause_margin: float = 1.3
    rel_min: float = 0.8
    adopt_min: float = 0.5
    min_words: int = 3
    min_mass: float = 0.5
    max_links: int = 3
    prefix_min: int = 5
    modifier_min: int = 4
    fuzzy_min: float = 88.0
    compound_min: int = 5
    family_min: float = 0.85
    subject_zipf: float = 2.0
    subject_letters: int = 7


@dataclass(frozen=True)
class TraceLink:
    """A proposal taken up by one measure of one version, with the words they share; a
    measure that shares none (a project renamed, say) takes both from its form in another
    version that carried the proposal (`via`: that version's label and measure id)."""

    version: str
    id: str
    score: float
    evidence: str
    overridden: bool = False
    via: tuple[str, str] | None = None
    confidence: float | None = None  # calibrated probability that the link is right


@dataclass(frozen=True)
class ProposalTrace:
    """One proposal and what became of it; status adopted | partial | dropped_at_<stage>;
    parent: the proposal it is a sub-item of (a pilot idea listed under it), else None."""

    id: str
    text: str
    section: str
    status: str
    links: tuple[TraceLink, ...]
    path: tuple[str, ...] = ()  # per target version: present | partial | absent
    margin: float | None = None  # how far the status was from another one
    confidence: float | None = None  # calibrated probability that the status is right
    parent: str | None = None


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
    review: tuple[ReviewItem, ...] = ()  # doubtful statuses, most doubtful first

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
