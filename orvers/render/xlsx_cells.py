"""Spreadsheet cells whose text comes from documents: always text, never a formula.

A measure title such as `=HYPERLINK("http://…","…")` would otherwise be stored as a formula and
run by Excel or LibreOffice when the workbook is opened (CSV/formula injection).
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# What a spreadsheet reads as the start of a formula (or DDE call) when a user edits the cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(ws: Worksheet, value: Any) -> Any:
    """VALUE as it should go into a cell of WS: a string that a spreadsheet could take for a
    formula becomes a text Cell (data type "s", shown with a quote prefix); anything else is
    returned unchanged. Use it for every value in `ws.append(...)` or `ws.cell(value=...)`."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    cell = Cell(ws)
    cell.value = value
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def text_row(ws: Worksheet, values: list) -> list:
    """A row for `ws.append`: every value through text_cell."""
    return [text_cell(ws, value) for value in values]
