"""Every reading command takes the layout where `extract` does; corpus.toml may give it too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from orvers.cli import cli

GOLD = Path(__file__).parent / "data" / "draft2026_to_board2026.csv"


@pytest.mark.parametrize(("args", "read_as"), [
    (["compare", "utkast", "styret", "--layout-old", "strategy"], "utkast"),
    (["redline", "utkast", "styret", "-o", "{tmp}/r.docx", "--layout-new", "strategy"], "styret"),
    (["evaluate", "utkast", "styret", "--gold", str(GOLD), "--layout-old", "strategy"], "utkast"),
    (["trace", "workshop", "utkast", "--layout-source", "strategy"], "workshop"),
    (["trace", "workshop", "utkast", "styret", "--layout-target", "outline",
      "--layout-target", "strategy"], "styret"),
])
def test_each_command_reads_with_the_layout_given(args, read_as, tmp_path):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(cli, [*args, "--corpus", str(CORPUS)])
    assert result.exit_code == 2
    assert "read as strategy" in result.stderr and read_as in result.stderr.split(": no")[0]


def test_layout_target_count_must_fit_the_targets():
    result = CliRunner().invoke(cli, ["trace", "workshop", "utkast", "styret", "hp2025",
                                      "--layout-target", "outline", "--layout-target", "table",
                                      "--corpus", str(CORPUS)])
    assert result.exit_code == 2 and "once per target" in result.stderr


def _corpus_with_layout(tmp_path: Path, label: str, layout: str) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns(".orvers-cache"))
    manifest = root / "corpus.toml"
    text = manifest.read_text(encoding="utf-8")
    marker = f'label = "{label}"\n'
    manifest.write_text(text.replace(marker, f'{marker}layout = "{layout}"\n'), encoding="utf-8")
    return root


def test_corpus_toml_layout_is_used_by_log_and_extract(tmp_path):
    root = _corpus_with_layout(tmp_path, "utkast", "strategy")
    runner = CliRunner()
    extract = runner.invoke(cli, ["extract", "utkast", "--corpus", str(root)])
    assert extract.exit_code == 2 and "read as strategy" in extract.stderr
    log = runner.invoke(cli, ["log", str(root)])
    assert log.exit_code == 2 and "read as strategy" in log.stderr


def test_corpus_toml_rejects_an_unknown_layout(tmp_path):
    root = _corpus_with_layout(tmp_path, "utkast", "columns")
    result = CliRunner().invoke(cli, ["log", str(root)])
    assert result.exit_code == 2 and "layout 'columns'" in result.stderr
