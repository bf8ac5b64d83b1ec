"""Parsed versions cached as JSON by file hash, orvers version and layout, so reruns are fast."""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import __version__
from .model import Programme

CACHE_DIR = ".orvers-cache"
T = TypeVar("T")


@functools.cache
def code_version() -> str:
    """orvers's version and a hash of its source: edited parsers or matchers miss the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def cache_path(cache_dir: str | Path, digest: str, layout: str | None) -> Path:
    """Where the Programme parsed from a file with this hash and layout is kept."""
    return Path(cache_dir) / f"{digest[:32]}-{code_version()}-{layout or 'auto'}.json"


def load(path: str | Path, digest: str, label: str = "", layout: str | None = None,
         cache_dir: str | Path | None = None, date: str = "") -> Programme:
    """The Programme of PATH: from the cache when there, else parsed (and then cached)."""
    from dataclasses import replace

    from .api import load as parse
    from .serialize import programme_from_dict, programme_to_dict

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


def memo(cache_dir: str | Path | None, kind: str, key: str, compute: Callable[[], T]) -> T:
    """COMPUTE's result, kept under KEY (with the orvers version) so a rerun skips the work.

    Used for comparisons, the trace and the redline, whose inputs are file hashes and overrides.
    """
    if cache_dir is None:
        return compute()
    digest = hashlib.sha256(f"{code_version()}\n{key}".encode()).hexdigest()[:32]
    entry = Path(cache_dir) / f"{kind}-{digest}.pickle"
    if entry.is_file():
        try:
            return pickle.loads(entry.read_bytes())
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            entry.unlink()
    value = compute()
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(pickle.dumps(value))
    return value
