"""The language a text is written in: py3langid's model (shipped in its wheel, numpy arrays
in LZMA, no pickle), unpacked once into the user's cache directory and memory-mapped, so a
check costs milliseconds instead of the half second its unpacking takes."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from array import array
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from ..cache import user_cache
from .wordlist import publishing

_SAMPLE = 20_000  # characters read: enough to tell a language, bounded in time
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def language_of(text: str) -> str:
    """The text's language as py3langid tells it (ISO 639-1: "no", "en", "pt" …)."""
    return _identifier().classify(text[:_SAMPLE])[0]


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        ptc, pc, classes, nextmove, row, out = _unpacked(model)
        return LanguageIdentifier(ptc, pc, classes, nextmove, out, tk_row=row)
    except (OSError, ValueError, KeyError, TypeError):  # a layout this code does not know
        return LanguageIdentifier.from_model_file(model)


def _unpacked(model: Path) -> tuple:
    """The model's arrays, memory-mapped from the cache (unpacked there on first use)."""
    with model.open("rb") as handle:  # by content: a reinstall of the same model unpacks nothing
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    key = f"{metadata.version('py3langid')}|{digest}"
    folder = user_cache("langid", hashlib.sha256(key.encode()).hexdigest()[:24])
    if not all((folder / f"{name}.npy").exists() for name in _ARRAYS):
        _unpack(model, folder)
    data = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in _ARRAYS}
    return (data["ptc"], np.asarray(data["pc"]), data["classes"].tolist(), data["nextmove"],
            array("I", np.asarray(data["nextmove_row"], dtype=np.uint32).tobytes()),
            data["out_feat"])


def _unpack(model: Path, folder: Path) -> None:
    """Unpack the model's npz into one .npy per array, moved into place in one step."""
    import lzma

    with publishing(folder) as building, tempfile.TemporaryFile(suffix=".npz") as unpacked:
        with lzma.open(model) as packed:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        with np.load(unpacked, allow_pickle=False) as npz:
            for name in _ARRAYS:
                np.save(building / f"{name}.npy", npz[name], allow_pickle=False)
