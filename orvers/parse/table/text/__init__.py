"""The text fallback: measure tables in a bare text layer (an OCR'd page saved as text), one
line block each, the three columns interleaved. Used only where no word positions are known."""

from __future__ import annotations

from ....model import Block, Section
from ..columns import Columns
from .cut import word_pairs
from .runs import read_run, split_document


def read_lines(
    blocks: tuple[Block, ...],
) -> tuple[list[Section], list[Columns], list[str]]:
    """Sections, measure columns and notes of an OCR'd table document read as text."""
    outline = split_document(blocks)
    columns: list[Columns] = []
    carried: list[Block] = []
    notes = list(outline.notes)
    pairs = word_pairs(b.text for b in blocks)
    for run in outline.runs:
        text = [b.line for b in carried if b.text.strip()]
        if text:
            notes.append(f"measure {run.id}: lines {text[0]}-{text[-1]}, printed among the "
                         f"cells of {columns[-1].id}, were read as part of {run.id}")
        cols, carried = read_run(run, carried, pairs)
        columns.append(cols)
    return outline.sections, columns, notes
