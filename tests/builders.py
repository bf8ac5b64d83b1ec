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
