"""Spreadsheet cells whose text comes from documents: always text, never a formula.

A measure title such as `=HYPERLINK("http://…","…")` would otherwise be stored as a formula and
run by Excel or LibreOffice when the workbook is opened (CSV/formula injection).
"""

from __future__ import annotations

import math
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


LINE_HEIGHT = 15.0  # points per line of 11-point text
DEFAULT_WIDTH = 8.43  # a column's width in characters when none is set


def fit_rows(ws: Worksheet, columns: int | None = None) -> None:
    """Each row as tall as its most wrapped cell among the first COLUMNS (default: all):
    LibreOffice and Excel do not grow a row to fit wrapped text they did not lay out
    themselves, so the text of the next row would be drawn over it. A line holds about as
    many characters as the column is wide."""
    for row in ws.iter_rows(max_col=columns):
        height = LINE_HEIGHT
        for cell in row:
            if cell.value is None:
                continue
            scale = max((cell.font.sz or 11) / 11, 1.0)  # a larger font: wider and taller
            width = ws.column_dimensions[cell.column_letter].width or DEFAULT_WIDTH
            per_line = max(width * (0.9 if cell.font.b else 1.0) / scale - 1, 1)
            lines = sum(max(1, math.ceil(len(part) / per_line))
                        for part in str(cell.value).split("\n"))
            height = max(height, lines * LINE_HEIGHT * scale)
        ws.row_dimensions[row[0].row].height = height
