"""Norwegian text normalisation shared by parsers and matchers."""

from __future__ import annotations

import re

# Bullet glyphs: typed ones, Word's Symbol-font bullet (U+F0B7), and what OCR makes of a
# round bullet: `e`, `o`, `¢`, `«`, `+` standing alone before the item's text.
BULLET_RE = re.compile(r"^\s*(?:[•▪◦‣∙·\-–—*¢«»+\uf0b7\uf0a7]|[eo](?=\s))\s*")
_HYPHEN_BREAK_RE = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACE_RE = re.compile(r"\s+")


def strip_bullet(line: str) -> str:
    """Remove one leading bullet glyph (typed or OCR'd) and surrounding spaces."""
    return BULLET_RE.sub("", line, count=1).strip()


def is_bullet(line: str) -> bool:
    """Whether the line starts with a bullet glyph."""
    return bool(BULLET_RE.match(line)) and bool(line.strip())


def collapse_space(text: str) -> str:
    """Collapse runs of whitespace to one space and trim."""
    return _SPACE_RE.sub(" ", text).strip()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one string, mending words hyphenated across a break.

    A hyphen at a line end followed by a lowercase letter is a broken word
    ("kunnskaps-\\nnivå" → "kunnskapsnivå"); before "og"/"eller" or an uppercase letter it is a
    real hyphen of a compound list ("By-\\nog regionutvikling" stays "By- og"); after a name it
    stays ("EU-\\nprosjektet" → "EU-prosjektet").
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out.endswith("-") and line[:1].islower() and not re.match(r"(og|eller)\b", line):
            out = out + line if _names_hyphen(out) else out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return collapse_space(out)


def _names_hyphen(text: str) -> bool:
    """Whether the hyphen ending text follows a name ("EU-", "Geo4Water-", "… Interreg-"):
    such a compound keeps its hyphen ("EU-prosjektet") when the line breaks after it."""
    words = text.split()
    word = words[-1][:-1]
    return (any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])
            or (word[:1].isupper() and len(words) > 1 and not words[-2].endswith((".", ":"))))


def fold(text: str) -> str:
    """Casefold and fold æøå and common OCR confusions to ASCII, for matching only."""
    t = text.casefold()
    t = t.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("é", "e")
    return t
