"""Matcher benchmark: synthetic programmes of 100, 1 000 and 5 000 measures made by perturbing
the corpus's real measures (reword, renumber, move, split, merge, drop, add), truth known.

Prints time, peak memory (ru_maxrss of a fresh child process) and F1 of orvers' matcher and of
two baselines, and the speed ratios: difflib SequenceMatcher.ratio on all title pairs + greedy
assignment (pure Python, sampled above 20 000 pairs), and a vectorised all-pairs matcher
measured in full at every size (sparse character 3-gram cosine of every pair + rapidfuzz
`cdist` token_sort_ratio of the titles, their mean, then the Hungarian algorithm:
scipy's linear_sum_assignment). Run: .venv/bin/python benchmarks/bench_match.py [sizes…] [--seed N]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orvers.api import load  # noqa: E402
from orvers.evaluate import GoldRow, comparison_pairs, evaluate  # noqa: E402
from orvers.match import compare  # noqa: E402
from orvers.model import Measure, Programme, Section  # noqa: E402

LABELS = ("utkast", "styret", "hp2025")
BASELINE_BUDGET = 20_000  # SequenceMatcher pairs computed; beyond, a sample of old rows


def pools() -> tuple[list[str], list[str]]:
    """Real titles and real target sentences of the corpus."""
    import tomllib

    manifest = tomllib.loads((ROOT / "corpus" / "corpus.toml").read_text(encoding="utf-8"))
    titles, targets = [], []
    for v in manifest["version"]:
        if v["label"] in LABELS:
            for m in load(ROOT / "corpus" / v["file"]).measures:
                titles.append(m.title)
                targets += [t for t in (*m.result_targets, *m.effect_targets) if len(t) > 30]
    return sorted(set(titles)), sorted(set(targets))


def reword(text: str, rng: random.Random, vocab: list[str]) -> str:
    """Drop, insert or swap a few words."""
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        i = rng.randrange(len(words))
        if op < 0.35 and len(words) > 4:
            del words[i]
        elif op < 0.7:
            words.insert(i, rng.choice(vocab))
        else:
            words[i] = rng.choice(vocab)
    return " ".join(words)


def synthetic(n: int, seed: int = 1) -> tuple[Programme, Programme, list[GoldRow]]:
    """An old programme of n measures, a perturbed new one, and the true links."""
    rng = random.Random(seed)
    titles, targets = pools()
    vocab = sorted({w for t in titles for w in t.split() if w.isalpha()})
    texts: set[str] = set()
    while len(texts) < int(n * 1.1):
        texts.add(f"{rng.choice(titles)} {rng.choice(targets)}")
    texts_l = sorted(texts)
    rng.shuffle(texts_l)
    fresh = texts_l[n:]
    per = 8
    old_items = []  # (section, title)
    for k in range(n):
        chap, sec = divmod(k // per, 5)
        old_items.append((f"{chap + 3}.{sec + 1}", texts_l[k]))
    gold: list[GoldRow] = []
    new_items: list[tuple[str, str, list[int]]] = []  # section, title, old indexes
    i = 0
    while i < n:
        sec, title = old_items[i]
        chap, sub = sec.split(".")
        new_sec = f"{int(chap) - 1}.{sub}"  # whole-level renumbering
        r = rng.random()
        if r < 0.03:  # dropped
            gold.append(GoldRow(str(i), None, "removed", "high"))
        elif r < 0.05:  # split in two at a word boundary
            words = title.split()
            cut = len(words) // 2
            new_items.append((new_sec, " ".join(words[:cut]), [i]))
            new_items.append((new_sec, " ".join(words[cut:]), [i]))
        elif r < 0.07 and i + 1 < n and old_items[i + 1][0] == sec:  # merged with next
            new_items.append((new_sec, f"{title} {old_items[i + 1][1]}", [i, i + 1]))
            i += 1
        elif r < 0.12:  # moved to another section
            other = old_items[rng.randrange(n)][0].split(".")
            new_items.append((f"{int(other[0]) - 1}.{other[1]}", reword(title, rng, vocab), [i]))
        elif r < 0.6:
            new_items.append((new_sec, reword(title, rng, vocab), [i]))
        else:
            new_items.append((new_sec, title, [i]))
        i += 1
    for t in fresh[: max(1, n * 3 // 100)]:  # added
        new_items.insert(rng.randrange(len(new_items)), (rng.choice(new_items)[0], t, []))
    new_items.sort(key=lambda x: tuple(int(p) for p in x[0].split(".")))
    counters: dict[str, int] = {}
    new_measures = []
    for j, (sec, title, olds) in enumerate(new_items):
        counters[sec] = counters.get(sec, 0) + 1
        nid = f"{sec}.{counters[sec]}#{j}"
        new_measures.append(Measure(nid, title, sec))
        gold += [GoldRow(str(o), nid, "x", "high") for o in olds] or [
            GoldRow(None, nid, "added", "high")]
    old_measures = [Measure(str(k), t, s) for k, (s, t) in enumerate(old_items)]

    def prog(label, measures):
        secs = sorted({m.section for m in measures}, key=lambda s: tuple(map(int, s.split("."))))
        chapters = sorted({s.split(".")[0] for s in secs}, key=int)
        sections = tuple(Section(c, f"Kapittel {c}") for c in chapters) + tuple(
            Section(s, f"Tema {s}", s.split(".")[0]) for s in secs)
        return Programme(f"{label}.txt", "txt", "outline", label, sections, tuple(measures),
                         label=label)

    return prog("old", old_measures), prog("new", new_measures), gold


def baseline(old: Programme, new: Programme,
             rows: list[int]) -> list[tuple[str | None, str | None]]:
    """difflib ratio on all (sampled-row) title pairs, then greedy one-to-one at ≥ 0.5."""
    scored = []
    for i in rows:
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(old.measures[i].title)
        for j, b in enumerate(new.measures):
            sm.set_seq1(b.title)
            scored.append((sm.ratio(), i, j))
    scored.sort(reverse=True)
    used_o, used_n, pairs = set(), set(), []
    for s, i, j in scored:
        if s >= 0.5 and i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((old.measures[i].id, new.measures[j].id))
    pairs += [(old.measures[i].id, None) for i in rows if i not in used_o]
    pairs += [(None, m.id) for j, m in enumerate(new.measures) if j not in used_n]
    return pairs


VECTOR_THRESHOLD = 0.5  # a pair the vectorised baseline assigns below this is no link


def vectorised(old: Programme, new: Programme) -> list[tuple[str | None, str | None]]:
    """All pairs scored at once: mean of the 3-gram cosine and token_sort_ratio of the
    normalised titles; one-to-one by the Hungarian algorithm, links at ≥ VECTOR_THRESHOLD."""
    from rapidfuzz import fuzz, process
    from scipy.optimize import linear_sum_assignment

    from orvers.match.signals import ngram_counts, normalise, unit_rows

    ta = [normalise(m.title) for m in old.measures]
    tb = [normalise(m.title) for m in new.measures]
    grams = unit_rows(ngram_counts(ta + tb, 3))
    cosine = (grams[:len(ta)] @ grams[len(ta):].T).toarray()
    words = process.cdist(ta, tb, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=-1)
    score = (cosine + words / 100.0) / 2.0
    rows, cols = linear_sum_assignment(score, maximize=True)
    keep = score[rows, cols] >= VECTOR_THRESHOLD
    pairs = [(old.measures[i].id, new.measures[j].id)
             for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True)]
    used_o, used_n = set(rows[keep].tolist()), set(cols[keep].tolist())
    pairs += [(m.id, None) for i, m in enumerate(old.measures) if i not in used_o]
    pairs += [(None, m.id) for j, m in enumerate(new.measures) if j not in used_n]
    return pairs


def one(n: int, which: str, seed: int = 1) -> dict:
    """Run one matcher on one size (in this process) and report time, memory, F1."""
    old, new, gold = synthetic(n, seed)
    t0 = time.perf_counter()
    if which in ("orvers", "vectorised"):
        pairs = (comparison_pairs(compare(old, new)) if which == "orvers"
                 else vectorised(old, new))
        sampled = False
        elapsed = time.perf_counter() - t0
    else:
        total = len(old.measures) * len(new.measures)
        k = len(old.measures) if total <= BASELINE_BUDGET else max(
            1, BASELINE_BUDGET // len(new.measures))
        rows = list(range(len(old.measures)))[:k]
        pairs = baseline(old, new, rows)
        sampled = k < len(old.measures)
        elapsed = (time.perf_counter() - t0) * len(old.measures) / k
        if sampled:  # score only the sampled old rows' gold
            keep = {old.measures[i].id for i in rows}
            gold = [g for g in gold if g.old in keep]
            pairs = [p for p in pairs if p[0] in keep]
    f1 = None if sampled else evaluate(pairs, gold).f1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux: KiB)
    return {"n": n, "which": which, "seconds": elapsed, "peak_mib": rss, "f1": f1,
            "sampled": sampled}


def main() -> None:
    """Run every size in fresh processes and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000],
                    help="measures per synthetic programme (default: 100 1000 5000)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the perturbations")
    ap.add_argument("--one", nargs=2, metavar=("N", "WHICH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1], args.seed)))
        return
    sizes = args.sizes
    print(f"{'n':>6} {'orvers s':>9} {'MiB':>6} {'F1':>6} | {'difflib s':>11} {'MiB':>6} "
          f"{'F1':>6} {'speed-up':>8} | {'vector s':>9} {'MiB':>6} {'F1':>6} {'speed-up':>8}")
    notes = []
    for n in sizes:
        res = {}
        for which in ("orvers", "baseline", "vectorised"):
            out = subprocess.run([sys.executable, __file__, "--one", str(n), which,
                                  "--seed", str(args.seed)],
                                 capture_output=True, text=True, check=True)
            res[which] = json.loads(out.stdout.strip().splitlines()[-1])
        a, b, v = res["orvers"], res["baseline"], res["vectorised"]
        bf1 = "n/a" if b["f1"] is None else f"{b['f1']:.3f}"
        mark = "*" if b["sampled"] else " "
        print(f"{n:>6} {a['seconds']:>9.2f} {a['peak_mib']:>6.0f} {a['f1']:>6.3f} | "
              f"{b['seconds']:>10.1f}{mark} {b['peak_mib']:>6.0f} {bf1:>6} "
              f"{b['seconds'] / a['seconds']:>7.0f}× | "
              f"{v['seconds']:>9.2f} {v['peak_mib']:>6.0f} {v['f1']:>6.3f} "
              f"{v['seconds'] / a['seconds']:>7.1f}×")
        if b["sampled"]:
            notes.append(n)
    if notes:
        print(f"* baseline for n = {', '.join(map(str, notes))} timed on a sample of old rows "
              f"({BASELINE_BUDGET:,} pairs) and extrapolated linearly to all rows; its F1 is not "
              "measured there (greedy assignment needs every row).")
    print("time = matching only (synthetic programmes built before timing); MiB = peak RSS of "
          "the process (includes Python, numpy, scipy and the corpus parse).")


if __name__ == "__main__":
    main()
