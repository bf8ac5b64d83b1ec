"""`orvers report` on a fresh copy of the bundled corpus: first run (cold cache) vs second run.

    .venv/bin/python benchmarks/bench_report.py

Target: the second run takes under half the time of the first. Runs the real command in a
subprocess each time (imports included), as a user would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(corpus: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/orvers"), "report", str(corpus), "-o", str(out),
                    "--quiet"], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus,
                        ignore=shutil.ignore_patterns(".orvers-cache", "overrides.toml"))
        first = run(corpus, Path(tmp) / "out1")
        second = run(corpus, Path(tmp) / "out2")
    print(f"first run  {first:6.2f} s (cold cache)")
    print(f"second run {second:6.2f} s ({second / first:.0%} of the first; target < 50%)")
    return 0 if second < first / 2 else 1


if __name__ == "__main__":
    sys.exit(main())
