"""Cached results as validated JSON: parsed versions, comparisons, traces and redlines.

Only data is stored (JSON, read back through a schema of the frozen dataclasses), so a cache
file someone else wrote can never run code; and every entry is signed with a key that only this
user holds (HMAC-SHA256, the key in the user's data directory), so an entry this user's orvers
did not write — one that came with a corpus someone handed over, or was edited — is never
served. A wrong, unsigned, unreadable or wrong-typed entry is discarded and computed again.
Every entry is keyed by a hash of all its inputs (the programmes with their paths, labels, dates
and titles, overrides, options) and of orvers's own code, and written atomically (temporary
file, then rename).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .model import Programme

CACHE_DIR = ".orvers-cache"
MAX_ENTRY = 512 * 1024 * 1024  # bytes; a larger "entry" is not one orvers wrote
T = TypeVar("T")


@functools.cache
def code_version() -> str:
    """orvers's version and a hash of its files (source, templates, data such as the
    calibration): edited parsers, matchers or pages miss the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def user_cache(*parts: str) -> Path:
    """A folder in this user's cache directory for orvers (platformdirs: $XDG_CACHE_HOME/orvers,
    else ~/.cache/orvers on Linux), such as the compiled word list or the cache of a corpus
    that cannot hold its own."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("orvers"), *parts)


def usable(folder: Path) -> bool:
    """Whether FOLDER can hold cache entries (created if need be)."""
    return _unusable(folder) is None


def _unusable(folder: Path) -> str | None:
    """Why FOLDER cannot hold the cache, or None when it can (created if need be)."""
    if folder.exists() and not folder.is_dir():
        return "is not a directory"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"is not writable ({exc.strerror or exc})"
    return None


def locate(corpus: str | Path, enabled: bool = True) -> tuple[Path | None, str]:
    """The cache folder of CORPUS and a note for the user when it is not the usual one.

    The usual place is CORPUS/.orvers-cache; when that cannot be written (a read-only corpus,
    a file in its place) the user's cache directory is used, and failing that no cache.
    """
    if not enabled:
        return None, ""
    local = Path(corpus) / CACHE_DIR
    problem = _unusable(local)
    if problem is None:
        return local, ""
    name = hashlib.sha256(str(Path(corpus).resolve()).encode()).hexdigest()[:16]
    fallback = user_cache("corpora", name)
    if _unusable(fallback) is None:
        return fallback, f"{local} {problem}; caching in {fallback} instead"
    return None, f"{local} {problem} and neither is {fallback}; running without a cache"


@functools.cache
def _adapter(result_type: Any):
    """Reads and writes an entry: [its key, the value] (a value under another key's name is
    not taken for this one)."""
    from pydantic import ConfigDict, TypeAdapter

    bytes_as_base64 = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")
    return TypeAdapter(tuple[str, result_type], config=bytes_as_base64)


@functools.cache
def _secret() -> bytes:
    """This user's signing key: made once (32 random bytes, readable by the user alone) in the
    user's data directory; a key for this process alone when that cannot be written."""
    import platformdirs

    path = Path(platformdirs.user_data_dir("orvers")) / "cache-key"
    with contextlib.suppress(OSError):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_size == 32 and info.st_uid == os.getuid():
            return path.read_bytes()
    new = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
        try:
            os.link(tmp, path)  # the first process to get here sets the key
        finally:
            os.unlink(tmp)
        return path.read_bytes() if path.stat().st_size == 32 else new
    except OSError:
        return new


def _signature(body: bytes) -> bytes:
    return hmac.new(_secret(), body, hashlib.sha256).hexdigest().encode()


def _read(entry: Path, entry_key: str, result_type: type[T]) -> T | None:
    """The value stored in ENTRY under ENTRY_KEY, or None (and ENTRY removed) if it is absent
    or not valid."""
    from pydantic import ValidationError

    try:
        info = entry.lstat()
    except OSError:
        return None
    try:
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            raise ValueError("not a cache entry")
        signature, _, body = entry.read_bytes().partition(b"\n")
        if not hmac.compare_digest(signature, _signature(body)):
            raise ValueError("not written by this user's orvers")
        stored_key, value = _adapter(result_type).validate_json(body, strict=True)
        if stored_key != entry_key:
            raise ValueError("another entry's value")
        return value
    except (OSError, ValueError, ValidationError):
        _discard(entry)
        return None


def _discard(entry: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only cache: the entry is simply not used
        entry.unlink(missing_ok=True)


def _write(entry: Path, entry_key: str, value: Any, result_type: Any) -> None:
    """Store VALUE in ENTRY atomically, signed; a cache that cannot be written is skipped."""
    body = _adapter(result_type).dump_json((entry_key, value))
    data = _signature(body) + b"\n" + body
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, entry)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def key(kind: str, inputs: Any) -> str:
    """A hash of KIND, orvers's code and every input (dataclasses, tuples, strings …)."""
    import pydantic_core

    digest = hashlib.sha256(f"{code_version()}\n{kind}\n".encode())
    digest.update(pydantic_core.to_json(inputs))
    return digest.hexdigest()[:40]


def memo(cache_dir: str | Path | None, kind: str, inputs: Any, compute: Callable[[], T],
         result_type: type[T]) -> T:
    """COMPUTE's result (a RESULT_TYPE), kept under a hash of INPUTS, which must hold
    everything the result depends on; without a cache folder it is simply computed."""
    if cache_dir is None:
        return compute()
    value = fetch(cache_dir, kind, inputs, result_type)
    if value is None:
        value = compute()
        store(cache_dir, kind, inputs, value, result_type)
    return value


def fetch(cache_dir: str | Path, kind: str, inputs: Any, result_type: type[T]) -> T | None:
    """The RESULT_TYPE kept under a hash of INPUTS (see memo), or None."""
    entry_key = key(kind, inputs)
    return _read(Path(cache_dir) / f"{kind}-{entry_key}.json", entry_key, result_type)


def store(cache_dir: str | Path, kind: str, inputs: Any, value: Any, result_type: Any) -> None:
    """Keep VALUE (a RESULT_TYPE) under a hash of INPUTS (see memo)."""
    entry_key = key(kind, inputs)
    _write(Path(cache_dir) / f"{kind}-{entry_key}.json", entry_key, value, result_type)


def _corpus_digests(path: Path) -> tuple[str, ...]:
    """The recorded hashes of the versions of the corpus PATH lies in: an OCR text layer is
    repaired with the vocabulary of the other versions, so its parse depends on them too."""
    try:
        manifest = tomllib.loads((path.parent / "corpus.toml").read_text(encoding="utf-8"))
        return tuple(str(v.get("sha256", "")) for v in manifest.get("version", []))
    except (OSError, ValueError, AttributeError):
        return ()


def load(path: str | Path, digest: str, label: str = "", layout: str | None = None,
         cache_dir: str | Path | None = None, date: str = "") -> Programme:
    """The Programme of PATH (whose SHA-256 is DIGEST): from the cache when there, else parsed
    (and then cached). Path, label and date are the caller's, never the cache's. The key holds
    the system word list's identity too: OCR repair reads against it."""
    from .api import load as parse
    from .ocr.wordlist import identity

    inputs = (digest, layout, _corpus_digests(Path(path)), identity())
    programme = memo(cache_dir, "programme", inputs, lambda: parse(path, layout=layout),
                     Programme)
    return replace(programme, path=str(path), label=label, date=date)
