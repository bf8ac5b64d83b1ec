"""The clean texts a document is repaired against: the other versions of its corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..read.limits import max_bytes
from .detect import reads_norwegian

_SIBLINGS = 20  # without a manifest, at most this many text files beside the document ...
_LOOKED_AT = 200  # ... of the first this many
_NEW_WORDS = 0.1  # a sibling that adds fewer new words than this share of its own is a copy


def corpus_texts(path: Path) -> tuple[str, ...]:
    """Texts of the other versions in the corpus the file belongs to: those corpus.toml lists,
    or, without a manifest, the text files beside it that read as clean Norwegian (æ/ø/å in
    their words, unlike an OCR layer), each adding words the ones taken before lack (a
    folder of many dumps of one version lends the words of the others too)."""
    folder = path.resolve().parent
    manifest = folder / "corpus.toml"
    if manifest.exists():
        versions = tomllib.loads(manifest.read_text(encoding="utf-8")).get("version", [])
        return tuple(_read(folder / v["file"]) for v in versions
                     if "file" in v and _readable(folder / v["file"], path))
    texts: list[str] = []
    seen: set[str] = set()
    for f in sorted(folder.glob("*.txt"))[:_LOOKED_AT]:
        if len(texts) == _SIBLINGS or not _readable(f, path):
            continue
        text = _read(f)
        words = set(text.casefold().split())
        if reads_norwegian(text) and len(words - seen) >= _NEW_WORDS * len(words):
            texts.append(text)
            seen |= words
    return tuple(texts)


def _readable(f: Path, path: Path) -> bool:
    """A text file other than the document, not larger than a document may be."""
    return (f.suffix == ".txt" and f.is_file() and f.resolve() != path.resolve()
            and f.stat().st_size <= max_bytes())


def _read(f: Path) -> str:
    return f.read_text(encoding="utf-8", errors="replace")
