"""Read a PDF (pdfplumber) into line blocks and table-cell blocks with page numbers.

Ruled tables come as cells (pdfplumber's find_tables); every other line keeps its words'
positions, from which the table parser finds the columns of unruled tables and OCR layers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from rapidfuzz import fuzz

from ..errors import InputError
from ..model import Block, Document, Word
from ..text import ITEM_NUMBER_RE, collapse_space, is_bullet, join_lines
from ..text import numbered as number_form
from . import columns
from .limits import max_bytes, max_pages, too_big

_MEASURE_RE = re.compile(r"^\s*\d+(\.\d+)+\.?(\s|$)")
_COUNT_RE = re.compile(r"^\s*\d{1,3}\.?\s*$")  # a row's count alone in its cell ("Nr": 7)
# a header cell: opening with the word, or said another way and alone ("Samarbeidspartnere")
_HEADER_RE = re.compile(r"^(?:(Tiltak|Resultat|Effekt|Partnere)|(?:Samarbeids)?[Pp]artn(?:ere|arar)"
                        r"\s*$|Aktø?r(?:er|ar)\s*$)", re.IGNORECASE)
_LABEL_RE = re.compile(r"^\s*\w[\w –-]*:\s*$")  # "Effektmål:", "Effektmål 2026–2028:"
_OPENS_RE = re.compile(r"^\s*(\w[\w -]*:|\d+(\.\d+)*\.?\s)")  # "Tiltak: …", "3.1. …"
_STRAIGHT = 0.001  # a slope below this (0.06°) is left as it is
_STEEP = 0.1  # a slope above this (6°) is a glyph set off its line (a superscript), no skew
_NEIGHBOUR = 1.5  # the next glyph of a line stands within this many font sizes
_EDGE = 4.0  # points: line starts this near each other stand in one column (drift allowed)
_FAR, _NEAR = 30.0, 300.0  # points down the page between two line starts whose drift counts
_DRIFTS = 20  # at least this many pairs of line starts to tell a column's drift
_STARTS = 300  # line starts compared on a page, at most (evenly taken)
_OVERLAP = 0.5  # words whose boxes share this much of their height stand on one line
_SAME_LINE = 0.5  # points: a word whose first glyph stands this near a line's start goes on it
_TURNED = 0.1  # a page is askew when at least this share of its glyphs sits on turned lines
_BAND = 0.08  # top/bottom share of the page where headers and footers live
# a cell's line ended by hand where the next line's first word, a space (this share of the
# line's height) before it, would have fit with this much of the height to spare
_SPACE, _FIT = 0.3, 0.5
_SHORT = 0.75  # a line filling less than this share of its room is short
_SAME_FURNITURE = 90  # a band line this similar (rapidfuzz ratio) to furniture is furniture


def read_pdf(path: Path) -> Document:
    """Lines (x0 set) and table cells page by page; repeated page furniture dropped."""
    try:
        pdf = pdfplumber.open(str(path))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(f"{path}: PDF is encrypted; decrypt it first") from None
        raise InputError(f"{path}: not a valid PDF file (corrupt)") from None
    except (PDFSyntaxError, ValueError):
        raise InputError(f"{path}: not a valid PDF file (corrupt)") from None
    try:
        with pdf:  # closing walks the pages again: a broken page tree fails there too
            pages = _pages(path, pdf)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types on broken streams
        raise InputError(f"{path}: not a valid PDF file ({type(exc).__name__})") from None
    if not any(items for items in pages):
        raise InputError(f"{path}: no text layer — run OCR first: orvers extract --ocr "
                         "(pip install 'orvers[ocr]'), or ocrmypdf")
    furniture = _furniture(pages)
    opener = _row_opener(pages)
    blocks: list[Block] = []
    doubtful: list[str] = []  # rows whose items one per line may have been joined
    table_no = line = 0
    row_no = -1
    between = False  # a line of text stands since the last table row (a heading, prose)
    for page_no, items in enumerate(pages, start=1):
        for item in items:
            if item["kind"] == "line" and _is_furniture(item, furniture):
                continue
            if item["kind"] == "row":
                if item["doubtful"]:
                    doubtful.append(f"page {page_no} ('{collapse_space(item['first'])[:40]}')")
                # a row goes on from the page before only where no text stands between
                # (a table after a heading is a new one: "5. Budsjett" | "Post | Beløp")
                continues = (item["continues"] and not between
                             and _row_start(item["first"]) != opener)
                between = False
                if continues and row_no >= 0 and _extend_row(blocks, item["cells"]):
                    continue
                if item["table_start"] and not continues:
                    table_no += 1
                row_no += 1
                for col, paragraphs in enumerate(item["cells"]):
                    for text in paragraphs:
                        line += 1
                        blocks.append(Block(text=text, page=page_no, line=line, kind="cell",
                                            table=table_no, row=row_no, col=col))
                continue
            line += 1
            between = True
            blocks.append(Block(text=item["text"], page=page_no, line=line, x0=item["x0"],
                                words=item["words"]))
    notes = ([f"cells listing their items one per line without bullets, where a short line "
              f"may end an item or go on with the next word (read as going on; check the "
              f"partners and targets): {', '.join(doubtful)}"] if doubtful else [])
    return Document(path=str(path), format="pdf", blocks=tuple(blocks), pages=len(pages),
                    warnings=tuple(notes))


def _pages(path: Path, pdf: pdfplumber.PDF) -> list[list[dict]]:
    """Each page's items, within the page and text limits (ORVERS_MAX_PAGES, ORVERS_MAX_MB);
    pages set in text columns read column by column (columns.py)."""
    if len(pdf.pages) > max_pages():
        raise InputError(f"{path}: {len(pdf.pages)} pages, more than {max_pages()}; set "
                         "ORVERS_MAX_PAGES to raise the limit")
    parts, size = [], 0
    for page in pdf.pages:
        parts.append(_page_parts(page))
        size += sum(len(w["text"]) for _, ws in parts[-1]["lines"] for w in ws)
        size += sum(len(text or "") for _, rows, _ in parts[-1]["tables"] for row in rows
                    for text in row)
        if size > max_bytes():
            raise too_big(path, size)
    return [_page_items(part, at) for part, at in zip(parts, _gutters(parts), strict=True)]


def _page_parts(page) -> dict:
    """A page's lines outside its ruled tables, the tables (box, rows), where its header and
    footer bands end, and the gutter its body's lines leave (columns.gutter)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    words = _page_words(page)
    lines = _lines([w for w in words if not any(_inside(w, b) for b in boxes)])
    band = (page.height * _BAND, page.height * (1 - _BAND))
    body = [(top, ws) for top, ws in lines
            if top >= band[0] and max(w["bottom"] for w in ws) <= band[1]]
    return {"lines": lines, "tables": [(t.bbox, *_table_rows(page, t, words)) for t in tables],
            "band": band,
            "body": body, "gutter": columns.gutter(body, float(page.width))}


def _table_rows(page, table, words: list[dict]
                ) -> tuple[list[list[str | None]], list[tuple[int, int]]]:
    """A ruled table's rows as pdfplumber extracts them, and the text it leaves out added to
    the cell it belongs to: a cell merged down several rows (a measure's title beside a row
    per target) is as high as its first row to pdfplumber, and its text below that is in no
    cell; it goes on the cell above it in its column."""
    rows = table.extract()
    doubtful = _hard_breaks(table, rows, words)
    boxes = [c for r in table.rows for c in r.cells if c is not None]
    columns = [c.bbox for c in table.columns]
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            above = next((k for k in range(i - 1, -1, -1) if rows[k][j] is not None), None)
            if cell is not None or j >= len(columns) or above is None:
                continue
            box = (columns[j][0], row.bbox[1], columns[j][2], row.bbox[3])
            text = page.filter(lambda o, box=box: "text" in o and _inside(o, box) and not any(
                _inside(o, b) for b in boxes)).extract_text()
            if text.strip():
                rows[above][j] = f"{rows[above][j]}\n{text}"
    return rows, doubtful


def _hard_breaks(table, rows: list[list[str | None]], words: list[dict]
                 ) -> list[tuple[int, int]]:
    """Mark in each cell where a line ended though the next line's first word would have fit
    on it (a paragraph's end or a typed line break: partners one per line, targets numbered
    "1." without bullets) with a blank line, which ends a paragraph (_paragraphs). The
    room a line has is the cell's width less its left padding on both sides; a cell whose
    lines pdfplumber counts otherwise is left as it is. Returns the cells (row, column) that
    list their items one per line without bullets or numbers and hold a line that filled
    less than three quarters of its room yet went on onto the next (the next item's first
    word too long for it, or a wrap: the two cannot be told apart), to be said."""
    words = [w for w in words if _inside(w, table.bbox)]
    doubtful: list[tuple[int, int]] = []
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            text = rows[i][j] if j < len(rows[i]) else None
            if cell is None or not text or "\n" not in text:
                continue
            lines = [ws for _, ws in _lines([w for w in words if _inside(w, cell)])]
            texts = text.split("\n")
            if len(lines) != len(texts):
                continue
            pad = min(ws[0]["x0"] for ws in lines) - cell[0]
            left, room = cell[0] + max(pad, 0.0), cell[2] - max(pad, 0.0)
            out, short = [texts[0]], False
            for above, below, line in zip(lines, lines[1:], texts[1:], strict=False):
                height = below[0]["bottom"] - below[0]["top"]
                needs = below[0]["x1"] - below[0]["x0"] + _SPACE * height
                if above[-1]["x1"] + needs < room - _FIT * height:
                    out.append("")
                else:  # a wrap, or a line ended by hand before a word too long for it
                    short = short or above[-1]["x1"] - left < _SHORT * (room - left)
                out.append(line)
            rows[i][j] = "\n".join(out)
            if short and "" in out and not any(is_bullet(t) or ITEM_NUMBER_RE.match(t)
                                               for t in texts):
                doubtful.append((i, j))  # items one per line, some of them maybe joined
    return doubtful


def _gutters(parts: list[dict]) -> list[tuple[float, float] | None]:
    """The gutter to read each page's columns by: where the numbers read in order only by
    column on some page, every page with a gutter in the same place, and every page with no
    gutter of its own whose lines leave that one free; None for the rest."""
    found = [p["gutter"] for p in parts if p["gutter"] and columns.reads_by_column(
        p["body"], *columns.split(p["body"], p["gutter"], _lines)[1:])]
    if not found:
        return [None] * len(parts)
    # a page too short to show a gutter of its own (the last) takes the document's where
    # its lines leave it free
    return [p["gutter"] if p["gutter"] and any(columns.same_place(p["gutter"], g)
                                               for g in found)
            else found[0] if not p["gutter"] and columns.free(p["body"], found[0]) else None
            for p in parts]


def _page_items(part: dict, at: tuple[float, float] | None) -> list[dict]:
    """One page's lines and cells in reading order (tables where they stand): top to bottom,
    or, on a page in columns (`at`: its gutter), each column top to bottom between the lines
    and tables that cross the gutter."""
    band_top, band_bottom = part["band"]
    keyed: list[tuple[tuple, list[dict]]] = []

    def line(top: float, ws: list[dict], shown: list[dict] | None = None) -> dict:
        """A line item: its band told where its words stand (ws), its words as the page
        read in columns shows them (shown, where they moved)."""
        shown = shown or ws
        return {"kind": "line", "text": " ".join(w["text"] for w in ws),
                "band": top < band_top or max(w["bottom"] for w in ws) > band_bottom,
                "x0": shown[0]["x0"], "words": tuple(
                    Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in shown)}

    if at is None:
        keyed += [((top,), [line(top, ws)]) for top, ws in part["lines"]]
        keyed += [((box[1],), _table_items(rows, doubt)) for box, rows, doubt in part["tables"]]
        keyed.sort(key=lambda pair: pair[0])
        return [i for _, group in keyed for i in group]
    crossing, left, right = columns.split(part["lines"], at, _lines)
    if left and right:  # the right column set on the left one's place
        right = columns.shifted(right, max(ws[-1]["x1"] for _, ws in right)
                                - max(ws[-1]["x1"] for _, ws in left))
    def spans(box: tuple[float, float, float, float]) -> bool:  # a table across the gutter
        return box[0] < at[1] and box[2] > at[0]
    tops = sorted([top for top, _ in crossing]
                  + [b[1] for b, _, _ in part["tables"] if spans(b)])

    def key(top: float, col: int) -> tuple:
        return (bisect_left(tops, top) + (col < 0), col, top)
    placed = [(key(top, -1), top, ws) for top, ws in crossing]
    placed += [(key(top, col), top, ws) for col, side in enumerate((left, right))
               for top, ws in side]
    placed.sort(key=lambda x: x[0])
    # bands told where the lines stand; then each line moved below the one read before it
    keyed += [(k, [line(top, ws, moved)])
              for (k, top, ws), moved in zip(placed, columns.stacked([ws for _, _, ws in placed]),
                                             strict=True)]
    keyed += [(key(box[1], -1 if spans(box) else int(box[0] >= at[1])),
               _table_items(rows, doubt)) for box, rows, doubt in part["tables"]]
    keyed.sort(key=lambda pair: pair[0])
    return [i for _, group in keyed for i in group]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _furniture(pages: list[list[dict]]) -> set[tuple[str, int | None]]:
    """Texts that recur (digits ignored) on most pages, or on both of two, in the top/bottom
    band, or as a page's first or last line at the same height (a header set lower, beside
    a logo): headers, footers, page numbers. A table's header line repeated at the top of
    each page is none."""
    if len(pages) < 2:
        return set()
    counts = Counter(m for items in pages for m in _marks(items))
    return {m for m, n in counts.items() if n >= max(2, len(pages) // 2)}


def _is_furniture(item: dict, furniture: set[tuple[str, int | None]]) -> bool:
    """Whether a line is one of the furniture's: its text where it stands, or, in the band,
    nearly its text (an OCR layer reads a footer a little differently on each page:
    "Side 3 · Vedtatt …", "Side : Vedtatt …")."""
    if _placed(item) in furniture:
        return True
    if not item["band"]:
        return False
    key = _key(item["text"])
    return (key, None) in furniture or any(
        at is None and fuzz.ratio(key, known) >= _SAME_FURNITURE for known, at in furniture)


def _marks(items: list[dict]) -> set[tuple[str, int | None]]:
    """A page's candidates for furniture: (text, None) for its band's lines, (text, height)
    for its first and last line unless it opens as the body's lines do (a label, a number, a
    bullet: a page may start with "Tiltak:" where the one before did)."""
    lines = [i for i in items if i["kind"] == "line"]
    out: set[tuple[str, int | None]] = {(_key(i["text"]), None) for i in lines if i["band"]}
    return out | {_placed(i) for i in lines[:1] + lines[-1:] if not (
        _HEADER_RE.match(i["text"]) or _OPENS_RE.match(i["text"]) or is_bullet(i["text"]))}


def _placed(item: dict) -> tuple[str, int | None]:
    return _key(item["text"]), round(item["words"][0].top / 2) if item["words"] else None


def _page_words(page) -> list[dict]:
    """The page's words; on a page scanned askew, in the order its OCR layer wrote them (a
    line climbs across the page, past the next line's start, so words are not grouped by
    their height on the page) and turned straight."""
    slope = _skew(page.chars)
    if abs(slope) < _STRAIGHT:
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
        slope = _lean(words)
        if abs(slope) < _STRAIGHT:
            return words
    return _deskewed(page.extract_words(keep_blank_chars=False, use_text_flow=True,
                                        return_chars=True), slope)


def _skew(chars: list[dict]) -> float:
    """The slope of the page's text lines (down per point to the right), from where each
    glyph stands after the one before it in its word: an OCR layer of a page scanned askew
    sets each word's glyphs along a climbing or falling baseline."""
    slopes = [(b["top"] - a["top"]) / (b["x0"] - a["x0"])
              for a, b in zip(chars, chars[1:], strict=False)
              if 0 < b["x0"] - a["x0"] <= _NEIGHBOUR * a["size"]
              and abs(b["size"] - a["size"]) < 0.1 and b["text"].strip()]
    # tesseract leaves short lines straight (slope 0): the turned lines tell the page's slope
    turned = sorted(s for s in slopes if _STRAIGHT <= abs(s) <= _STEEP)
    if not turned or len(turned) < _TURNED * len(slopes):
        return 0.0
    return turned[len(turned) // 2]


def _lean(words: list[dict]) -> float:
    """The slope of the page's text lines told by its columns instead, where the OCR layer
    set every line level (tesseract straightens the lines of some scans but leaves each where
    it stood): the left edges of lines that start in one column drift sideways down the
    page, by as much as the lines would climb across it (a turn moves both)."""
    starts = []
    for _, line in _lines(words):
        starts += [b for a, b in zip([None, *line], line, strict=False)
                   if a is None or b["x0"] - a["x1"] > b["bottom"] - b["top"]]
    starts = starts[::len(starts) // _STARTS + 1]  # pairs grow with the square of starts
    drifts = sorted((b["x0"] - a["x0"]) / (b["top"] - a["top"])
                    for a, b in combinations(starts, 2)
                    if abs(b["x0"] - a["x0"]) < _EDGE and _FAR < b["top"] - a["top"] < _NEAR)
    if len(drifts) < _DRIFTS:
        return 0.0
    return -drifts[len(drifts) // 2]  # an edge drifting right as lines go down: they fall


def _deskewed(words: list[dict], slope: float) -> list[dict]:
    """Words (in writing order) turned back by the page's slope, so that a line's words share
    a top and a column's lines a left edge. Where words follow each other at the height
    their line started at (tesseract sets a line's words so, each word's glyphs climbing
    from there), the line is turned about its start; a word that starts elsewhere starts
    a line."""
    out: list[dict] = []
    line_x = line_top = end = 0.0
    for w in words:
        origin = w["chars"][0]["top"]  # where the word's first glyph stands
        if not out or abs(origin - line_top) > _SAME_LINE or w["x0"] < end:
            line_x, line_top = w["x0"], origin  # a new line starts
        end = w["x1"]
        dx, dy = w["top"] * slope, line_x * slope
        out.append({**w, "x0": w["x0"] + dx, "x1": w["x1"] + dx, "top": w["top"] - dy,
                    "bottom": w["bottom"] - dy})
    return out


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _lines(words: list[dict]) -> list[tuple[float, list[dict]]]:
    """The words in lines, top to bottom: a word goes on the line whose first word its box
    overlaps for at least half the lower one's height (the words of an OCR line turned
    straight stand a few points apart)."""
    lines: list[tuple[float, list[dict]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and _overlap(lines[-1][1][0], w) >= _OVERLAP:
            lines[-1][1].append(w)
        else:
            lines.append((w["top"], [w]))
    return [(top, sorted(ws, key=lambda w: w["x0"])) for top, ws in lines]


def _overlap(a: dict, b: dict) -> float:
    """How much of the lower of two word boxes their heights share."""
    low = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    return (min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])) / low if low > 0 else 0.0


def _row_start(text: str) -> str:
    """How a row's first cell opens: "number" (a measure), "bullet", "text" (a capital: a
    title in a table that prints no numbers) or "" (empty, or going on in lower case)."""
    if _MEASURE_RE.match(text) or _COUNT_RE.match(text):
        return "number"
    if is_bullet(text):
        return "bullet"
    return "text" if text.strip()[:1].isupper() else ""


def _row_opener(pages: list[list[dict]]) -> str:
    """How the rows of the document's tables open (a measure number in a board's table, a
    bullet in a table of proposals), judged on the rows no page break comes before; a row at
    a page's top that opens so starts a new row instead of continuing the one before."""
    starts = Counter(_row_start(item["first"]) for items in pages for item in items
                     if item["kind"] == "row" and not item["table_start"])
    kind, count = starts.most_common(1)[0] if starts else ("number", 0)
    return kind if kind and count * 2 > sum(starts.values()) else "number"


def _extend_row(blocks: list[Block], cells: list[list[str]]) -> bool:
    """Append a row's continuation (the rest of a row split across pages) to the last row: its
    first paragraph goes on the last one of its cell unless it opens an item or a label."""
    last = next((b for b in reversed(blocks) if b.kind == "cell" and b.row is not None), None)
    if last is None:
        return False
    for col, paragraphs in enumerate(cells):
        if not paragraphs:
            continue
        at = max((i for i, b in enumerate(blocks) if b.table == last.table and b.row == last.row
                  and b.col is not None and b.col <= col), default=len(blocks) - 1)
        first, rest = paragraphs[0], paragraphs[1:]
        prev = blocks[at]
        if prev.col == col and not (is_bullet(first) or _LABEL_RE.match(first)
                                    or ITEM_NUMBER_RE.match(first)):
            blocks[at] = replace(prev, text=join_lines([prev.text, first]))
        else:
            rest = paragraphs
        for text in reversed(rest):
            blocks.insert(at + 1, replace(prev, text=text, col=col))
    return True


def _table_items(rows: list[list[str | None]], doubtful: list[tuple[int, int]]) -> list[dict]:
    """Rows of a ruled table, each cell as paragraphs; the table's first row, when it opens
    with neither a measure number (in its first two cells) nor the header, may be the rest
    of a row the page before began ("continues"; read_pdf decides by how the document's rows
    open)."""
    items: list[dict] = []
    for i, cells in enumerate(rows):
        texts = [c or "" for c in cells]
        first = texts[0].strip() if texts else ""
        paragraphs = [_paragraphs(t.split("\n")) for t in texts]
        # only a table's first row may be the rest of a row the page before began; one whose
        # first or second cell opens with a measure number ("Tiltak 2.1: …" too) starts a
        # measure ("Nr | Tiltak", "Innsatsområde | Tiltak | …": the number in the second),
        # as does one whose first cell is a count alone ("Nr | Tiltak | …" counting 1, 2 …)
        numbered = (any(_MEASURE_RE.match(number_form(t.strip())) for t in texts[:2])
                    or bool(_COUNT_RE.match(first)))
        continues = i == 0 and not (numbered or _is_header(texts))
        items.append({"kind": "row", "cells": paragraphs, "continues": continues,
                      "table_start": i == 0, "band": False, "text": "", "first": first,
                      "doubtful": any(k == i for k, _ in doubtful)})
    return items


def _is_header(cells: list[str]) -> bool:
    """Whether a row is a table's header: its first cell a header word, or two of its cells
    (a header may start with a column of its own: "Nr | Tiltak | …"; a row that goes on
    holds at most one label, "Resultatmål:", at a cell's start)."""
    starts = [bool(_HEADER_RE.match(c.strip())) for c in cells]
    return bool(starts) and (starts[0] or sum(starts) >= 2)


def _paragraphs(lines: list[str]) -> list[str]:
    """Wrapped lines of a cell → paragraphs: a bullet, a label line ("Effektmål:"), an item's
    own number ("2. ") or a line after one ended by hand (a blank line, _hard_breaks) starts
    one."""
    groups: list[list[str]] = []
    ended = False  # a blank line: the line before ended by hand (_hard_breaks)
    for line in lines:
        if not line.strip():
            ended = True
            continue
        label = bool(_LABEL_RE.match(line))
        if (not groups or ended or is_bullet(line) or label or ITEM_NUMBER_RE.match(line)
                or _LABEL_RE.match(groups[-1][-1])):
            ended = False
            groups.append([line])
        elif groups[-1][-1].rstrip().endswith("/"):
            groups[-1][-1] = groups[-1][-1].rstrip() + line.strip()
        else:
            groups[-1].append(line)
    return [join_lines(g) for g in groups]
