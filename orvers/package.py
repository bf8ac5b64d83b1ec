"""OOXML packages (DOCX, XLSX) as reproducible bytes: the same content gives the same file."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


def stable_zip(data: bytes) -> bytes:
    """The same ZIP with every entry dated FIXED_TIME, so rewriting it gives equal bytes.

    Writers (python-docx, openpyxl) stamp each entry with the time of saving; the entries'
    order and content are already deterministic.
    """
    src, dst = io.BytesIO(data), io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.create_system, entry.external_attr = 3, 0o644 << 16  # Unix, rw-r--r--
            zout.writestr(entry, zin.read(info.filename), zipfile.ZIP_DEFLATED)
    return dst.getvalue()
