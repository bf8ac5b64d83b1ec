"""Cues for reading one OCR'd line of a three-column measure table (Tiltak | Resultat- og
effektmål | Partnere): measure numbers, the header, target labels, bullets, column splits."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Word
from ...text import collapse_space, fold
from ..vocabulary import PARTNER_HEADER, YEARS

CHAPTER_RE = re.compile(r"^\s*(\d{1,3})\.\s+([A-ZÆØÅ].*)$")
SUBSECTION_RE = re.compile(r"^\s*(\d{1,3})\.(\d+)\.?\s+([A-ZÆØÅ].*)$")

# Resultatmål / Effektmål labels through OCR damage: "Resultatmail:", "Effektmal;", "e¢tektmal:".
_LABEL_RE = re.compile(r"(?:resultat|ef+ekt|e\S?tekt)\s?ma[il]{1,2}l?\s*[:;]")
# ... opening a line, also with a year ("Resultatmål 2026:") or said shorter, a colon after it
# ("Resultat:", "Effekt:", "Mål for effekt:")
_YEAR = rf"(?:{YEARS})?"
_LABEL_START_RE = re.compile(
    rf"^[\W_]*(?:(?:resultat|ef+ekt|e\S?tekt)\s?ma[il]{{1,2}}l?{_YEAR}\s*(?:[:;]|$)"
    rf"|(?:mal\s+for\s+)?(?:resultat|effekt){_YEAR}\s*[:;])")
_HEADER_RE = re.compile(
    rf"^\s*tiltak\s+resultat\s*-?\s*og\s+effektma\w*\s+(?:{PARTNER_HEADER})\s*$")
_HEADER_PARTS = ("tiltak", "resultat- og effektmal", "partnere")

# OCR reads a round bullet as `e`, `o`, `¢`, `«`, `+`, `.`, even `,`; Word's Symbol bullet is
# U+F0B7. A PDF's text layer may stack two ("* —", "*e") or put the column's rule before one.
_GLYPH = r"(?:[•▪◦‣∙·*¢«»+,\uf0b7\uf0a7]|[eo.](?=\s)|[-–—](?=\s))"
_BULLET_RE = re.compile(rf"^\|?\s*{_GLYPH}\s*")
_BULLETS_RE = re.compile(rf"^\|?\s*(?:{_GLYPH}\s*)+")
_MID_BULLET_RE = re.compile(r"(?<=\S)\s+(?=(?:[•¢«»\uf0b7]|[eo+])\s+\S)")
_BAR_RE = re.compile(r"\s*\|\s*|\s+\[\s*|\s{2,}")
_BULLET_BEFORE_BAR_RE = re.compile(r"(?:^|\s)[eo¢«•+]\s$")
_WORD_RE = re.compile(r"[A-Za-zÆØÅæøåÉé]{2,}|\d")

_DIGITS_RE = re.compile(r"\d{2,6}")
_APART = 2.0  # text heights between a number and the title beside it: a column of its own

TITLE_WIDTH = 25  # the Tiltak column holds at most about 25 characters a line
NARROW = 28  # a line this short may sit in the Tiltak or Partnere column
PARTNER_WIDTH = 25


def dotless_number(words: Sequence[Word]) -> str:
    """The digits of a number OCR read without its dots ("11" for 1.1, "214" for 2.1.4), where
    a line starts with a group of digits standing apart from the text after it (as a number in
    a column of its own stands); else ""."""
    if not words or not _DIGITS_RE.fullmatch(words[0].text):
        return ""
    first = words[0]
    apart = len(words) == 1 or words[1].x0 - first.x1 > _APART * (first.bottom - first.top)
    return first.text if apart else ""


def header_kind(text: str) -> int:
    """3 for a full header line, 1/2/… for one header word alone on its line, else 0."""
    cf = text.casefold()
    if "tilt" not in cf and "sult" not in cf and "rtn" not in cf and "akt" not in cf:
        return 0  # each header word has one of these, and folding never makes or parts them
    t = collapse_space(fold(text)).replace("mål", "mal")
    if _HEADER_RE.match(t):
        return 3
    if t in _HEADER_PARTS:
        return 1
    # "Samarbeidspartnere" alone, capitalised: a header word ("samarbeidspartnere" a partner)
    return 1 if text.strip()[:1].isupper() and re.fullmatch(PARTNER_HEADER, t) else 0


def label_kind(text: str) -> str | None:
    """'result' or 'effect' when the text starts with a Resultatmål/Effektmål label."""
    m = _LABEL_START_RE.match(fold(strip_bullet(text)))
    if not m:
        return None
    return "result" if "sultat" in m.group(0) else "effect"


def is_bullet(text: str) -> bool:
    """Whether the text starts with a bullet glyph (typed, Word's or OCR'd)."""
    return bool(_BULLET_RE.match(text.strip())) and len(text.strip()) > 1


def strip_bullet(text: str) -> str:
    """The text without its leading bullet glyph (or glyphs)."""
    return _BULLETS_RE.sub("", text.strip(), count=1).strip()


def is_junk(text: str) -> bool:
    """A stray run of OCR specks (`-_—`, `: .`, `) X ) )`) with no word in it."""
    return not _WORD_RE.search(strip_bullet(text))


def _split_bars(text: str) -> list[str]:
    """Split at `|`, ` [` and runs of spaces, except a `|` right after a bullet (an OCR'd I)."""
    parts, start = [], 0
    for m in _BAR_RE.finditer(text):
        if "|" in m.group(0) and _BULLET_BEFORE_BAR_RE.search(text[: m.start() + 1]):
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return parts


def _split_labels(text: str) -> list[str]:
    """Split before a target label that is not at the start of the text."""
    folded = fold(text)
    cuts = [m.start() for m in _LABEL_RE.finditer(folded) if m.start() > 0]
    # a label's own first letter may be an OCR'd glyph ("e¢tektmal"): cut at the word start
    cuts = [folded.rfind(" ", 0, c) + 1 for c in cuts]
    bounds = [0, *(c for c in cuts if c > 0), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def segments(text: str) -> list[str]:
    """The pieces of one line that stand in different columns, left to right, junk dropped."""
    out = []
    for part in _split_bars(text):
        for piece in _split_labels(part):
            out.extend(_MID_BULLET_RE.split(piece))
    return [collapse_space(s) for s in out if s.strip() and not is_junk(s)]


def split_title(text: str) -> tuple[str, str]:
    """Cut a run-together 'title words + target words' at the Tiltak column's width.

    Within that width, a capitalised word after a lowercase one (not after a full stop)
    starts the next column: "Erfarings- og Dersom prosjekt …" → "Erfarings- og" | "Dersom …".
    """
    words = text.split()
    head = words[0]
    for i, w in enumerate(words[1:], start=1):
        if len(head) + 1 + len(w) > TITLE_WIDTH or (
            w[:1].isupper() and not head.endswith((".", ":")) and head[-1:].islower()
        ):
            return head, " ".join(words[i:])
        head = f"{head} {w}"
    return head, ""
