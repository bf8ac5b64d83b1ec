"""Which column of a measure table holds what, told from the text in it: the measure numbers
open one column's cells (alone, as in "Nr | Tiltak | …", or before the title: the title is
then in the same column, else in the next); the targets are the column right of the titles
with the most "Resultatmål:" / "Effektmål:" labels; the partners the last column right of
them. Columns between two of these belong to the one on their left."""

from __future__ import annotations

from collections.abc import Iterable

from .cues import label_kind
from .numbers import opening

_ROWS = 2  # a measure table has at least this many numbered rows

Roles = tuple[int, int, int | None]


def find_roles(cells: Iterable[tuple[int, str]], count: int) -> Roles | None:
    """The columns (by index, of count) where the titles start (the numbers' column), the
    targets and the partners stand, from the cells' (column, text); None if no column holds
    measure numbers with a column of targets right of them (an outline, a list)."""
    numbered, alone, labels = [0] * count, [0] * count, [0] * count
    for col, text in cells:
        number = opening(text)
        if number:
            numbered[col] += 1
            alone[col] += not number[1].strip()
        labels[col] += label_kind(text) is not None
    first = max(range(count), key=lambda k: numbered[k])
    if numbered[first] < _ROWS:
        return None
    title = first + 1 if 2 * alone[first] > numbered[first] and first + 1 < count else first
    right = range(title + 1, count)
    if not right or not any(labels[k] for k in right):
        return None  # numbered lines with no targets beside them: an outline, not a table
    targets = max(right, key=lambda k: labels[k])
    return first, targets, count - 1 if count - 1 > targets else None


def role_of(col: int, roles: Roles) -> int:
    """The role (0 titles, 1 targets, 2 partners) of a column, by the roles' columns."""
    _, targets, partners = roles
    if partners is not None and col >= partners:
        return 2
    return 1 if col >= targets else 0
