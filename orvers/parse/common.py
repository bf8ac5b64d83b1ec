"""Helpers shared by the layout parsers: titles, sources, sections."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Source
from ..text import numbered

_SPACE = 0.25  # a word space, as a share of the font's height
_EDGE_SHARE = 0.9  # the right edge of the text: this share of the lines end left of it
_EDGE_LINES = 10  # lines needed to tell the right edge
_SIZE = 0.1  # a line whose size differs by more than this share is set apart (a heading)


def nonblank(blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """The blocks that hold text."""
    return [b for b in blocks if b.text.strip()]


def document_title(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The first line with text: the document's title as printed."""
    for b in blocks:
        if b.text.strip():
            return " ".join(b.text.split())
    return ""


def source_of(blocks: list[Block]) -> Source:
    """Page of the first block and the line span the blocks cover."""
    if not blocks:
        return Source(1, 0, 0)
    return Source(blocks[0].page, blocks[0].line, blocks[-1].line)


_LEVEL_BULLETS = ("*", "o", "-")


def with_label(block: Block) -> str:
    """The block's text with its Word list label in front: `3.2.4. text`, or a typed bullet
    (`*`, `o`, `-` by list level) for a bulleted paragraph, as a text layer would print it."""
    label = block.list_label.strip()
    if not label:
        return block.text
    if any(c.isdigit() for c in label):
        return f"{label} {block.text}"
    bullet = _LEVEL_BULLETS[min(block.list_level or 0, len(_LEVEL_BULLETS) - 1)]
    return f"{bullet} {block.text}"


_HEADING_STYLE_RE = re.compile(r"^(Heading|Overskrift)\s*\d", re.IGNORECASE)  # Word styles


def is_heading_style(block: Block) -> bool:
    """Whether a Word paragraph is set in a heading style ("Heading 2", "Overskrift 2")."""
    return bool(_HEADING_STYLE_RE.match(block.style))


def labelled(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with list labels folded into their text (see `with_label`)."""
    return tuple(replace(b, text=with_label(b)) if b.list_label.strip() else b for b in blocks)


def right_edge(blocks: tuple[Block, ...]) -> float | None:
    """Where a PDF's lines end on the right (most of them left of it), None without enough
    lines placed on the page."""
    ends = sorted(b.words[-1].x1 for b in blocks if len(b.words) >= 2)
    return ends[int(_EDGE_SHARE * (len(ends) - 1))] if len(ends) >= _EDGE_LINES else None


def wrapped(line: Block, after: Block, right: float | None) -> bool:
    """Whether a PDF's line broke only because the next line's first word did not fit (its
    end, a word space and that word pass the right edge): what the line says goes on, as a
    line of a narrow column breaks after a few words (False where words are not placed, and
    where the next line is set in another size: a heading)."""
    if right is None or not line.words or not after.words:
        return False
    last, word = line.words[-1], after.words[0]
    size, next_size = last.bottom - last.top, word.bottom - word.top
    if abs(next_size - size) > _SIZE * size:
        return False
    return last.x1 + _SPACE * size + (word.x1 - word.x0) > right


def numbered_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each item's number printed another way ("Tiltak 3.1.2: Title",
    "3.1.2) Title") in the form `3.1.2. Title` (text.numbered)."""
    return tuple(b if (t := numbered(b.text)) == b.text else replace(b, text=t) for b in blocks)
