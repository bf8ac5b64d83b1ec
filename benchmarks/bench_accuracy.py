"""Accuracy on the hand-labelled sets: per pair and per trace set, each signal switched off in
turn (ablation), and scores on data the settings were not chosen on.

Compare pairs (tests/data): utkast → styret (the dev gold), hp2025 → utkast, hp2025 → styret.
Trace sets (tests/data/trace_labels.csv): workshop → utkast → styret, workshop → utkast,
workshop → styret. Prints
- per pair link P/R/F1 with all signals and with each one off;
- leave-one-pair-out: threshold × w_idf × second chosen on the other pairs, scored on the
  held-out one;
- per trace set link P/R/F1 and status accuracy (high rows, and all rows), each trace signal off;
- trace 3-fold over proposals: link_min × adopt_min chosen on two folds, scored on the third;
  the same for subject_zipf (0: without subject words), beside the trace without them;
- the review queues: length, the wrong decisions (high rows) among them, and how many of the
  suggested commands the labels confirm;
- the misses: each labelled link (high rows) the matcher or the trace did not make, with the
  rank its labelled partner has among the candidates (rank 1 both ways: a threshold or the
  assignment kept it out; far down: the words do not show it, paraphrase or a measure folded
  into a broader one), and a count per kind;
- with --calibrate: held-out Brier scores of the calibrated confidences, then writes
  orvers/data/calibration.json (the isotonic maps fitted on all labelled data).
Run: nice -n 10 .venv/bin/python benchmarks/bench_accuracy.py [--no-lopo | --calibrate | --misses]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from orvers.api import load  # noqa: E402
from orvers.calibration import DATA as DATA_OUT  # noqa: E402
from orvers.calibration import confidence, fit  # noqa: E402
from orvers.corpus import versions  # noqa: E402
from orvers.evaluate import (  # noqa: E402
    comparison_pairs,
    evaluate,
    evaluate_trace,
    read_gold,
    read_trace_labels,
)
from orvers.match import MatchSettings, compare  # noqa: E402
from orvers.match.assign import assign  # noqa: E402
from orvers.match.pairs import content, content_pairs, priors, score  # noqa: E402
from orvers.match.sections import match_sections, section_trust  # noqa: E402
from orvers.match.signals import normalise, wording  # noqa: E402
from orvers.model import Comparison  # noqa: E402
from orvers.trace import trace  # noqa: E402
from orvers.trace.model import TraceSettings  # noqa: E402
from orvers.trace.score import containment, measure_text, proposal_text  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpus"
PAIRS = (("utkast", "styret", DATA / "draft2026_to_board2026.csv"),
         ("hp2025", "utkast", DATA / "hp2025_to_utkast_labels.csv"),
         ("hp2025", "styret", DATA / "hp2025_to_styret_labels.csv"))
COLUMNS = {"utkast": "draft", "styret": "board"}
TRACE_SETS = (("utkast", "styret"), ("utkast",), ("styret",))
# each signal off: the settings that remove it
MATCH_ABLATIONS = {
    "title token_sort": {"w_title": 0.0},
    "title token_set": {"w_set": 0.0},
    "char n-grams": {"w_ngram": 0.0},
    "targets+partners": {"w_fields": 0.0},
    "rare words (idf)": {"w_idf": 0.0},
    "rare title words": {"w_title_idf": 0.0},
    "section priors": {"w_section": 0.0, "w_position": 0.0},
    "joint consolidation": {"second": 0.0},
}
NEVER = 9.0  # a containment share no link reaches
TRACE_ABLATIONS = {
    "clauses": {"clause_min": NEVER},
    "own-area weak links": {"weak_min": NEVER},
    "subject words": {"subject_zipf": 0.0},
}


def _load() -> dict:
    return {v.label: load(v.path, label=v.label,
                          layout="bullet-notes" if v.stage == "workshop" else None)
            for v in versions(CORPUS) if v.label in ("hp2025", "utkast", "styret", "workshop")}


def compare_scores(versions: dict, settings: MatchSettings) -> list:
    """Link scores of every labelled pair under settings."""
    return [evaluate(comparison_pairs(compare(versions[a], versions[b], settings)),
                     read_gold(gold)) for a, b, gold in PAIRS]


def _row(name: str, scores: list) -> str:
    return f"{name:22} " + " | ".join(f"{s.precision:.2f} {s.recall:.2f} {s.f1:.2f}"
                                      for s in scores)


def lopo(versions: dict) -> None:
    """Leave one pair out: the grid setting best on the other pairs (mean F1; ties: nearest
    the defaults), scored on the held-out pair."""
    base = MatchSettings()
    grid = [dataclasses.replace(base, threshold=t, w_idf=w, second=c)
            for t, w, c in itertools.product((0.40, 0.42, 0.44, 0.45, 0.46, 0.48, 0.50),
                                             (0.3, 0.5, 0.7), (0.0, 0.5, 0.9))]
    table = [compare_scores(versions, s) for s in grid]
    print("\nleave-one-pair-out (threshold × w_idf × second chosen on the other pairs)")
    print(f"{'held out':22} {'chosen':29} P    R    F1   (defaults F1)")
    default = compare_scores(versions, base)
    for k, (a, b, _) in enumerate(PAIRS):
        def fit(g: int, k: int = k) -> tuple[float, float]:
            s = grid[g]
            mean = sum(table[g][x].f1 for x in range(len(PAIRS)) if x != k) / (len(PAIRS) - 1)
            return mean, -abs(s.threshold - base.threshold) - abs(s.w_idf - base.w_idf) \
                - abs(s.second - base.second)
        g = max(range(len(grid)), key=fit)
        held = table[g][k]
        print(f"{a + ' → ' + b:22} t={grid[g].threshold:.2f} idf={grid[g].w_idf:.1f} "
              f"second={grid[g].second:.1f}  "
              f"{held.precision:.2f} {held.recall:.2f} {held.f1:.2f} ({default[k].f1:.2f})")


def trace_scores(versions: dict, settings: TraceSettings, lineage: bool = True,
                 every: bool = False, rows=None) -> list:
    """Trace scores of every trace set (high rows; every: all rows)."""
    rows = rows if rows is not None else read_trace_labels(DATA / "trace_labels.csv")
    out = []
    for labels in TRACE_SETS:
        targets = [versions[x] for x in labels]
        comparisons = None if lineage else {
            (a.label, b.label): Comparison(a, b, ())
            for a, b in zip(targets, targets[1:], strict=False)}
        result = trace(versions["workshop"], targets, settings, comparisons=comparisons)
        out.append(evaluate_trace(result, rows, {x: COLUMNS[x] for x in labels}, every))
    return out


def _trace_row(name: str, high: list, every: list) -> str:
    cells = [f"{s.precision:.2f} {s.recall:.2f} {s.f1:.2f} {s.status_accuracy:.2f}"
             for s in high + every]
    return f"{name:22} " + " | ".join(cells)


def _folds(versions: dict, grid: list[TraceSettings]):
    """For each of 3 folds over the labelled proposals: (its number, its rows, the settings of
    GRID best on the other two by link F1 plus status accuracy over the trace sets, all rows)."""
    rows = read_trace_labels(DATA / "trace_labels.csv")
    folds = [rows[k::3] for k in range(3)]
    for k in range(3):
        train = [r for f in range(3) if f != k for r in folds[f]]

        def fit(s: TraceSettings, data: list = train) -> float:
            got = trace_scores(versions, s, every=True, rows=data)
            return sum(x.f1 + x.status_accuracy for x in got)

        yield k + 1, folds[k], max(grid, key=fit)


def trace_folds(versions: dict) -> None:
    """3-fold over labelled proposals: link_min × adopt_min best on two folds (mean of link F1
    and status accuracy over the trace sets, all rows), scored on the third."""
    base = TraceSettings()
    grid = [dataclasses.replace(base, link_min=a, adopt_min=b)
            for a, b in itertools.product((0.25, 0.3, 0.35, 0.4), (0.4, 0.45, 0.5, 0.55))]
    print("\ntrace 3-fold over proposals (link_min × adopt_min chosen on two folds; all rows)")
    print(f"{'held-out fold':22} {'chosen':22} " + " | ".join(
        f"{' → '.join(('workshop',) + x):30}" for x in TRACE_SETS))
    for k, fold, best in _folds(versions, grid):
        held = trace_scores(versions, best, every=True, rows=fold)
        print(f"fold {k} ({len(fold)} rows)       link {best.link_min:.2f} "
              f"adopt {best.adopt_min:.2f}  " + " | ".join(
                  f"P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} acc "
                  f"{s.status_accuracy:.2f}" for s in held))


def subject_folds(versions: dict) -> None:
    """3-fold over labelled proposals: subject_zipf best on two folds (as trace_folds), scored
    on the third, beside the same fold without subject words."""
    base = TraceSettings()
    grid = [dataclasses.replace(base, subject_zipf=z) for z in (0.0, 1.5, 2.0, 2.5, 3.0)]
    print("\ntrace 3-fold over proposals: subject_zipf chosen on two folds (all rows; "
          "in brackets: without subject words)")
    for k, fold, best in _folds(versions, grid):
        held = trace_scores(versions, best, every=True, rows=fold)
        off = trace_scores(versions, grid[0], every=True, rows=fold)
        print(f"fold {k} ({len(fold)} rows) zipf {best.subject_zipf:.1f}  " + " | ".join(
            f"P {s.precision:.2f} ({o.precision:.2f}) R {s.recall:.2f} ({o.recall:.2f}) "
            f"F1 {s.f1:.2f} ({o.f1:.2f}) acc {s.status_accuracy:.2f} ({o.status_accuracy:.2f})"
            for s, o in zip(held, off, strict=True)))


def compare_decisions(versions: dict) -> list[list[tuple[str, float, float]]]:
    """Per labelled pair, each link's (kind: link | unlinked, margin, right?) by the high rows.
    A link to a measure labelled only in low rows counts 1/2 when it is one of those rows (the
    labeller found it as likely as not) and 0 when it is none of them; an unlinked measure
    labelled only in low rows is left out."""
    out = []
    for a, b, path in PAIRS:
        gold = read_gold(path)
        high = {(g.old, g.new) for g in gold if g.confidence != "low"}
        low = {(g.old, g.new) for g in gold if g.confidence == "low"}
        low_ids = {x for pair in low for x in pair if x}
        low_ids -= {x for pair in high for x in pair if x}
        rows = []
        for lk in compare(versions[a], versions[b]).links:
            unsure = lk.old in low_ids or lk.new in low_ids
            if lk.margin is None or unsure and not (lk.old and lk.new):
                continue
            kind = "link" if lk.old and lk.new else "unlinked"
            pair = (lk.old, lk.new)
            right = (0.5 if pair in low else 0.0) if unsure else float(pair in high)
            rows.append((kind, lk.margin, right))
        out.append(rows)
    return out


def trace_decisions(versions: dict) -> list[list[tuple[str, float, float]]]:
    """Per labelled proposal (high rows; all trace sets), its links' and its status's
    (kind, margin, right?). Low rows are left out: counting their links 1/2 where the row
    names them, as compare_decisions does, scored worse than the base rate held out (Brier
    0.147 against 0.116)."""
    from orvers.evaluate import labelled, trace_gold

    rows = read_trace_labels(DATA / "trace_labels.csv")
    per: dict[str, list[tuple[str, float, float]]] = {r.prefix: [] for r in rows}
    for labels in TRACE_SETS:
        result = trace(versions["workshop"], [versions[x] for x in labels])
        cols = tuple(COLUMNS[x] for x in labels)
        for row, p in labelled(result, rows):
            if row.confidence == "low":
                continue
            gold = {(v, i) for v in labels for i in row.links[COLUMNS[v]]}
            per[row.prefix] += [("trace_link", x.score, float((x.version, x.id) in gold))
                                for x in p.links]
            kind = "trace_dropped" if p.status.startswith("dropped") else "trace_taken"
            got = "dropped" if len(cols) == 1 and kind == "trace_dropped" else p.status
            per[row.prefix].append((kind, p.margin, float(got == trace_gold(row, cols))))
    return list(per.values())


def _fit_all(groups: list[list[tuple[str, float, float]]]) -> dict:
    kinds = sorted({k for g in groups for k, _, _ in g})
    return {k: fit([m for g in groups for kk, m, _ in g if kk == k],
                   [r for g in groups for kk, _, r in g if kk == k]) for k in kinds}


def calibrate(versions: dict, write: bool) -> None:
    """Held-out calibration (fit on the other pairs / folds, Brier score on the held-out one,
    against the base rate of the training data), then the map fitted on all data."""
    print("\ncalibration: Brier score on held-out data (lower is better), calibrated vs "
          "base rate")
    compare_groups = compare_decisions(versions)
    trace_groups = trace_decisions(versions)
    for name, groups, folds in (("compare (leave one pair out)", compare_groups,
                                 [[k] for k in range(len(compare_groups))]),
                                ("trace (3 folds of proposals)", trace_groups,
                                 [list(range(k, len(trace_groups), 3)) for k in range(3)])):
        by_kind: dict[str, list[float]] = {}
        for held in folds:
            train = [g for k, g in enumerate(groups) if k not in held]
            maps = _fit_all(train)
            for k in held:
                for kind, m, right in groups[k]:
                    pool = [r for g in train for kk, _, r in g if kk == kind]
                    base = sum(pool) / max(len(pool), 1)
                    got = confidence(kind, m, maps)
                    by_kind.setdefault(kind, [0.0, 0.0, 0])
                    by_kind[kind][0] += (got - right) ** 2
                    by_kind[kind][1] += (base - right) ** 2
                    by_kind[kind][2] += 1
        for kind, (brier, base, n) in by_kind.items():
            print(f"  {name:30} {kind:14} n={n:3d}  calibrated {brier / n:.3f}  "
                  f"base rate {base / n:.3f}")
    if write:
        maps = _fit_all(compare_groups) | _fit_all(trace_groups)
        DATA_OUT.write_text(json.dumps(maps, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DATA_OUT.relative_to(ROOT)}")


def queues(versions: dict) -> None:
    """Per compare pair and trace set: the review queue's length, the wrong decisions on high
    rows and how many of them it lists, and its suggested commands the labels confirm."""
    from orvers.evaluate import labelled, trace_gold

    print("\nreview queues: items | wrong decisions (high rows) | of them listed | right commands")
    for a, b, path in PAIRS:
        gold = read_gold(path)
        high = {(g.old, g.new) for g in gold if g.confidence != "low"}
        c = compare(versions[a], versions[b])
        score = evaluate(comparison_pairs(c), gold)
        wrong = {x for pair in score.false_positives for x in pair if x}
        listed, right = set(), 0
        for r in c.review:
            act, x, y = (ref.split(":")[-1] for ref in r.command.split()[1:])
            right += ((x, y) in high) == (act == "link")
            listed |= {ref.split(":")[1] for ref in r.what.split() if ":" in ref} - {"–"}
        print(f"  {a + ' → ' + b:32} {len(c.review):3d} | {len(wrong):2d} | "
              f"{len(wrong & listed):2d} | {right:2d}")
    rows = read_trace_labels(DATA / "trace_labels.csv")
    for labels in TRACE_SETS:
        t = trace(versions["workshop"], [versions[x] for x in labels])
        cols = tuple(COLUMNS[x] for x in labels)
        wrong = set()
        for row, p in labelled(t, rows):
            got = "dropped" if len(cols) == 1 and p.status.startswith("dropped") else p.status
            if row.confidence != "low" and got != trace_gold(row, cols):
                wrong.add(p.id)
        listed = {r.what.split()[0].split(":")[1] for r in t.review}
        right = 0
        for r in t.review:
            act, x, y = (ref.split(":")[-1] for ref in r.command.split()[1:])
            row = next((w for w, p in labelled(t, rows) if p.id == x), None)
            if row is not None:
                linked = y in row.links[COLUMNS[labels[-1]]]
                right += linked == (act == "link")
        print(f"  {' → '.join(('workshop',) + labels):32} {len(t.review):3d} | {len(wrong):2d} | "
              f"{len(wrong & listed):2d} | {right:2d}")


def pair_scores(old, new) -> tuple[np.ndarray, list, list]:
    """The matcher's score of every candidate pair (old × new, NaN: not a candidate), as
    compare computes it before the final assignment (content, then the section priors)."""
    s = MatchSettings()
    mo, mn = list(old.measures), list(new.measures)
    p = content_pairs(mo, mn, [normalise(m.title) for m in mo], [normalise(m.title) for m in mn],
                      [wording(m) for m in mo + mn], s)
    cont = content(p, s)
    first = assign(p.rows, p.cols, cont, (len(mo), len(mn)), s.assign_k, s.threshold,
                   s.link_power)
    linked = [(mo[i].section, mn[j].section) for i, j in first]
    section_map = match_sections(old, new, linked)
    priors(p, mo, mn, section_map, section_trust(section_map, linked))
    out = np.full((len(mo), len(mn)), np.nan)
    out[p.rows, p.cols] = score(p, cont, s)
    return out, [m.id for m in mo], [m.id for m in mn]


def _rank(values: np.ndarray, k: int) -> int:
    """1 + how many values beat values[k] (NaN never does)."""
    return int(np.sum(np.nan_to_num(values, nan=-np.inf) > values[k])) + 1


def _kind(ranks: tuple[int, ...]) -> str:
    top = max(ranks)
    return "ranked first" if top == 1 else "ranked 2–3" if top <= 3 else "ranked lower"


def misses(versions: dict) -> None:
    """Each missed labelled link (high rows) with its partner's rank among the candidates."""
    print("\nmisses: the labelled partner's rank among the candidates (old's rank / new's "
          "rank by the matcher's score; a proposal's by containment among the version's "
          "measures)")
    kinds: Counter[tuple[str, str]] = Counter()
    for a, b, path in PAIRS:
        c = compare(versions[a], versions[b])
        got = evaluate(comparison_pairs(c), read_gold(path))
        sc, old_ids, new_ids = pair_scores(versions[a], versions[b])
        partner = {x: lk.new for lk in c.links if (x := lk.old)} | {
            x: lk.old for lk in c.links if (x := lk.new)}
        for o, n in got.false_negatives:
            if not (o and n):
                continue
            i, j = old_ids.index(o), new_ids.index(n)
            ranks = (_rank(sc[i], j), _rank(sc[:, j], i))
            kinds["compare", _kind(ranks)] += 1
            print(f"  {a + ' → ' + b:20} {o} → {n}: score {sc[i, j]:.2f}, rank {ranks[0]}/"
                  f"{ranks[1]}; {o} got {partner.get(o) or '–'}, {n} got {partner.get(n) or '–'}")
    rows = read_trace_labels(DATA / "trace_labels.csv")
    source = versions["workshop"]
    props = [proposal_text(p) for p in source.measures]
    for labels in TRACE_SETS:
        targets = [versions[x] for x in labels]
        texts = [measure_text(m) for t in targets for m in t.measures]
        share = containment(props, texts, props + texts, TraceSettings()).score
        ids = [(t.label, m.id) for t in targets for m in t.measures]
        result = trace(source, targets)
        got = evaluate_trace(result, rows, {x: COLUMNS[x] for x in labels})
        index = {p.id: i for i, p in enumerate(source.measures)}
        for miss in got.misses:
            if not miss.endswith(" missed"):
                continue
            pid, ref = miss.removesuffix(" missed").split(" → ")
            version, mid = ref.split(":")
            i, j = index[pid], ids.index((version, mid))
            same = [k for k, x in enumerate(ids) if x[0] == version]
            rank = _rank(share[i, same], same.index(j))
            kinds["trace", _kind((rank,))] += 1
            print(f"  {' → '.join(('workshop',) + labels):20} {pid} → {ref}: share "
                  f"{share[i, j]:.2f}, rank {rank} of {len(same)}")
    print("  " + "; ".join(f"{what} {kind}: {n}" for (what, kind), n in sorted(kinds.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lopo", action="store_true", help="skip the held-out runs")
    parser.add_argument("--calibrate", action="store_true",
                        help="only the calibration: held-out Brier scores, then write the maps")
    parser.add_argument("--misses", action="store_true",
                        help="only the misses with their partners' ranks")
    args = parser.parse_args()
    versions = _load()
    if args.calibrate:
        calibrate(versions, write=True)
        return
    if args.misses:
        misses(versions)
        return
    queues(versions)
    print("compare pairs: P R F1 per pair")
    print(f"{'signals':22} " + " | ".join(f"{a} → {b}".ljust(14) for a, b, _ in PAIRS))
    base = MatchSettings()
    print(_row("all", compare_scores(versions, base)), flush=True)
    for name, change in MATCH_ABLATIONS.items():
        print(_row("− " + name, compare_scores(versions, dataclasses.replace(base, **change))),
              flush=True)
    if not args.no_lopo:
        lopo(versions)
    print("\ntrace sets: link P R F1, status accuracy; high rows, then all rows")
    print(f"{'signals':22} " + " | ".join(
        f"{' → '.join(('workshop',) + x):22}" for x in TRACE_SETS * 2))
    tbase = TraceSettings()

    def both(s: TraceSettings, lineage: bool = True) -> tuple[list, list]:
        return (trace_scores(versions, s, lineage), trace_scores(versions, s, lineage, True))

    print(_trace_row("all", *both(tbase)), flush=True)
    print(_trace_row("− lineages", *both(tbase, lineage=False)), flush=True)
    for name, change in TRACE_ABLATIONS.items():
        print(_trace_row("− " + name, *both(dataclasses.replace(tbase, **change))), flush=True)
    if not args.no_lopo:
        trace_folds(versions)
        subject_folds(versions)
    misses(versions)


if __name__ == "__main__":
    main()
