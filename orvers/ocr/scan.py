"""OCR of a scanned PDF (`orvers extract --ocr`): each page rendered at 300 dpi (pypdfium2),
read by tesseract into a page with a text layer (pytesseract), the pages joined into one PDF
that the PDF reader reads as any other. Needs the `ocr` extra and the tesseract program."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Document

_INSTALL = ("pip install 'orvers[ocr]' and tesseract with its language data "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-nor)")
_DPI = 300  # pages are rendered for tesseract at the resolution it reads best
_POINTS = 72  # a PDF's unit: points per inch
_SAID = 120  # characters of what tesseract said, at most, in the one-line error


def read_scanned(path: Path, lang: str = "nor") -> Document:
    """The PDF's pages read by tesseract (language `lang`: "nor", "eng", "nor+eng" …), as
    blocks; the text a page may already have is not used."""
    if path.suffix.lower() != ".pdf":
        raise InputError(f"{path}: --ocr reads a scanned PDF, not '{path.suffix or '(none)'}'")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        import pypdfium2 as pdfium
        import pytesseract
    except ImportError:
        raise InputError(f"--ocr needs pytesseract: {_INSTALL}") from None
    from ..read.limits import max_pages
    from ..read.pdf import read_pdf

    try:
        source = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise InputError(f"{path}: not a valid PDF file (corrupt or encrypted)") from None
    with source, tempfile.TemporaryDirectory(prefix="orvers-ocr-") as work:
        if len(source) > max_pages():
            raise InputError(f"{path}: {len(source)} pages, more than {max_pages()}; set "
                             "ORVERS_MAX_PAGES to raise the limit")
        joined = pdfium.PdfDocument.new()
        for page in source:
            image = page.render(scale=_DPI / _POINTS, grayscale=True).to_pil()
            try:
                layer = pytesseract.image_to_pdf_or_hocr(image, lang=lang, extension="pdf")
            except pytesseract.TesseractNotFoundError:
                raise InputError(f"--ocr needs the tesseract program: {_INSTALL}") from None
            except pytesseract.TesseractError as exc:
                said = " ".join(str(exc.message).split())
                if "load" in said and "language" in said:
                    raise InputError(f"tesseract has no language data '{lang}': install it "
                                     "(Debian: apt-get install tesseract-ocr-LANG)") from None
                raise InputError(f"{path}: tesseract failed ({said[:_SAID]})") from None
            joined.import_pages(pdfium.PdfDocument(layer))
        scanned = Path(work) / "ocr.pdf"
        joined.save(str(scanned))
        document = read_pdf(scanned)
    return replace(document, path=str(path))
