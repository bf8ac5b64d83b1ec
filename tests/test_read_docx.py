"""DOCX reader: paragraphs, list labels, cells, tracked changes, page breaks, bad files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from lxml import etree

from orvers.errors import InputError
from orvers.read import read

FIXTURES = Path(__file__).parent / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tracked(paragraph, kept: str, deleted: str, inserted: str) -> None:
    """Append a run, a deleted run and an inserted run as Word writes tracked changes."""
    paragraph.add_run(kept)
    p = paragraph._p
    dele = etree.SubElement(p, f"{{{W}}}del", {f"{{{W}}}id": "1", f"{{{W}}}author": "A"})
    r = etree.SubElement(dele, f"{{{W}}}r")
    etree.SubElement(r, f"{{{W}}}delText").text = deleted
    ins = etree.SubElement(p, f"{{{W}}}ins", {f"{{{W}}}id": "2", f"{{{W}}}author": "A"})
    r = etree.SubElement(ins, f"{{{W}}}r")
    etree.SubElement(r, f"{{{W}}}t").text = inserted


@pytest.fixture
def sample(tmp_path) -> Path:
    d = docx.Document()
    d.add_heading("2. Innsatsområder", level=1)
    d.add_paragraph("Første tiltak", style="List Number")
    d.add_paragraph("Andre tiltak", style="List Number")
    d.add_paragraph("Næringsliv", style="List Bullet")
    _tracked(d.add_paragraph(), "Styrke ", "gamle ", "nye samarbeid")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Tiltak og mål"
    table.cell(0, 2).text = "Partnere"
    table.cell(1, 0).text = "2.1.1. Kartlegge"
    table.cell(1, 2).text = "KS"
    table.cell(1, 2).add_paragraph("NHO")
    d.add_paragraph("før sideskift").add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("etter sideskift")
    path = tmp_path / "sample.docx"
    d.save(str(path))
    return path


def test_paragraphs_in_order_with_styles_and_list_labels(sample):
    doc = read(sample)
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0].text == "2. Innsatsområder" and paragraphs[0].style == "Heading 1"
    numbered = [(b.list_label, b.text) for b in paragraphs if b.style == "List Number"]
    assert numbered == [("1.", "Første tiltak"), ("2.", "Andre tiltak")]
    bullet = next(b for b in paragraphs if b.text == "Næringsliv")
    assert bullet.list_label and bullet.list_level == 0
    assert [b.line for b in paragraphs] == sorted(b.line for b in paragraphs)


def test_tracked_changes_read_as_accepted(sample):
    doc = read(sample)
    assert any(b.text == "Styrke nye samarbeid" for b in doc.blocks)
    assert not any("gamle" in b.text for b in doc.blocks)
    assert "input had tracked changes; read as if all were accepted" in doc.warnings


def test_cells_once_with_table_row_col(sample):
    cells = [b for b in read(sample).blocks if b.kind == "cell"]
    assert [(b.text, b.row, b.col) for b in cells] == [
        ("Tiltak og mål", 0, 0), ("Partnere", 0, 2),
        ("2.1.1. Kartlegge", 1, 0), ("KS", 1, 2), ("NHO", 1, 2)]
    assert {b.table for b in cells} == {1}


def test_page_breaks_count_pages(sample):
    doc = read(sample)
    after = next(b for b in doc.blocks if b.text == "etter sideskift")
    assert after.page == 2 and doc.pages == 2


def test_corrupt_docx_is_one_line_input_error():
    with pytest.raises(InputError, match="not a valid DOCX"):
        read(FIXTURES / "corrupt.docx")


def test_text_file_named_docx_is_input_error(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid DOCX"):
        read(path)
