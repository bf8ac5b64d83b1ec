"""Helpers shared by the layout parsers: titles, sources, sections."""

from __future__ import annotations

from dataclasses import replace

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


def labelled(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with list labels folded into their text (see `with_label`)."""
    return tuple(replace(b, text=with_label(b)) if b.list_label.strip() else b for b in blocks)
