"""Norwegian text normalisation shared by parsers and matchers."""

from __future__ import annotations

import re

# Bullet glyphs: typed ones, Word's Symbol-font bullet (U+F0B7), and what OCR makes of a
# round bullet: `e`, `o`, `¢`, `«`, `+` standing alone before the item's text.
BULLET_RE = re.compile(r"^\s*(?:[•▪◦‣∙·\-–—*¢«»+\uf0b7\uf0a7]|[eo](?=\s))\s*")
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

    A line-end hyphen after a plain word, before a lowercase letter, is a soft break
    ("kunnskaps-\\nnivå" → "kunnskapsnivå"). It is a real hyphen, kept, after a word that
    already has one ("ad-hoc-\\ngruppe"), after a name ("EU-\\nprosjektet", "Geo4Water-"),
    after "ikke-" and before an uppercase letter or a digit ("Oslo-\\nAkershus",
    "2025-\\n2028"); before "og"/"eller" it ends the first part of a compound list
    ("By-\\nog regionutvikling" → "By- og regionutvikling").
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if len(out) > 1 and out[-1] in "-–" and out[-2].isalnum():
            out = _join_hyphenated(out, line)
        else:
            out = f"{out} {line}" if out else line
    return collapse_space(out)


_KEEP_HYPHEN_PREFIXES = frozenset({"ikke"})  # Norwegian writes "ikke-medlem", never "ikkemedlem"


def _join_hyphenated(text: str, line: str) -> str:
    """Join a line to text ending in a hyphen (or en dash) attached to a word."""
    first = line[:1]
    if re.match(r"(og|eller)\b", line) or not first.isalnum():
        return f"{text} {line}"
    words = text[:-1].split()
    word = re.split("/", words[-1])[-1].lstrip("(\"'«[")
    previous = words[-2] if len(words) > 1 else ""
    if text[-1] != "-" or not first.islower() or "-" in word or _is_name(word, previous) \
            or word.casefold() in _KEEP_HYPHEN_PREFIXES:
        return text + line
    return text[:-1] + line


def _is_name(word: str, previous: str) -> bool:
    """Whether a word before a line-end hyphen is a name ("EU", "Geo4Water", "… Interreg"): such
    a compound keeps its hyphen ("EU-prosjektet"); a capital after "." or ":" starts a sentence."""
    return (any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])
            or (word[:1].isupper() and bool(previous) and not previous.endswith((".", ":"))))


def fold(text: str) -> str:
    """Casefold and fold æøå and common OCR confusions to ASCII, for matching only."""
    t = text.casefold()
    t = t.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("é", "e")
    return t
