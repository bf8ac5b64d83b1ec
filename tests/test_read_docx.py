"""DOCX reader: paragraphs, list labels, cells, text boxes, tracked changes, page breaks, bad
files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from builders import add_text_box, convert
from click.testing import CliRunner
from docx.enum.text import WD_BREAK
from lxml import etree

from orvers.cli import cli
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


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>{}</office:text></office:body>
</office:document>
"""
_BOX = ["Tiltak i boksen: møteplass for næringsliv", "Andre avsnitt i boksen"]
_WORD = "word/document.xml"


def _docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(_WORD).decode("utf-8")


@pytest.mark.parametrize("fallback", [True, False], ids=["drawingml+vml", "vml"])
def test_text_box_is_read_once_after_its_anchor(tmp_path, fallback):
    d = docx.Document()
    d.add_paragraph("Før boksen")
    add_text_box(d.add_paragraph("Ankeravsnitt"), _BOX, fallback=fallback)
    d.add_paragraph("Etter boksen")
    path = tmp_path / "box.docx"
    d.save(str(path))
    assert _docx_xml(path).count("<w:txbxContent>") == (2 if fallback else 1)
    texts = [b.text for b in read(path).blocks]
    assert texts == ["Før boksen", "Ankeravsnitt", *_BOX, "Etter boksen"]


@pytest.mark.libreoffice
def test_libreoffice_text_frame_is_read_once(tmp_path):
    frame = ('<draw:frame draw:name="Boks" text:anchor-type="paragraph" svg:width="8cm" '
             'svg:height="3cm"><draw:text-box>'
             + "".join(f"<text:p>{t}</text:p>" for t in _BOX)
             + "</draw:text-box></draw:frame>")
    source = tmp_path / "frame.fodt"
    source.write_text(_FODT.format(f"<text:p>Før boksen</text:p><text:p>{frame}Ankeravsnitt"
                                   "</text:p><text:p>Etter boksen</text:p>"), encoding="utf-8")
    path = convert(source, tmp_path, "docx")
    assert "mc:Fallback" in _docx_xml(path)  # LibreOffice repeats the frame as VML
    texts = [b.text for b in read(path).blocks]
    assert texts == ["Før boksen", "Ankeravsnitt", *_BOX, "Etter boksen"]


def _change(cid: str, kind: str, content: str = "") -> str:
    info = ("<office:change-info><dc:creator>Sekretariatet</dc:creator>"
            "<dc:date>2025-11-01T10:00:00</dc:date></office:change-info>")
    return (f'<text:changed-region text:id="{cid}"><text:{kind}>{info}{content}'
            f"</text:{kind}></text:changed-region>")


@pytest.fixture
def libreoffice_tracked(tmp_path) -> Path:
    """A programme with tracked changes as LibreOffice writes them into DOCX: a word replaced,
    a whole measure deleted (with its paragraph mark), two paragraphs joined."""
    changes = ('<text:tracked-changes text:track-changes="true">'
               + _change("c1", "deletion", "<text:p>gamle </text:p>")
               + _change("c2", "insertion")
               + _change("c3", "deletion", "<text:p>1.2. Avvikle gamle ordninger</text:p>"
                                           "<text:p/>")
               + _change("c4", "deletion", "<text:p/><text:p/>")
               + "</text:tracked-changes>")
    paragraphs = [
        "Handlingsprogram 2026", "1. Klima, miljø og natur",
        '1.1. Styrke <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>'
        'nye <text:change-end text:change-id="c2"/>samarbeid om klimatilpasning',
        '<text:change text:change-id="c3"/>1.3. Utvikle møteplasser for '
        '<text:change text:change-id="c4"/>næringslivet i regionen',
        "1.4. Følge opp regional plan for areal og transport", "2. Næringsutvikling",
        "2.1. Bidra til å styrke bærekraftsmål", "2.2. Øke kunnskap om grønn omstilling"]
    source = tmp_path / "sporet.fodt"
    source.write_text(_FODT.format(changes + "".join(f"<text:p>{p}</text:p>"
                                                     for p in paragraphs)), encoding="utf-8")
    return convert(source, tmp_path, "docx")


@pytest.mark.libreoffice
def test_libreoffice_tracked_changes_are_accepted_with_a_warning(libreoffice_tracked):
    xml = _docx_xml(libreoffice_tracked)
    assert "<w:del " in xml and "<w:ins " in xml
    texts = [b.text for b in read(libreoffice_tracked).blocks]
    assert "1.3. Utvikle møteplasser for næringslivet i regionen" in texts  # marks joined
    assert not any("1.2" in t or "gamle" in t for t in texts)
    result = CliRunner().invoke(cli, ["extract", str(libreoffice_tracked), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "input had tracked changes; read as if all were accepted" in data["warnings"]
    titles = {m["id"]: m["title"] for m in data["measures"]}
    assert titles == {
        "1.1": "Styrke nye samarbeid om klimatilpasning",
        "1.3": "Utvikle møteplasser for næringslivet i regionen",
        "1.4": "Følge opp regional plan for areal og transport",
        "2.1": "Bidra til å styrke bærekraftsmål", "2.2": "Øke kunnskap om grønn omstilling"}


def _deleted_mark(paragraph) -> None:
    """Mark a python-docx paragraph's runs and its paragraph mark as deleted (Word's markup)."""
    p = paragraph._p
    for r in p.findall(f"{{{W}}}r"):
        for t in r.findall(f"{{{W}}}t"):
            t.tag = f"{{{W}}}delText"
        dele = etree.Element(f"{{{W}}}del", {f"{{{W}}}id": "9", f"{{{W}}}author": "A"})
        r.addprevious(dele)
        dele.append(r)
    rpr = etree.SubElement(p.get_or_add_pPr(), f"{{{W}}}rPr")
    etree.SubElement(rpr, f"{{{W}}}del", {f"{{{W}}}id": "8", f"{{{W}}}author": "A"})


def test_deleted_list_item_takes_no_number_and_deleted_row_no_row(tmp_path):
    d = docx.Document()
    d.add_paragraph("Første tiltak", style="List Number")
    _deleted_mark(d.add_paragraph("Slettet tiltak", style="List Number"))
    d.add_paragraph("Tredje tiltak", style="List Number")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Tiltak", "Partnere"), ("Slettet rad", "KS"),
                                ("Beholdt rad", "NHO")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    trpr = table.rows[1]._tr.get_or_add_trPr()
    etree.SubElement(trpr, f"{{{W}}}del", {f"{{{W}}}id": "7", f"{{{W}}}author": "A"})
    path = tmp_path / "deleted.docx"
    d.save(str(path))
    doc = read(path)
    numbered = [(b.list_label, b.text) for b in doc.blocks if b.style == "List Number"]
    assert numbered == [("1.", "Første tiltak"), ("2.", "Tredje tiltak")]
    cells = [(b.row, b.text) for b in doc.blocks if b.kind == "cell"]
    assert cells == [(0, "Tiltak"), (0, "Partnere"), (1, "Beholdt rad"), (1, "NHO")]
    assert doc.warnings


def test_a_one_cell_frame_around_the_programme_is_no_table(tmp_path):
    # a Word template's layout table: one cell holding the headings and the measure tables
    # (a chapter's and a section's heading in the frame's cell were read as the text of the
    # measure above them)
    document = docx.Document()
    document.add_paragraph("Handlingsprogram 2027", style="Title")
    frame = document.add_table(rows=1, cols=1).rows[0].cells[0]
    parts = [(["1. Næring og kompetanse"], [("1.1. Etablere et nettverk", "KS"),
                                            ("1.2. Kartlegge næringsarealer", "Kommunene")]),
             (["2. Innsatsområder", "2.1. Klima og miljø"],
              [("2.1.1. Dele erfaringer om klimatilpasning", "NVE"),
               ("2.1.2. Arrangere en ryddedag", "Frivillige")])]
    for k, (headings, measures) in enumerate(parts):
        for i, heading in enumerate(headings):
            if k or i:
                frame.add_paragraph(heading)
            else:
                frame.paragraphs[0].text = heading
        table = frame.add_table(rows=1, cols=3)
        for cell, text in zip(table.rows[0].cells,
                              ("Tiltak", "Resultat- og effektmål", "Partnere"), strict=True):
            cell.text = text
        for title, partner in measures:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = title, "Resultatmål: Levert", partner
        frame.add_paragraph("")
    path = tmp_path / "framed.docx"
    document.save(str(path))
    from orvers.api import load
    p = load(path)
    assert [(m.id, m.title, m.section) for m in p.measures] == [
        ("1.1", "Etablere et nettverk", "1"), ("1.2", "Kartlegge næringsarealer", "1"),
        ("2.1.1", "Dele erfaringer om klimatilpasning", "2.1"),
        ("2.1.2", "Arrangere en ryddedag", "2.1")]
    assert ("2.1", "Klima og miljø") in [(s.id, s.title) for s in p.sections]


def test_characters_that_print_nothing_are_left_out(tmp_path):
    """A soft hyphen typed into a word, a zero-width space and Word's non-breaking hyphen
    (w:noBreakHyphen): "kunn\\u00adskap" is "kunnskap" (before: a word no other version
    has, shown as changed in every comparison), "E18‑korridoren" keeps its hyphen (before:
    "E18korridoren")."""
    from docx.oxml import OxmlElement

    document = docx.Document()
    paragraph = document.add_paragraph("Samle kunn\u00adskap om E18")
    run = paragraph.add_run()
    run._r.append(OxmlElement("w:noBreakHyphen"))
    text = OxmlElement("w:t")
    text.text = "korridoren og\u200b flom"
    run._r.append(text)
    path = tmp_path / "hyphens.docx"
    document.save(str(path))
    assert read(path).blocks[0].text == "Samle kunnskap om E18-korridoren og flom"
    plain = tmp_path / "hyphens.txt"
    plain.write_text("Samle kunn\u00adskap om E18\u2011korridoren\n", encoding="utf-8")
    assert read(plain).blocks[0].text == "Samle kunnskap om E18-korridoren"
