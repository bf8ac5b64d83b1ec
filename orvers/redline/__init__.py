"""Word redlines with native tracked changes: measure by measure, or whole documents."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..errors import InputError
from ..model import Comparison
from ..package import stable_zip
from .sources import Sources


def parse_date(value: str | None) -> dt.datetime | None:
    """An ISO date or date-time (naive means UTC), or None; InputError when malformed."""
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"not an ISO date: {value!r} (use e.g. 2025-12-18 or "
                         "2025-12-18T09:00)") from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _save(document, path: str | Path) -> None:
    """Save with fixed ZIP entry times: the same redline (same --date) gives the same bytes."""
    path = Path(path)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(stable_zip(buffer.getvalue()))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_redline(comparison: Comparison, path: str | Path, author: str = "orvers",
                  date: dt.datetime | None = None, lang: str = "nb",
                  sources: Sources | None = None) -> None:
    """Write the measure-aware redline of a comparison to a DOCX file (SOURCES: the workshop
    proposals per new measure, named in comments)."""
    from .measures import build

    _save(build(comparison, author=author, date=date, lang=lang, sources=sources), path)


def write_plain_redline(old_docx: str | Path, new_docx: str | Path, path: str | Path,
                        author: str = "orvers", date: dt.datetime | None = None) -> list[str]:
    """Write the in-place redline of two DOCX files (the new one with the old one's differences
    tracked in it); returns warnings."""
    from .inplace import build

    document, warnings = build(old_docx, new_docx, author=author, date=date)
    _save(document, path)
    return warnings


def write_inplace_redline(comparison: Comparison, new_docx: str | Path, path: str | Path,
                          author: str = "orvers", date: dt.datetime | None = None,
                          lang: str = "nb", cover: bool = True,
                          sources: Sources | None = None) -> list[str]:
    """Write the measure-aware redline inside the new version's own DOCX (its table or outline,
    header, logo and styles kept), the cover as an optional first section; returns warnings."""
    from .inplace.measures import build

    document, warnings = build(comparison, new_docx, author=author, date=date, lang=lang,
                               with_cover=cover, sources=sources)
    _save(document, path)
    return warnings
