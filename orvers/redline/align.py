"""Align two sequences of texts (list items, paragraphs, table rows) for a redline."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..text import collapse_space


def _key(text: str) -> str:
    return collapse_space(text).casefold()


def align(old: Sequence[str], new: Sequence[str],
          cutoff: float = 60.0) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) in order; None on one side for a text only the other has.

    Equal texts are anchored with difflib; inside each replaced stretch, texts at least `cutoff`
    similar (rapidfuzz ratio, 0–100) are paired in order so they can be word-diffed.
    """
    a, b = [_key(t) for t in old], [_key(t) for t in new]
    out: list[tuple[int | None, int | None]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        i, j = i1, j1
        while i < i2 or j < j2:
            if i < i2 and j < j2 and fuzz.ratio(a[i], b[j]) >= cutoff:
                out.append((i, j))
                i, j = i + 1, j + 1
            elif i < i2 and (
                    j >= j2
                    or any(fuzz.ratio(a[k], b[j]) >= cutoff for k in range(i + 1, i2))
                    or not any(fuzz.ratio(a[i], b[k]) >= cutoff for k in range(j + 1, j2))):
                out.append((i, None))
                i += 1
            else:
                out.append((None, j))
                j += 1
    return out
