"""What a table's header row says of its columns, where it says more than the cells do: the
result and the effect targets in columns of their own ("Tiltak | Resultatmål | Effektmål |
Partnere"), or columns that hold no field of a measure ("Ansvar", "Frist", "Status") beside
the others.

The cells of a column named for result or effect targets are read as if they opened with
that label ("Effektmål: …"), as a cell of the combined column does; the cells of a column
named for a responsible, a deadline, a status, a budget or a priority are left out, and a
note names the column. Any other column is read as before (roles.py). A table without a
header row takes the names of the last header row before it with as many columns.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Block
from ...text import fold
from .cues import header_kind, label_kind

_LABELS = {"result": "Resultatmål", "effect": "Effektmål"}
# header words (folded) of columns that hold no field of a measure
_OTHER = ("ansvar", "frist", "tidsplan", "tidsperiode", "periode", "tidspunkt", "nar",
          "status", "budsjett", "kostnad", "okonomi", "prioritet", "ar")


def column_kind(name: str) -> str:
    """"result", "effect", "other" (no field of a measure) or "" (as the cells say) for a
    header cell's text."""
    words = fold(name).replace("-", " ").replace("/", " ").split()
    if not words:
        return ""
    text = " ".join(words)
    result, effect = "resultat" in text, "effekt" in text
    if result != effect:
        return "result" if result else "effect"
    if words[0].rstrip(":.") in _OTHER:
        return "other"
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
    heads = {key for key, cells in rows.items()
             if any(c.col == 0 and header_kind(c.text) > 0 for c in cells)}
    names: dict[int | None, dict[int, str]] = {}
    for (table, row), cells in rows.items():
        if (table, row) in heads and table not in names:
            names[table] = {c.col: " ".join(x.text for x in cells if x.col == c.col).strip()
                            for c in cells if c.col is not None}
    kinds = {t: {col: column_kind(name) for col, name in ns.items()} for t, ns in names.items()}
    if not any(any(k.values()) for k in kinds.values()):
        return blocks, []
    out: list[Block] = []
    notes: list[str] = []
    table_kinds: dict[int, str] = {}
    table_names: dict[int, str] = {}
    opened: set[tuple[int | None, int, int]] = set()
    for b in blocks:
        if b.kind != "cell" or b.col is None or b.row is None:
            out.append(b)
            continue
        if b.table in kinds:
            table_kinds, table_names = kinds[b.table], names[b.table]
        elif width.get(b.table) != len(table_names):  # another table, no header of its own
            table_kinds, table_names = {}, {}
        kind = table_kinds.get(b.col, "")
        if kind == "other":  # its header cell too: the columns' count tells the partners'
            note = left_out(table_names.get(b.col, ""))
            if note not in notes:
                notes.append(note)
            continue
        if not kind or (b.table, b.row) in heads:
            out.append(b)
            continue
        if (b.table, b.row, b.col) not in opened and b.text.strip():
            opened.add((b.table, b.row, b.col))
            if label_kind(b.text) is None:
                b = replace(b, text=f"{_LABELS[kind]}: {b.text}")
        out.append(b)
    return tuple(out), notes
