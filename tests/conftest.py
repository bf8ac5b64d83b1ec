"""Shared fixtures: the bundled corpus, and markers for tests that need LibreOffice/Chromium."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def corpus_file(label: str) -> Path:
    """The bundled corpus file of a version label (strategi, hp2025, workshop, utkast, styret)."""
    manifest = tomllib.loads((CORPUS / "corpus.toml").read_text(encoding="utf-8"))
    for version in manifest["version"]:
        if version["label"] == label:
            return CORPUS / version["file"]
    raise KeyError(label)


@pytest.fixture
def draft_path() -> Path:
    return corpus_file("utkast")


@pytest.fixture
def board_path() -> Path:
    return corpus_file("styret")


@pytest.fixture
def workshop_path() -> Path:
    return corpus_file("workshop")


@pytest.fixture
def hp2025_path() -> Path:
    return corpus_file("hp2025")


def pytest_collection_modifyitems(config, items):
    """Skip LibreOffice/Chromium/tesseract tests with a clear reason where the program is absent."""
    missing = {
        "libreoffice": None if shutil.which("soffice") else
        "LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui",
        "chromium": None if shutil.which("chromium") else
        "Chromium not installed: apt-get install chromium",
        "tesseract": None if shutil.which("tesseract") else
        "tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-nor",
    }
    for item in items:
        for marker, reason in missing.items():
            if reason and item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))
