"""Write a Programme as a Word document: a numbered outline or the board's 3-column tables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import docx
from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt

from ..model import Measure, Programme, Section

WIDTHS = (Cm(5.5), Cm(7), Cm(5.5))
HEADERS = ("Tiltak", "Resultat- og effektmål", "Partnere")


def programme_docx(programme: Programme, layout: Literal["outline", "table"] = "outline"
                   ) -> DocxDocument:
    """A python-docx Document holding the programme in the given layout."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(1.5)
    document.add_heading(programme.title or Path(programme.path).stem, level=0)
    by_section: dict[str | None, list[Measure]] = {}
    for m in programme.measures:
        by_section.setdefault(m.section, []).append(m)
    written: set[str | None] = set()
    for section in programme.sections:
        _heading(document, section)
        measures = by_section.get(section.id, [])
        written.add(section.id)
        if measures:
            _measures(document, measures, layout)
    rest = [m for s, ms in by_section.items() if s not in written for m in ms]
    if rest:
        _measures(document, rest, layout)
    return document


def write_programme_docx(programme: Programme, path: str | Path,
                         layout: Literal["outline", "table"] = "outline") -> Path:
    """Save the programme as a DOCX file at path."""
    out = Path(path)
    programme_docx(programme, layout).save(str(out))
    return out


def _heading(document: DocxDocument, section: Section) -> None:
    level = min(section.id.count(".") + 1, 9) if section.id else 1
    document.add_heading(f"{section.id}. {section.title}" if section.id else section.title,
                         level=level)


def _measures(document: DocxDocument, measures: list[Measure], layout: str) -> None:
    if layout == "outline":
        for m in measures:
            document.add_paragraph(f"{m.id}. {m.title}" if m.id_source == "document" else m.title)
        return
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text
    for m in measures:
        tiltak, targets, partners = table.add_row().cells
        tiltak.text = f"{m.id}. {m.title}" if m.id_source == "document" else m.title
        _bullets(targets, m.result_targets, "Resultatmål:", first=True)
        _bullets(targets, m.effect_targets, "Effektmål:", first=not m.result_targets)
        _bullets(partners, m.partners, None, first=True)
    table.autofit = False
    for i, width in enumerate(WIDTHS):
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width


def _bullets(cell, items: tuple[str, ...], label: str | None, first: bool) -> None:
    if not items:
        return
    if label:
        if first:
            cell.paragraphs[0].text = label
        else:
            cell.add_paragraph(label)
    for i, item in enumerate(items):
        if first and not label and i == 0:
            cell.paragraphs[0].text = item
            cell.paragraphs[0].style = "List Bullet"
        else:
            cell.add_paragraph(item, style="List Bullet")
