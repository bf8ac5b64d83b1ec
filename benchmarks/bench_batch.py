"""`orvers batch` on N generated councils' corpora with 1 and with 2 local Dask workers.

Each corpus is the bundled one with its lines reworded as the matcher benchmark rewords titles
(words dropped, inserted, swapped: bench_match.reword), a different seed per corpus, so no two
files share a hash and nothing is read from a cache. Runs the real command in a subprocess
(`--no-cache`, imports and cluster start included, as a user would; each run with a user cache
of its own that holds only the compiled word list, word frequencies and language model, so no
run reuses another's results) and prints documents per second, the speed-up of 2 workers
over 1 and the load average around each run: on a machine others are using, the speed-up says
little.

    .venv/bin/python benchmarks/bench_batch.py [N] [--workers 1,2] [--seed S] [--repeat R]

With --repeat R the worker counts take turns (1, 2, 1, 2 …) and each count's median time is
used, so that a disturbance of a few seconds does not decide the speed-up.

Target: 2 workers at least 1.6 × as fast as 1 (exit code 1 if not).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomlkit
from bench_match import reword

from orvers.cache import user_cache as own_cache

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARE = 0.1  # of the lines of five or more words, this share is reworded
NUMBERED = re.compile(r"^\s*(\d+(\.\d+)*\.?|[A-ZÆØÅa-zæøå ]+:)")  # numbers and labels stay


def perturb(text: str, rng: random.Random, vocab: list[str]) -> str:
    """TEXT with a share of its longer lines reworded; numbering and labels kept."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line.split()) >= 5 and not NUMBERED.match(line) and rng.random() < SHARE:
            lines[i] = reword(line, rng, vocab)
    return "\n".join(lines)


def make_corpora(root: Path, n: int, seed: int) -> int:
    """N corpora under ROOT (council-001 …), each the bundled one perturbed; return documents."""
    manifest = tomllib.loads((CORPUS / "corpus.toml").read_text(encoding="utf-8"))
    texts = {v["file"]: (CORPUS / v["file"]).read_text(encoding="utf-8")
             for v in manifest["version"]}
    vocab = sorted({w for t in texts.values() for w in t.split() if w.isalpha() and len(w) > 3})
    for k in range(n):
        rng = random.Random(seed * 100_003 + k)
        folder = root / f"council-{k + 1:03d}"
        folder.mkdir(parents=True)
        versions = []
        for v in manifest["version"]:
            data = perturb(texts[v["file"]], rng, vocab).encode("utf-8")
            (folder / v["file"]).write_bytes(data)
            versions.append({**{key: v[key] for key in ("label", "stage", "date", "file",
                                                         "title")},
                             "sha256": hashlib.sha256(data).hexdigest()})
        (folder / "corpus.toml").write_text(tomlkit.dumps(
            {"programme": f"Council {k + 1}", "version": versions}), encoding="utf-8")
    return n * len(manifest["version"])


def user_cache(folder: Path) -> dict[str, str]:
    """An environment whose user cache is FOLDER: empty but for the compiled word list, word
    frequencies and language model (what one run on the machine leaves), so no run finds
    another's results."""
    own = own_cache()
    (folder / "orvers").mkdir(parents=True)
    for kept in ("wordlist", "langid", "wordfreq"):
        if (own / kept).is_dir():
            (folder / "orvers" / kept).symlink_to(own / kept, target_is_directory=True)
    return {**os.environ, "XDG_CACHE_HOME": str(folder)}


def run(root: Path, out: Path, workers: int) -> tuple[float, str]:
    """Wall time of `orvers batch ROOT --workers W --no-cache` with its own user cache, and
    its summary line."""
    env = user_cache(out.with_name(out.name + "-cache"))
    start = time.perf_counter()
    done = subprocess.run([str(ROOT / ".venv/bin/orvers"), "batch", str(root), "--workers",
                           str(workers), "-o", str(out), "--no-cache", "--quiet"],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"orvers batch failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=50, help="corpora to generate")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker count")
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        documents = make_corpora(Path(tmp) / "councils", args.n, args.seed)
        print(f"{args.n} corpora, {documents} documents; {os.cpu_count()} cores")
        print(f"{'workers':>7} {'seconds':>8} {'docs/s':>7}  load average (1 min) before → after")
        times: dict[int, list[float]] = {w: [] for w in counts}
        for turn in range(args.repeat):
            for workers in counts:
                before = os.getloadavg()[0]
                out = Path(tmp) / f"out-{workers}-{turn}"
                seconds, summary = run(Path(tmp) / "councils", out, workers)
                times[workers].append(seconds)
                print(f"{workers:>7} {seconds:8.1f} {documents / seconds:7.2f}  "
                      f"{before:.2f} → {os.getloadavg()[0]:.2f}   ({summary.split(';')[0]})")
        rates = {w: documents / statistics.median(t) for w, t in times.items()}
    if len(counts) < 2:
        return 0
    speedup = rates[counts[-1]] / rates[counts[0]]
    print(f"speed-up {counts[-1]} vs {counts[0]} workers: {speedup:.2f}× "
          f"(medians of {args.repeat}; target ≥ 1.6×)")
    return 0 if speedup >= 1.6 else 1


if __name__ == "__main__":
    sys.exit(main())
