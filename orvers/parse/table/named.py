"""What a table's header row says of its columns, where it says more than the cells do: the
result and the effect targets in columns of their own ("Tiltak | Resultatmål | Effektmål |
Partnere"), columns that hold no field of a measure ("Ansvar", "Frist", "Status") beside
the others, or a column naming each row's area ("Innsatsområde | Tiltak | …", the area's cell
often merged down the rows of its measures).

The cells of a column named for result or effect targets are read as if they opened with
that label ("Effektmål: …"), as a cell of the combined column does; the cells of a column
named for a responsible, a deadline, a status, a budget or a priority are left out, and a
note names the column; a cell of an area column becomes one block of kind "area" before its
row (its lines joined), which the reader takes for the heading of the measures after it.
Any other column is read as before (roles.py). A table without a header row takes the names
of the last header row before it with as many columns.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Block
from ...text import collapse_space, fold
from ..vocabulary import OTHER_WORDS, PARTNER_HEADER_RE
from .cues import header_kind, label_kind
from .numbers import opening

_LABELS = {"result": "Resultatmål", "effect": "Effektmål"}
# header words (folded) of a column naming the area (chapter, section) of each row's measure
_AREA = ("innsatsomrade", "innsatsomrader", "satsingsomrade", "satsningsomrade", "omrade",
         "fagomrade", "hovedomrade", "kapittel", "delkapittel")


def column_kind(name: str) -> str:
    """"result", "effect", "area" (the section of the row's measure), "other" (no field of a
    measure) or "" (as the cells say) for a header cell's text."""
    words = fold(name).replace("-", " ").replace("/", " ").split()
    if not words:
        return ""
    text = " ".join(words)
    result, effect = "resultat" in text, "effekt" in text
    if result != effect:
        return "result" if result else "effect"
    if any(PARTNER_HEADER_RE.match(w) for w in words):
        return ""  # "Ansvar og partnere", "Ansvarlig/samarbeidspartnere": the partners
    if words[0].rstrip(":.") in OTHER_WORDS:
        return "other"
    if words[0].rstrip(":.") in _AREA:
        return "area"
    return ""


def left_out(name: str) -> str:
    """The note on a column named for no field of a measure."""
    return f"a column '{name}' holds no field of a measure: left out"


def named_columns(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], list[str]]:
    """The cell blocks as their header row names them (see the module), and a note for
    each column left out."""
    rows: dict[tuple[int | None, int], list[Block]] = {}
    width: dict[int | None, int] = {}  # each table's columns
    for b in blocks:
        if b.kind == "cell" and b.col is not None and b.row is not None:
            rows.setdefault((b.table, b.row), []).append(b)
            width[b.table] = max(width.get(b.table, 0), b.col + 1)
    # a header row: a header word opens it, or (an area column first) stands in two cells
    heads = {key for key, cells in rows.items()
             if any(c.col == 0 and header_kind(c.text) > 0 for c in cells)
             or len({c.col for c in cells if header_kind(c.text) > 0}) >= 2}
    names: dict[int | None, dict[int, str]] = {}
    for (table, row), cells in rows.items():
        if (table, row) in heads and table not in names:
            names[table] = {c.col: " ".join(x.text for x in cells if x.col == c.col).strip()
                            for c in cells if c.col is not None}
    kinds = {t: {col: column_kind(name) for col, name in ns.items()} for t, ns in names.items()}
    orders = {t: order for t, ns in names.items() if (order := _reordered(ns))}
    if not orders and not any(any(k.values()) for k in kinds.values()):
        return blocks, []
    out: list[Block] = []
    notes: list[str] = []
    opened: set[tuple[int | None, int, int]] = set()
    named_by = _named_by(blocks, names, width)
    areas = _area_texts(blocks, named_by, kinds, heads)
    placed = _in_order(blocks, orders, named_by, heads)  # each cell's column by its role
    for b, t in zip(blocks, named_by, strict=True):
        if t is None:  # no cell, or no header names its columns
            out.append(b)
            continue
        kind = kinds[t].get(b.col, "")
        if kind == "other":  # its header cell too: the columns' count tells the partners'
            note = left_out(names[t].get(b.col, ""))
            if note not in notes:
                notes.append(note)
            continue
        if kind == "area":
            text = areas.pop((b.table, b.row, b.col), "")
            if text:
                out.append(replace(b, kind="area", text=text, table=None, row=None, col=None))
            continue
        col = placed[id(b)]
        if not kind or (b.table, b.row) in heads:
            out.append(replace(b, col=col) if col != b.col else b)
            continue
        if (b.table, b.row, b.col) not in opened and b.text.strip():
            opened.add((b.table, b.row, b.col))
            if label_kind(b.text) is None:
                b = replace(b, text=f"{_LABELS[kind]}: {b.text}")
        out.append(replace(b, col=col))
    return tuple(out), notes


def role_named(name: str) -> int | None:
    """The role a header cell names: 0 the measures (Tiltak, Nr), 1 the targets (Resultat-
    og effektmål, Resultatmål, Mål), 2 the partners; None for another column."""
    words = fold(name).replace("-", " ").replace("/", " ").split()
    if any(PARTNER_HEADER_RE.match(w) for w in words):
        return 2
    if any(w.startswith(("resultat", "effekt")) or w == "mal" for w in words):
        return 1
    if words and words[0].rstrip(":.") in ("tiltak", "nr", "tiltaksnummer"):
        return 0
    return None


def names_measure_columns(blocks: tuple[Block, ...]) -> bool:
    """Whether a table row's cells are header words naming the targets' and the partners'
    columns (with or without a measures' column: "Resultat- og effektmål | Partnere")."""
    rows: dict[tuple[int | None, int], set[int | None]] = {}
    for b in blocks:
        if b.kind == "cell" and b.row is not None and header_kind(b.text) > 0:
            rows.setdefault((b.table, b.row), set()).add(role_named(b.text))
    return any({1, 2} <= roles for roles in rows.values())


def _reordered(names: dict[int, str]) -> dict[int, int] | None:
    """Each column's role where the header sets them in another order than the measures,
    the targets, the partners (Tiltak | Partnere | Resultat- og effektmål), or names no
    measures' column (Resultat- og effektmål | Partnere under a row per measure's title);
    None where the order is the usual one (the cells' text tells it, roles.py)."""
    roles = {col: role for col, name in names.items() if (role := role_named(name)) is not None}
    if 1 not in roles.values() or 2 not in roles.values():
        return None
    cols = sorted(roles)
    if 0 in roles.values() and [roles[c] for c in cols] == sorted(roles[c] for c in cols):
        return None
    return roles


def _in_order(blocks: tuple[Block, ...], orders: dict[int | None, dict[int, int]],
              named_by: list[int | None], heads: set[tuple[int | None, int]]
              ) -> dict[int, int | None]:
    """Each block's column (by id(block)): in a table whose header sets the columns in
    another order (_reordered) the usual one (0 measures, 1 targets, 2 partners), its
    header's cells too; those of columns it names no role for, and the blocks of other
    tables as they were; a row whose first cell opens with a measure number and holds all
    its text (the measure's title across the table) stays in the measures' column."""
    titled = {(b.table, b.row) for b in blocks
              if b.kind == "cell" and b.col == 0 and opening(b.text)}
    filled: dict[tuple[int | None, int | None], set[int | None]] = {}
    for b in blocks:
        if b.kind == "cell" and b.text.strip():
            filled.setdefault((b.table, b.row), set()).add(b.col)
    out: dict[int, int | None] = {}
    for b, t in zip(blocks, named_by, strict=True):
        key = (b.table, b.row)
        order = orders.get(t) if t is not None else None
        keep = (order is None or b.col not in order
                or (key in titled and key not in heads and filled.get(key) == {0}))
        out[id(b)] = b.col if keep or order is None else order[b.col]
    return out


def _named_by(blocks: tuple[Block, ...], names: dict[int | None, dict[int, str]],
              width: dict[int | None, int]) -> list[int | None]:
    """Per block, the table whose header row names its columns: its own, or (a table without
    a header row) the last before it with as many columns; None for a block that is no cell
    or stands in a table no header names."""
    out: list[int | None] = []
    named: int | None = None
    for b in blocks:
        if b.kind != "cell" or b.col is None or b.row is None:
            out.append(None)
            continue
        if b.table in names:
            named = b.table
        elif named is not None and width.get(b.table) != len(names[named]):
            named = None  # another table, no header of its own
        out.append(named)
    return out


def _area_texts(blocks: tuple[Block, ...], named_by: list[int | None],
                kinds: dict[int | None, dict[int, str]], heads: set[tuple[int | None, int]]
                ) -> dict[tuple[int | None, int, int], str]:
    """The text of each cell of an area column but the header's (its lines joined), by
    (table, row, col); named_by: per block, the table whose header names its columns."""
    texts: dict[tuple[int | None, int, int], list[str]] = {}
    for b, t in zip(blocks, named_by, strict=True):
        if t is not None and kinds[t].get(b.col) == "area" and (b.table, b.row) not in heads:
            texts.setdefault((b.table, b.row, b.col), []).append(b.text.strip())
    return {key: collapse_space(" ".join(t for t in parts if t)) for key, parts in texts.items()
            if any(parts)}
