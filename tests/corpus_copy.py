"""Copies of the bundled corpus, whole or with some of its versions, for tests that change it."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import tomlkit
from conftest import CORPUS


def corpus_copy(dst: Path, labels: tuple[str, ...] = ()) -> Path:
    """DST as a corpus holding the bundled versions LABELS (all if empty), without cache or
    overrides."""
    manifest = tomllib.loads((CORPUS / "corpus.toml").read_text(encoding="utf-8"))
    kept = [v for v in manifest["version"] if not labels or v["label"] in labels]
    dst.mkdir(parents=True, exist_ok=True)
    for v in kept:
        shutil.copyfile(CORPUS / v["file"], dst / v["file"])
    (dst / "corpus.toml").write_text(tomlkit.dumps({**manifest, "version": kept}),
                                     encoding="utf-8")
    return dst
