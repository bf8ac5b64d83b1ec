"""Parse a programme whose measures stand in three-column tables (Tiltak | Resultat- og
effektmål | Partnere), as in the board's recommendation.

Where the words' positions are known (a PDF, OCR layer or not), the columns are read from them
(geometry.py); ruled tables come as cells already (cells.py); only a bare text layer goes
through the text fallback (text/): its columns interleaved line by line, or printed one after
another (text/columnwise.py, pdftotext without -layout)."""

from __future__ import annotations

import re
from pathlib import Path

from ...model import Block, Check, Document, Measure, Programme, Section
from ...text import collapse_space
from ..amounts import drop_data_rows
from ..common import document_title, numbered_blocks
from .cells import is_measure_grid, read_cells
from .cues import CHAPTER_RE, header_kind
from .geometry import Geometry, read_geometry, table_cells
from .named import names_measure_columns
from .numbers import NUMBER_RE
from .text import read_lines
from .text.columnwise import is_column_dump, read_columnwise
from .text.stacked import is_stacked_dump, read_stacked

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_TITLE_LINES = 3
UNLABELLED = ("targets without a Resultatmål/Effektmål label: read as result targets (a column "
              "between the titles and the partners)")


def looks_like_table(doc: Document, geometry: Geometry | None = None) -> bool:
    """Whether the document has a 'Tiltak | Resultat- og effektmål | Partnere' table header,
    or words that stand in the columns of a measure table without one (geometry: the
    document's, if already read)."""
    texts = [b.text for b in doc.blocks if b.text.strip()]
    lines = numbered_blocks(doc.blocks)  # "Tiltak 2.1: …" as "2.1. …"
    if (any(header_kind(t) == 3 for t in texts) or is_column_dump(lines)
            or names_measure_columns(doc.blocks)):
        return True
    if is_measure_grid(doc.blocks) or (geometry or read_geometry(doc)).found:
        return True
    if is_stacked_dump(lines):
        return True
    return any(
        header_kind(a) == 1 and header_kind(b) == 1 and header_kind(c) == 1
        and a.strip().casefold() == "tiltak"
        for a, b, c in zip(texts, texts[1:], texts[2:], strict=False)
    )


def parse_table(doc: Document, geometry: Geometry | None = None) -> Programme:
    """Sections and measures (with targets and partners) of a table-layout programme
    (geometry: the document's, if already read)."""
    notes: list[str] = []
    leftover: list[Check] = []
    geometry = geometry or read_geometry(doc)
    blocks, cell_notes = table_cells(geometry) if geometry.found else (doc.blocks, [])
    in_cells = any(b.kind == "cell" and b.col is not None for b in blocks)
    if in_cells:
        sections, columns, leftover, notes = read_cells(blocks)
    else:  # numbers printed another way ("Tiltak 2.1: …") in the form the readers know
        lines = numbered_blocks(doc.blocks)
        reader = (read_columnwise if is_column_dump(lines) else
                  read_stacked if is_stacked_dump(lines) else read_lines)
        sections, columns, notes = reader(lines)
    words = vocabulary(doc.blocks)
    measures = [c.measure(words) for c in columns]
    keep, data_notes = drop_data_rows(measures)
    columns, measures = [columns[i] for i in keep], [measures[i] for i in keep]
    notes += data_notes
    # labels where a label stands: those the reader met opening a target cell's line, not the
    # word mentioned in a paragraph around the tables
    if not any(c.seen for c in columns):
        if any(m.result_targets for m in measures):
            notes.append(UNLABELLED)
    elif in_cells and (ids := [c.id for c in columns if c.result and not c.seen]):
        notes.append(f"measure{'s' if len(ids) > 1 else ''} {', '.join(ids)}: {UNLABELLED}")
    kept = _sections_with_measures(sections, measures)
    title, title_notes = _title(doc)
    return Programme(
        path=doc.path,
        format=doc.format,
        layout="table",
        title=title,
        sections=kept,
        measures=tuple(measures),
        pages=doc.pages,
        warnings=(*doc.warnings, *title_notes, *cell_notes, *notes, *_warnings(measures)),
        checks=tuple(leftover),
    )


def vocabulary(blocks: tuple[Block, ...]) -> frozenset[str]:
    """The document's words, casefolded."""
    return frozenset(w.casefold() for b in blocks for w in _WORD_RE.findall(b.text))


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


def _title(doc: Document) -> tuple[str, list[str]]:
    """The document's title: its first lines of a few words, up to a blank line, the page's
    end, a numbered heading or the table header (at most three lines). A title whose first
    word is cut off at the page's left edge ("ing fra styret …") gets its start back from the
    file name when a word of it ends in the cut word ("…-innstilling-styret"), as files are
    named after their document; otherwise it shows the cut with "…"."""
    lines: list[Block] = []
    for b in doc.blocks:
        text = b.text.strip()
        if lines and (not text or b.page != lines[0].page or len(lines) == _TITLE_LINES):
            break
        if NUMBER_RE.match(text) or CHAPTER_RE.match(text) or header_kind(text):
            break
        if lines or len(text.split()) >= 3:
            lines.append(b)
    title = collapse_space(" ".join(b.text for b in lines))
    if not title:
        return document_title(doc.blocks), []
    if not title[:1].islower():
        return title, []
    head = _lost_start(title.split()[0], Path(doc.path).stem)
    if not head:
        return f"…{title}", [f"title: its start is cut off in the text ({title[:30]} …)"]
    return f"{head} {title.split(' ', 1)[1]}", [
        f"title: its start, cut off in the text, was taken from the file name ({head})"]


def _lost_start(cut: str, stem: str) -> str:
    """The file name's words up to the first one that ends in the cut word, capitalised."""
    words = re.findall(r"[^\W_]+", stem)
    while words and words[0].isdigit():
        words.pop(0)  # a date in front
    for i, word in enumerate(words):
        if len(word) > len(cut) and word.casefold().endswith(cut.casefold()):
            head = " ".join(words[:i + 1])
            return head[:1].upper() + head[1:]
    return ""


def _warnings(measures: list[Measure]) -> list[str]:
    out = []
    untargeted = not any(m.result_targets or m.effect_targets for m in measures)
    for m in measures:
        if not m.title:
            out.append(f"measure {m.id}: no title found")
        if not (m.result_targets or m.effect_targets or untargeted):
            out.append(f"measure {m.id}: no result or effect targets found")
    if untargeted and len(measures) > 1:
        out.append("no measure has result or effect targets (a table of titles and partners)")
    elif untargeted and measures:
        out.append(f"measure {measures[0].id}: no result or effect targets found")
    return out
