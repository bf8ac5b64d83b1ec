"""The library's front door: a file → a parsed Programme."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Programme
from .parse import parse
from .read import read


def load(path: str | Path, layout: str | None = None, label: str = "") -> Programme:
    """Read a PDF, DOCX or text file and parse its measures (layout detected unless given)."""
    programme = parse(read(path), layout)
    return replace(programme, label=label) if label else programme
