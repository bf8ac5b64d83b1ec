"""Text set in columns with spaces (pdftotext -layout): its words given places, so that the
geometry reader can read the columns as it reads a PDF's.

Each word stands where its characters do, as if printed in a monospaced face at 10 pt: a
character 5 pt wide, a line 12 pt below the one above (two spaces then part two runs, one
does not). Such a text places its columns only roughly: they move from page to page and
from row to row (a long word pushes the columns right of it along), so the reader finds the
columns of each row anew (geometry.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import Block, Word
from .gutters import Edges, Gutter
from .numbers import is_number

CHAR = 5.0  # points a character is wide
_LINE = 12.0  # points from one line to the next
_HEIGHT = 10.0  # points a line's text is tall
_WORD_RE = re.compile(r"\S+")
_COLUMNS_RE = re.compile(r"\S {2,}\S")  # two runs of text on one line, spaces between
_SPACED = 0.2  # a text is set in columns when this share of its lines has two runs


def is_spaced(blocks: tuple[Block, ...]) -> bool:
    """Whether a text's lines (no word places) are set in columns with runs of spaces."""
    lines = [b.text for b in blocks if b.text.strip() and not b.words and b.kind == "line"]
    return bool(lines) and sum(1 for t in lines if _COLUMNS_RE.search(t)) >= _SPACED * len(lines)


def placed(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each line's words placed by their characters' columns."""
    out: list[Block] = []
    row, page = 0, None
    for b in blocks:
        if b.page != page:
            row, page = 0, b.page
        row += 1
        top = row * _LINE
        words = tuple(Word(m.group(), m.start() * CHAR, m.end() * CHAR, top, top + _HEIGHT)
                      for m in _WORD_RE.finditer(b.text))
        out.append(replace(b, words=words, x0=words[0].x0 if words else None))
    return tuple(out)


def row_starts(blocks: tuple[Block, ...]) -> dict[int, list[tuple[Word, ...]]]:
    """For each line (by index) that opens a row, a measure number at the page's left
    margin, or a page: the words of its lines up to the next such line."""
    left: dict[int, float] = {}
    for b in blocks:
        if b.words:
            left[b.page] = min(left.get(b.page, b.words[0].x0), b.words[0].x0)
    out: dict[int, list[tuple[Word, ...]]] = {}
    current: list[tuple[Word, ...]] = []
    page = None
    for i, b in enumerate(blocks):
        if not b.words:
            continue
        first = b.words[0]
        if b.page != page or (is_number(first.text) and first.x0 - left[b.page] < CHAR):
            current = out.setdefault(i, [])
            page = b.page
        current.append(b.words)
    return out


def refit(edges: Edges, gutters: list[Gutter]) -> Edges:
    """The edges of the target and partner columns moved to the row's own gutters: each
    gutter goes to the column edge it lies nearest, and an edge takes the nearest of its
    gutters; an edge no gutter went to stays as it was."""
    out = list(edges)
    placed = [k for k in (1, 2) if edges[k] is not None]
    for k in placed:
        mine = [g for g in gutters
                if min(placed, key=lambda j: _distance(g, edges[j])) == k]  # type: ignore[arg-type]
        if mine:
            out[k] = min(mine, key=lambda g: _distance(g, edges[k])).edge  # type: ignore[arg-type]
    if out[1] is not None and out[2] is not None and out[1] >= out[2]:
        return edges
    return out[0], out[1], out[2]


def _distance(gutter: Gutter, x: float) -> float:
    """How far x lies from the stretch between a gutter's start and its column's edge."""
    return max(gutter.start - x, x - gutter.edge, 0.0)
