"""`orvers extract` through click's runner and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from orvers.cli import cli

ORVERS = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "orvers"


def _run(*args: str):
    return CliRunner().invoke(cli, ["extract", *args])


def test_json_of_the_draft_keeps_norwegian_letters(draft_path):
    result = _run(str(draft_path))
    assert result.exit_code == 0, result.output
    assert "Klima, miljø og natur" in result.stdout  # not \u00f8
    data = json.loads(result.stdout)
    assert data["document"]["layout"] == "outline"
    assert len(data["measures"]) == 33
    assert data["measures"][0]["id"] == "2.1"


def test_markdown_norwegian_and_english(hp2025_path):
    nb = _run(str(hp2025_path), "--format", "md").stdout
    assert "Partnere:" in nb and "Resultatmål:" in nb and "36 tiltak" in nb
    en = _run(str(hp2025_path), "--format", "md", "--lang", "en").stdout
    assert "Partners:" in en and "Result targets:" in en and "36 measures" in en


def test_csv_one_row_per_measure(workshop_path, tmp_path):
    out = tmp_path / "w.csv"
    result = _run(str(workshop_path), "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 66
    skog = next(r for r in rows if r["title"].startswith("Prosjekt - Skog"))
    assert skog["partners"] == "NMBU | Norges skogeierlag | landbrukskontorer"


def test_forced_layout(draft_path):
    result = _run(str(draft_path), "--layout", "label-blocks")
    assert result.exit_code == 2
    assert "no measures (tiltak) found" in result.stderr


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_text("", encoding="utf-8")
    (tmp / "notes.odt").write_text("x", encoding="utf-8")
    (tmp / "letter.txt").write_text("Hei,\n\ntakk for sist. Vi ses i morgen.\n",
                                    encoding="utf-8")
    return {
        "missing": (tmp / "nope.txt", "no such file"),
        "directory": (tmp, "is a directory"),
        "empty": (tmp / "empty.txt", "empty"),
        "extension": (tmp / "notes.odt", "unknown format '.odt' (expected .pdf, .docx or "
                      ".txt); save it as .docx or .pdf (soffice --headless --convert-to docx "
                      "notes.odt)"),
        "no measures": (tmp / "letter.txt", "no measures (tiltak) found"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "extension", "no measures"])
def test_bad_input_is_one_line_exit_2(case, tmp_path):
    path, message = _bad_inputs(tmp_path)[case]
    result = _run(str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "extension", "no measures"])
def test_bad_input_in_a_real_process(case, tmp_path):
    path, message = _bad_inputs(tmp_path)[case]
    proc = subprocess.run([str(ORVERS), "extract", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""
