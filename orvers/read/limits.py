"""Limits on what a document may make orvers read: sizes checked before anything is inflated.

Each limit can be raised with an environment variable for a real document that needs more.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from ..errors import InputError

MB = 1024 * 1024


def limit(name: str, default: int) -> int:
    """The limit NAME (ORVERS_<NAME> in the environment if set to a positive integer)."""
    value = os.environ.get(f"ORVERS_{name}", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def max_bytes() -> int:
    """Largest text a document may hold (a text file's size, a PDF's or DOCX part's text):
    ORVERS_MAX_MB, default 64 — a programme of hundreds of pages is a few MB."""
    return limit("MAX_MB", 64) * MB


def max_pages() -> int:
    """Most pages a PDF may have (ORVERS_MAX_PAGES, default 2000)."""
    return limit("MAX_PAGES", 2000)


_RATIO = 200  # deflate rarely packs XML tighter than 1:50; a bomb packs it 1:1000
_RATIO_FLOOR = MB  # small parts may compress any amount
_MAX_PARTS = 10_000


def regular_file(path: Path) -> Path:
    """PATH if it is a regular file (not a device, FIFO or folder), else an InputError."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, not a document")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file (a device or pipe), not a document")
    return path


def too_big(path: Path, size: int, what: str = "text") -> InputError:
    """The error for a document over the size limit."""
    return InputError(f"{path}: {what} larger than {max_bytes() // MB} MB "
                      f"({size / MB:.0f} MB); set ORVERS_MAX_MB to raise the limit")


def check_package(path: Path) -> None:
    """Refuse a ZIP package (DOCX, XLSX) whose parts would inflate too far: each part and the
    whole checked against the size limit, and against a compression ratio no office file has,
    from the sizes the ZIP declares (Python's zipfile never inflates a part past its size)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a ZIP: the reader says so in its own words
    if len(parts) > _MAX_PARTS:
        raise InputError(f"{path}: {len(parts)} parts in the package; not an office document")
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > _RATIO_FLOOR and part.file_size > _RATIO * max(part.compress_size, 1):
            raise InputError(f"{path}: part {part.filename} inflates {part.file_size // MB} MB "
                             f"from {part.compress_size} bytes (a ZIP bomb?); refused")
        if part.file_size > max_bytes():
            raise too_big(path, part.file_size, f"part {part.filename}")
    if total > 4 * max_bytes():
        raise too_big(path, total, "unpacked package")
