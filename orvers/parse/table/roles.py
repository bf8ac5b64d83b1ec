"""Which column of a measure table holds what, told from the text in it: the measure numbers
open one column's cells (alone, as in "Nr | Tiltak | …", or before the title: the title is
then in the same column, else in the next); the targets are the column right of the titles
with the most "Resultatmål:" / "Effektmål:" labels; the partners the last column right of
them. Columns between two of these belong to the one on their left.

A table whose targets carry no label is told from its shape alone (unlabelled): the numbers
open the cells of one column in sequence and hardly any other's, and right of the titles
stand at least two more columns, each with text beside most of the numbers: the first of
them holds the targets, the last the partners. With one column right of the titles, that
column holds the partners where its items are names (a few words each: the median at most
three), else the targets; a column of amounts or dates is neither. The cell reader then
reads its targets as result targets, and the parser says so."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

from ..amounts import is_amount
from .cues import label_kind
from .numbers import opening

_ROWS = 2  # a measure table has at least this many numbered rows
_IN_SEQUENCE = 0.8  # without labels: this share of the numbers at least follow the one before
_BESIDE = 0.5  # … a column right of the titles has text on this share of the numbered rows
_ELSEWHERE = 0.25  # … other columns open with numbers this share of the numbers' column at most
_NAME_WORDS = 3  # a column whose items have at most this many words (median) lists names

Roles = tuple[int, int | None, int | None]  # titles, targets, partners (None: no such column)


def find_roles(cells: Iterable[tuple[int, str]], count: int,
               beside: list[int] | None = None) -> Roles | None:
    """The columns (by index, of count) where the titles start (the numbers' column), the
    targets and the partners stand, from the cells' (column, text) in reading order; None
    if no column holds measure numbers with a column of targets right of them (an outline,
    a list). beside: where cells are lines (words placed on a page), how many numbered lines
    have text in each column: a row's cells start on its number's line, a hanging indent's
    marker (a bullet, a number) has its text beside it only on lines with no number."""
    numbered, alone, labels, filled = [0] * count, [0] * count, [0] * count, [0] * count
    numbers: list[list[tuple[int, ...]]] = [[] for _ in range(count)]
    items: list[list[str]] = [[] for _ in range(count)]
    for col, text in cells:
        items[col] += [t for t in text.split("\n") if t.strip()]
        number = opening(text)
        if number:
            numbered[col] += 1
            alone[col] += not number[1].strip()
            numbers[col].append(tuple(int(n) for n in number[0].split(".")))
        labels[col] += label_kind(text) is not None
        filled[col] += bool(text.strip())
    first = max(range(count), key=lambda k: numbered[k])
    if numbered[first] < _ROWS:
        return None
    title = first + 1 if 2 * alone[first] > numbered[first] and first + 1 < count else first
    right = range(title + 1, count)
    if right and any(labels[k] for k in right):
        targets = max(right, key=lambda k: labels[k])
        return first, targets, count - 1 if count - 1 > targets else None
    if any(labels) or not _unlabelled(numbered, filled if beside is None else beside,
                                      numbers[first], first, title):
        return None  # numbered lines with no targets beside them: an outline, not a table
    if count - title >= 3:
        return first, title + 1, count - 1
    beside = items[title + 1]
    if 2 * sum(is_amount(t) for t in beside) >= len(beside):
        return None  # a budget, a list of dates
    if median(len(t.split()) for t in beside) <= _NAME_WORDS:
        return first, None, title + 1
    return first, title + 1, None


def _unlabelled(numbered: list[int], filled: list[int], numbers: list[tuple[int, ...]],
                first: int, title: int) -> bool:
    """Whether columns with no target label stand in a measure table's shape (see above)."""
    count, rows = len(numbered), numbered[first]
    if count - title < 2:  # a column of targets or partners right of the titles
        return False
    if sum(numbered) - rows > _ELSEWHERE * rows:
        return False
    following = sum(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    if following < _IN_SEQUENCE * (len(numbers) - 1):
        return False
    return all(filled[k] >= _BESIDE * rows for k in {title + 1, count - 1})


def role_of(col: int, roles: Roles) -> int:
    """The role (0 titles, 1 targets, 2 partners) of a column, by the roles' columns."""
    _, targets, partners = roles
    if partners is not None and col >= partners:
        return 2
    return 1 if targets is not None and col >= targets else 0
