"""Build real DOCX/PDF files from the corpus: python-docx writes, LibreOffice converts."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from orvers.model import Programme
from orvers.render.programme_docx import write_programme_docx


def build_docx(programme: Programme, path: Path, layout: str) -> Path:
    """Write the programme as a DOCX in the given layout ("outline" or "table")."""
    return write_programme_docx(programme, path, layout)  # type: ignore[arg-type]


def to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice headless (private profile, so runs don't clash)."""
    profile = Path(tempfile.mkdtemp(prefix="orvers-lo-"))
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
            check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


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
