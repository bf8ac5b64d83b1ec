"""The XLSX workbook, opened again with openpyxl."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from test_history import CHAIN

from orvers.model import Comparison, Link, Measure, Programme
from orvers.render.xlsx import workbook

TRACE = {"versions": [{"label": "workshop"}, {"label": "b"}, {"label": "c"}],
         "proposals": [{"id": "W1", "text": "Sykkelveier i hele regionen", "section": "Klima",
                        "status": "adopted", "links": [{"version": "b", "id": "2.2"},
                                                       {"version": "c", "id": "3.1"}]},
                       {"id": "W2", "text": "Pilot: sykkelvei langs fjorden", "section": "Klima",
                        "status": "dropped_at_b", "parent": "W1", "links": []}],
         "summary": {"adopted": 1, "dropped_at_b": 1}}
VERSIONS = [{"label": "a", "stage": "draft", "date": "2025-10", "measures": 2, "title": "Å"}]


def test_workbook_sheets_cells_and_colours():
    wb = load_workbook(io.BytesIO(workbook(CHAIN, TRACE, VERSIONS)))
    assert wb.sheetnames == ["Oppsummering", "Versjoner", "a-b", "b-c", "Sporing"]
    ab = wb["a-b"]
    assert ab.freeze_panes == "A2" and ab.auto_filter.ref == "A1:O4"
    assert [c.value for c in ab[2]][:3] == ["1.1", "2.1", "omformulert"]
    assert ab["M2"].value == "Samarbeide tettere med kommunene"  # Etter (b)
    # printable: landscape, one page wide, the header on every page, text wrapped
    assert ab.page_setup.orientation == "landscape" and ab.page_setup.fitToWidth == 1
    assert ab.sheet_properties.pageSetUpPr.fitToPage and ab.print_title_rows == "$1:$1"
    assert ab["M2"].alignment.wrap_text
    # the print holds the ids, the change and the title with its word changes, so it stays
    # readable on A4; every row is as tall as its most wrapped cell
    assert ab.print_area == "'a-b'!$A$1:$F$4"
    assert ab.row_dimensions[1].height >= 30  # "Tittel med ordendringer" wraps in 18 wide
    assert all(len(str(c.value)) <= 2 + ab.column_dimensions[c.column_letter].width * 2
               for c in ab[1])  # headers are whole words the wrapped cell can show
    assert ab["C2"].fill.fgColor.rgb.endswith("FFF0C2")  # reworded: yellow
    assert wb["b-c"]["C2"].fill.fgColor.rgb.endswith("FBD3D3")  # removed: red
    assert wb["b-c"]["O4"].value == "x"  # the override is marked
    trace = wb["Sporing"]
    assert [c.value for c in trace[2]] == ["W1", "videreført", "Klima", None,
                                          "Sykkelveier i hele regionen", "2.2", "3.1"]
    assert [c.value for c in trace[3]][:4] == ["W2", "falt ut i b", "Klima", "W1"]
    assert wb["Versjoner"]["F2"].value == "Å" and wb["Versjoner"]["B2"].value == "utkast"
    # the summary counts top-level proposals and sub-items apart
    summary = list(wb["Oppsummering"].iter_rows(values_only=True))
    header = next(r for r in summary if str(r[0]).startswith("Sporing"))
    assert header[1:3] == ("Innspill", "Underpunkter")
    assert ("videreført", 1, 0) in [r[:3] for r in summary]
    assert ("falt ut i b", 0, 1) in [r[:3] for r in summary]


def test_word_diff_is_rich_text_red_struck_and_green():
    wb = load_workbook(io.BytesIO(workbook(CHAIN, TRACE, VERSIONS)), rich_text=True)
    cell = wb["a-b"]["F2"].value  # the title's word changes
    inserted = [b for b in cell if not isinstance(b, str) and b.font.u == "single"]
    assert any("tettere" in b.text for b in inserted)
    assert all(b.font.color.rgb.endswith("007A33") for b in inserted)
    assert "[+" not in "".join(str(b) for b in cell)


def test_every_run_and_bold_cell_names_the_workbooks_face():
    """A rich-text run or a bold cell without a face is drawn by LibreOffice in its default
    serif beside the other cells' sans-serif: each names the workbook's face."""
    wb = load_workbook(io.BytesIO(workbook(CHAIN, TRACE, VERSIONS)), rich_text=True)
    face = wb._fonts[0].name  # the workbook's default font
    runs = [b for ws in wb for row in ws.iter_rows() for c in row
            if not isinstance(c.value, str) and hasattr(c.value, "__iter__")
            for b in c.value]
    assert runs and all(not isinstance(b, str) and b.font.rFont == face for b in runs)
    bold = [c for ws in wb for row in ws.iter_rows() for c in row if c.font.b]
    assert bold and all(c.font.name == face for c in bold)


def test_comparison_rows_are_as_tall_as_what_prints():
    """A comparison sheet prints its first six columns: a row's height comes from them, so a
    measure with many long targets (on screen only) does not print as a mostly empty row."""
    targets = tuple(f"Mål nummer {i}: " + "en lang setning om samarbeid " * 6 for i in range(8))
    old = Programme(path="a.txt", format="txt", layout="outline", title="a", sections=(),
                    label="a", measures=(Measure(id="1.1", title="Kort tittel", section=None),
                                         Measure(id="1.2", title="Lang tittel " * 40,
                                                 section=None)))
    new = Programme(path="b.txt", format="txt", layout="outline", title="b", sections=(),
                    label="b", measures=(Measure(id="1.1", title="Kort tittel", section=None,
                                                 result_targets=targets),
                                         Measure(id="1.2", title="Lang tittel " * 40,
                                                 section=None)))
    comparison = Comparison(old, new, (Link("1.1", "1.1", "unchanged"),
                                       Link("1.2", "1.2", "unchanged")))
    ws = load_workbook(io.BytesIO(workbook([comparison], None, VERSIONS)))["a-b"]
    assert ws.print_area == "'a-b'!$A$1:$F$3"
    short, long = ws.row_dimensions[2].height, ws.row_dimensions[3].height
    assert short <= 2 * 15  # one line of title; the eight targets (G) do not count
    assert long >= 5 * 15  # 480 characters of title wrap in a column of 80
    # printed on A4 landscape, one page wide, the header row and the page number on each page
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToHeight == 0
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert "&P" in ws.oddFooter.center.text
    # the printed columns fill the page's width at about full size (fit-to-width shrinks
    # less than a fifth): A4 landscape less the margins, about 7 pixels per character
    printable = (11.69 - ws.page_margins.left - ws.page_margins.right) * 96
    width = sum(ws.column_dimensions[c].width * 7 + 5 for c in "ABCDEF")
    assert 0.8 * printable <= width <= 1.25 * printable
