"""A measure's number as the table readers meet it: two or three levels ("2.1", "2.1.3",
any width below the chapter: "3.10.12"), perhaps a full stop after it ("2.1."), and a chapter
of at most three digits, so that a year ("2025.1") or a count is no measure.

Two uses, one number:
- `NUMBER_RE` / `opening`: a number that opens a cell or a printed line (after the word
  "Tiltak", before a bracket, a colon or a dash too), the title (if any) after it: after a
  space, or after a column's rule that OCR read as a glyph and joined to the number
  (`2.3.4/Gjennomføre`, `1.1|Videreutvikle`, `3.1.1\\Videreføre`, `2.1.1 [Kartlegge`), or a
  bare `2.3.` whose last digit OCR read as junk on the next line. A cell may hold several
  paragraphs: the title runs on across them.
- `is_number`: a word that is a number and nothing else, as a text set with spaces prints a
  number at the margin, its title a word space after it.
"""

from __future__ import annotations

import re

from ...text import numbered

# Groups: chapter, section, measure (None for a two-level number), the full stop after it,
# the text after it.
NUMBER_RE = re.compile(
    r"^\s*(\d{1,3})\.(\d+)(?:\.(\d+))?(\.?)(?=$|[\s|\\/\[])\s*[|\\/\[]?\s*(.*)$", re.DOTALL)
_WORD_RE = re.compile(r"\d{1,3}\.\d+(?:\.\d+)?\.?")


def opening(text: str) -> tuple[str, str] | None:
    """The measure number a cell or line opens with ("2.3.4") and the text after it ("" when
    the number stands alone), or None when it opens with none; printed another way too
    ("Tiltak 2.3.4: …", "2.3.4) …", "2.3.4 – …": text.numbered)."""
    m = NUMBER_RE.match(numbered(text))
    if m is None:
        return None
    chapter, section, measure, _, rest = m.groups()
    return ".".join(p for p in (chapter, section, measure) if p), rest


def is_number(word: str) -> bool:
    """Whether a word is a measure number and nothing else ("2.1", "2.1.3.")."""
    return bool(_WORD_RE.fullmatch(word))
