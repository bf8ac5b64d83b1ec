"""Workshop proposals kept as a table (Tiltak | Resultat- og effektmål | Partnere, one
proposal a row, no measure numbers), the way group work is often noted in Word.

The columns are those of the board's measure table, but a row starts at a table row (Word,
ruled PDF) or at a bullet in the first column (an unruled or OCR'd PDF), not at a number.
Proposals get ids W1, W2, … in document order; the heading above a table names its section.
"""

from __future__ import annotations

from itertools import groupby

from ...model import Block, Document, Measure, Programme, Section, Source
from ..common import document_title
from .cells import block_text
from .columns import Columns
from .cues import header_kind, is_bullet, strip_bullet
from .geometry import Geometry, read_geometry, table_cells
from .numbers import opening

_NUMBERED_ROWS = 2  # a measure table numbers its rows; fewer numbers than this: proposals
_HEADING_WORDS = 8


def is_proposal_table(doc: Document, geometry: Geometry | None = None) -> bool:
    """Whether the document's table rows carry no measure numbers (a proposal table): no
    line opens with one, nor (where the words' places give a table with a header: geometry)
    its first column ("Innsatsområde | Tiltak | …": a line opens with the area's name)."""
    numbered = sum(1 for b in doc.blocks if opening(block_text(b)))
    if numbered < _NUMBERED_ROWS and geometry is not None and geometry.headed:
        numbered = sum(1 for b in table_cells(geometry)[0]
                       if b.kind == "cell" and b.col == 0 and opening(block_text(b)))
    return numbered < _NUMBERED_ROWS


def _heading(block: Block) -> str:
    """The text of a short line outside the tables: the next table's section, if last."""
    text = block.text.strip()
    return text if len(text.split()) <= _HEADING_WORDS and not text.endswith(".") else ""


def parse_proposals(doc: Document, geometry: Geometry | None = None) -> Programme:
    """Sections and proposals (with targets and partners) of a proposal table (geometry: the
    document's, if already read)."""
    geometry = geometry or read_geometry(doc)
    blocks, notes = table_cells(geometry) if geometry.found else (doc.blocks, [])
    sections: dict[str, Section] = {}
    rows: list[Columns] = []
    section: str | None = None
    name_open = False  # whether the last partner line ended within a name
    key = lambda b: (b.kind == "cell" and b.col is not None, b.table, b.row)  # noqa: E731
    for (is_cell, _, row), group in groupby(blocks, key=key):
        cells = [b for b in group if block_text(b) and not _is_header(b)]
        if not is_cell:
            section = next((_heading(b) for b in reversed(cells) if _heading(b)), section)
            continue
        if section is not None:
            sections.setdefault(section, Section(section, section, None, raw_title=section))
        if row is not None and cells:
            rows.append(Columns("", section, cells[0].page, cells[0].line, cells[0].line))
        for b in cells:
            text = block_text(b)
            if row is None and b.col == 0 and (is_bullet(text) or not rows):
                rows.append(Columns("", section, b.page, b.line, b.line))
                name_open = False
            if not rows:
                continue
            cols = rows[-1]
            cols.line_end = max(cols.line_end, b.line)
            if b.col == 0:
                cols.add_title(strip_bullet(text))
            elif b.col == 1:
                cols.add_middle(text.replace("\n", " "), is_bullet(text))
            else:
                names = text.replace("\n", " ").split(",")
                if name_open and not is_bullet(text):  # a printed line of the list goes on
                    cols.add_partner(names.pop(0), False)
                for name in names:
                    cols.add_partner(name, True)
                # a comma list wrapped over printed lines: a name goes on unless one ended it
                name_open = row is None and not text.rstrip().endswith(",")
    measures = []
    for cols in rows:
        m = cols.measure()
        if m.title:
            measures.append(Measure(
                id=f"W{len(measures) + 1}", title=m.title, raw_title=m.title,
                section=cols.section, result_targets=m.result_targets,
                effect_targets=m.effect_targets, partners=m.partners,
                source=Source(cols.page, cols.line_start, cols.line_end), id_source="assigned"))
    return Programme(path=doc.path, format=doc.format, layout="bullet-notes",
                     title=document_title(doc.blocks), sections=tuple(sections.values()),
                     measures=tuple(measures), pages=doc.pages,
                     warnings=(*doc.warnings, *notes))


def _is_header(block: Block) -> bool:
    return bool(header_kind(block.text)) or header_kind(block.text.replace("\n", " ")) == 3
