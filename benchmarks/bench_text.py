"""Text passes on large inputs: seconds per MB at 1, 8 and 64 MB, beside a plain join.

    .venv/bin/python benchmarks/bench_text.py [--sizes 1 8 64]

The text is the bundled draft repeated to the size. Each pass should take about the same time
per MB at every size (linear); the baseline is `" ".join` plus whitespace collapsing of the
same lines, measured in the same run. Reading and parsing are measured to 8 MB (the default
ORVERS_MAX_MB of 64 is raised for the run).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from orvers.text import collapse_space, join_lines

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "corpus" / "2025-10_utkast-handlingsprogram-2026.txt"
MB = 1024 * 1024


def _lines(megabytes: int) -> list[str]:
    text = DRAFT.read_text(encoding="utf-8")
    copies = megabytes * MB // len(text.encode()) + 1
    return (text * copies).splitlines()


def _plain_join(lines: list[str]) -> str:
    return collapse_space(" ".join(lines))


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8, 64])
    sizes = parser.parse_args().sizes
    os.environ["ORVERS_MAX_MB"] = str(max(sizes) * 2)
    from orvers.parse import parse
    from orvers.read import read

    print(f"{'MB':>4} {'baseline s/MB':>14} {'join_lines s/MB':>16} {'ratio':>6} "
          f"{'read s/MB':>10} {'read+parse s/MB':>16}")
    for size in sizes:
        lines = _lines(size)
        base = _timed(_plain_join, lines) / size
        joined = _timed(join_lines, lines) / size
        row = f"{size:>4} {base:>14.4f} {joined:>16.4f} {joined / base:>6.1f}"
        if size <= 8:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "big.txt"
                path.write_text("\n".join(lines), encoding="utf-8")
                doc = read(path)
                row += f" {_timed(read, path) / size:>10.3f}"
                row += f" {(_timed(read, path) + _timed(parse, doc)) / size:>16.3f}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
