"""Accept-all / reject-all projection of a DOCX to text: the redline's own oracle."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.table import Table

from ..read.docx import open_docx
from . import ooxml

Cells = tuple[str, ...]
Item = str | tuple[Cells, ...]  # a paragraph's text, or a table as rows of cell texts


def _table(table: Table) -> tuple[Cells, ...]:
    rows = []
    for row in table.rows:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(tuple(cells))
    return tuple(rows)


def items(document: DocxDocument) -> tuple[Item, ...]:
    """The body as paragraph texts and tables (rows of cell texts, paragraphs joined by \\n)."""
    return tuple(_table(block) if isinstance(block, Table) else block.text
                 for block in document.iter_inner_content())


def project(path: str | Path, mode: str) -> tuple[Item, ...]:
    """The body's text after accepting ("accept") or rejecting ("reject") all tracked changes."""
    document = open_docx(path)
    ooxml.resolve(document, mode)
    return items(document)


def tables(projection: tuple[Item, ...]) -> list[tuple[Cells, ...]]:
    """The tables of a projection."""
    return [item for item in projection if isinstance(item, tuple)]
