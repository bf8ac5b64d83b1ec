"""Readers: a file (PDF, DOCX, text) → a Document of blocks with page and line."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document
from .docx import read_docx
from .pdf import read_pdf
from .text import read_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read(path: str | Path) -> Document:
    """Read a file into blocks, choosing the reader by its extension."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    if p.stat().st_size == 0:
        raise InputError(f"{p}: file is empty")
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(p)
    if suffix == ".docx":
        return read_docx(p)
    if suffix == ".pdf":
        return read_pdf(p)
    raise InputError(f"{p}: unknown format '{suffix or '(none)'}' (expected .pdf, .docx or .txt)")
