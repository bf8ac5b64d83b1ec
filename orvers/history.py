"""One measure's life through every version: numbers, kinds of change, word diffs per step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diff import word_diff
from .errors import InputError
from .model import Comparison, Link, Op, Programme

if TYPE_CHECKING:
    from .trace import Trace


@dataclass(frozen=True)
class Step:
    """One link of the measure between two consecutive versions."""

    old_label: str
    new_label: str
    old_id: str | None
    new_id: str | None
    kind: str
    title: tuple[Op, ...] = ()
    overridden: bool = False
    changed: tuple[str, ...] = ()  # Link.changed: the fields whose content differs


class Chain:
    """Consecutive comparisons with their links indexed by old and by new id, built once so
    that following many measures costs only the links each one passes through."""

    def __init__(self, comparisons: tuple[Comparison, ...] | list[Comparison]) -> None:
        self.comparisons = list(comparisons)
        self.labels = ([c.old.label for c in self.comparisons] + [self.comparisons[-1].new.label]
                       if self.comparisons else [])
        # id → [(position of the link in its comparison, link)]
        self.by_old: list[dict[str, list[tuple[int, Link]]]] = []
        self.by_new: list[dict[str, list[tuple[int, Link]]]] = []
        for c in self.comparisons:
            by_old: dict[str, list[tuple[int, Link]]] = {}
            by_new: dict[str, list[tuple[int, Link]]] = {}
            for k, lk in enumerate(c.links):
                if lk.old:
                    by_old.setdefault(lk.old, []).append((k, lk))
                if lk.new:
                    by_new.setdefault(lk.new, []).append((k, lk))
            self.by_old.append(by_old)
            self.by_new.append(by_new)

    def walk(self, measure_id: str, at: str) -> list[tuple[Comparison, Link]]:
        """The links of MEASURE_ID (numbered as in version AT), in version order: back through
        older versions and on through newer ones, along every branch of a split or merge."""
        if at not in self.labels:
            raise InputError(f"no version {at!r} among {', '.join(self.labels) or 'the versions'}")
        start = self.labels.index(at)
        cs = self.comparisons
        programme = cs[start].old if start < len(cs) else cs[-1].new
        try:
            programme.measure(measure_id)
        except KeyError:
            raise InputError(f"no measure {measure_id!r} in version {at!r}") from None
        steps: list[tuple[Comparison, Link]] = []
        ids = [measure_id]
        for k in range(start - 1, -1, -1):  # backwards
            found = _links(ids, self.by_new[k])
            steps[:0] = [(cs[k], lk) for lk in found]
            ids = list(dict.fromkeys(lk.old for lk in found if lk.old))
        ids = [measure_id]
        for k in range(start, len(cs)):  # forwards
            found = _links(ids, self.by_old[k])
            steps += [(cs[k], lk) for lk in found]
            ids = list(dict.fromkeys(lk.new for lk in found if lk.new))
        return steps


def _links(ids: list[str], index: dict[str, list[tuple[int, Link]]]) -> list[Link]:
    """The links of any of IDS, in their comparison's order."""
    found = [x for i in ids for x in index.get(i, ())]
    if len(ids) > 1:
        found.sort(key=lambda x: x[0])
    return [lk for _, lk in found]


def history(comparisons: tuple[Comparison, ...] | list[Comparison], measure_id: str,
            at: str, chain: Chain | None = None) -> tuple[Step, ...]:
    """Steps of MEASURE_ID (as numbered in version AT) through consecutive COMPARISONS.

    Links are followed both ways from AT: back through older versions and on through newer
    ones, along every branch of a split or merge. Steps come in version order. CHAIN: the
    comparisons indexed once, when many measures are followed.
    """
    walked = (chain or Chain(comparisons)).walk(measure_id, at)
    return tuple(_step(c, lk) for c, lk in walked)


def _step(comparison: Comparison, link: Link) -> Step:
    old = comparison.old.measure(link.old) if link.old else None
    new = comparison.new.measure(link.new) if link.new else None
    marked = (*(old.unattested if old else ()), *(new.unattested if new else ()))
    return Step(comparison.old.label, comparison.new.label, link.old, link.new, link.kind,
                word_diff(old.title if old else "", new.title if new else "", ocr_noise=True,
                          unattested=marked), link.overridden,
                link.changed)


def lineages(chain: Chain) -> dict[tuple[str, str], dict[str, tuple[str, ...]]]:
    """Every measure's numbers per version label (see lineage), keyed by (label, id): the
    first comparison's old measures and every comparison's new ones."""
    out = {}
    for i, c in enumerate(chain.comparisons):
        for p in ((c.old,) if i == 0 else ()) + (c.new,):
            for m in p.measures:
                steps = tuple(Step(c2.old.label, c2.new.label, lk.old, lk.new, lk.kind)
                              for c2, lk in chain.walk(m.id, p.label))
                out[(p.label, m.id)] = lineage(steps)
    return out


def lineage(steps: tuple[Step, ...]) -> dict[str, tuple[str, ...]]:
    """The measure's numbers per version label, in version order."""
    out: dict[str, list[str]] = {}
    for step in steps:
        for label, measure_id in ((step.old_label, step.old_id), (step.new_label, step.new_id)):
            ids = out.setdefault(label, [])
            if measure_id and measure_id not in ids:
                ids.append(measure_id)
    return {label: tuple(ids) for label, ids in out.items()}


def to_text(steps: tuple[Step, ...],
            name: Callable[[str, tuple[str, ...]], str] = lambda kind, changed: kind,
            override: str = "override") -> str:
    """The history as plain lines: OLD_LABEL:ID → NEW_LABEL:ID kind (NAME of its kind and
    changed fields), then the title's word diff."""
    lines = []
    for s in steps:
        mark = f" ({override})" if s.overridden else ""
        lines.append(f"{s.old_label}:{s.old_id or '–'} → {s.new_label}:{s.new_id or '–'}  "
                     f"{name(s.kind, s.changed)}{mark}")
        if s.kind not in ("unchanged",) and s.title:
            diff = "".join(t if op == "=" else f"[{op}{t}]" for op, t in s.title)
            lines.append(f"    {diff}")
    return "\n".join(lines) + "\n"


def where(programmes: dict[str, Programme], measure_id: str) -> list[str]:
    """The labels of the versions (in PROGRAMMES' order) that have a measure MEASURE_ID."""
    return [label for label, p in programmes.items() if _has(p, measure_id)]


def _has(programme: Programme, measure_id: str) -> bool:
    try:
        programme.measure(measure_id)  # the programme's id index, built once
    except KeyError:
        return False
    return True


def resolve_at(programmes: dict[str, Programme], measure_id: str, at: str | None,
               default: str) -> str:
    """The version MEASURE_ID is numbered in: AT if given (and it has the id), else DEFAULT,
    else the one version that has it. InputError names the versions that have the id."""
    if at is not None and at not in programmes:
        raise InputError(f"no version {at!r} among {', '.join(programmes)}")
    holders = where(programmes, measure_id)
    wanted = at or default
    if wanted in holders:
        return wanted
    if at is None and len(holders) == 1:
        return holders[0]
    if not holders:
        raise InputError(f"no measure {measure_id!r} in any version "
                         f"({', '.join(programmes)})")
    hint = " or ".join(f"--at {label}" for label in holders)
    raise InputError(f"no measure {measure_id!r} in version {wanted!r}; it is in "
                     f"{', '.join(holders)} (use {hint})")


def proposal_text(tr: Trace, proposal_id: str, status: Callable[[str], str] = str) -> str:
    """A workshop proposal's fate as plain lines: its text, its status (named by STATUS) and
    the measures it became, with the words they share (and the form they share them through)."""
    p = next(x for x in tr.proposals if x.id == proposal_id)
    source = tr.versions[0][1]
    lines = [f"{source}:{p.id}  {status(p.status)}", f"    {p.text}"]
    for x in p.links:
        via = f" (via {x.via[0]}:{x.via[1]})" if x.via else ""
        lines.append(f"  → {x.version}:{x.id}  {x.score:.2f}{via}  «{x.evidence}»")
    return "\n".join(lines) + "\n"
