"""Measures kept as a small two-column table each, a form: `Tiltak 1.1 | title`,
`Resultatmål | items`, `Effektmål | items`, `Partnere | items`. Such a table is read as the
labelled lines it stands for ("Tiltak 1.1: title", "Resultatmål:" and its items, …), which
the outline (fields.py) and the label blocks (labels.py) read.

A table is a form when its cells stand in two columns, every key (the first column's text)
is short, and two or more keys name a measure's fields, one of them its title ("Tiltak 1.1",
"Tiltak", "1.1"); where there are forms, a two-column table whose keys all name fields is
one too (the rest of a form a page break split). A row whose key names no field of a
measure (`Ansvar`, `Frist`, `Beskrivelse`) is left out, and a note names it.

A form without rules (a PDF's lines, its words placed) prints each key at the margin, apart
from its value by more than a word space ("Resultatmål      Økt kunnskap …"): where the
document so prints a measure's title key and another field's twice or more, such a line is
read as "Resultatmål: Økt kunnskap …".
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from ..model import Block, Document
from ..text import collapse_space, is_bullet
from .labels import label
from .table.gutters import runs
from .table.numbers import opening

_KEY_WORDS = 4  # a key is a label or a number: no longer than this
_GAP = 1.5  # a key stands apart from its value by more than this many text heights
_MARGIN = 1.0  # ... and starts within this many text heights of the page's left margin
_KEYS = 2  # lines of a title key and of another field's key that make a document of forms


_Row = tuple[str, str | None, list[Block]]  # a key, the field it names, its values' blocks


def _rows(blocks: tuple[Block, ...]) -> dict[int, list[_Row]]:
    """Each two-column table's rows as (key, the field it names, the blocks of its second
    cell), by table."""
    cells: dict[tuple[int, int, int], list[Block]] = {}
    wide: set[int] = set()
    for b in blocks:
        if b.kind != "cell" or b.table is None or b.row is None or b.col is None:
            continue
        if b.col > 1:
            wide.add(b.table)
        cells.setdefault((b.table, b.row, b.col), []).append(b)
    tables: dict[int, list[_Row]] = {}
    for table, row in sorted({(t, r) for t, r, _ in cells if t not in wide}):
        key = collapse_space(" ".join(b.text for b in cells.get((table, row, 0), [])))
        values = cells.get((table, row, 1), [])
        rows = tables.setdefault(table, [])
        if not key and rows:  # a row without a key goes on with the row above (a page broke)
            rows[-1] = (*rows[-1][:2], [*rows[-1][2], *values])
        else:
            rows.append((key, _field(key) if key else None, values))
    return tables


def _field(key: str) -> str | None:
    """The field a key names ("title" for "Tiltak 1.1", "Tiltak" or a bare "1.1"), or None."""
    found = label(key.rstrip(":") + ":")
    if found and not found[1].strip():
        return found[0]
    number = opening(key)
    return "title" if number and not number[1].strip() else None


def _is_form(rows: list[_Row]) -> bool:
    kinds = [kind for _, kind, _ in rows]
    return (len(rows) >= 2 and all(0 < len(k.split()) <= _KEY_WORDS for k, _, _ in rows)
            and len(kinds) - kinds.count(None) >= 2 and "title" in kinds)


def _lines(key: str, kind: str, values: list[Block], first: Block) -> list[Block]:
    """The labelled lines a form's row stands for (kind: the field its key names)."""
    name = key.rstrip(":").strip()
    head = values[0].text.strip() if values else ""
    number = opening(name) if kind == "title" else None
    if kind == "title" and number is None and opening(head):
        lead = head  # "Tiltak | 1.1 Title": the number with the title
    elif number and not name[:1].isalpha():
        lead = f"{number[0]}. {head}"  # "1.1 | Title"
    elif values and not values[0].list_label.strip() and not is_bullet(head):
        lead = f"{name}: {head}"
    else:
        lead = f"{name}:"
        values = [None, *values]  # every value on a line of its own
    at = values[0] if values and values[0] is not None else first
    out = [replace(at, kind="paragraph", text=lead, list_label="", list_level=None,
                   table=None, row=None, col=None)]
    # a field's paragraphs are its items: each marked as one (a bullet), as the parsers tell
    # an item from a line that wrapped
    for b in values[1:]:
        if b is None:
            continue
        b = replace(b, kind="paragraph", table=None, row=None, col=None)
        if kind != "title" and not (b.list_label.strip() or is_bullet(b.text)):
            b = replace(b, list_label="•", list_level=0)
        out.append(b)
    return out


def _keyed(doc: Document) -> Document:
    """The document with the key lines of forms without rules labelled (see the module)."""
    lines = [b for b in doc.blocks if b.kind == "line" and len(b.words) >= 2]
    if not lines:
        return doc
    height = median(w.bottom - w.top for b in lines for w in b.words)
    margin: dict[int, float] = {}  # each page's left margin
    for b in lines:
        margin[b.page] = min(margin.get(b.page, b.words[0].x0), b.words[0].x0)
    keyed: dict[int, tuple[str, str, str]] = {}  # a key line's key, field and value, by block
    for k, b in enumerate(doc.blocks):
        if (b.kind != "line" or len(b.words) < 2
                or b.words[0].x0 > margin[b.page] + _MARGIN * height):
            continue
        pieces = runs(b.words, _GAP * height)
        key = " ".join(w.text for w in pieces[0])
        if (len(pieces) >= 2 and len(pieces[0]) <= _KEY_WORDS and not key.endswith(":")
                and (kind := _field(key)) is not None):
            keyed[k] = (key, kind, " ".join(w.text for piece in pieces[1:] for w in piece))
    kinds = [kind for _, kind, _ in keyed.values()]
    if kinds.count("title") < _KEYS or len(kinds) - kinds.count("title") < _KEYS:
        return doc
    blocks = list(doc.blocks)
    for k, (key, kind, rest) in keyed.items():
        text = f"{key} {rest}" if kind == "title" and opening(key) else f"{key}: {rest}"
        blocks[k] = replace(blocks[k], text=text)
    return replace(doc, blocks=tuple(blocks))


def form_lines(doc: Document) -> tuple[Document, list[str]]:
    """The document with its form tables as labelled lines (see the module), and a note on
    each kind of row left out."""
    tables = _rows(doc.blocks)
    strict = {t for t, rows in tables.items() if _is_form(rows)}
    if not strict:
        return _keyed(doc), []
    # beside forms, a table of field rows alone is the rest of a form a page break split
    forms = {t: rows for t, rows in tables.items()
             if t in strict or all(kind is not None for _, kind, _ in rows)}
    out: list[Block] = []
    notes: dict[str, None] = {}
    done: set[int] = set()
    for b in doc.blocks:
        if b.kind != "cell" or b.table not in forms:
            out.append(b)
            continue
        if b.table in done:
            continue
        done.add(b.table)
        for key, kind, values in forms[b.table]:
            if kind is None:
                notes[f"a row '{key}' of a measure's table holds no field of a measure: "
                      "left out"] = None
                continue
            out += _lines(key, kind, values, b)
    return replace(doc, blocks=tuple(out)), list(notes)
