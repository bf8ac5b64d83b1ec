"""Parse a programme whose measures stand in three-column tables (Tiltak | Resultat- og
effektmål | Partnere), as in the board's recommendation: from OCR text lines or table cells."""

from __future__ import annotations

from ..model import Block, Document, Measure, Programme, Section
from ..text import collapse_space
from .table_cells import read_cells
from .table_lines import read_run, split_document
from .table_measure import Columns
from .table_rows import header_kind


def looks_like_table(doc: Document) -> bool:
    """Whether the document has a 'Tiltak | Resultat- og effektmål | Partnere' table header."""
    texts = [b.text for b in doc.blocks if b.text.strip()]
    if any(header_kind(t) == 3 for t in texts):
        return True
    return any(
        header_kind(a) == 1 and header_kind(b) == 1 and header_kind(c) == 1
        and a.strip().casefold() == "tiltak"
        for a, b, c in zip(texts, texts[1:], texts[2:], strict=False)
    )


def parse_table(doc: Document) -> Programme:
    """Sections and measures (with targets and partners) of a table-layout programme."""
    notes: list[str] = []
    if any(b.kind == "cell" and b.col is not None for b in doc.blocks):
        sections, columns = read_cells(doc.blocks)
    else:
        sections, columns, notes = _read_lines(doc.blocks)
    measures = [c.measure() for c in columns]
    kept = _sections_with_measures(sections, measures)
    return Programme(
        path=doc.path,
        format=doc.format,
        layout="table",
        title=_title(doc.blocks),
        sections=kept,
        measures=tuple(measures),
        pages=doc.pages,
        warnings=(*doc.warnings, *notes, *_warnings(measures)),
    )


def _read_lines(
    blocks: tuple[Block, ...],
) -> tuple[list[Section], list[Columns], list[str]]:
    outline = split_document(blocks)
    columns: list[Columns] = []
    carried: list[Block] = []
    notes = list(outline.notes)
    for run in outline.runs:
        text = [b.line for b in carried if b.text.strip()]
        if text:
            notes.append(f"measure {run.id}: lines {text[0]}-{text[-1]}, printed among the "
                         f"cells of {columns[-1].id}, were read as part of {run.id}")
        cols, carried = read_run(run, carried)
        columns.append(cols)
    return outline.sections, columns, notes


def _sections_with_measures(
    sections: list[Section], measures: list[Measure]
) -> tuple[Section, ...]:
    """Only the sections that hold measures, and their parents: numbered lists elsewhere and
    the organisation and budget chapters are not part of the programme's outline. Where a
    number recurs (a numbered list before the programme), the last heading is the one the
    measures stand under."""
    used = {m.section for m in measures}
    used |= {s.parent for s in sections if s.id in used and s.parent}
    last = {s.id: i for i, s in enumerate(sections)}
    return tuple(s for i, s in enumerate(sections) if s.id in used and last[s.id] == i)


def _title(blocks: tuple[Block, ...]) -> str:
    """The first lines of text with a few words, up to a blank line or the page's end."""
    lines: list[Block] = []
    for b in blocks:
        if lines and (not b.text.strip() or b.page != lines[0].page):
            break
        if lines or len(b.text.split()) >= 3:
            lines.append(b)
    return collapse_space(" ".join(b.text for b in lines))


def _warnings(measures: list[Measure]) -> list[str]:
    out = []
    for m in measures:
        if not m.title:
            out.append(f"measure {m.id}: no title found")
        if not (m.result_targets or m.effect_targets):
            out.append(f"measure {m.id}: no result or effect targets found")
    ids = [m.id for m in measures]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        out.append(f"measure number {dup} occurs more than once")
    return out
