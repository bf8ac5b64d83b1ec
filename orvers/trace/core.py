"""Statuses of proposals through the versions, adoption per area, and the reverse view."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Override, Programme
from .model import Origin, ProposalTrace, Trace, TraceLink, TraceSettings
from .score import containment, evidence, measure_text, proposal_clauses, proposal_text

DEFAULT = TraceSettings()
_STAGES = {"utkast": "draft", "draft": "draft", "styret": "board", "board": "board"}


def stage_names(labels: Sequence[str]) -> list[str]:
    """Names used in dropped_at_<name>: draft/board for utkast/styret, else the label."""
    if len(labels) == 2 and [_STAGES.get(x) for x in labels] == ["draft", "board"]:
        return ["draft", "board"]
    return list(labels)


def _links(source: Programme, target: Programme, corpus: list[str], s: TraceSettings,
           overrides: Sequence[Override]) -> list[list[TraceLink]]:
    """Per proposal, the measures of target that take it up (best first)."""
    props = [proposal_text(p) for p in source.measures]
    meas = [measure_text(m) for m in target.measures]
    parts = [proposal_clauses(p) for p in source.measures]
    owner = np.repeat(np.arange(len(props)), [len(c) for c in parts])
    units = props + [c for cs in parts for c in cs]
    all_scores, shared, mass, vocab, best, cover = containment(units, meas, corpus, s)
    score = all_scores[:len(props)]
    # A measure that takes up one clause of a long proposal (best clause) links it too.
    clause = np.zeros_like(score)
    np.maximum.at(clause, owner, all_scores[len(props):])
    forced = {(o.old_id, o.new_id) for o in overrides if o.action == "link"
              and o.old_label == source.label and o.new_label == target.label}
    forbidden = {(o.old_id, o.new_id) for o in overrides if o.action == "unlink"
                 and o.old_label == source.label and o.new_label == target.label}
    out: list[list[TraceLink]] = []
    for i, p in enumerate(source.measures):
        row: list[TraceLink] = []
        rank = np.maximum(score[i], clause[i])
        top2 = np.sort(score[i])[-2:] if len(rank) > 1 else np.array([0.0, score[i].max()])
        clear = top2[1] >= s.margin_min and top2[1] >= s.margin * top2[0]
        for j in np.argsort(-rank, kind="stable"):
            m = target.measures[j]
            pair = (p.id, m.id)
            ok = ((score[i, j] >= s.link_min or clause[i, j] >= s.clause_min
                   or (clear and score[i, j] == top2[1]))
                  and shared[i, j] >= s.min_words and mass[i, j] >= s.min_mass
                  and rank[j] >= s.rel_min * rank.max())
            if pair in forbidden or not (ok and len(row) < s.max_links or pair in forced):
                continue
            row.append(TraceLink(target.label, m.id, round(float(score[i, j]), 3),
                                 evidence(props[i], meas[j], vocab, best[j], cover[j]),
                                 overridden=pair in forced))
        out.append(row)
    return out


def _status(per_version: list[list[TraceLink]], names: list[str], s: TraceSettings) -> str:
    last = per_version[-1]
    if last:
        return "adopted" if max(x.score for x in last) >= s.adopt_min else "partial"
    k = len(per_version)
    while k > 0 and not per_version[k - 1]:
        k -= 1
    return f"dropped_at_{names[k]}"


def _origins(source: Programme, targets: Sequence[Programme],
             traced: list[ProposalTrace]) -> tuple[tuple[Origin, ...], tuple[str, ...]]:
    last = targets[-1]
    earlier: dict[str, list[tuple[str, str]]] = {m.id: [] for m in last.measures}
    notes: list[str] = []
    if len(targets) > 1:
        try:
            from ..match import compare
        except ImportError:
            notes.append("orvers.match not available: earlier measure numbers left out")
        else:
            prev = targets[-2]
            for link in compare(prev, last).links:
                if link.old and link.new:
                    earlier[link.new].append((prev.label, link.old))
    origins = []
    for m in last.measures:
        props = tuple(p.id for p in traced
                      if any(x.version == last.label and x.id == m.id for x in p.links))
        origins.append(Origin(m.id, m.title, props, tuple(earlier[m.id]),
                              new=not props and not earlier[m.id]))
    return tuple(origins), tuple(notes)


def trace(source: Programme, targets: Sequence[Programme], settings: TraceSettings = DEFAULT,
          overrides: Sequence[Override] = ()) -> Trace:
    """Follow every proposal of source through the targets (in order): status and links."""
    if not targets:
        raise ValueError("trace needs at least one target version")
    labels = [t.label or f"v{k + 1}" for k, t in enumerate(targets)]
    names = stage_names(labels)
    corpus = [proposal_text(p) for p in source.measures]
    corpus += [measure_text(m) for t in targets for m in t.measures]
    per = [_links(source, t, corpus, settings, overrides) for t in targets]
    sections = {s.id: s.title for s in source.sections}
    traced = []
    for i, p in enumerate(source.measures):
        per_version = [per[k][i] for k in range(len(targets))]
        traced.append(ProposalTrace(
            p.id, p.title, sections.get(p.section or "", p.section or ""),
            _status(per_version, names, settings),
            tuple(x for row in per_version for x in row)))
    assert len(traced) == len(source.measures), "every proposal must have a status"
    areas: dict[str, list[int]] = {}
    for p in traced:
        a = areas.setdefault(p.section, [0, 0, 0])
        a[0] += 1
        a[1] += p.status == "adopted"
        a[2] += p.status == "partial"
    origins, notes = _origins(source, targets, traced)
    versions = ((source.path, source.label),) + tuple(
        (t.path, lab) for t, lab in zip(targets, labels, strict=True))
    return Trace(versions, tuple(traced), origins,
                 tuple((k, *v) for k, v in areas.items()), notes)
