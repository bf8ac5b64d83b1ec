"""The clean texts a document is repaired against: the other versions of its corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .detect import reads_norwegian

_SIBLINGS = 20  # without a manifest, at most this many text files beside the document


def corpus_texts(path: Path) -> tuple[str, ...]:
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
