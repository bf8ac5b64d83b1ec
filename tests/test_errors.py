"""Each way a user's files or folders can be wrong gets its own one-line message, exit 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_errors import invoke, one_line_error
from corpus_copy import corpus_copy
from docx import Document
from readonly import read_only

ORVERS = str(Path(sys.executable).parent / "orvers")


def _cli(*args: str) -> str:
    return one_line_error(*invoke(*args))


def _docx(path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def _with_document_xml(src: Path, dst: Path, xml: bytes) -> Path:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            b.writestr(info.filename, xml if info.filename == "word/document.xml"
                       else a.read(info))
    return dst


def test_plain_redline_of_a_file_that_is_not_word(tmp_path):
    good = _docx(tmp_path / "good.docx", "Tekst")
    fake = tmp_path / "fake.docx"
    fake.write_text("1.1 Ikke Word\n", encoding="utf-8")
    line = _cli("redline", "--plain", str(fake), str(good), "-o", str(tmp_path / "r.docx"))
    assert line == f"Error: {fake}: not a valid DOCX file (corrupt or not Word)"
    assert "Package not found" not in line


def test_malformed_xml_in_a_docx(tmp_path):
    good = _docx(tmp_path / "good.docx", "Tekst")
    bad = _with_document_xml(good, tmp_path / "bad.docx", b"<w:document><w:body><w:p>")
    for args in (["extract", str(bad)],
                 ["redline", "--plain", str(good), str(bad), "-o", str(tmp_path / "r.docx")]):
        assert _cli(*args) == f"Error: {bad}: not a valid DOCX file (corrupt or not Word)"


def test_a_docx_holding_a_spreadsheet(tmp_path):
    from openpyxl import Workbook

    book = tmp_path / "book.docx"
    buffer = io.BytesIO()
    Workbook().save(buffer)
    book.write_bytes(buffer.getvalue())
    assert "not a valid DOCX file" in _cli("extract", str(book))


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    if "mount" in result.stderr and "Error:" not in result.stderr:
        pytest.skip(f"cannot mount read-only here: {result.stderr.strip()}")
    return result


@pytest.mark.parametrize("command", ["extract", "redline", "report"])
def test_a_read_only_output_folder(tmp_path, command):
    corpus = corpus_copy(tmp_path / "corpus", ("utkast", "styret"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    args = {"extract": ["extract", "utkast", "-o", str(out / "utkast.json")],
            "redline": ["redline", "utkast", "styret", "-o", str(out / "r.docx")],
            "report": ["report", str(corpus), "-o", str(out / "report"), "--quiet"]}[command]
    result = _run(read_only(out, [ORVERS, *args, *(["--corpus", str(corpus)]
                                                    if command != "report" else [])]), tmp_path)
    line = one_line_error(result.returncode, result.stderr)
    assert str(out) in line and ("Read-only" in line or "ermission" in line), line


def test_a_corpus_whose_cache_is_a_file_still_reports(tmp_path):
    corpus = corpus_copy(tmp_path / "corpus", ("utkast", "styret"))
    (corpus / ".orvers-cache").write_text("x", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    result = subprocess.run([ORVERS, "log", str(corpus)], capture_output=True, text=True,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("warning: ") and "is not a directory" in result.stderr
    assert "utkast" in result.stdout
