"""The report cache holds data only: planted, damaged or stale entries never reach an output."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_copy import corpus_copy
from readonly import read_only

from orvers.report import report

NOW = dt.datetime(2025, 12, 18, 12, 0, tzinfo=dt.UTC)
LABELS = ("workshop", "utkast", "styret")  # a compare, a trace and a redline: every cached kind


def _run(corpus: Path, out: Path, use_cache: bool = True) -> list[str]:
    """Report CORPUS into OUT, naming the corpus relative to its parent (as `orvers report
    corpus` does) so that runs on copies in different folders write the same bytes."""
    os.chdir(corpus.parent)
    corpus = Path(corpus.name)
    notes: list[str] = []
    report(corpus, out, progress=False, now=NOW, use_cache=use_cache, warn=notes.append)
    return notes


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.fixture(autouse=True)
def _keep_cwd(monkeypatch):
    monkeypatch.chdir(Path.cwd())


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, bytes]:
    """The outputs of an uncached run on the small corpus."""
    root = tmp_path_factory.mktemp("ref")
    cwd = Path.cwd()
    _run(corpus_copy(root / "corpus", LABELS), root / "out", use_cache=False)
    os.chdir(cwd)
    return _files(root / "out")


@pytest.fixture
def cached(tmp_path) -> Path:
    """A small corpus with a filled cache."""
    corpus = corpus_copy(tmp_path / "corpus", LABELS)
    _run(corpus, tmp_path / "first")
    return corpus


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_never_runs_and_entries_are_json(cached, tmp_path, reference):
    entries = [p for p in (cached / ".orvers-cache").iterdir() if p.is_file()]
    kinds = {p.name.split("-")[0] for p in entries}
    assert {"programme", "compare", "trace", "redline"} <= kinds
    marker = tmp_path / "code-ran"
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Payload(marker)))
    _run(cached, tmp_path / "out")
    assert not marker.exists()
    assert _files(tmp_path / "out") == reference
    assert all(p.suffix == ".json" for p in (cached / ".orvers-cache").iterdir())


@pytest.mark.parametrize("damage", ["flipped", "truncated", "wrong type", "swapped"])
def test_damaged_entries_are_discarded_and_rebuilt(cached, tmp_path, reference, damage):
    entries = sorted(p for p in (cached / ".orvers-cache").iterdir() if p.is_file())
    originals = {p: p.read_bytes() for p in entries}
    for i, entry in enumerate(entries):
        data = originals[entry]
        if damage == "flipped":
            data = bytes(b ^ 0x55 if j % 97 == 3 else b for j, b in enumerate(data))
        elif damage == "truncated":
            data = data[: len(data) // 2]
        elif damage == "wrong type":
            data = b'{"links": 3, "old": [], "document": "x"}'
        else:  # another kind's entry under this name
            data = originals[entries[(i + 1) % len(entries)]]
        entry.write_bytes(data)
    _run(cached, tmp_path / "out")
    assert _files(tmp_path / "out") == reference
    assert {p.read_bytes() for p in entries} == set(originals.values())  # rebuilt


def test_changed_dates_and_titles_reach_every_cached_output(cached, tmp_path):
    manifest = cached / "corpus.toml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace('date = "2025-10"', 'date = "2025-09"')
    text = text.replace('date = "2025-12"', 'date = "2025-11-30"')
    text = text.replace('title = "Utkast til handlingsprogram 2026"', 'title = "Nytt utkast"')
    manifest.write_text(text, encoding="utf-8")
    _run(cached, tmp_path / "cached")
    _run(cached, tmp_path / "fresh", use_cache=False)
    assert _files(tmp_path / "cached") == _files(tmp_path / "fresh")
    html = (tmp_path / "cached/compare/utkast--styret.html").read_text(encoding="utf-8")
    assert "2025-09" in html and "2025-10" not in html


def test_a_cache_dir_that_is_a_file_falls_back_to_the_user_cache(tmp_path, monkeypatch,
                                                                 reference):
    corpus = corpus_copy(tmp_path / "corpus", LABELS)
    (corpus / ".orvers-cache").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    notes = _run(corpus, tmp_path / "out")
    assert len(notes) == 1 and "is not a directory" in notes[0] and "user-cache" in notes[0]
    assert _files(tmp_path / "out") == reference
    assert list((tmp_path / "user-cache/orvers").rglob("compare-*.json"))
    assert _run(corpus, tmp_path / "again") == notes  # the fallback is used again


def test_a_read_only_corpus_is_reported_with_a_note(tmp_path, reference):
    reference = dict(reference)
    corpus = corpus_copy(tmp_path / "corpus", LABELS)
    env = {**os.environ, "XDG_CACHE_HOME": str(corpus / "user-cache")}  # read-only as well
    orvers = str(Path(sys.executable).parent / "orvers")
    cmd = read_only(corpus, [orvers, "report", "corpus", "-o", "out", "--quiet"])
    result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    if "mount" in result.stderr and result.returncode:
        pytest.skip(f"cannot mount read-only here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "running without a cache" in warnings[0], result.stderr
    assert not (corpus / ".orvers-cache").exists()
    files = _files(tmp_path / "out")
    del files["index.html"], reference["index.html"]  # its time is the time of the run
    assert files == reference


def test_a_changed_system_word_list_misses_the_cached_parse(tmp_path, monkeypatch):
    """OCR repair reads against the system word list, so a parse cached with one word list is
    not served once the word list has changed (it is parsed, and cached, again)."""
    from orvers import cache
    from orvers.ocr import wordlist

    corpus = corpus_copy(tmp_path / "corpus", ("styret",))
    doc = next(p for p in corpus.iterdir() if p.name != "corpus.toml")
    digest = hashlib.sha256(doc.read_bytes()).hexdigest()
    store = tmp_path / "store"
    first = cache.load(doc, digest, cache_dir=store)
    monkeypatch.setattr(wordlist, "identity", lambda: "another word list")
    again = cache.load(doc, digest, cache_dir=store)
    assert again.measures == first.measures
    assert len(list(store.glob("programme-*.json"))) == 2


@pytest.mark.parametrize("signer", ["nobody", "another user"])
def test_an_entry_this_user_did_not_write_is_never_served(cached, tmp_path, reference, signer):
    """A corpus handed over with its cache: entries whose data was changed (keeping or remaking
    a signature with another key) are well-formed JSON under the right key, yet not used."""
    import hmac

    entries = sorted((cached / ".orvers-cache").glob("programme-*.json"))
    kept = sorted((cached / ".orvers-cache").glob("report-*.json"))  # the whole report
    assert entries and kept
    for entry in entries + kept:
        signature, _, body = entry.read_bytes().partition(b"\n")
        forged = body.replace(b"Osloregionen", b"Fjordregionen").replace(
            b'"notes":[]', b'"notes":["Fjordregionen"]')
        assert forged != body
        if signer == "another user":
            signature = hmac.new(b"k" * 32, forged, hashlib.sha256).hexdigest().encode()
        entry.write_bytes(signature + b"\n" + forged)
    assert _run(cached, tmp_path / "out") == []
    assert _files(tmp_path / "out") == reference
    assert not any(b"Fjordregionen" in p.read_bytes() for p in entries + kept if p.exists())


def test_an_unchanged_report_is_written_again_with_the_new_time(cached, tmp_path, reference):
    """A second report of the same inputs is the first one's files, dated by its own run; a
    changed override makes it anew."""
    later = dt.datetime(2026, 1, 2, 9, 30, tzinfo=dt.UTC)
    os.chdir(cached.parent)
    report(Path(cached.name), tmp_path / "again", progress=False, now=later)
    files = _files(tmp_path / "again")
    index = files.pop("index.html").decode()
    assert "2026-01-02 09:30 UTC" in index and "2025-12-18 12:00 UTC" not in index
    assert index == reference["index.html"].decode().replace("2025-12-18 12:00 UTC",
                                                             "2026-01-02 09:30 UTC")
    assert files == {k: v for k, v in reference.items() if k != "index.html"}
    links = json.loads(reference["compare/utkast--styret.json"])["links"]
    old, new = next((lk["old"], lk["new"]) for lk in links if lk["old"] and lk["new"])
    (cached / "overrides.toml").write_text(
        f'[[unlink]]\nold = "utkast:{old}"\nnew = "styret:{new}"\nnote = ""\n',
        encoding="utf-8")
    _run(cached, tmp_path / "unlinked")
    links = json.loads(_files(tmp_path / "unlinked")["compare/utkast--styret.json"])["links"]
    assert not any((lk["old"], lk["new"]) == (old, new) for lk in links)


def test_commands_on_corpus_labels_parse_each_version_once(tmp_path, monkeypatch):
    """Commands given corpus labels (here compare and extract) read a version through the
    corpus cache, as report does: once parsed, it is not parsed again, and the output is the
    same."""
    from click.testing import CliRunner

    from orvers import api
    from orvers.cli import cli

    corpus = corpus_copy(tmp_path / "corpus", ("utkast", "styret"))
    args = ["compare", "utkast", "styret", "--format", "json", "--corpus", str(corpus)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert len(list((corpus / ".orvers-cache").glob("programme-*.json"))) == 2

    def parse_again(*args, **kwargs):
        raise AssertionError("a cached version was parsed again")

    monkeypatch.setattr(api, "load", parse_again)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout
    extracted = CliRunner().invoke(cli, ["extract", "styret", "--corpus", str(corpus)])
    assert extracted.exit_code == 0 and json.loads(extracted.stdout)["measures"]
