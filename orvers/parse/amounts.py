"""Numbered table rows that are no measures: a budget ("1.1 | Kontingent | 200 000"), a meeting
plan ("6.2 | Styremøte | 23. april 2026"). Such a row holds a few words and beside them an
amount or a date, where a measure's row holds a sentence and lists of targets and partners;
in an outline, such a line is a few words ending in an amount (in groups of thousands), a
percentage or a day and month ("5.1. Kontingent 2 400 000").

Two or more such rows one after another are taken out of the measures, with a warning naming
them; a single one stays a measure, and the warning names it as doubtful."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Measure

_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember")
# what an amount or a date may say besides its digits
_UNIT_RE = re.compile(
    r"\b(?:kr|nok|kroner|mill|mrd|ca|" + "|".join(m[:3] + r"\w*" for m in _MONTHS) + r")\b\.?",
    re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORDS = 8  # a row of data: at most this many words besides its amounts and dates
_LINE_WORDS = 4  # … a line of data in an outline: at most this many words before them
# what ends such a line: an amount in groups of thousands, a percentage, a day and month
_TRAILING_RE = re.compile(
    r"(?:\bkr\.?\s*)?\b\d{1,3}(?:[ .\u00a0]\d{3})+(?:,\d+)?(?:\s*kr\.?)?$|\b\d+(?:,\d+)?\s*%$"
    r"|\b\d{1,2}\.\s*(?:" + "|".join(_MONTHS) + r")(?:\s+\d{4})?$", re.IGNORECASE)
_RUN = 2  # this many such rows one after another are a table of data, not measures


def is_amount(text: str) -> bool:
    """Whether a cell's text is an amount or a date: digits, and fewer letters than digits
    besides a unit or a month ("2 400 000", "kr 45 000", "12. februar 2026", "15 %"; a
    header word the table's reading put beside it, "480 000 Dato", still is one)."""
    digits = sum(c.isdigit() for c in text)
    return digits > 0 and len(_LETTER_RE.findall(_UNIT_RE.sub("", text))) < digits


def _is_data_row(m: Measure) -> bool:
    cells = [*m.result_targets, *m.effect_targets, *m.partners]
    if not cells:  # an outline's line: a few words ending in an amount or a date
        end = _TRAILING_RE.search(m.title)
        return bool(end) and 0 < len(m.title[:end.start()].split()) <= _LINE_WORDS
    amounts = [c for c in cells if is_amount(c)]
    words = sum(len(c.split()) for c in (m.title, *cells) if not is_amount(c))
    return bool(amounts) and words <= _WORDS


def drop_data_rows(measures: Sequence[Measure]) -> tuple[list[int], list[str]]:
    """The indexes of the measures to keep, and warnings naming the rows of amounts or dates
    taken out (runs of two or more) or kept as doubtful (alone)."""
    data = [_is_data_row(m) for m in measures]
    keep: list[int] = []
    notes: list[str] = []
    i = 0
    while i < len(measures):
        if not data[i]:
            keep.append(i)
            i += 1
            continue
        j = i
        while j < len(measures) and data[j]:
            j += 1
        ids = ", ".join(m.id for m in measures[i:j])
        if j - i >= _RUN:
            notes.append(f"numbered rows {ids}: a table of amounts or dates (a few words and a "
                         "number beside each), not measures: left out")
        else:
            keep.append(i)
            notes.append(f"measure {ids}: a few words and an amount or a date beside them; "
                         "is it a measure?")
        i = j
    return keep, notes
