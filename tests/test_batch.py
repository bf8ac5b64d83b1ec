"""`orvers batch` over three small corpora (one with a broken file) on a local Dask cluster."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest
import tomlkit
from click.testing import CliRunner
from conftest import CORPUS
from dask.distributed import LocalCluster

from orvers.cli import cli
from orvers.report import report

LABELS = ("hp2025", "workshop", "utkast")  # the versions that read fast (no OCR layer)
NOW = dt.datetime(2025, 12, 18, 12, 0, tzinfo=dt.UTC)


def make_corpus(folder: Path, broken: str | None = None) -> Path:
    """A corpus of the bundled hp2025, workshop and draft; BROKEN's file replaced by a bad PDF."""
    manifest = tomllib.loads((CORPUS / "corpus.toml").read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    versions = []
    for v in manifest["version"]:
        if v["label"] not in LABELS:
            continue
        entry = {k: v[k] for k in ("label", "stage", "date", "file")}
        if v["label"] == broken:
            entry["file"] = "broken.pdf"
            (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
        else:
            shutil.copyfile(CORPUS / v["file"], folder / v["file"])
        versions.append(entry)
    (folder / "corpus.toml").write_text(
        tomlkit.dumps({"programme": f"Test {folder.name}", "version": versions}), "utf-8")
    return folder


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("councils")
    make_corpus(root / "akershus" / "asker")
    make_corpus(root / "oslo")
    make_corpus(root / "viken", broken="utkast")
    return root


@pytest.fixture(scope="module")
def batch(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["batch", str(root), "--workers", "2", "-o", str(out),
                                      "--quiet"])
    return out, result


def _without_time(data: bytes) -> bytes:
    return re.sub(rb"\d{4}-\d\d-\d\d \d\d:\d\d UTC", b"", data)


def test_a_broken_corpus_is_reported_and_the_others_finish(batch):
    out, result = batch
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1
    assert failed[0].startswith("failed: viken: utkast:") and "broken.pdf" in failed[0]
    assert "3 corpora, 9 documents" in result.stdout and "1 failed" in result.stdout
    for name in ("akershus/asker", "oslo"):
        assert (out / name / "compare" / "hp2025--utkast.json").is_file()
        assert (out / name / "trace" / "workshop--utkast.json").is_file()


def test_each_corpus_gets_what_orvers_report_writes(root, batch, tmp_path):
    out, _ = batch
    report(root / "oslo", tmp_path, progress=False, now=NOW, name="oslo")
    mine = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out / "oslo"): p.read_bytes() for p in (out / "oslo").rglob("*")
              if p.is_file()}
    assert mine.keys() == theirs.keys()
    for name, data in mine.items():
        assert _without_time(data) == _without_time(theirs[name]), name


def test_the_combined_database_holds_the_corpora_that_succeeded(batch):
    out, _ = batch
    with sqlite3.connect(out / "orvers.db") as db:
        assert [r[0] for r in db.execute("select name from corpora order by name")] == [
            "akershus/asker", "oslo"]
        per_corpus = dict(db.execute(
            "select v.corpus, count(*) from measures m join versions v on v.id = m.version "
            "group by v.corpus"))
        assert db.execute("pragma foreign_key_check").fetchall() == []
    with sqlite3.connect(out / "oslo" / "orvers.db") as single:
        alone = single.execute("select count(*) from measures").fetchone()[0]
    assert per_corpus == {"akershus/asker": alone, "oslo": alone}


def test_batch_on_a_running_scheduler(root, tmp_path):
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        result = CliRunner().invoke(cli, ["batch", str(root / "oslo"), "--scheduler",
                                          cluster.scheduler_address, "-o", str(tmp_path),
                                          "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "oslo" / "index.html").is_file()
    with sqlite3.connect(tmp_path / "orvers.db") as db:
        assert [r[0] for r in db.execute("select name from corpora")] == ["oslo"]


def test_a_folder_without_corpora_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no corpus under it" in result.output and "Traceback" not in result.output


def test_an_unreachable_scheduler_is_one_line(root, tmp_path):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(cli, ["batch", str(root), "--scheduler",
                                          "tcp://127.0.0.1:9", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "cannot reach the Dask scheduler" in result.output
