"""End-to-end scale benchmark: generated programmes of 1 000 to 50 000 measures in the draft's
outline layout (truth known), run through the command line as a user would.

For each size n it writes an old and a new version (reworded, renumbered, moved, split,
merged, dropped and added measures), a gold CSV and a two-version corpus, then times in fresh
processes: `extract` (old), `compare` (old → new, JSON), `evaluate` (the JSON against the gold),
`redline`, `report` cold (empty cache) and `report` cached (second run). Per command: wall
time and peak RSS of the child (wait4), and the F1 of compare. Last, the growth exponent of
each command fitted (least squares on log time vs log n) over the sizes from 5 000 up, and the
load average of the machine beside each size (the timings are only comparable under similar
load).

    .venv/bin/python benchmarks/bench_scale.py                 # n = 1 000, 5 000, 20 000, 50 000
    .venv/bin/python benchmarks/bench_scale.py --max-n 5000    # quick
    nice -n 10 .venv/bin/python benchmarks/bench_scale.py --commands compare,evaluate
    .venv/bin/python benchmarks/bench_scale.py --src /tmp/old-checkout   # another orvers tree

The generator draws on the bundled corpus's real titles and targets, but composes each measure
from spans of two or three of them with words substituted, so titles are far more distinct than
the corpus's ~150; splits cut at a random point (30–70 %) and reword both parts, merges drop
words of each part, reword and join two or three measures.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1_000, 5_000, 20_000, 50_000)
COMMANDS = ("extract", "compare", "evaluate", "redline", "report", "report-cached")
PER_SECTION = 40  # measures per section of the old version (at most 99 with additions)
PER_CHAPTER = 40  # sections per chapter
TIME = "/usr/bin/time"  # GNU time (Debian package time)
WIDTH = 90  # wrap measure text at this many characters, as a PDF-to-text line would


def pools() -> tuple[list[str], list[str]]:
    """Real titles and real target sentences of the bundled corpus (parsed in this process)."""
    sys.path.insert(0, str(ROOT))
    import tomllib

    from orvers.api import load

    manifest = tomllib.loads((ROOT / "corpus" / "corpus.toml").read_text(encoding="utf-8"))
    titles, targets = set(), set()
    for v in manifest["version"]:
        if v["stage"] in ("programme", "draft", "board"):
            for m in load(ROOT / "corpus" / v["file"]).measures:
                titles.add(m.title)
                targets.update(t for t in (*m.result_targets, *m.effect_targets) if len(t) > 30)
    return sorted(titles), sorted(targets)


class Generator:
    """Measure texts and their perturbations from the corpus's words (seeded)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        titles, targets = pools()
        self.sources = [t.split() for t in titles + targets if len(t.split()) >= 4]
        self.vocab = sorted({w for s in self.sources for w in s if w.isalpha() and len(w) > 3})

    def span(self, lo: int, hi: int) -> list[str]:
        words = self.rng.choice(self.sources)
        size = min(len(words), self.rng.randint(lo, hi))
        start = self.rng.randrange(len(words) - size + 1)
        return words[start:start + size]

    def text(self) -> str:
        """A measure: spans of two or three real sentences, a few words substituted."""
        words = self.span(5, 14)
        for _ in range(self.rng.randint(1, 2)):
            words += ["og" if self.rng.random() < 0.5 else "for", *self.span(3, 10)]
        for _ in range(self.rng.randint(1, 3)):
            words[self.rng.randrange(len(words))] = self.rng.choice(self.vocab)
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words)

    def reword(self, text: str, edits: tuple[int, int] = (1, 3)) -> str:
        """Drop, insert or substitute a few words."""
        words = text.split()
        for _ in range(self.rng.randint(*edits)):
            op, i = self.rng.random(), self.rng.randrange(len(words))
            if op < 0.35 and len(words) > 5:
                del words[i]
            elif op < 0.7:
                words.insert(i, self.rng.choice(self.vocab))
            else:
                words[i] = self.rng.choice(self.vocab)
        return " ".join(words)

    def split(self, text: str) -> list[str]:
        """Two parts cut at 30–70 % of the words, each reworded; sometimes a shared lead-in."""
        words = text.split()
        cut = max(2, min(len(words) - 2, round(len(words) * self.rng.uniform(0.3, 0.7))))
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
        if self.rng.random() < 0.3:
            parts[1] = " ".join(words[:2]) + " " + parts[1]
        return [self.reword(p, (0, 2)) for p in parts]

    def merge(self, texts: list[str]) -> str:
        """Parts with up to a fifth of their words dropped, joined and reworded."""
        kept = []
        for t in texts:
            words = t.split()
            drop = self.rng.randint(0, len(words) // 5)
            start = self.rng.randint(0, drop)
            kept.append(" ".join(words[start:len(words) - (drop - start)]))
        return self.reword(", og ".join(kept) if self.rng.random() < 0.5 else " ".join(kept),
                           (0, 2))


def generate(n: int, seed: int) -> tuple[list, list, list[tuple[str, str, str]]]:
    """Old and new outlines (chapters of sections of (id, text) measures) and the gold rows
    (old_id, new_id, relation)."""
    g = Generator(seed)
    sections = math.ceil(n / PER_SECTION)
    texts: set[str] = set()
    while len(texts) < n:
        texts.add(g.text())
    ordered = sorted(texts)
    g.rng.shuffle(ordered)
    old = []  # (chapter, section, [texts])
    for s in range(sections):
        chap, sec = divmod(s, PER_CHAPTER)
        old.append((chap + 1, sec + 1, ordered[s * PER_SECTION:(s + 1) * PER_SECTION]))
    old_ids = [[f"{c}.{s}.{k + 1}" for k in range(len(ms))] for c, s, ms in old]
    # new version: each chapter opens with a new section (renumbering every section after it)
    new: list[list[tuple[str, list[str]]]] = [[] for _ in old]  # per old section: (text, olds)
    moved: list[tuple[int, tuple[str, list[str]]]] = []
    for si, (_, _, ms) in enumerate(old):
        k = 0
        while k < len(ms):
            oid, t, r = old_ids[si][k], ms[k], g.rng.random()
            if r < 0.03:
                pass  # dropped
            elif r < 0.05:
                new[si] += [(p, [oid]) for p in g.split(t)]
            elif r < 0.07 and k + 2 < len(ms):
                size = 3 if g.rng.random() < 0.25 else 2
                new[si].append((g.merge(ms[k:k + size]), old_ids[si][k:k + size]))
                k += size - 1
            elif r < 0.10:
                moved.append((g.rng.randrange(len(old)), (g.reword(t), [oid])))
            elif r < 0.6:
                new[si].append((g.reword(t), [oid]))
            else:
                new[si].append((t, [oid]))
            k += 1
    for si, item in moved:
        new[si].insert(g.rng.randrange(len(new[si]) + 1), item)
    fresh = set()
    while len(fresh) < max(1, n * 3 // 100):
        t = g.text()
        if t not in texts:
            fresh.add(t)
    chapters = sorted({c for c, _, _ in old})
    opening = {c: [] for c in chapters if c % 2}  # odd chapters gain a first section
    for t in sorted(fresh):
        if opening and g.rng.random() < 0.3:
            opening[g.rng.choice(sorted(opening))].append((t, []))
        else:
            si = g.rng.randrange(len(old))
            new[si].insert(g.rng.randrange(len(new[si]) + 1), (t, []))
    gold: list[tuple[str, str, str]] = []
    old_out, new_out = [], []
    placed = [(c, 1, items) for c, items in opening.items() if items]
    placed += [(c, s + 1 if c in opening else s, new[si]) for si, (c, s, _) in enumerate(old)]
    for c, s, items in sorted(placed, key=lambda x: (x[0], x[1])):
        out = []
        for k, (t, olds) in enumerate(items[:99]):
            nid = f"{c}.{s}.{k + 1}"
            out.append((nid, t))
            gold += [(o, nid, "x") for o in olds] or [("", nid, "added")]
        new_out.append((c, s, out))
    for si, (c, s, ms) in enumerate(old):
        old_out.append((c, s, list(zip(old_ids[si], ms, strict=True))))
    found = {o for o, _, _ in gold if o}
    gold += [(o, "", "removed") for ids in old_ids for o in ids if o not in found]
    return old_out, new_out, gold


def _wrap(text: str) -> list[str]:
    """Lines of at most WIDTH characters; a continuation line never starts with a digit
    (it would read as a number of the outline)."""
    lines, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > WIDTH and not w[:1].isdigit():
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    if len(lines[0].split()) <= 7:  # a short first line over prose reads as a heading
        return [" ".join(lines)]
    return lines


def outline(title: str, chapters: list) -> str:
    out = [title, ""]
    last = None
    for c, s, items in chapters:
        if c != last:
            out += [f"{c}. Kapittel {c} om regionalt samarbeid", ""]
            last = c
        out += [f"{c}.{s}. Innsatsområde {c}-{s} for kommunene i regionen", ""]
        for mid, t in items:
            first, *rest = _wrap(t)
            out += [f"{mid}. {first}", *rest, ""]
    return "\n".join(out) + "\n"


def write_case(n: int, seed: int, where: Path) -> dict[str, Path]:
    old, new, gold = generate(n, seed)
    files = {"old": where / "old.txt", "new": where / "new.txt", "gold": where / "gold.csv",
             "corpus": where / "corpus"}
    files["old"].write_text(outline("Utkast til handlingsprogram", old), encoding="utf-8")
    files["new"].write_text(outline("Handlingsprogram, innstilling", new), encoding="utf-8")
    with files["gold"].open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["old_id", "new_id", "relation", "confidence"])
        w.writerows([o, nw, rel, "high"] for o, nw, rel in gold)
    corpus = files["corpus"]
    corpus.mkdir()
    manifest = ['programme = "Syntetisk handlingsprogram"']
    for label, stage, date, key in (("utkast", "draft", "2025-10", "old"),
                                    ("styret", "board", "2025-12", "new")):
        target = corpus / f"{date}_{label}.txt"
        data = files[key].read_bytes()
        target.write_bytes(data)
        manifest += ["", "[[version]]", f'label = "{label}"', f'stage = "{stage}"',
                     f'date = "{date}"', f'file = "{target.name}"',
                     f'sha256 = "{hashlib.sha256(data).hexdigest()}"']
    (corpus / "corpus.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return files


def run(argv: list[str], env: dict, timeout: float, cwd: Path) -> dict:
    """One command in a fresh process: wall seconds, CPU seconds (user + system: what the
    command cost, however busy the machine), peak RSS (MiB), stdout; None on timeout.

    The peak and the CPU time are GNU time's (a child forked from this process would
    inherit its peak)."""
    with tempfile.NamedTemporaryFile() as rss:
        start = time.perf_counter()
        try:
            proc = subprocess.run([TIME, "-q", "-f", "%M %U %S", "-o", rss.name, *argv], env=env,
                                  cwd=cwd,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "cpu": None, "mib": None, "stdout": ""}
        seconds = time.perf_counter() - start
        if proc.returncode not in (0, 1):  # evaluate exits 1 when there are misses
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr[-500:]}")
        kib, user, system = Path(rss.name).read_text().split()[-3:]
        return {"seconds": seconds, "cpu": float(user) + float(system), "mib": int(kib) / 1024,
                "stdout": proc.stdout}


def measure(n: int, seed: int, commands: tuple[str, ...], src: Path | None,
            timeout: float) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = str(src)
    orvers = [sys.executable, "-c", "from orvers.cli import main; main()"]
    result: dict = {"n": n, "load": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        f = write_case(n, seed, t)
        steps = {
            "extract": ["extract", str(f["old"]), "--format", "json", "-o", str(t / "x.json")],
            "compare": ["compare", str(f["old"]), str(f["new"]), "--format", "json",
                        "-o", str(t / "links.json")],
            "evaluate": ["evaluate", "--links", str(t / "links.json"), "--gold", str(f["gold"])],
            "redline": ["redline", str(f["old"]), str(f["new"]), "-o", str(t / "r.docx"),
                        "--date", "2025-12-01"],
            "report": ["report", str(f["corpus"]), "-o", str(t / "out1"), "--quiet"],
            "report-cached": ["report", str(f["corpus"]), "-o", str(t / "out2"), "--quiet"],
        }
        for name in COMMANDS:
            if name not in commands or (name == "evaluate" and "compare" not in commands):
                continue
            if name in ("evaluate", "report-cached") and result.get(
                    {"evaluate": "compare", "report-cached": "report"}[name], {}).get(
                    "seconds") is None:
                continue  # what it needs timed out
            r = run(orvers + steps[name], env, timeout, t)
            result[name] = r
            if name == "evaluate" and r["stdout"]:
                last = r["stdout"].strip().splitlines()[-1]
                result["f1"] = float(last.rsplit("f1=", 1)[1])
    result["load_after"] = os.getloadavg()[0]
    return result


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Slope of log(seconds) against log(n), least squares."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)


def table(results: list[dict], commands: tuple[str, ...]) -> str:
    shown = [c for c in COMMANDS if c in commands]
    head = f"{'n':>6} {'load':>9} " + " ".join(f"{c:>23}" for c in shown) + f" {'F1':>6}"
    lines = [head, " " * 17 + " ".join(f"{'s':>8} {'cpu s':>8} {'MiB':>5}" for _ in shown)]
    for r in results:
        cells = []
        for c in shown:
            x = r.get(c)
            if x is None:
                cells.append(f"{'–':>8} {'–':>8} {'–':>5}")
            elif x["seconds"] is None:
                cells.append(f"{'timeout':>8} {'–':>8} {'–':>5}")
            else:
                cells.append(f"{x['seconds']:>8.2f} {x['cpu']:>8.2f} {x['mib']:>5.0f}")
        f1 = f"{r['f1']:.3f}" if "f1" in r else "–"
        lines.append(f"{r['n']:>6} {r['load']:>4.1f}/{r['load_after']:<4.1f} " + " ".join(cells)
                     + f" {f1:>6}")
    fits = []
    for c in shown:
        for what in ("seconds", "cpu"):
            pts = [(r["n"], r[c][what]) for r in results
                   if r["n"] >= 5_000 and r.get(c) and r[c][what]]
            e = exponent(pts)
            if e is not None:
                fits.append(f"{c} {'wall' if what == 'seconds' else 'cpu'} n^{e:.2f}")
    if fits:
        lines.append("fitted growth from n = 5 000 up: " + ", ".join(fits))
    lines.append("load = 1-minute load average before/after the size; s = wall seconds of the "
                 "command in a fresh process (imports included), cpu s = its user + system "
                 "CPU seconds; MiB = its peak RSS.")
    return "\n".join(lines)


def _plain(result: dict) -> dict:
    """A size's result without the commands' output."""
    return {k: ({kk: vv for kk, vv in v.items() if kk != "stdout"} if isinstance(v, dict)
                else v) for k, v in result.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    ap.add_argument("--max-n", type=int, default=None, help="skip sizes above this")
    ap.add_argument("--commands", default=",".join(COMMANDS),
                    help=f"comma-separated subset of {','.join(COMMANDS)}")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per command")
    ap.add_argument("--src", type=Path, help="run the orvers package found in this directory")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    commands = tuple(c.strip() for c in args.commands.split(",") if c.strip())
    unknown = set(commands) - set(COMMANDS)
    if unknown:
        ap.error(f"unknown command(s): {', '.join(sorted(unknown))}")
    sizes = [n for n in args.sizes if args.max_n is None or n <= args.max_n]
    results = []
    for n in sizes:
        results.append(measure(n, args.seed, commands, args.src, args.timeout))
        print(json.dumps(_plain(results[-1])), file=sys.stderr, flush=True)  # as measured
    print(table(results, commands))
    if args.json:
        args.json.write_text(json.dumps([_plain(r) for r in results], indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
