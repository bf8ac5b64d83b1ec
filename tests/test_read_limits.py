"""Limits: a document cannot make orvers inflate, expand or read without end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as new_docx
from tiny_pdf import tiny_pdf

from orvers.errors import InputError
from orvers.read import read
from orvers.read.docx import open_docx
from orvers.text import join_lines

BODY = "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body>"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with(tmp_path: Path, name: str, document_xml: bytes | list[bytes]) -> Path:
    """A valid python-docx package whose word/document.xml is DOCUMENT_XML (or its chunks,
    written one after the other, so that a large part never sits in memory whole)."""
    buffer = io.BytesIO()
    new_docx().save(buffer)
    path = tmp_path / name
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as part:
                for chunk in [document_xml] if isinstance(document_xml, bytes) else document_xml:
                    part.write(chunk)
    return path


def _bomb_xml(megabytes: int) -> list[bytes]:
    para = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    block = para * (1024 * 1024 // len(para))
    return [f"<?xml version='1.0'?><w:document {W}><w:body>".encode(),
            *[block] * megabytes, b"</w:body></w:document>"]


def _limited(code: str, megabytes: int) -> subprocess.CompletedProcess:
    """Run CODE in a fresh interpreter allowed MEGABYTES of address space."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, preexec_fn=limit)


def test_a_zip_bomb_docx_is_refused_before_inflating(tmp_path):
    bomb = _docx_with(tmp_path, "bomb.docx", _bomb_xml(300))  # 1 MB inflating to 300 MB
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = _limited(
        "import sys\nfrom orvers.cli import main\n"
        f"sys.argv = ['orvers', 'extract', {str(bomb)!r}]\nmain()", 1500)
    assert result.returncode == 2, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bomb}: part word/document.xml "
                                                   "inflates 29")
    assert lines[0].endswith("bytes (a ZIP bomb?); refused")


def test_a_part_larger_than_the_limit_is_refused_and_the_limit_can_be_raised(tmp_path,
                                                                             monkeypatch):
    text = os.urandom(3 * 1024 * 1024).hex()  # does not compress: the size limit, not the ratio
    path = _docx_with(tmp_path, "big.docx", f"<w:document {W}>{BODY.format(text)}"
                                            "</w:document>".encode())
    monkeypatch.setenv("ORVERS_MAX_MB", "2")
    with pytest.raises(InputError, match="larger than 2 MB.*ORVERS_MAX_MB"):
        open_docx(path)
    monkeypatch.setenv("ORVERS_MAX_MB", "20")
    assert open_docx(path).paragraphs[0].text == text


def test_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMMELIG", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">'
           f'<!ENTITY l0 "ha">{laughs}]><w:document {W}>'
           + BODY.format("1.1 Tiltak &x; &l9;") + "</w:document>")
    path = _docx_with(tmp_path, "entities.docx", xml.encode())
    try:
        text = " ".join(b.text for b in read(path).blocks)
    except InputError:
        return  # refused outright is fine too
    assert "HEMMELIG" not in text and "haha" not in text


def test_text_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("1.1 Tiltak\n" * 200_000, encoding="utf-8")
    monkeypatch.setenv("ORVERS_MAX_MB", "1")
    with pytest.raises(InputError, match="larger than 1 MB.*ORVERS_MAX_MB"):
        read(path)


def test_pdf_page_and_text_limits(tmp_path, monkeypatch):
    pdf = tiny_pdf(tmp_path / "three.pdf", ["1.1 Første tiltak", "1.2 Andre", "1.3 Tredje"])
    assert read(pdf).pages == 3
    monkeypatch.setenv("ORVERS_MAX_PAGES", "2")
    with pytest.raises(InputError, match="3 pages, more than 2; set ORVERS_MAX_PAGES"):
        read(pdf)
    monkeypatch.delenv("ORVERS_MAX_PAGES")
    long = tiny_pdf(tmp_path / "long.pdf", ["x" * 600_000] * 2)
    monkeypatch.setenv("ORVERS_MAX_MB", "1")
    with pytest.raises(InputError, match="larger than 1 MB"):
        read(long)


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_device_or_pipe_is_not_read(tmp_path, kind):
    path = tmp_path / "x.txt"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    orvers = str(Path(sys.executable).parent / "orvers")
    result = subprocess.run([orvers, "extract", str(path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {path}: not a regular file (a device or pipe), not a document"]


def test_a_fifo_listed_in_a_corpus_does_not_hang(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "x.txt")
    (corpus / "corpus.toml").write_text(
        '[[version]]\nlabel = "x"\nstage = "draft"\ndate = "2025"\nfile = "x.txt"\n',
        encoding="utf-8")
    orvers = str(Path(sys.executable).parent / "orvers")
    for args in (["log", str(corpus)], ["report", str(corpus), "-o", str(tmp_path / "o"),
                                        "--quiet"]):
        result = subprocess.run([orvers, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and "not a regular file" in result.stderr


def test_join_lines_keeps_its_rules_on_long_texts():
    lines = ["styrke kunnskaps-", "nivået i Oslo-", "Akershus og EU-", "prosjektet"] * 50_000
    joined = join_lines(lines)
    assert joined.count("kunnskapsnivået i Oslo-Akershus og EU-prosjektet") == 50_000
