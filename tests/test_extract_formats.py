"""The same programme read from text, from a built DOCX and from its LibreOffice PDF agrees."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from builders import build_docx, to_pdf
from conftest import corpus_file

from orvers.api import load
from orvers.model import Programme


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Draft as a numbered outline and board as 3-column tables, each as DOCX and PDF."""
    out = tmp_path_factory.mktemp("built")
    files: dict[str, Path] = {}
    for label, layout in (("utkast", "outline"), ("styret", "table")):
        docx_path = build_docx(load(corpus_file(label)), out / f"{label}.docx", layout)
        files[f"{label}.docx"] = docx_path
        if shutil.which("soffice"):
            files[f"{label}.pdf"] = to_pdf(docx_path, out)
    return files


def _content(programme: Programme) -> dict[str, tuple]:
    # LibreOffice does not hyphenate, so a line-end hyphen in the PDF is a real one
    # ("høy-\nkompetent"); the reader cannot tell it from a word broken at the margin.
    unhyphen = lambda s: re.sub(r"(\w)-(\w)", r"\1\2", s)  # noqa: E731
    return {m.id: tuple(unhyphen(t) for t in (m.title, *m.result_targets, "|",
                                              *m.effect_targets, "|", *m.partners))
            for m in programme.measures}


def test_board_docx_has_the_text_measures(built):
    text, docx = load(corpus_file("styret")), load(built["styret.docx"])
    assert docx.format == "docx" and docx.layout == "table"
    assert _content(docx) == _content(text)


@pytest.mark.libreoffice
def test_board_pdf_has_the_text_measures(built):
    text, pdf = load(corpus_file("styret")), load(built["styret.pdf"])
    assert pdf.format == "pdf" and pdf.layout == "table" and pdf.pages > 5
    assert _content(pdf) == _content(text)


def test_draft_docx_has_the_text_measures(built):
    text, docx = load(corpus_file("utkast")), load(built["utkast.docx"])
    content = _content(docx)
    assert docx.layout == "outline"
    assert {k: content.get(k) for k in _content(text)} == _content(text)


@pytest.mark.libreoffice
def test_draft_pdf_has_the_text_measures(built):
    text, pdf = load(corpus_file("utkast")), load(built["utkast.pdf"])
    content = _content(pdf)
    assert pdf.format == "pdf" and pdf.pages >= 2
    assert content == _content(text)  # the political priorities, bare names here, too


def test_draft_docx_has_no_extra_measures(built):
    assert set(_content(load(built["utkast.docx"]))) == set(_content(load(corpus_file("utkast"))))
