"""Statuses of proposals through the versions, adoption per area, and the reverse view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Comparison, Override, Programme
from .confidence import with_confidence
from .lineage import Pairs, lineages, successions
from .model import Origin, ProposalTrace, Trace, TraceLink, TraceSettings
from .score import (
    Containment,
    containment,
    evidence,
    headline,
    measure_text,
    proposal_clauses,
    proposal_text,
    same_area,
    words,
)
from .subject import subject_links

DEFAULT = TraceSettings()


def stage_names(labels: Sequence[str]) -> list[str]:
    """Names used in dropped_at_<name>: two targets are the draft and the board, whatever their
    labels (CONTRACTS.md); one or more than two are named by their labels."""
    return ["draft", "board"] if len(labels) == 2 else list(labels)


@dataclass(frozen=True)
class _Scores:
    """Proposals × columns: share of the whole proposal, of its best clause and of its
    headline a column carries, distinct words shared and matched IDF mass; clauses × columns:
    the share of each clause a column carries (0 where the clause lacks its own evidence),
    with the proposal each clause belongs to."""

    score: np.ndarray
    clause: np.ndarray
    headline: np.ndarray
    shared: np.ndarray
    mass: np.ndarray
    parts: np.ndarray
    owner: np.ndarray

    def rank(self) -> np.ndarray:
        return np.maximum(self.score, self.clause)

    def columns(self, start: int) -> _Scores:
        """The same scores for the columns from start on."""
        return _Scores(self.score[:, start:], self.clause[:, start:], self.headline[:, start:],
                       self.shared[:, start:], self.mass[:, start:], self.parts[:, start:],
                       self.owner)


def _scores(source: Programme, props: list[str], columns: list[str], corpus: list[str],
            s: TraceSettings) -> tuple[_Scores, Containment]:
    """Scores of every proposal (props: their texts) against every column text, and the
    containment behind them."""
    parts = [proposal_clauses(p) for p in source.measures]
    heads = [headline(p) for p in source.measures]
    n = len(props)
    c = containment(props + heads + [x for cs in parts for x in cs], columns, corpus, s)
    owner = np.repeat(np.arange(n), np.array([len(x) for x in parts], dtype=np.int64))
    # A clause counts only with its own min_words shared words worth min_mass, and only when
    # the proposal has more than one (a single clause is the whole proposal, no part of it).
    enough = (c.shared[2 * n:] >= s.min_words) & (c.mass[2 * n:] >= s.min_mass)
    several = np.array([len(parts[i]) > 1 for i in owner], dtype=bool)
    clauses = np.where(enough & several[:, None], c.score[2 * n:], 0.0)
    clause = np.zeros((n, len(columns)))
    np.maximum.at(clause, owner, clauses)
    return _Scores(c.score[:n], clause, c.score[n:2 * n], c.shared[:n], c.mass[:n], clauses,
                   owner), c


def _top_two(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the best value and the runner-up (0 when there is none)."""
    top = np.sort(x, axis=1)
    runner = top[:, -2] if x.shape[1] > 1 else np.zeros(len(x))
    return top[:, -1], runner


def _chosen(lin: _Scores, area: np.ndarray, s: TraceSettings, size: np.ndarray,
            subject: np.ndarray) -> np.ndarray:
    """Proposals × lineages that take them up (size: each proposal's distinct content words;
    subject: the lineage alone shares the proposal's subject words, see subject.py).

    A lineage links when it is the clear choice for the whole proposal: it carries at least
    link_min of it and margin times the runner-up, or, in the proposal's own area (its
    workshop group's section), at least weak_min and weak_margin times the runner-up. A long
    proposal may feed several lineages: each clause links the lineage that carries at least
    clause_min of it and clause_margin times the clause's runner-up. Either way the lineage
    shares min_words distinct words (weak_words for a weak link) worth min_mass unique words,
    so generic words never link on their own; a proposal of only min_words words or fewer
    ("Regional arealanalyse av næringsarealer") cannot share them all with a measure that
    rewords one, so for a clear link it needs all its words but one (and weak_words). A
    lineage that alone shares words rare in Norwegian at large with the proposal (its subject:
    "helsenæringen") takes it up too, however small the share of a long proposal it carries.
    """
    score = lin.score
    chosen = np.zeros(score.shape, dtype=bool)
    if score.shape[1] == 0:
        return chosen
    best, runner = (v[:, None] for v in _top_two(score))
    top = score >= best
    clear = top & (score >= s.link_min) & (score >= s.margin * runner)
    weak = top & area & (score >= s.weak_min) & (score >= s.weak_margin * runner)
    need = np.minimum(s.min_words, np.maximum(s.weak_words, size - 1))[:, None]
    chosen |= (clear & (lin.shared >= need)) | (weak & (lin.shared >= s.weak_words)) | subject
    if len(lin.parts):
        c_best, c_runner = _top_two(lin.parts)
        ok = (c_best >= s.clause_min) & (c_best >= s.clause_margin * c_runner)
        rows = np.flatnonzero(ok)
        chosen[lin.owner[rows], lin.parts[rows].argmax(axis=1)] = True
    return chosen & (lin.mass >= s.min_mass)


def _areas(source: Programme, targets: Sequence[Programme], s: TraceSettings,
           groups: list[list[tuple[int, int]]]) -> np.ndarray:
    """Proposals × lineages: whether a measure of the lineage sits in a section that names
    the proposal's area (workshop groups follow the programme's areas)."""
    out = np.zeros((len(source.measures), len(groups)), dtype=bool)
    where = {x.id: k for k, x in enumerate(source.sections)}
    sections = [{x.id: x.title for x in t.sections} for t in targets]
    titles = [[sections[k].get(targets[k].measures[j].section or "", "") for k, j in g]
              for g in groups]
    names = sorted({t for ts in titles for t in ts if t})
    mine = [where.get(p.section or "") for p in source.measures]
    if not names or all(k is None for k in mine):
        return out
    col = {t: k for k, t in enumerate(names)}
    held = np.zeros((len(groups), len(names)))  # lineage × section titles of its measures
    for g, ts in enumerate(titles):
        held[g, [col[t] for t in ts if t]] = 1.0
    alike = same_area([x.title for x in source.sections], names, s).astype(float) @ held.T > 0
    rows = [i for i, k in enumerate(mine) if k is not None]
    out[rows] = alike[[mine[i] for i in rows]]
    return out


def _members(group: list[tuple[int, int]], k: int, own: np.ndarray, s: TraceSettings
             ) -> list[int]:
    """The measures of version k in a lineage that carry the proposal: the best, and those
    within rel_min of it (all of them when none shares a word, e.g. a renamed project)."""
    cols = [j for kk, j in group if kk == k]
    if not cols:
        return []
    best = max(own[j] for j in cols)
    return [j for j in cols if own[j] >= s.rel_min * best]


def _trace_links(source: Programme, targets: Sequence[Programme], s: TraceSettings,
                 overrides: Sequence[Override], pairs: list[Pairs]
                 ) -> tuple[list[list[list[TraceLink]]], list[tuple[str, ...]],
                            list[tuple[str, float] | None], list[float]]:
    """Per proposal and version, the measures that take it up (best first); per proposal its
    path (per version present | partial | absent: a measure carries at least adopt_min of the
    proposal or its headline, some link, none) and the measure of the last version that
    carries most of it without a link, one of its own area first, with that score (the
    alternative to review); per proposal the most of its substance any lineage carries
    (matched IDF mass, in unique words: how near it came to being taken up)."""
    groups = lineages(targets, pairs)
    offset = np.cumsum([0] + [len(t.measures) for t in targets])
    texts = [measure_text(m) for t in targets for m in t.measures]
    props = [proposal_text(p) for p in source.measures]
    lineage_texts = [" ".join(texts[offset[k] + j] for k, j in g) for g in groups]
    # IDF over every version's measures and the proposals
    sc, c = _scores(source, props, texts + lineage_texts, props + texts, s)
    area = _areas(source, targets, s, groups)
    size = np.array([len(set(words(t))) for t in props], dtype=np.int64)
    subject = subject_links(props, lineage_texts, s.subject_zipf, s.subject_letters)
    chosen = _chosen(sc.columns(len(texts)), area, s, size, subject)
    own_rank = sc.rank()
    # what a link's score says: the share of the proposal, or of its headline, carried
    carried = np.maximum(sc.score, sc.headline)
    lineage_of = {(k, j): g for g, group in enumerate(groups) for k, j in group}

    def carrier(i: int, k: int, j: int) -> tuple[int, int]:
        """The version and measure whose words carry proposal i to measure j of version k:
        the measure itself, else the form in its lineage that carries the proposal best."""
        if sc.shared[i, offset[k] + j] > 0:
            return k, j
        kk, jj = max(groups[lineage_of[k, j]], key=lambda x: own_rank[i, offset[x[0]] + x[1]])
        return (kk, jj) if sc.shared[i, offset[kk] + jj] > 0 else (k, j)

    out: list[list[list[TraceLink]]] = []
    paths: list[tuple[str, ...]] = []
    nearest: list[tuple[str, float] | None] = []
    last = carried[:, offset[-2]:offset[-1]]
    own_area = area[:, [lineage_of[len(targets) - 1, j] for j in range(last.shape[1])]]
    for i, p in enumerate(source.measures):
        rows: list[list[TraceLink]] = []
        path: list[str] = []
        for k, t in enumerate(targets):
            own = own_rank[i, offset[k]:offset[k + 1]]
            picked = {j for g in np.flatnonzero(chosen[i]) for j in _members(groups[g], k, own, s)}
            picked = sorted(picked, key=lambda j: -own[j])[:s.max_links]
            forced = {o.new_id for o in overrides if o.action == "link" and o.old_id == p.id
                      and o.old_label == source.label and o.new_label == t.label}
            forbidden = {o.new_id for o in overrides if o.action == "unlink" and o.old_id == p.id
                         and o.old_label == source.label and o.new_label == t.label}
            ids = [m.id for m in t.measures]
            picked += [ids.index(x) for x in forced if x in ids and ids.index(x) not in picked]
            row = []
            for j in picked:
                m = t.measures[j]
                if m.id in forbidden:
                    continue
                kk, jj = carrier(i, k, j)
                col = offset[kk] + jj
                via = None if (kk, jj) == (k, j) else (targets[kk].label,
                                                       targets[kk].measures[jj].id)
                row.append(TraceLink(t.label, m.id, round(float(carried[i, col]), 3),
                                     evidence(props[i], texts[col], c.vocab, c.best[col],
                                              c.cover[col]),
                                     overridden=m.id in forced, via=via))
            rows.append(row)
            top = max((x.score for x in row), default=None)
            path.append("absent" if top is None else
                        "present" if top >= s.adopt_min else "partial")
        out.append(rows)
        paths.append(tuple(path))
        taken = {x.id for x in rows[-1]}
        # the alternative: the measure of the proposal's own area that carries most of it,
        # else the one that carries most (the labels confirm 12 of the 59 suggestions in the
        # three labelled trace sets' queues, 9 by the share alone)
        key = -(last[i] + own_area[i])
        free = [j for j in np.argsort(key, kind="stable").tolist()
                if targets[-1].measures[j].id not in taken]
        nearest.append((targets[-1].measures[free[0]].id, round(float(last[i, free[0]]), 3))
                       if free else None)
    return out, paths, nearest, sc.mass[:, len(texts):].max(axis=1, initial=0.0).tolist()


def _status(path: tuple[str, ...], names: list[str]) -> str:
    """adopted or partial as the last version carries the proposal, else dropped at the
    version after the last that carried it (the first when none did)."""
    if path[-1] != "absent":
        return "adopted" if path[-1] == "present" else "partial"
    k = len(path)
    while k > 0 and path[k - 1] == "absent":
        k -= 1
    return f"dropped_at_{names[k]}"


def _origins(targets: Sequence[Programme], traced: list[ProposalTrace],
             pairs: list[Pairs]) -> tuple[Origin, ...]:
    last = targets[-1]
    earlier: dict[str, list[tuple[str, str]]] = {m.id: [] for m in last.measures}
    if pairs:
        for old, new in pairs[-1]:
            if new in earlier:
                earlier[new].append((targets[-2].label, old))
    origins = []
    for m in last.measures:
        props = tuple(p.id for p in traced
                      if any(x.version == last.label and x.id == m.id for x in p.links))
        origins.append(Origin(m.id, m.title, props, tuple(earlier[m.id]),
                              new=not props and not earlier[m.id]))
    return tuple(origins)


def trace(source: Programme, targets: Sequence[Programme], settings: TraceSettings = DEFAULT,
          overrides: Sequence[Override] = (),
          comparisons: Mapping[tuple[str, str], Comparison] | None = None) -> Trace:
    """Follow every proposal of source through the targets (in order): status and links.

    Measures are scored one by one and as lineages (a measure with its forms in the other
    versions, by `orvers compare`), so a proposal taken up by a measure is also taken up by
    that measure's earlier and later forms that still carry it. `comparisons` (by old and new
    label) are used instead of comparing those pairs of targets again."""
    if not targets:
        raise ValueError("trace needs at least one target version")
    labels = [t.label or f"v{k + 1}" for k, t in enumerate(targets)]
    names = stage_names(labels)
    pairs = successions(targets, overrides, comparisons)
    links, paths, nearest, carried = _trace_links(source, targets, settings, overrides, pairs)
    sections = {s.id: s.title for s in source.sections}
    traced = []
    for i, p in enumerate(source.measures):
        traced.append(ProposalTrace(
            p.id, p.title, sections.get(p.section or "", p.section or ""),
            _status(paths[i], names), tuple(x for row in links[i] for x in row), paths[i],
            parent=p.parent))
    assert len(traced) == len(source.measures), "every proposal must have a status"
    areas: dict[str, list[int]] = {}
    for p in traced:
        a = areas.setdefault(p.section, [0, 0, 0])
        a[0] += 1
        a[1] += p.status == "adopted"
        a[2] += p.status == "partial"
    origins = _origins(targets, traced, pairs)
    versions = ((source.path, source.label),) + tuple(
        (t.path, lab) for t, lab in zip(targets, labels, strict=True))
    result = Trace(versions, tuple(traced), origins,
                   tuple((k, *v) for k, v in areas.items()), ())
    return with_confidence(result, source.label or "source", nearest, carried)
