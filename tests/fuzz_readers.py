"""Random and mutated files fed to every reader (run by test_fuzz_readers.py in a process with
a memory limit): the only outcomes allowed are a Programme or an OrversError."""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from tiny_pdf import tiny_pdf  # noqa: E402

from orvers.api import load  # noqa: E402
from orvers.errors import OrversError  # noqa: E402
from orvers.model import Programme  # noqa: E402
from orvers.render.programme_docx import write_programme_docx  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
WORK = Path(tempfile.mkdtemp(prefix="orvers-fuzz-"))


def _seeds() -> dict[str, bytes]:
    """Small valid files in the corpus's styles: a text outline, a DOCX, a PDF."""
    text = (CORPUS / "2025-10_utkast-handlingsprogram-2026.txt").read_text(encoding="utf-8")
    small = "\n".join(text.splitlines()[:160]) + "\n"
    (WORK / "seed.txt").write_text(small, encoding="utf-8")
    programme = load(WORK / "seed.txt")
    docx = write_programme_docx(programme, WORK / "seed.docx", "table")
    pdf = tiny_pdf(WORK / "seed.pdf", ["2.1 Konkurransekraft", "2.1.1 Styrke samarbeidet"])
    return {".txt": small.encode(), ".docx": docx.read_bytes(), ".pdf": pdf.read_bytes()}


SEEDS = _seeds()


def _check(data: bytes, suffix: str) -> None:
    path = WORK / f"input{suffix}"
    path.write_bytes(data)
    try:
        result = load(path)
    except OrversError:
        return
    assert isinstance(result, Programme)


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, value in flips:
        out[at % len(out)] = value
    return bytes(out)


def _rezip(data: bytes, change) -> bytes:
    """The DOCX DATA with its parts changed by CHANGE(names, contents) → contents."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        contents = change(names, [src.read(n) for n in names])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in zip(names, contents, strict=True):
            dst.writestr(name, content)
    return buffer.getvalue()


flips = st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1,
                 max_size=20)
suffixes = st.sampled_from(sorted(SEEDS))
SETTINGS = settings(max_examples=15, deadline=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


@SETTINGS
@given(suffixes, st.binary(max_size=4096))
def random_bytes(suffix: str, data: bytes) -> None:
    _check(data, suffix)


@SETTINGS
@given(suffixes, flips)
def flipped(suffix: str, changes: list[tuple[int, int]]) -> None:
    _check(_flip(SEEDS[suffix], changes), suffix)


@SETTINGS
@given(suffixes, st.floats(0, 1))
def truncated(suffix: str, share: float) -> None:
    _check(SEEDS[suffix][: int(len(SEEDS[suffix]) * share)], suffix)


@SETTINGS
@given(st.integers(0, 100), st.integers(0, 100))
def parts_swapped(i: int, j: int) -> None:
    def swap(names: list[str], contents: list[bytes]) -> list[bytes]:
        a, b = i % len(names), j % len(names)
        contents[a], contents[b] = contents[b], contents[a]
        return contents

    _check(_rezip(SEEDS[".docx"], swap), ".docx")


@SETTINGS
@given(st.integers(0, 100), flips, st.floats(0, 1))
def part_mutated(i: int, changes: list[tuple[int, int]], share: float) -> None:
    def mutate(names: list[str], contents: list[bytes]) -> list[bytes]:
        at = i % len(names)
        contents[at] = _flip(contents[at], changes)[: max(1, int(len(contents[at]) * share))]
        return contents

    _check(_rezip(SEEDS[".docx"], mutate), ".docx")


if __name__ == "__main__":
    for run in (random_bytes, flipped, truncated, parts_swapped, part_mutated):
        run()
        print(f"{run.__name__}: ok", flush=True)
