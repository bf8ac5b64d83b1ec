"""Text from documents goes into the workbook as text: never a formula Excel would run."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

from orvers.model import Comparison, Link, Measure, Programme
from orvers.render.xlsx import workbook

HOSTILE = ['=HYPERLINK("http://x.example","y")', "+1+cmd|' /C calc'!A0", "-2+3",
           "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def _programme(label: str) -> Programme:
    measures = tuple(Measure(id=f"1.{i}", title=title, section=None, partners=(title,))
                     for i, title in enumerate(HOSTILE, 1))
    return Programme(path=f"{label}.txt", format="txt", layout="outline", title=label,
                     sections=(), measures=measures, label=label)


def _book() -> bytes:
    old, new = _programme("a"), _programme("b")
    links = tuple(Link(m.id, m.id, "unchanged") for m in old.measures)
    trace = {"versions": [{"label": "w"}, {"label": "b"}],
             "proposals": [{"id": "W1", "text": HOSTILE[0], "section": "=1", "status": "adopted",
                            "links": [{"version": "b", "id": "1.1"}]}]}
    versions = [{"label": "a", "stage": "draft", "date": "2025", "measures": 1,
                 "title": "=cmd|' /C calc'!A0"}]
    return workbook([Comparison(old, new, links)], trace, versions)


def test_no_formula_anywhere_in_the_workbook_xml():
    with zipfile.ZipFile(io.BytesIO(_book())) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(r"<f[ >]", xml) for xml in sheets)


def test_hostile_titles_are_kept_as_the_same_text():
    wb = load_workbook(io.BytesIO(_book()))
    sheet = wb["a-b"]
    cells = [row[11] for row in sheet.iter_rows(min_row=2)]  # old title column
    assert [c.value for c in cells] == HOSTILE
    assert {c.data_type for c in cells} == {"s"}
    assert [row[5].value for row in sheet.iter_rows(min_row=2)] == HOSTILE  # word changes
    assert wb["Sporing"]["E2"].value == HOSTILE[0] and wb["Sporing"]["E2"].data_type == "s"
    assert wb["Versjoner"]["F2"].data_type == "s"


def test_numbers_and_plain_text_keep_their_type():
    sheet = load_workbook(io.BytesIO(_book()))["Versjoner"]
    assert sheet["D2"].value == 1 and sheet["D2"].data_type == "n"
    assert sheet["A2"].value == "a"
