"""Read a plain-text file (a PDF's text layer, notes) into line blocks with page numbers."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Block, Document

# Text-layer dumps of PDFs mark a new page either with a form feed or, where the form feed
# was lost in copying, with a single space before the page's first line (" 1.3", " Tiltak").
# An indented sub-bullet (" - item") is not a page start.
_PAGE_START_RE = re.compile(r"^ (?![-•*o·]\s)\S")


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (with or without BOM), falling back to cp1252 with a warning."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            "file is not UTF-8; read as Windows-1252 (cp1252)",
        )


def read_text(path: Path) -> Document:
    """One block per line; page numbers from form feeds or page-start marks."""
    text, warnings = decode(path.read_bytes())
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
    return Document(path=str(path), format="txt", blocks=tuple(blocks), pages=page,
                    warnings=warnings)
