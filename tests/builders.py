"""Build real DOCX/PDF files from the corpus: python-docx writes, LibreOffice converts."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

from orvers.model import Programme
from orvers.render.programme_docx import write_programme_docx


def build_docx(programme: Programme, path: Path, layout: str) -> Path:
    """Write the programme as a DOCX in the given layout ("outline" or "table")."""
    return write_programme_docx(programme, path, layout)  # type: ignore[arg-type]


def to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice headless (private profile, so runs don't clash)."""
    return convert(docx_path, outdir, "pdf")


def convert(source: Path, outdir: Path, target: str) -> Path:
    """Convert a document (DOCX, .fodt …) to `target` ("pdf", "docx") with LibreOffice."""
    profile = Path(tempfile.mkdtemp(prefix="orvers-lo-"))
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{source.stem}.{target}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


_BOX_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}


def add_text_box(paragraph, texts: list[str], fallback: bool = True) -> None:
    """Anchor a text box to a python-docx paragraph as Word 2010+ writes it: a DrawingML shape
    in mc:Choice and, with `fallback`, the same paragraphs again in a VML mc:Fallback."""
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    choice = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2880000" cy="1080000"/><wp:wrapSquare '
        'wrapText="bothSides"/><wp:docPr id="1" name="Tekstboks 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{body}</w:txbxContent>'
        '</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    vml = (f'<w:pict><v:shape style="width:226pt;height:85pt"><v:textbox><w:txbxContent>{body}'
           '</w:txbxContent></v:textbox></v:shape></w:pict>')
    inner = (f'<mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
             f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>' if fallback else vml)
    xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in _BOX_NS.items())
    paragraph._p.append(etree.fromstring(f"<w:r {xmlns}>{inner}</w:r>"))


def add_page_furniture(document, header: str, footer: str) -> None:
    """Give every page of a python-docx Document a header line and a footer line, where
    `{page}` and `{pages}` in the footer become Word's PAGE and NUMPAGES fields."""
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    paragraph = section.footer.paragraphs[0]
    for i, part in enumerate(footer.replace("{pages}", "{page}\0").split("{page}")):
        if i:
            field = "NUMPAGES" if part.startswith("\0") else "PAGE"
            paragraph._p.append(etree.fromstring(
                f'<w:fldSimple xmlns:w="{_BOX_NS["w"]}" w:instr=" {field} ">'
                "<w:r><w:t>1</w:t></w:r></w:fldSimple>"))
            part = part.removeprefix("\0")
        if part:
            paragraph.add_run(part)


def build_board_docx(programme: Programme, path: Path) -> Path:
    """The board recommendation as its secretariat would keep it in Word: the board's table
    layout in a table style, a header with the logo and the title, page numbers in the footer."""
    import docx
    from docx.shared import Cm

    build_docx(programme, path, "table")
    document = docx.Document(str(path))
    add_page_furniture(document, "Osloregionen – Handlingsprogram 2026 ", "Side {page} av {pages}")
    logo = Path(__file__).parent / "fixtures" / "redline" / "logo.png"
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(logo), width=Cm(1.5))
    for table in document.tables:
        table.style = "Light Grid Accent 1"
    document.save(str(path))
    return path


def build_fixtures(out: Path) -> None:
    """Regenerate the committed fixtures (needs soffice, pdftoppm, tesseract; CI does not run it).

    board-ocr.pdf: page 3 of the board PDF as an image, OCR'd by tesseract into a searchable PDF;
    scanned.pdf: the same image without a text layer; encrypted.pdf: LibreOffice export with an
    open password; corrupt.docx / corrupt.pdf: truncated files.
    """
    import sys

    from PIL import Image

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import corpus_file  # noqa: PLC0415

    from orvers.api import load

    work = Path(tempfile.mkdtemp(prefix="orvers-fixtures-"))
    board_docx = build_docx(load(corpus_file("styret")), work / "board.docx", "table")
    board_pdf = to_pdf(board_docx, work)
    subprocess.run(["pdftoppm", "-f", "3", "-l", "3", "-r", "150", "-gray", "-png",
                    str(board_pdf), str(work / "page")], check=True)
    page = next(work.glob("page*.png"))
    subprocess.run(["tesseract", str(page), str(out / "board-ocr"), "-l", "nor", "pdf"],
                   check=True, capture_output=True)
    Image.open(page).save(out / "scanned.pdf", resolution=150)
    small = work / "encrypted.docx"
    build_docx(load(corpus_file("utkast")), small, "outline")
    export = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
              '"DocumentOpenPassword":{"type":"string","value":"orvers"}}')
    profile = Path(tempfile.mkdtemp(prefix="orvers-lo-"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", export, "--outdir", str(out), str(small)],
                   check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    (out / "corrupt.docx").write_bytes(board_docx.read_bytes()[:2000])
    (out / "corrupt.pdf").write_bytes(board_pdf.read_bytes()[:3000])
    shutil.rmtree(work, ignore_errors=True)
