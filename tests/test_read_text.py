"""Text reader: encodings, page breaks, line numbers, and files that are not text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import corpus_file

from orvers.cli import cli
from orvers.errors import InputError
from orvers.read import read

FIXTURES = Path(__file__).parent / "fixtures"
PROGRAMME = """Handlingsprogram 2026

1. Klima, miljø og natur
1.1. Styrke samarbeid om vær og klimatilpasning
1.2. Øke kunnskap om grønn omstilling
1.3. Følge opp regional plan for areal og transport
2. Næringsutvikling
2.1. Utvikle møteplasser for næringsliv
2.2. Bidra til å styrke bærekraftsmål i kommunene
"""


def _extract(path: Path):
    return CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])


def _texts(path: Path) -> list[str]:
    return [b.text for b in read(path).blocks]


def test_utf8_lines_keep_norwegian_letters(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(PROGRAMME, encoding="utf-8")
    doc = read(path)
    assert doc.format == "txt" and doc.warnings == ()
    assert doc.blocks[3].text == "1.1. Styrke samarbeid om vær og klimatilpasning"
    assert "2.2. Bidra til å styrke bærekraftsmål i kommunene" in _texts(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_is_not_text(tmp_path, encoding):
    path = tmp_path / "p.txt"
    path.write_bytes(PROGRAMME.encode(encoding))
    doc = read(path)
    assert doc.blocks[0].text == "Handlingsprogram 2026" and doc.warnings == ()
    assert doc.blocks[4].text == "1.2. Øke kunnskap om grønn omstilling"


def test_cp1252_is_read_with_a_warning_in_the_extract_json(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(PROGRAMME.encode("cp1252"))
    result = _extract(path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert any("cp1252" in w for w in data["warnings"])
    assert "cp1252" in result.stderr
    titles = [m["title"] for m in data["measures"]]
    assert "Styrke samarbeid om vær og klimatilpasning" in titles
    assert "Bidra til å styrke bærekraftsmål i kommunene" in titles
    assert data["sections"][1]["title"] == "Næringsutvikling"


def test_form_feeds_start_pages_and_a_final_one_adds_none(tmp_path):
    # pdftotext's layout: each page ends with a form feed, so the next page's first line
    # starts with one and the file ends with one.
    path = tmp_path / "layer.txt"
    path.write_text("side en\nmer\n\fside to\n\f\fside fire\n\f", encoding="utf-8")
    doc = read(path)
    pages = {b.text: b.page for b in doc.blocks if b.text}
    assert pages == {"side en": 1, "mer": 1, "side to": 2, "side fire": 4}
    assert doc.pages == 4


def test_leading_space_marks_a_page_where_form_feeds_were_lost(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text("Tittel\n- punkt\n Neste side\n - underpunkt\ntekst\n Tredje side\n",
                    encoding="utf-8")
    pages = {b.text.strip(): b.page for b in read(path).blocks if b.text}
    assert pages == {"Tittel": 1, "- punkt": 1, "Neste side": 2, "- underpunkt": 2,
                     "tekst": 2, "Tredje side": 3}


def test_corpus_page_starts_follow_the_convention():
    # hand-checked: these lines open a page of the published PDF (" 1. Politiske
    # prioriteringer", " 3. Tverrgaende tema" …); the programme's " - " sub-bullets
    # (lines 253-255) do not.
    pages = {label: {b.line: b.page for b in read(corpus_file(label)).blocks}
             for label in ("utkast", "styret", "hp2025")}
    assert (pages["utkast"][61], pages["utkast"][62]) == (1, 2)
    assert [pages["styret"][n] for n in (4, 5, 53, 54)] == [1, 2, 2, 3]
    assert pages["styret"][826] == pages["styret"][825] + 1
    assert len({pages["hp2025"][n] for n in range(252, 256)}) == 1


def test_blocks_carry_file_line_numbers_for_any_line_ending(tmp_path):
    lines = ["første", "", "andre  ", "tredje"]
    for name, sep in (("unix.txt", "\n"), ("dos.txt", "\r\n"), ("mac.txt", "\r")):
        path = tmp_path / name
        path.write_bytes(sep.join(lines).encode("utf-8"))
        blocks = read(path).blocks
        assert [(b.line, b.text) for b in blocks] == [
            (1, "første"), (2, ""), (3, "andre"), (4, "tredje")]


def test_corpus_line_numbers_point_at_the_line():
    path = corpus_file("styret")
    lines = path.read_text(encoding="utf-8").split("\n")
    for block in read(path).blocks:
        assert block.text == lines[block.line - 1].replace("\f", "").rstrip()


def _bad_text_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (tmp / "noise.txt").write_bytes(random.Random(7).randbytes(4000))
    (tmp / "scan.txt").write_bytes((FIXTURES / "scanned.pdf").read_bytes())
    return {
        "empty": (tmp / "empty.txt", "file is empty"),
        "blank": (tmp / "blank.txt", "file is empty"),
        "noise": (tmp / "noise.txt", "not a text file"),
        "pdf named .txt": (tmp / "scan.txt", "not a text file"),
    }


@pytest.mark.parametrize("case", ["empty", "blank", "noise", "pdf named .txt"])
def test_empty_and_binary_files_are_a_clear_error(case, tmp_path):
    path, message = _bad_text_files(tmp_path)[case]
    with pytest.raises(InputError, match=message):
        read(path)
    result = _extract(path)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
