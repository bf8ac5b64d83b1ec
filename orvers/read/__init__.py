"""Readers: a file (PDF, DOCX, text) → a Document of blocks with page and line.

Each reader is imported only for the format at hand: pdfplumber and python-docx take longer
to import than a small text file takes to read.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .limits import regular_file

TEXT_SUFFIXES = {".txt", ".text", ".md"}
# documents an office suite saves that orvers does not read: converted, they are read
_OFFICE_SUFFIXES = {".doc", ".odt", ".rtf", ".docm", ".dotx", ".wpd", ".pages"}


# characters a reader may meet that print nothing (a soft hyphen where no line broke, zero-
# width spaces and joiners, a byte order mark) and a non-breaking hyphen: left out, or an
# ordinary hyphen, so that "kunn\u00adskap" is the word "kunnskap" in every version
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None,
                            "\u2060": None, "\ufeff": None, "\u2011": "-"})


def read(path: str | Path) -> Document:
    """Read a file into blocks, choosing the reader by its extension; characters that print
    nothing left out (_INVISIBLE)."""
    document = _read(path)
    if not any(b.text != b.text.translate(_INVISIBLE) for b in document.blocks):
        return document
    return replace(document, blocks=tuple(
        replace(b, text=b.text.translate(_INVISIBLE),
                words=tuple(replace(w, text=w.text.translate(_INVISIBLE)) for w in b.words))
        for b in document.blocks))


def _read(path: str | Path) -> Document:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if regular_file(p).stat().st_size == 0:
        raise InputError(f"{p}: file is empty")
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(p)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(p)
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(p)
    hint = (f"; save it as .docx or .pdf (soffice --headless --convert-to docx {p.name})"
            if suffix in _OFFICE_SUFFIXES else "")
    raise InputError(f"{p}: unknown format '{suffix or '(none)'}' (expected .pdf, .docx or "
                     f".txt){hint}")
