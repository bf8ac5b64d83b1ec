"""The library's front door: a file → a parsed Programme."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from .model import Programme
from .ocr import looks_ocr_damaged, needs_repair, reads_norwegian, repair_programme
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


_SIBLINGS = 20  # without a manifest, at most this many text files beside the document


def _corpus_texts(path: Path) -> tuple[str, ...]:
    """Texts of the other versions in the corpus the file belongs to: those corpus.toml lists,
    or, without a manifest, the text files beside it that read as clean Norwegian (æ/ø/å in
    their words, unlike an OCR layer)."""
    folder = path.resolve().parent
    manifest = folder / "corpus.toml"
    listed = manifest.exists()
    if listed:
        versions = tomllib.loads(manifest.read_text(encoding="utf-8")).get("version", [])
        files = [folder / v["file"] for v in versions if "file" in v]
    else:
        files = sorted(folder.glob("*.txt"))[:_SIBLINGS]
    texts = (f.read_text(encoding="utf-8", errors="replace") for f in files
             if f.suffix == ".txt" and f.is_file() and f.resolve() != path.resolve())
    return tuple(t for t in texts if listed or reads_norwegian(t))
