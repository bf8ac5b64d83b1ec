"""The library's front door: a file → a parsed Programme."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from .model import Programme
from .ocr import looks_ocr_damaged, needs_repair, repair_programme
from .ocr_lexicon import build_lexicon
from .parse import parse
from .read import read


def load(path: str | Path, layout: str | None = None, label: str = "",
         repair_ocr: bool = True) -> Programme:
    """Read a PDF, DOCX or text file and parse its measures (layout detected unless given).

    A document that reads like an OCR text layer (ø as `g`, å as `a` …) is repaired, the text
    as read kept in raw_title; the word list is completed by the other versions of its corpus.
    """
    programme = parse(read(path), layout)
    if repair_ocr and looks_ocr_damaged(programme):
        lexicon = build_lexicon(_corpus_texts(Path(path)))
        if needs_repair(programme, lexicon):
            programme, report = repair_programme(programme, lexicon)
            programme = replace(programme, warnings=(
                *programme.warnings,
                f"OCR text layer: {report.words_changed} misread words repaired (ø, æ, å)"))
    return replace(programme, label=label) if label else programme


def _corpus_texts(path: Path) -> tuple[str, ...]:
    """Texts of the other versions in the corpus the file belongs to (corpus.toml beside it)."""
    manifest = path.resolve().parent / "corpus.toml"
    if not manifest.exists():
        return ()
    versions = tomllib.loads(manifest.read_text(encoding="utf-8")).get("version", [])
    files = [manifest.parent / v["file"] for v in versions if "file" in v]
    return tuple(f.read_text(encoding="utf-8", errors="replace") for f in files
                 if f.suffix == ".txt" and f.exists() and f.resolve() != path.resolve())
