"""Whole-document redline of any two DOCX files: blocks aligned, then words diffed.

Paragraphs and tables of both files are aligned (difflib anchors, rapidfuzz pairs the rest);
paired paragraphs and table cells are word-diffed; table rows are aligned the same way. The result
keeps the new file's page setup, styles and paragraph properties; unchanged paragraphs and rows
are copied as they are (formatting, links, fields); changed ones are rebuilt as plain runs.
Removed paragraphs keep only their style. A paragraph added (removed) between two tables leaves
an empty paragraph after rejecting (accepting) all, in Word's model as in LibreOffice: it has no
neighbour to merge with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from ..diff import word_diff
from ..errors import InputError
from ..model import Op
from . import ooxml
from .align import align


@dataclass
class _Body:
    """The output body being written: paragraphs wait until a table or the end closes them."""

    document: DocxDocument
    rev: ooxml.Revisions
    paras: list[tuple[Op, ...]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    sources: list[Paragraph | None] = field(default_factory=list)

    def paragraph(self, ops: tuple[Op, ...], style: str, source: Paragraph | None) -> None:
        self.paras.append(ops)
        self.styles.append(style)
        self.sources.append(source)

    def flush(self) -> None:
        """Write the waiting paragraphs (a table or the end closes a run of paragraphs)."""
        if self.paras:
            ooxml.write_paragraphs(None, lambda: ooxml.new_body_paragraph(self.document),
                                   self.paras, self.rev, styles=self.styles,
                                   sources=self.sources)
        self.paras, self.styles, self.sources = [], [], []


def open_input(path: str | Path, warnings: list[str]) -> DocxDocument:
    """Open a DOCX; tracked changes already in it are accepted first, with a warning."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"cannot read {path} as a Word document (.docx): {exc}") from exc
    if ooxml.has_revisions(document):
        ooxml.resolve(document, "accept")
        warnings.append(f"{path} already had tracked changes; they were accepted before comparing")
    return document


def _blocks(document: DocxDocument) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _key(block: Paragraph | Table) -> str:
    if isinstance(block, Paragraph):
        return block.text
    return "\u2042 " + " | ".join(c.text for row in block.rows for c in row.cells)


def _row_key(row: _Row) -> str:
    return " | ".join(c.text for c in row.cells)


def _cell_paras(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def _para_ops(old: list[str], new: list[str]) -> list[tuple[Op, ...]]:
    out: list[tuple[Op, ...]] = []
    for i, j in align(old, new):
        if i is not None and j is not None:
            out.append(word_diff(old[i], new[j]))
        elif i is not None:
            out.append((("-", old[i]),))
        else:
            out.append((("+", new[j]),))
    return out


def _table(body: _Body, old: Table | None, new: Table | None) -> None:
    rev = body.rev
    base = new if new is not None else old
    element = ooxml.append_block(body.document, base._tbl)
    table = Table(element, body.document._body)
    ooxml.clear_rows(table)
    old_rows = list(old.rows) if old is not None else []
    new_rows = list(new.rows) if new is not None else []
    pairs = align([_row_key(r) for r in old_rows], [_row_key(r) for r in new_rows])
    for i, j in pairs:
        a = old_rows[i] if i is not None else None
        b = new_rows[j] if j is not None else None
        if a is not None and b is not None and len(a.cells) != len(b.cells):
            ooxml.mark_row(ooxml.append_row(table, a, text_only=True), "-", rev)
            ooxml.mark_row(ooxml.append_row(table, b), "+", rev)
        elif a is None:
            ooxml.mark_row(ooxml.append_row(table, b), "+", rev)
        elif b is None:
            ooxml.mark_row(ooxml.append_row(table, a, text_only=True), "-", rev)
        elif _row_key(a) == _row_key(b):
            ooxml.append_row(table, b)
        else:
            row = ooxml.append_row(table, b)
            seen = set()
            for old_cell, cell in zip(a.cells, row.cells, strict=True):
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                paras = _para_ops(_cell_paras(old_cell), _cell_paras(cell))
                ooxml.clear_cell(cell)
                ooxml.write_paragraphs(None, cell.add_paragraph, paras, rev)


def build(old_path: str | Path, new_path: str | Path, author: str = "orvers",
          date: dt.datetime | None = None) -> tuple[DocxDocument, list[str]]:
    """The plain redline of two DOCX files as a python-docx Document, and warnings."""
    warnings: list[str] = []
    old, new = open_input(old_path, warnings), open_input(new_path, warnings)
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    document = open_input(new_path, [])
    ooxml.clear_body(document)
    body = _Body(document, ooxml.Revisions(document, author, date, also=(old, new)))
    pairs = []
    for i, j in align([_key(b) for b in old_blocks], [_key(b) for b in new_blocks]):
        if i is not None and j is not None and (
                isinstance(old_blocks[i], Table) != isinstance(new_blocks[j], Table)):
            pairs += [(i, None), (None, j)]
        else:
            pairs.append((i, j))
    for i, j in pairs:
        a = old_blocks[i] if i is not None else None
        b = new_blocks[j] if j is not None else None
        if isinstance(a, Table) or isinstance(b, Table):
            body.flush()
            _table(body, a, b)
        elif a is not None and b is not None:
            body.paragraph(word_diff(a.text, b.text), "", b)
        elif a is not None:
            body.paragraph((("-", a.text),), ooxml.paragraph_style_id(a), None)
        else:
            body.paragraph((("+", b.text),), "", b)
    body.flush()
    return document, warnings
