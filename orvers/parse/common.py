"""Helpers shared by the layout parsers: titles, sources, sections."""

from __future__ import annotations

from ..model import Block, Source


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
