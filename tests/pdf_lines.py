"""PDF lines made by hand, word by word, for the geometry readers' tests."""

from __future__ import annotations

from orvers.model import Block, Document, Word


def pdf_line(n: int, page: int, top: float, *pieces: tuple[float, str],
             size: float = 10.0) -> Block:
    """A PDF line: each piece (x, text) set word by word at 5 pt per character."""
    words = []
    for x, text in pieces:
        for w in text.split():
            words.append(Word(w, x, x + 5 * len(w), top, top + size))
            x += 5 * len(w) + 3
    return Block(" ".join(w.text for w in words), page, n, x0=words[0].x0, words=tuple(words))


def pdf_document(*lines: Block) -> Document:
    """A PDF of these lines, as many pages as they reach."""
    return Document("t.pdf", "pdf", tuple(lines), pages=max(b.page for b in lines))
