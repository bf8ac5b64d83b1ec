"""An XLSX workbook: one sheet per comparison, a trace sheet and a versions sheet (openpyxl)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..corpus import version_date
from ..diff import word_diff
from ..model import Comparison
from ..package import FIXED_TIME, stable_zip
from .html import status_names, texts
from .layout import area_events
from .terms import EVENTS, changed_detail
from .trace_json import levels
from .xlsx_cells import fit_rows, text_row

FILLS = {"amended": "FDE2C4", "unchanged": "E8E8EC", "reworded": "FFF0C2", "split": "DBE8FF",
         "merged": "E6DCFF", "added": "CDECCD", "removed": "FBD3D3",
         "adopted": "CDECCD", "partial": "FFF0C2", "dropped": "FBD3D3"}


# every run, bold cell and heading names its face (the workbook's, Calibri): without one
# LibreOffice draws it in its default face, a serif, beside the sans-serif of the other cells
FONT = "Calibri"


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list], kind_col: int,
           widths: list[int], names: dict[str, str] | None = None,
           printed: int | None = None) -> Worksheet:
    """A sheet of one table: bold full headers (wrapped), wrapped cells, the kind coloured,
    filter and frozen header; printed landscape, fit to the page's width, header on each page.
    PRINTED: only the first so many columns print, and they alone set the rows' heights (a
    row as tall as a long text that does not print would print mostly empty)."""
    ws = wb.create_sheet(title[:31])
    ws.append(text_row(ws, header))
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9E0")
    fills = {key: PatternFill("solid", fgColor=colour) for key, colour in FILLS.items()}
    for number, row in enumerate(rows, 2):  # counted: ws.max_row scans every row
        key = str(row[kind_col]).split("_")[0]  # colour by the code, show the display name
        row = [*row[:kind_col], (names or {}).get(row[kind_col], row[kind_col]),
               *row[kind_col + 1:]]
        ws.append(text_row(ws, row))
        if key in fills:
            ws.cell(number, kind_col + 1).fill = fills[key]
    # one registered alignment, its id given to every cell (cell.alignment = … hashes and
    # looks the Alignment up again for each cell: most of a large workbook's time)
    wrap = wb._alignments.add(Alignment(wrap_text=True, vertical="top"))
    for line in ws.iter_rows():
        for cell in line:
            if not cell._style:
                cell._style = StyleArray()
            cell._style.alignmentId = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _print_setup(ws)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    if printed:
        ws.print_area = f"A1:{get_column_letter(printed)}{len(rows) + 1}"
    fit_rows(ws, printed)
    return ws


def _print_setup(ws) -> None:
    """Print on A4 landscape, as wide as the page, as many pages down as it takes, the
    sheet's name at the top and the page number at the bottom."""
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "&P / &N"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3,
                                  footer=0.3)  # inches: room for the name and page number


_SAME = InlineFont(rFont=FONT, sz=11)
_DELETED = InlineFont(rFont=FONT, sz=11, color="C00000", strike=True)
_INSERTED = InlineFont(rFont=FONT, sz=11, color="007A33", u="single")


def rich_diff(ops) -> CellRichText | str:
    """A word diff as a cell's rich text: deleted words red and struck, inserted green."""
    if all(op == "=" for op, _ in ops):
        return "".join(text for _, text in ops)
    return CellRichText([TextBlock(_DELETED, text) if op == "-" else
                         TextBlock(_INSERTED, text) if op == "+" else TextBlock(_SAME, text)
                         for op, text in ops if text])


def _summary(wb: Workbook, comparisons: list[Comparison], trace: dict | None, t: dict) -> None:
    """The first sheet: events per comparison, per section of each comparison, trace statuses."""
    ws = wb.create_sheet(t["summary"][:31])
    events = EVENTS[t["lang"]]
    bold = Font(name=FONT, bold=True)

    def table(header: list[str], rows: list[list]) -> None:
        ws.append(text_row(ws, header))
        for cell in ws[ws.max_row]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor="D9D9E0")
        for row in rows:
            ws.append(text_row(ws, row))
        ws.append([])

    ws.append([t["summary"]])
    ws["A1"].font = Font(name=FONT, bold=True, size=14)
    ws.append([])
    table([t["comparison"], *events.values()],
          [[f"{c.old.label} → {c.new.label}", *c.events().values()] for c in comparisons])
    for c in comparisons:
        table([f"{c.old.label} → {c.new.label}: {t['per_section']} ({c.new.label})",
               *events.values()],
              [[f"{sid} {title}" if sid else t["nowhere"], *counts.values()]
               for sid, title, counts in area_events(c)])
    if trace:
        names = status_names(t, trace.get("summary", {}))
        labels = " → ".join(v["label"] for v in trace["versions"])
        by_level = levels(trace["proposals"], trace.get("summary", {}))
        table([f"{t['trace']}: {labels}", t["levels"]["proposals"], t["levels"]["sub_items"]],
              [[names.get(k, k), by_level["proposals"].get(k, 0),
                by_level["sub_items"].get(k, 0)] for k in trace.get("summary", {})])
    _print_setup(ws)
    ws.column_dimensions["A"].width = 56
    for i in range(2, len(events) + 2):
        ws.column_dimensions[get_column_letter(i)].width = 14
    for row in ws.iter_rows():
        for cell in row:  # the counts centred under their centred headers
            cell.alignment = Alignment(wrap_text=True, vertical="top",
                                       horizontal="left" if cell.column == 1 else "center")
    fit_rows(ws)


def _save(wb: Workbook) -> bytes:
    """XLSX bytes that depend on the content only.

    openpyxl's save() stamps the time of saving as the modified date, and the ZIP entries
    with it: its writer is used directly, and the entries' times are fixed.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return stable_zip(buffer.getvalue())


def _newest(versions: list[dict]) -> dt.datetime:
    """The newest version's date, else 1980-01-01 (as the ZIP entries)."""
    dates = [d for v in versions if (d := version_date(str(v.get("date") or "")))]
    return max(dates, default=dt.datetime(*FIXED_TIME))


def workbook(comparisons: list[Comparison], trace: dict | None, versions: list[dict],
             lang: str = "nb") -> bytes:
    """The workbook as XLSX bytes, dated by the newest version: the same input, the same bytes."""
    t = texts(lang)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.created = wb.properties.modified = _newest(versions)
    wb.properties.creator = "orvers"
    _summary(wb, comparisons, trace, t)
    _sheet(wb, t["versions"], [t["label"], t["stage"], t["date"], t["measures"],
                               t["levels"]["sub_items"], t["title"]],
           [[v["label"], v["stage"], v["date"], v["measures"], v.get("sub_items") or "",
             v["title"]] for v in versions],
           1, [12, 16, 12, 10, 12, 80], t["stages"])
    for c in comparisons:
        rows = []
        for link in c.links:
            old = c.old.measure(link.old) if link.old else None
            new = c.new.measure(link.new) if link.new else None
            shown = new or old
            rows.append([link.old or "", link.new or "", link.event,
                         changed_detail(link.kind, link.changed, t["lang"]),
                         shown.section or "",
                         rich_diff(word_diff(old.title if old else "", new.title if new else "",
                                             ocr_noise=True)),
                         "\n".join(shown.result_targets), "\n".join(shown.effect_targets),
                         "; ".join(shown.partners),
                         "; ".join(link.changes.partners_added),
                         "; ".join(link.changes.partners_removed),
                         old.title if old else "", new.title if new else "",
                         None if link.score is None else round(link.score, 3),
                         "x" if link.overridden else ""])
        side = f" ({c.new.label})"
        # the print (the first six columns, filling A4 landscape's width at about full size):
        # the ids, what changed and the title with its word changes
        _sheet(wb, f"{c.old.label}-{c.new.label}",
                    [c.old.label, c.new.label, t["kind"], t["what_changed"], t["section"],
                     t["word_changes"], t["result"] + side, t["effect"] + side,
                     t["partners"] + side, f"{t['partners']} +", f"{t['partners']} −",
                     f"{t['old_text']} ({c.old.label})", f"{t['new_text']} ({c.new.label})",
                     t["score"].capitalize(), t["override"].capitalize()],
                    rows, 2, [8, 8, 15, 24, 14, 80, 90, 80, 50, 25, 25, 60, 60, 8, 9],
                    t["kinds"], printed=6)
    if trace:
        labels = [v["label"] for v in trace["versions"]][1:]
        rows = []
        for p in trace["proposals"]:
            at = {lab: ", ".join(lk["id"] for lk in p.get("links", []) if lk["version"] == lab)
                  for lab in labels}
            rows.append([p["id"], p["status"], p.get("section", ""), p.get("parent") or "",
                         p["text"], *[at[lab] for lab in labels]])
        _sheet(wb, t["traces"], [t["proposal"], t["status"], t["section"],
                                 t["sub_items_under"].capitalize(), t["text"], *labels],
               rows, 1, [8, 22, 25, 12, 80, *[12] * len(labels)],
               status_names(t, [p["status"] for p in trace["proposals"]]))
    return _save(wb)


