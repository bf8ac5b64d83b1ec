"""An output folder replaced whole: reports are written into a staging folder beside it and
swapped in when complete, so a run that fails or is killed leaves the old outputs as they were.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OrversError

_PARTIAL = ".orvers-partial-"


def _replaceable(folder: Path) -> bool:
    """Whether FOLDER may be replaced: absent, empty, or written by orvers."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        raise OrversError(f"{folder}: is a file, not a folder for the reports")
    if not any(folder.iterdir()):
        return True
    index = folder / "index.html"  # the report's index page names orvers
    return index.is_file() and b"orvers" in index.read_bytes()[:65536]


@contextlib.contextmanager
def staged(folder: str | Path) -> Iterator[Path]:
    """A fresh folder beside FOLDER to write into; when the block ends without an error it
    takes FOLDER's place (the old one removed), else it is removed and FOLDER left alone."""
    final = Path(folder)
    if not _replaceable(final):
        raise OrversError(f"{final}: holds files orvers did not write; choose a new or empty "
                          "folder for the reports")
    parent = final.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f"{_PARTIAL}{final.name}-*"):  # left by a killed run
            shutil.rmtree(stale, ignore_errors=True)
        stage = Path(tempfile.mkdtemp(prefix=f"{_PARTIAL}{final.name}-", dir=parent))
    except OSError as exc:
        raise OrversError(f"{final}: cannot write the reports here "
                          f"({exc.strerror or exc})") from None
    try:
        yield stage
        stage.chmod(0o755)
        old = parent / f"{_PARTIAL}{final.name}-old"
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
            final.rename(old)
        stage.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
