"""Link-level precision, recall and F1 of predicted links against a gold CSV (CONTRACTS.md)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Comparison
from .text import fold
from .trace.model import ProposalTrace, Trace

Pair = tuple[str | None, str | None]


@dataclass(frozen=True)
class GoldRow:
    """One gold link: ids (None for added/removed), relation and confidence."""

    old: str | None
    new: str | None
    relation: str
    confidence: str


@dataclass(frozen=True)
class Score:
    """The outcome of an evaluation."""

    precision: float
    recall: float
    f1: float
    true_positives: tuple[Pair, ...]
    false_positives: tuple[Pair, ...]
    false_negatives: tuple[Pair, ...]
    ignored: tuple[Pair, ...]


def _id(text: str | None) -> str | None:
    text = (text or "").strip().rstrip(".")
    return text or None


def _csv_rows(path: str | Path, what: str, required: set[str], columns: str) -> list[dict]:
    """The rows of the CSV at PATH, which must have the REQUIRED columns (InputError if not)."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: cannot read {what} ({exc})") from exc
    if not rows or not required <= set(rows[0]):
        raise InputError(f"{p}: not a {what} (expected columns {columns})")
    return rows


def read_gold(path: str | Path) -> list[GoldRow]:
    """Rows of a gold CSV with columns old_id, new_id, relation, confidence."""
    rows = _csv_rows(path, "gold CSV", {"old_id", "new_id"}, "old_id,new_id,relation,confidence")
    return [GoldRow(_id(r["old_id"]), _id(r["new_id"]), (r.get("relation") or "").strip(),
                    (r.get("confidence") or "high").strip().lower()) for r in rows]


def comparison_pairs(c: Comparison) -> list[Pair]:
    """The (old, new) pairs of a comparison's links (None for an added/removed side)."""
    return [(lk.old, lk.new) for lk in c.links]


def json_pairs(path: str | Path) -> list[Pair]:
    """The (old, new) pairs of `orvers compare --format json` output."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return [(_id(lk.get("old")), _id(lk.get("new"))) for lk in data["links"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{p}: not a compare JSON file ({exc})") from exc


def evaluate(predicted: list[Pair], gold: list[GoldRow]) -> Score:
    """Score predicted pairs; low-confidence gold rows count neither way.

    A prediction is ignored when it equals a low row, or when one of its ids appears in the
    gold only in low rows (such a measure's fate is ambiguous).
    """
    high = {(g.old, g.new) for g in gold if g.confidence != "low"}
    low = {(g.old, g.new) for g in gold if g.confidence == "low"}
    high_old = {o for o, _ in high if o}
    high_new = {n for _, n in high if n}
    low_old = {o for o, _ in low if o} - high_old
    low_new = {n for _, n in low if n} - high_new
    pred = list(dict.fromkeys(predicted))
    tp, fp, ignored = [], [], []
    for pair in pred:
        o, n = pair
        if pair in high:
            tp.append(pair)
        elif pair in low or (o in low_old) or (n in low_new):
            ignored.append(pair)
        else:
            fp.append(pair)
    predicted_set = set(pred)
    fn = [pair for pair in sorted(high, key=_order) if pair not in predicted_set]
    precision = len(tp) / (len(tp) + len(fp)) if tp or fp else 1.0
    recall = len(tp) / len(high) if high else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tuple(tp), tuple(fp), tuple(fn), tuple(ignored))


def _order(pair: Pair) -> tuple[str, str]:
    return (pair[0] or "~", pair[1] or "~")


def report(score: Score, titles_old: dict[str, str] | None = None,
           titles_new: dict[str, str] | None = None) -> str:
    """Misses (false positives, false negatives) with titles, then the scores on the last line."""
    to, tn = titles_old or {}, titles_new or {}

    def side(mid: str | None, titles: dict[str, str]) -> str:
        if not mid:
            return "—"
        return f"{mid} «{titles[mid][:60]}»" if titles.get(mid) else mid  # --links: ids only

    def show(pair: Pair) -> str:
        return f"{side(pair[0], to)} → {side(pair[1], tn)}"

    lines = [f"false positive: {show(p)}" for p in score.false_positives]
    lines += [f"false negative: {show(p)}" for p in score.false_negatives]
    lines.append(f"{len(score.true_positives)} correct, {len(score.false_positives)} false "
                 f"positives, {len(score.false_negatives)} false negatives, "
                 f"{len(score.ignored)} ignored (low-confidence gold)")
    lines.append(f"precision={score.precision:.3f} recall={score.recall:.3f} f1={score.f1:.3f}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class TraceRow:
    """One labelled proposal: the start of its text, the measures that take it up per labelled
    version (draft, board) and its status; `statuses` per target set (see trace_gold)."""

    prefix: str
    links: dict[str, tuple[str, ...]]
    status: str
    draft_status: str
    confidence: str


@dataclass(frozen=True)
class TraceScore:
    """Link precision/recall/F1 and status accuracy of a trace on labelled proposals."""

    precision: float
    recall: float
    f1: float
    status_accuracy: float
    proposals: int
    misses: tuple[str, ...]  # "W5 status partial, labelled adopted", "W5 → styret:1.4 missed"


def read_trace_labels(path: str | Path) -> list[TraceRow]:
    """Rows of a trace label CSV: prefix, draft, board (ids joined by ';'), status,
    draft_status, confidence."""
    rows = _csv_rows(path, "trace label CSV", {"prefix", "draft", "board", "status"},
                     "prefix,draft,board,status,draft_status,confidence")
    return [TraceRow(r["prefix"], {col: tuple(x for x in r[col].split(";") if x)
                                   for col in ("draft", "board")},
                     r["status"], r.get("draft_status") or "",
                     (r.get("confidence") or "high").strip().lower()) for r in rows]


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def trace_gold(row: TraceRow, columns: tuple[str, ...]) -> str:
    """The labelled status for a trace through the labelled versions `columns` (("draft",
    "board"), ("draft",) or ("board",)): with both, the status as labelled; with one, adopted
    or partial as labelled for that version, else "dropped"."""
    if columns == ("draft", "board"):
        return row.status
    col = columns[0]
    if not row.links[col]:
        return "dropped"
    return row.draft_status if col == "draft" else row.status


def labelled(result: Trace, rows: list[TraceRow]) -> list[tuple[TraceRow, ProposalTrace]]:
    """Each labelled row with the one proposal whose text starts with its prefix."""
    by_key = {_key(p.text): p for p in result.proposals}
    out = []
    for row in rows:
        hits = [p for k, p in by_key.items() if k.startswith(_key(row.prefix))]
        if len(hits) != 1:
            raise InputError(f"trace label {row.prefix!r}: {len(hits)} proposals start so")
        out.append((row, hits[0]))
    return out


def evaluate_trace(result: Trace, rows: list[TraceRow], columns: dict[str, str],
                   every: bool = False) -> TraceScore:
    """Score a trace against labelled proposals. columns: target version label → label column
    ("utkast" → "draft"). Low rows are left out unless every. With one target every dropped
    status counts as "dropped"."""
    cols = tuple(c for c in ("draft", "board") if c in columns.values())
    gold: set[tuple[str, str, str]] = set()
    pred: set[tuple[str, str, str]] = set()
    right = total = 0
    misses: list[str] = []
    for row, p in labelled(result, rows):
        if row.confidence == "low" and not every:
            continue
        for version, col in columns.items():
            gold |= {(p.id, version, i) for i in row.links[col]}
        pred |= {(p.id, x.version, x.id) for x in p.links if x.version in columns}
        want = trace_gold(row, cols)
        got = "dropped" if len(cols) == 1 and p.status.startswith("dropped") else p.status
        right += got == want
        total += 1
        if got != want:
            misses.append(f"{p.id} status {got}, labelled {want}")
    misses += [f"{a} → {v}:{i} missed" for a, v, i in sorted(gold - pred)]
    misses += [f"{a} → {v}:{i} wrong" for a, v, i in sorted(pred - gold)]
    hit = len(gold & pred)
    precision = hit / len(pred) if pred else 1.0
    recall = hit / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TraceScore(precision, recall, f1, right / max(total, 1), total, tuple(misses))
