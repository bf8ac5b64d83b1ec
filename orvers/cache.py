"""Parsed versions cached as JSON by file hash, orvers version and layout, so reruns are fast."""

from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .model import Programme

CACHE_DIR = ".orvers-cache"


def cache_path(cache_dir: str | Path, digest: str, layout: str | None) -> Path:
    """Where the Programme parsed from a file with this hash and layout is kept."""
    return Path(cache_dir) / f"{digest[:32]}-{__version__}-{layout or 'auto'}.json"


def load(path: str | Path, digest: str, label: str = "", layout: str | None = None,
         cache_dir: str | Path | None = None, date: str = "") -> Programme:
    """The Programme of PATH: from the cache when there, else parsed (and then cached)."""
    from dataclasses import replace

    from .api import load as parse

    try:
        from .serialize import programme_from_dict, programme_to_dict
    except ImportError:  # no serializer yet: parse every time
        return replace(parse(path, layout=layout, label=label), date=date)
    entry = cache_path(cache_dir, digest, layout) if cache_dir else None
    if entry and entry.is_file():
        try:
            programme = programme_from_dict(json.loads(entry.read_text(encoding="utf-8")))
            return replace(programme, path=str(path), label=label, date=date)
        except (ValueError, KeyError, TypeError):
            entry.unlink()  # a stale or broken entry: parse again
    programme = replace(parse(path, layout=layout, label=label), date=date)
    if entry:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps(programme_to_dict(programme), ensure_ascii=False),
                         encoding="utf-8")
    return programme
