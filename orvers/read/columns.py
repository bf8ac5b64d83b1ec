"""Pages set in text columns (a newspaper layout): read each column top to bottom, the left
one first, instead of across the page.

A page's lines, read across, join the words of both columns into one line. A gutter, a
strip near the middle of the page that (almost) no line of the page's body crosses, may be
such a layout or an unruled table's gap between its columns. The numbered headings and
measures tell the two apart: read column by column, each numbered line follows the one
before in the outline (a first child, a next sibling, a next ancestor), the right column's
first the left column's last; read across, the numbers of the two columns interleave. A
table's measure numbers stand in its first column only: a number in another column (a
date, a numbered list in a cell) does not go on from them. Without numbers, the same
labels opening lines in both columns ("Tiltak:", "Partnere:") tell labelled blocks (a table
keeps each label to one column). A document that reads by column on some page is read so on
every page with a gutter in the same place (a page of prose has nothing to tell), and on a
page too short to show a gutter of its own whose lines leave the document's free.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import numpy as np

Lines = list[tuple[float, list[dict]]]
_LABEL_RE = re.compile(r"^([^\W\d_]{3,}):$")  # a word and its colon opening a line
_LABELS = 2  # labels opening lines in both columns of a page in labelled blocks
_NUMBER_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.$|^(\d{1,3}(?:\.\d{1,3})+)$")
_MIDDLE = (0.3, 0.7)  # the share of the page's width a gutter must lie in
_CROSSING = 0.1  # at most this share of a page's body lines may cross its gutter
_GUTTER = 6.0  # points: a gutter is at least this wide
_MIN_LINES = 10  # a page's body needs this many lines to tell columns


def gutter(lines: Lines, width: float) -> tuple[float, float] | None:
    """The widest strip in the middle of the page that at most _CROSSING of the lines
    cross, as (left, right) in points, where it is at least _GUTTER wide and lines stand on
    both sides of it; None where there is none."""
    if len(lines) < _MIN_LINES or width <= 0:
        return None
    size = int(np.ceil(width)) + 1
    cross = np.zeros(size, dtype=np.int32)
    for _, words in lines:
        span = np.zeros(size, dtype=bool)
        for w in words:
            span[max(int(w["x0"]), 0):min(int(np.ceil(w["x1"])), size)] = True
        cross += span
    lo, hi = int(width * _MIDDLE[0]), int(width * _MIDDLE[1])
    free = np.concatenate([[False], cross[lo:hi] <= _CROSSING * len(lines), [False]])
    edges = np.flatnonzero(np.diff(free.astype(np.int8)))
    if not len(edges):
        return None
    starts, ends = edges[::2], edges[1::2]
    k = int(np.argmax(ends - starts))
    left, right = float(lo + starts[k]), float(lo + ends[k])
    if right - left < _GUTTER:
        return None
    sides = [sum(any(w["x1"] <= left for w in ws) for _, ws in lines),
             sum(any(w["x0"] >= right for w in ws) for _, ws in lines)]
    return (left, right) if min(sides) >= 2 else None


def split(lines: Lines, at: tuple[float, float], lines_of: Callable[[list[dict]], Lines]
          ) -> tuple[Lines, Lines, Lines]:
    """The lines crossing the gutter (kept whole: a word over all of it, or two words either
    side of its left edge a word space apart, less than their height), then the lines of the
    left and of the right column (a word starting left of the gutter is the left column's:
    the few longest lines of a column may reach into it), each made anew of its side's
    words by lines_of."""
    left, right = at
    crossing: Lines = []
    sides: tuple[list[dict], list[dict]] = ([], [])
    for top, words in lines:
        if any(w["x0"] < left and w["x1"] > right for w in words) or any(
                a["x0"] < left <= b["x0"] and b["x0"] - a["x1"] < a["bottom"] - a["top"]
                for a, b in zip(words, words[1:], strict=False)):
            crossing.append((top, words))
            continue
        for w in words:
            sides[w["x0"] >= left].append(w)
    return crossing, lines_of(sides[0]), lines_of(sides[1])


def _number(words: list[dict]) -> tuple[int, ...] | None:
    """The outline number a line opens with ("3.1.", "3.1.2"; not "18" nor a lone word)."""
    found = _NUMBER_RE.match(words[0]["text"]) if len(words) > 1 else None
    return tuple(int(n) for n in (found[1] or found[2]).split(".")) if found else None


def _follows(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether number b may come next after a in an outline: a first child (grandchild),
    the next sibling, or the next of an ancestor."""
    if len(b) > len(a) and b[:len(a)] == a and all(n == 1 for n in b[len(a):]):
        return True
    return any(b[:k] == a[:k] and b[k] == a[k] + 1 and all(n == 1 for n in b[k + 1:])
               for k in range(min(len(a), len(b))))


def _in_order(numbers: list[tuple[int, ...]]) -> int:
    return sum(_follows(a, b) for a, b in zip(numbers, numbers[1:], strict=False))


def reads_by_column(lines: Lines, left: Lines, right: Lines) -> bool:
    """Whether the page reads column by column: its numbered lines read in order so (the
    right column's first number follows the left column's last: the text flows on from the
    bottom of the one to the top of the other; and more of them follow each other so than
    read across), or, where it has no numbers, the same labels open lines in both columns
    (`_same_labels`)."""
    numbers = [[n for _, ws in side if (n := _number(ws))] for side in (left, right)]
    if not any(numbers):
        return _same_labels(left, right)
    if not all(numbers) or not _follows(numbers[0][-1], numbers[1][0]):
        return False
    across = [n for _, ws in lines if (n := _number(ws))]
    return _in_order(numbers[0] + numbers[1]) > _in_order(across)


def _same_labels(left: Lines, right: Lines) -> bool:
    """Whether at least _LABELS words open lines as labels ("Tiltak:", "Partnere:") twice or
    more in each column: blocks of labelled fields set in two columns. A table keeps each
    label to one column (its targets' labels in the targets' column)."""
    def labels(side: Lines) -> Counter:
        return Counter(m[1].casefold() for _, ws in side if (m := _LABEL_RE.match(ws[0]["text"])))
    a, b = labels(left), labels(right)
    return sum(a[k] >= 2 and b[k] >= 2 for k in a) >= _LABELS


def free(lines: Lines, at: tuple[float, float]) -> bool:
    """Whether a page's lines leave a gutter free (a page too short to find one of its own:
    at most one line, or _CROSSING of them, has a word over its middle; a column's longest
    lines may reach into it) and stand on both sides."""
    left, right = at
    middle = (left + right) / 2
    inside = sum(any(w["x0"] < middle < w["x1"] for w in ws) for _, ws in lines)
    sides = (any(w["x1"] <= left for _, ws in lines for w in ws)
             and any(w["x0"] >= right for _, ws in lines for w in ws))
    return sides and inside <= max(1, _CROSSING * len(lines))


def same_place(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two gutters overlap (the same column layout on two pages)."""
    return a[0] < b[1] and b[0] < a[1]


def shifted(lines: Lines, by: float) -> Lines:
    """The lines with their words moved `by` points to the left (the right column set where
    the left one stands, its right edge on the left one's, so that indents compare as on a
    page of one column)."""
    return [(top, [{**w, "x0": w["x0"] - by, "x1": w["x1"] - by} for w in ws])
            for top, ws in lines]


_LEADING = 0.2  # the space between two lines, as a share of the line's height


def stacked(lines: list[list[dict]]) -> list[list[dict]]:
    """Lines in reading order, each moved down where it would stand above the line read
    before it (the top of the right column after the bottom of the left), so that the page
    reads as one column from top to bottom: the parsers compare lines by where they stand."""
    out: list[list[dict]] = []
    down, bottom = 0.0, None
    for words in lines:
        top = min(w["top"] for w in words)
        if bottom is not None and top + down < bottom:
            height = max(w["bottom"] for w in words) - top
            down = bottom + _LEADING * height - top
        out.append([{**w, "top": w["top"] + down, "bottom": w["bottom"] + down} for w in words])
        bottom = max(bottom or 0.0, max(w["bottom"] for w in out[-1]))
    return out
