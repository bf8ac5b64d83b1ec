"""The library's front door: a file → a parsed Programme."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Programme
from .ocr import repair_document
from .parse import parse
from .read import read


def load(path: str | Path, layout: str | None = None, label: str = "",
         repair_ocr: bool = True, ocr: str | None = None) -> Programme:
    """Read a PDF, DOCX or text file and parse its measures (layout detected unless given).

    A document that reads like an OCR text layer (ø as `g`, å as `a` …) is repaired, the text
    as read kept in raw_title; the word list is completed by the other versions of its corpus.
    With `ocr` (a tesseract language: "nor", "eng"), a scanned PDF is read by tesseract first
    (ocr/scan.py; the `ocr` extra).
    """
    if ocr:
        from .ocr.scan import read_scanned

        document = read_scanned(Path(path), ocr)
    else:
        document = read(path)
    programme = parse(document, layout)
    if repair_ocr:
        programme = repair_document(programme, path)
    return replace(programme, label=label) if label else programme
