"""Table columns told from where the words stand, for a table printed without a header.

A line's words fall into runs at gaps wider than a space (a bullet glyph goes with the run
after it). A gutter is an x-range that (almost) no run crosses, over the lines of a page, with
runs starting right of it on several lines; each gutter opens a column where those runs
start (_edge). Headings (lines set taller than the body text) and
lines of one run across most of the page (prose, a title) are left out of the count, and a
few runs may cross a gutter (a heading set as body text; words an OCR layer joined).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ...model import Word

Span = tuple[float, float]

_RULE_RE = re.compile(r"[|\[\]¦]+")  # a column rule OCR read as a glyph
_GLYPH_RE = re.compile(r"^(?:[^\w]{1,2}|\w)$")  # a bullet glyph, or one OCR read as a letter
SPACE = 0.55  # a gap wider than this share of the text height parts two runs of a line
_WIDE = 0.66  # a line whose text spans this share of the page's text is prose, not a row
TALL = 1.15  # a line this much taller than the body text is a heading, not a table row
CROSSING = 0.1  # at most this share of a page's lines may cross a gutter (OCR joins)
_STARTS = 0.2  # a column opens where at least this share of the lines right of it start
_MIN_STARTS = 2  # … and at least this many
# the left edges of a table's Tiltak, target and Partnere columns (None: a column it lacks)
Edges = tuple[float | None, float | None, float | None]
_NEAR = 2.0  # text heights: a run starting this near a gutter's end opens its column


@dataclass(frozen=True)
class Gutter:
    """An x-range no run crosses, and the left edge of the column right of it."""

    start: float
    end: float
    edge: float


def runs(words: Sequence[Word], space: float) -> list[list[Word]]:
    """The line's words in runs separated by gaps wider than a space (or by a column rule)."""
    out: list[list[Word]] = [[]]
    for w in sorted(words, key=lambda w: w.x0):
        if _RULE_RE.fullmatch(w.text):
            out.append([])
        elif out[-1] and w.x0 - out[-1][-1].x1 > space:
            out.append([w])
        else:
            out[-1].append(w)
    return [r for r in out if r]


def spans(words: Sequence[Word], space: float) -> list[Span]:
    """Where the line's runs stand, a run of a lone glyph (a bullet) joined to the next."""
    out: list[Span] = []
    glyph = False
    for run in runs(words, space):
        if glyph:
            out[-1] = (out[-1][0], run[-1].x1)
        else:
            out.append((run[0].x0, run[-1].x1))
        glyph = len(run) == 1 and bool(_GLYPH_RE.match(run[0].text))
    return out


def text_height(lines: Sequence[Sequence[Word]]) -> float:
    """The median height of the words."""
    heights = [w.bottom - w.top for line in lines for w in line]
    return median(heights) if heights else 10.0


def find_gutters(lines: Sequence[Sequence[Word]], crossing: float = CROSSING,
                 margin: float | None = None) -> list[Gutter]:
    """The gutters between the columns the lines' words stand in, left to right; crossing:
    the share of the lines that may cross a gutter (0 for a row's few lines: a column of one
    line is a column there); margin: where the table's first column starts, if known (then
    the space before the lines' leftmost text is a gutter when they leave that column empty,
    as the rest of a row on the next page may)."""
    height = text_height(lines)
    rows = [s for s in (spans(line, SPACE * text_height([line])) for line in lines
                        if text_height([line]) <= TALL * height) if s]
    if not rows:
        return []
    left = min(s[0][0] for s in rows)
    if margin is not None and margin < left:
        left = margin
    right = max(s[-1][1] for s in rows)
    rows = [s for s in rows if len(s) > 1 or s[0][1] - s[0][0] < _WIDE * (right - left)]
    if not rows:
        return []
    out: list[Gutter] = []
    for start, deepest, end in _open_ranges(rows, int(crossing * len(rows)), left, right):
        if end - start <= SPACE * height:
            continue
        edge, starting = _edge(rows, deepest, end, height)
        beyond = sum(1 for s in rows if s[-1][1] > end)
        if starting >= max(_MIN_STARTS if crossing else 1, _STARTS * beyond):
            out.append(Gutter(start, end, edge))
    return out


def _open_ranges(rows: list[list[Span]], crossing: int, left: float,
                 right: float) -> list[tuple[float, float, float]]:
    """The x-ranges between left and right, text on both sides, that at most `crossing` runs
    cover: start, where the fewest runs cover it last begins, end."""
    events = sorted([(x0, 1) for row in rows for x0, _ in row]
                    + [(x1, -1) for row in rows for _, x1 in row])
    out: list[tuple[float, float, float]] = []
    depth = 0
    first = events[0][0]
    # the space between a margin and the first text is open from the margin on
    opened: float | None = left if left < first else None
    deepest, fewest = left, 0
    for x, step in events:
        depth += step
        if opened is not None and depth <= fewest:
            deepest, fewest = x, depth
        if depth <= crossing and opened is None:
            opened, deepest, fewest = x, x, depth
        elif depth > crossing and opened is not None:
            if (opened > first or opened == left < first) and x < right:
                out.append((opened, deepest, x))
            opened = None
    return out


def _edge(rows: list[list[Span]], start: float, end: float, height: float) -> tuple[float, int]:
    """The column's left edge: the leftmost place from the gutter's emptiest stretch on (or
    just past the gutter) where the first runs of two lines start within a space of each
    other (a stray run inside a gutter starts alone); and on how many lines a run starts
    there or further right, up to just past the gutter."""
    found = sorted(x for x in (min((x0 for x0, _ in row if start <= x0 <= end + _NEAR * height),
                                   default=None) for row in rows) if x is not None)
    twice = [a for a, b in zip(found, found[1:], strict=False) if b - a <= SPACE * height]
    return (twice[0] if twice else end), len(found)
