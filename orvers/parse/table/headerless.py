"""The columns of a measure table printed without a header, told from where its words stand.

Each page's gutters (gutters.py) are agreed over the document: a gutter found on at least half
of the pages with gutters is one of the table's; a page where it is missing (a page of few
rows, or an OCR layer that joined words across it) takes its median place, and says so
(borrowed), and a gutter found on one page only (inside a column) is dropped. Which column
holds what is then told from the text (roles.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from statistics import median

from ...model import Block, Word
from .gutters import SPACE, Edges, find_gutters, runs, text_height
from .numbers import opening
from .roles import Roles, find_roles

_AGREE = 0.5  # a gutter found on this share of the pages with gutters is the table's
_NEAR = 2.0  # text heights: gutters this near each other on two pages are the same one


@dataclass(frozen=True)
class PageEdges:
    """For each page of a document whose lines carry word positions and stand in a measure
    table without a header: the left edges of the Tiltak, target and Partnere columns (None
    for a column the table lacks), and the columns (0, 1, 2) whose edge the page's own words
    did not give though they stand on both sides of it (a gutter crossed by text, or a page of
    few rows), placed where the other pages agree. Empty when the words stand in no such
    table."""

    edges: dict[int, Edges]
    borrowed: dict[int, tuple[int, ...]]


def page_edges(blocks: Sequence[Block]) -> PageEdges:
    """The columns each page's words give (see PageEdges)."""
    lines = [b for b in blocks if b.words]
    if not lines:
        return PageEdges({}, {})
    height = text_height([b.words for b in lines])
    pages = {page: [b.words for b in group] for page, group in groupby(lines, lambda b: b.page)}
    found = {page: [g.edge for g in find_gutters(words)] for page, words in pages.items()}
    agreed = _agreed([e for edges in found.values() for e in edges],
                     sum(1 for edges in found.values() if edges), _NEAR * height)
    if not agreed:
        return PageEdges({}, {})
    places = [min(w.x0 for b in lines for w in b.words), *agreed]
    own = {page: [places[0], *(_nearest(edges, e, _NEAR * height) for e in agreed)]
           for page, edges in found.items()}
    by_page = {page: [a if e is None else e for e, a in zip(mine, places, strict=True)]
               for page, mine in own.items()}
    roles = _roles([(b.words, by_page[b.page]) for b in lines])
    if roles is None:
        return PageEdges({}, {})
    edges = {page: tuple(None if k is None else mine[k] for k in roles)  # type: ignore[misc]
             for page, mine in by_page.items()}
    borrowed = {page: cols for page, mine in own.items()
                if (cols := tuple(c for c, k in enumerate(roles) if k is not None
                                  and mine[k] is None
                                  and _both_sides(pages[page], places[k], _NEAR * height)))}
    return PageEdges(edges, borrowed)


def _both_sides(lines: list[tuple[Word, ...]], place: float, near: float) -> bool:
    """Whether words start on the page both left of a column's place and at it or right of
    it: a gutter there had text to part (a page with one column's text has none to find)."""
    starts = [w.x0 for words in lines for w in words]
    return any(x < place - near for x in starts) and any(x >= place - near for x in starts)


def _agreed(edges: list[float], pages: int, near: float) -> list[float]:
    """The median place of each group of edges found on at least half of the pages."""
    groups: list[list[float]] = []
    for e in sorted(edges):
        if groups and e - groups[-1][-1] <= near:
            groups[-1].append(e)
        else:
            groups.append([e])
    return [median(g) for g in groups if len(g) >= max(1, _AGREE * pages)]


def _nearest(edges: list[float], agreed: float, near: float) -> float | None:
    """The page's own edge for an agreed one, None if the page lacks it."""
    close = [e for e in edges if abs(e - agreed) <= near]
    return min(close, key=lambda e: abs(e - agreed)) if close else None


def _column(edges: list[float], x: float, slack: float) -> int:
    return max((k for k, e in enumerate(edges) if x >= e - slack), default=0)


def _roles(lines: list[tuple[tuple[Word, ...], list[float]]]) -> Roles | None:
    """The roles' columns (roles.py), from the text of each line's columns."""
    cells: list[tuple[int, str]] = []
    beside = [0] * len(lines[0][1])
    for words, edges in lines:
        space = SPACE * text_height([words])
        texts: dict[int, list[str]] = {}
        for run in runs(words, space):
            texts.setdefault(_column(edges, run[0].x0, space), []).extend(w.text for w in run)
        line = [(col, " ".join(t)) for col, t in texts.items()]
        cells += line
        if any(opening(text) for _, text in line):
            for col, _ in line:
                beside[col] += 1
    return find_roles(cells, len(lines[0][1]), beside)
