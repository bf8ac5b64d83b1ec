"""Word-level diffs (diff-match-patch, C++ build) and field-level changes of linked measures."""

from __future__ import annotations

import re

import fast_diff_match_patch as dmp

from .model import Op

_TOKEN_RE = re.compile(r"\S+\s*|\s+")


def tokens(text: str) -> list[str]:
    """Split text into words, each keeping its trailing whitespace."""
    return _TOKEN_RE.findall(text)


def word_diff(old: str, new: str) -> tuple[Op, ...]:
    """Diff two texts word by word: ops "=", "-", "+" whose texts concatenate to old / new.

    Each distinct word becomes one private-use character so diff-match-patch works on words
    (as its own linesToChars trick does for lines); semantic clean-up makes it read like an
    editor's marks.
    """
    codes: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in tokens(text):
            if tok not in codes:
                codes[tok] = chr(0xF0000 + len(words))
                words.append(tok)
            out.append(codes[tok])
        return "".join(out)

    a, b = encode(old), encode(new)
    ops: list[list[str]] = []
    for op, chars in dmp.diff(a, b, timelimit=0, cleanup="Semantic", counts_only=False):
        text = "".join(words[ord(c) - 0xF0000] for c in chars)
        if ops and ops[-1][0] == op:
            ops[-1][1] += text
        else:
            ops.append([op, text])
    return tuple((op, text) for op, text in ops if text)


def side(ops: tuple[Op, ...], which: str) -> str:
    """Rebuild the old ("-") or new ("+") text from diff ops."""
    return "".join(text for op, text in ops if op in ("=", which))
