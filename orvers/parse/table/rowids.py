"""Measure ids where a table prints none of the usual numbers: an "Nr" column counting the
measures 1, 2, 3 … (counted), rows that print no number at all (unnumbered: by whole table
under a measure header; labels_at: line by line, in a table without rules), and the note
listing the ids orvers gave (ranges)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...model import Block
from .cues import header_kind, label_kind
from .numbers import opening

COUNT_RE = re.compile(r"^\s*(\d{1,3})\.?\s*$")  # a row's plain count: "7", "7."


def block_text(block: Block) -> str:
    """The block's text with its list label (a Word bullet or number) in front."""
    label = block.list_label.strip()
    return f"{label} {block.text}".strip() if label else block.text.strip()


def is_header_cell(block: Block) -> bool:
    return header_kind(block.text) > 0 or header_kind(block.text.replace("\n", " ")) == 3


def counted(blocks: tuple[Block, ...]
            ) -> tuple[tuple[Block, ...], dict[tuple[int | None, int | None], str]]:
    """Tables under a measure table's header (two header cells or more) whose first column
    holds a plain count on every row ("Nr | Tiltak | …": 1, 2, 3 … or "1."), and a table
    without a header right after one with as many columns: the blocks with that column
    taken out (the others one column left) and each row's count, by (table, row)."""
    header_cells = Counter((b.table, b.row) for b in blocks
                           if b.kind == "cell" and b.row is not None and is_header_cell(b))
    heads = {t for t, _ in (key for key, n in header_cells.items() if n >= 2)}
    firsts: dict[int | None, list[tuple[int | None, str]]] = {}
    width: dict[int | None, int] = {}
    after: dict[int | None, int | None] = {}
    last: int | None = None
    for b in blocks:
        if b.kind != "cell" or b.row is None or b.col is None:
            last = None
            continue
        if b.table != last:
            after.setdefault(b.table, last)
            last = b.table
        width[b.table] = max(width.get(b.table, 0), b.col + 1)
        if b.col == 0 and (b.table, b.row) not in header_cells:
            firsts.setdefault(b.table, []).append((b.row, b.text))
    plain = {t for t, rows in firsts.items()
             if len(rows) >= 1 and all(COUNT_RE.match(x) for _, x in rows)}
    counted = {t for t in plain if t in heads}
    for table, before in after.items():  # the same table going on on the next page
        if (table in plain and table not in heads and before in counted
                and width.get(table) == width.get(before)):
            counted.add(table)
    if sum(len(firsts[t]) for t in counted) < 2:
        return blocks, {}
    numbers = {(t, row): COUNT_RE.match(x).group(1) for t in counted for row, x in firsts[t]}
    return tuple(b if b.kind != "cell" or b.table not in counted or b.col is None else
                 replace(b, col=b.col - 1) for b in blocks
                 if not (b.kind == "cell" and b.table in counted and b.col == 0)), numbers


def labels_at(blocks: tuple[Block, ...]) -> dict[int, str]:
    """In a table read line by line (no rules) whose first column holds no measure number
    nor count: the lines whose target column opens with a label, by its kind."""
    lines = [b for b in blocks if b.kind == "cell" and b.row is None and b.col is not None]
    beside = Counter(b.line for b in lines)  # a numbered heading stands alone on its line
    if (not lines or any(b.kind == "count" for b in blocks)
            or any(b.col == 0 and opening(b.text) and beside[b.line] > 1 for b in lines)):
        return {}
    return {b.line: kind for b in lines if b.col == 1 and (kind := label_kind(b.text))}


def unnumbered(blocks: tuple[Block, ...]) -> set[int | None]:
    """The tables under a measure table's header ("Tiltak | Resultat- og effektmål |
    Partnere": two header cells or more) whose rows open with no measure number: each row a
    measure; and a table without a header right after such a one, nothing between (the
    table going on on the next page)."""
    heads: dict[int | None, int] = {}
    numbered: set[int | None] = set()
    after: dict[int | None, int | None] = {}  # a table → the table right before it
    last: int | None = None
    for b in blocks:
        if b.kind != "cell" or b.row is None:
            last = None  # text between two tables
            continue
        if b.table != last:
            after[b.table], last = last, b.table
        if is_header_cell(b):
            heads[b.table] = heads.get(b.table, 0) + 1
        elif b.col == 0 and opening(block_text(b)):
            numbered.add(b.table)
    out = {t for t, n in heads.items() if n >= 2 and t not in numbered}
    for table, before in after.items():
        if before in out and table not in heads and table not in numbered:
            out.add(table)
    return out


def ranges(ids: list[str]) -> str:
    """Runs of ids by their section: "1.1–1.6, 2.1.1–2.1.4" (or "T1–T9")."""
    runs: list[list[str]] = []
    for mid in ids:
        parent = mid.rsplit(".", 1)[0] if "." in mid else "T"
        if runs and (runs[-1][0].rsplit(".", 1)[0] if "." in runs[-1][0] else "T") == parent:
            runs[-1].append(mid)
        else:
            runs.append([mid])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
