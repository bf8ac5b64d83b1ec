"""Parsers: a Document of blocks → a Programme, one parser per layout.

Layouts: outline (numbered `3.2.4.` items), table (Tiltak | Resultat- og effektmål |
Partnere), label-blocks (`Tiltak:` / `Partnere:` / `Resultatmål:`), bullet-notes (workshop
`*` / `o` / `-` bullets), strategy (strategic guidelines: areas and their strategies).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import NoMeasuresError, OrversError
from ..model import Document, Programme
from .checks import structure_checks

if TYPE_CHECKING:
    from .table.geometry import Geometry

LAYOUTS: tuple[str, ...] = ("outline", "table", "label-blocks", "bullet-notes", "strategy")

_TILTAK_RE = re.compile(r"(?:^|\t)\s*Tiltak(?:\s+(?:nr\.?\s*)?\d{1,3}(?:\.\d{1,3})*)?\s*:",
                        re.IGNORECASE)
_STRATEGY_RE = re.compile(r"^\s*(Strategier|Delmål)\s*:?\s*$", re.IGNORECASE)


def _parser(layout: str, geometry: Geometry | None) -> Callable[[Document], Programme]:
    # Imported lazily: each layout's module is loaded only when that layout is used.
    if layout == "outline":
        from .outline import parse_outline
        return parse_outline
    if layout == "table":
        from .table import parse_table
        return lambda doc: parse_table(doc, geometry)
    if layout == "label-blocks":
        from .labels import parse_labels
        return parse_labels
    if layout == "bullet-notes":
        from .bullets import parse_bullets
        from .table import looks_like_table
        from .table.proposals import parse_proposals
        return lambda doc: (parse_proposals(doc, geometry) if looks_like_table(doc, geometry)
                            else parse_bullets(doc))
    if layout == "strategy":
        from .strategy import parse_strategy
        return parse_strategy
    raise OrversError(f"unknown layout '{layout}' (expected one of {', '.join(LAYOUTS)})")


def detect_layout(doc: Document, geometry: Geometry | None = None) -> str | None:
    """The layout the document's text looks like, or None if none fits (geometry: where its
    words stand, if already read)."""
    from .common import labelled
    from .table import looks_like_table
    texts = [b.text for b in labelled(doc.blocks) if b.text.strip()]
    if looks_like_table(doc, geometry):
        from .table.proposals import is_proposal_table
        return "bullet-notes" if is_proposal_table(doc, geometry) else "table"
    from .outline import count_numbered
    if count_numbered(doc) >= 5:
        return "outline"
    if sum(1 for t in texts if _TILTAK_RE.search(t)) >= 3:
        return "label-blocks"
    from ..text import is_bullet
    if sum(1 for t in texts if is_bullet(t)) >= 5:  # typed "*", "o" or Word's glyphs
        return "bullet-notes"
    if any(_STRATEGY_RE.match(t) for t in texts):
        return "strategy"
    return None


def parse(doc: Document, layout: str | None = None) -> Programme:
    """Parse a document with the given layout, or the detected one (a table of contents
    left out first: contents.py)."""
    from .contents import without_contents
    from .form_tables import form_lines
    doc, notes = form_lines(without_contents(doc))
    geometry = None
    if layout in (None, "table", "bullet-notes"):  # read once, for detection and the parser
        from .table.geometry import read_geometry
        geometry = read_geometry(doc)
    chosen = layout or detect_layout(doc, geometry)
    if chosen is None:
        raise NoMeasuresError(f"{doc.path}: no measures (tiltak) found — is this an action "
                              "programme? try --layout")
    programme = _parser(chosen, geometry)(doc)
    if not programme.measures:
        raise NoMeasuresError(f"{doc.path}: no measures (tiltak) found — is this an action "
                              f"programme? try --layout (read as {chosen})")
    return replace(programme, warnings=(*programme.warnings, *notes),
                   checks=structure_checks(programme, programme.checks))
