"""Read a plain-text file (a PDF's text layer, notes) into line blocks with page numbers."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError
from ..model import Block, Document
from .limits import max_bytes, too_big

# Text-layer dumps of PDFs mark a new page either with a form feed or, where the form feed
# was lost in copying, with a single space before the page's first line (" 1.3", " Tiltak").
# An indented sub-bullet (" - item") is not a page start.
_PAGE_START_RE = re.compile(r"^ (?![-•*o·]\s)\S")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_SHARE = 0.02  # control characters in text: a form feed per page, not one in fifty
# control characters (Unicode category Cc) but those of text, and U+FFFD (undecodable)
_ODD = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in _TEXT_CONTROLS)
_ODD_RE = re.compile(f"[{re.escape(_ODD)}\ufffd]")


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16, else cp1252 with a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), ()
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            "file is not UTF-8; read as Windows-1252 (cp1252)",
        )


def _looks_binary(text: str) -> bool:
    """NUL, or more control/undecodable characters than any text file has."""
    if "\x00" in text:
        return True
    return len(_ODD_RE.findall(text)) > _BINARY_SHARE * len(text)


def read_text(path: Path) -> Document:
    """One block per line; page numbers from form feeds or page-start marks."""
    if (size := path.stat().st_size) > max_bytes():
        raise too_big(path, size)
    text, warnings = decode(path.read_bytes())
    if _looks_binary(text):
        raise InputError(f"{path}: not a text file (binary content); "
                         "expected a .pdf, a .docx or UTF-8 text")
    if not text.strip():
        raise InputError(f"{path}: file is empty (only blank lines)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_ff = "\f" in text
    blocks: list[Block] = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw
        if has_ff and "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        elif not has_ff and number > 1 and _PAGE_START_RE.match(line):
            page += 1
        blocks.append(Block(text=line.rstrip(), page=page, line=number))
    # pdftotext ends every page with a form feed, the last one too: no page follows it.
    pages = max((b.page for b in blocks if b.text.strip()), default=1)
    return Document(path=str(path), format="txt", blocks=tuple(blocks), pages=pages,
                    warnings=warnings)
