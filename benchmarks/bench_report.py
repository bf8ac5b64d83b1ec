"""The bundled corpus's commands as a user runs them: `orvers report` first (empty corpus cache)
vs second run, and `extract` / `compare` of bundled versions before and after the corpus cache
holds them.

    .venv/bin/python benchmarks/bench_report.py [--repeat R]

Runs the real command in a subprocess each time (imports included) on a fresh copy of the
corpus, R times (default 3), and prints medians of wall and CPU time (CPU time says what a
command costs however busy the machine is) against issue 16's targets and the second report's
time as a share of the first (target < 50 %). A first report, not counted, compiles the
modules as a user's first run does (Python keeps them compiled). Each run of a cold command
gets a corpus copy without cache; the user's cache (compiled word list, language model, word
frequencies: what one earlier run on the machine leaves) is kept.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORVERS = str(ROOT / ".venv/bin/orvers")
# as Python runs for a user: compiled modules kept (a shell with PYTHONDONTWRITEBYTECODE=1
# compiles orvers's modules again in every command, 0.1–0.8 s of these)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# (name, arguments after `orvers`, target in seconds)
COMMANDS = [("extract utkast", ["extract", "utkast"], 1.0),
            ("extract styret (OCR layer)", ["extract", "styret"], 1.0),
            ("compare utkast styret", ["compare", "utkast", "styret"], 1.0)]


def run(args: list[str], corpus: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([ORVERS, *args, "--corpus", str(corpus)] if args[0] != "report" else
                   [ORVERS, *args], check=True, capture_output=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fresh(tmp: Path, name: str) -> Path:
    corpus = tmp / name
    shutil.copytree(ROOT / "corpus", corpus,
                    ignore=shutil.ignore_patterns(".orvers-cache", "overrides.toml"))
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    rows: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        warm = fresh(tmp, "warm-up")  # compiles the modules once, as a first run does
        run(["report", str(warm), "-o", str(tmp / "warm-out"), "--quiet"], warm)
        for k in range(repeat):
            corpus = fresh(tmp, f"r{k}")
            report = ["report", str(corpus), "-o", str(tmp / f"out{k}"), "--quiet"]
            rows.setdefault("report, empty corpus cache", []).append(run(report, corpus))
            rows.setdefault("report, second run", []).append(run(report, corpus))
            for i, (label, args, _) in enumerate(COMMANDS):
                cold = fresh(tmp, f"c{k}-{i}")
                rows.setdefault(f"{label}, empty corpus cache", []).append(run(args, cold))
                rows.setdefault(f"{label}, parsed before", []).append(run(args, cold))
    targets = {"report, empty corpus cache": 3.0, "report, second run": 0.5}
    for label, _, target in COMMANDS:
        targets[f"{label}, empty corpus cache"] = targets[f"{label}, parsed before"] = target
    load = os.getloadavg()[0]
    print(f"bundled corpus, medians of {repeat} (load {load:.1f}): wall s (CPU s), target")
    for label, times in rows.items():
        wall = statistics.median(t for t, _ in times)
        cpu = statistics.median(c for _, c in times)
        mark = "met" if wall < targets[label] else "NOT met"
        print(f"  {label:<48} {wall:6.2f} ({cpu:5.2f})  < {targets[label]:.1f}  {mark}")
    first = statistics.median(t for t, _ in rows["report, empty corpus cache"])
    second = statistics.median(t for t, _ in rows["report, second run"])
    print(f"second report {second / first:.0%} of the first (target < 50 %)")
    return 0 if second < first / 2 else 1


if __name__ == "__main__":
    sys.exit(main())
