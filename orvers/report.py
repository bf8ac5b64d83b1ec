"""`orvers report`: every version extracted, compared, traced and redlined, with an index page
and the corpus as a SQLite database (which pairs are compared: see orvers.analysis).

A report whose inputs are all unchanged (the corpus's files and manifest, the overrides, the
options, the word list, orvers's code and the libraries that write the files) is written from
the files the last such report wrote, kept in the cache (signed, as every entry): only the time
on the index page is new. The heavy modules are imported only when something is made anew.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import corpus as corpus_mod
from .analysis import analyse, pairs, warn_stderr
from .cache import MAX_ENTRY, fetch, locate, memo, store
from .errors import OrversError
from .outputs import staged

if TYPE_CHECKING:
    from .analysis import Analysis
    from .model import Comparison, Programme
    from .redline.sources import Sources
    from .render.compare_html import Lineages

__all__ = ["Finished", "pairs", "report", "write"]

_TIME = "@@orvers-report-time@@"  # the index page's time in a kept report
# libraries whose version may change the bytes of a report's files
_WRITERS = ("jinja2", "openpyxl", "python-docx", "lxml", "sqlite-utils",
            "rapidfuzz", "fast-diff-match-patch", "numpy", "scipy", "py3langid", "pdfplumber")


@dataclass(frozen=True)
class Finished:
    """Every file a report wrote (the index page with _TIME for its time), with the problem
    lines and the notes it gave."""

    files: tuple[tuple[str, bytes], ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]


def _programme_json(p: Programme) -> str:
    from .serialize import programme_to_dict

    return json.dumps(programme_to_dict(p), ensure_ascii=False, indent=2) + "\n"


def _lineages(chain: list[Comparison]) -> Lineages:
    """Each measure's numbers across the versions of CHAIN: ((label, ids), …) in order."""
    from .history import Chain, lineages

    return {key: tuple(numbers.items()) for key, numbers in lineages(Chain(chain)).items()}


def report(corpus: str | Path, out: str | Path, lang: str = "nb", progress: bool = True,
           use_cache: bool = True, now: dt.datetime | None = None, name: str = "",
           author: str | None = None, date: dt.datetime | None = None,
           warn: Callable[[str], None] | None = None,
           problem: Callable[[str], None] = lambda line: None) -> Path:
    """Write every report of CORPUS into OUT and return the index page's path.

    NAME is the corpus's name in the database (default: the name of its directory). AUTHOR and
    DATE sign the redline's tracked changes and comments (see write). WARN gets notes such as
    where the cache went; PROBLEM gets one line per version that could not be read or pair
    that could not be compared (the rest is reported all the same). OUT is replaced whole once
    every report is written.
    """
    with staged(out) as stage:
        for line in _report(corpus, stage, lang, progress, use_cache, now, name, author, date,
                            warn):
            problem(line)
    return Path(out) / "index.html"


def _report(corpus: str | Path, out: Path, lang: str, progress: bool, use_cache: bool,
            now: dt.datetime | None, name: str, author: str | None, date: dt.datetime | None,
            warn: Callable[[str], None] | None) -> tuple[str, ...]:
    say = warn or warn_stderr
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M UTC")  # as write dates the index page
    cache_dir = locate(corpus, use_cache)[0]
    inputs = _inputs(Path(corpus), lang, name, author, date) if cache_dir else None
    kept = fetch(cache_dir, "report", inputs, Finished) if cache_dir else None
    if kept is not None:
        for note in kept.notes:
            say(note)
        _unpack(kept, out, stamp)
        return kept.problems
    from rich.console import Console
    from rich.progress import Progress

    versions = corpus_mod.versions(corpus)
    total = len(versions) + 2 * len(pairs([(v.label, v.stage) for v in versions])) + 5
    bar = (Progress(console=Console(stderr=True), transient=False) if progress
           else nullcontext())
    notes: list[str] = []

    def noted(note: str) -> None:
        notes.append(note)
        say(note)

    with bar:
        task = bar.add_task("orvers report", total=total) if progress else None

        def step(what: str) -> None:
            if progress:
                bar.update(task, advance=1, description=what)

        analysis = analyse(corpus, use_cache, step, noted)
        write(analysis, out, lang, now, step, name, author=author, date=date)
        if progress:
            bar.update(task, completed=total, description="done")
    finished = _pack(out, stamp, analysis.problems, notes) if cache_dir else None
    if finished is not None:
        store(cache_dir, "report", inputs, finished, Finished)
    return analysis.problems


def _inputs(root: Path, lang: str, name: str, author: str | None,
            date: dt.datetime | None) -> tuple:
    """Everything a report's files are made from, bar what the cache key adds (orvers's code)."""
    from importlib import metadata

    from .ocr.wordlist import identity

    def text(path: Path) -> str:
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    files = [(str(v.path), corpus_mod.verified_sha256(v) if v.path.exists() else "")
             for v in corpus_mod.versions(root)]
    libraries = []
    for dist in _WRITERS:
        try:
            libraries.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            libraries.append(dist)
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("ORVERS_"))
    return (str(root), text(root / corpus_mod.MANIFEST), text(root / corpus_mod.OVERRIDES),
            files, identity(), lang, name, author, date.isoformat() if date else None,
            libraries, environment, sys.version, _sqlite_version())


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def _pack(out: Path, stamp: str, problems: tuple[str, ...], notes: list[str]
          ) -> Finished | None:
    """The files written into OUT as a Finished (the index page's time STAMP as _TIME), or
    None when the index page does not show STAMP or the files are too large for an entry."""
    files = []
    paths = sorted(p for p in out.rglob("*") if p.is_file())
    if sum(p.stat().st_size for p in paths) > MAX_ENTRY // 2:  # base64 and JSON must fit
        return None
    for path in paths:
        rel = path.relative_to(out).as_posix()
        data = path.read_bytes()
        if rel == "index.html":
            if stamp.encode() not in data:
                return None
            data = data.replace(stamp.encode(), _TIME.encode(), 1)
        files.append((rel, data))
    return Finished(tuple(files), tuple(problems), tuple(notes))


def _unpack(kept: Finished, out: Path, stamp: str) -> None:
    """Write a kept report's files into OUT, the index page dated STAMP."""
    for rel, data in kept.files:
        path = out / rel
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise OrversError(f"{rel}: would be written outside {out}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.replace(_TIME.encode(), stamp.encode(), 1)
                         if rel == "index.html" else data)


def write(analysis: Analysis, out: str | Path, lang: str = "nb",
          now: dt.datetime | None = None, step: Callable[[str], None] = lambda what: None,
          name: str = "", author: str | None = None, date: dt.datetime | None = None) -> Path:
    """Write the reports of an analysed corpus into OUT and return the index page's path.

    The redline's tracked changes and comments are signed AUTHOR (default: the corpus's
    `organisation` in corpus.toml, else the secretariat) and dated DATE (default: the new
    version's date)."""
    from .export import DATABASE, rows, write_sqlite
    from .redline.measures import TEXTS as REDLINE_TEXTS
    from .redline.sources import workshop_sources
    from .render.anchors import version_page
    from .render.compare_json import render_json
    from .render.compare_md import render_markdown
    from .render.extract import render_markdown as render_programme_md
    from .render.figures import index_figures
    from .render.html import (
        render_comparison,
        render_index,
        render_trace,
        render_version,
        status_names,
        texts,
    )
    from .render.terms import event_counts_text
    from .render.trace_json import render_trace_json, trace_dict
    from .render.trace_md import render_trace_md
    from .render.xlsx import workbook

    root, out = analysis.root, Path(out)
    versions, programmes, comparisons = (analysis.versions, analysis.programmes,
                                         analysis.comparisons)
    groups: list[dict] = []

    def put(rel: str, data: str | bytes) -> str:
        path = out / rel
        if not path.resolve().is_relative_to(out.resolve()):
            raise OrversError(f"{rel}: would be written outside {out}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return rel

    vrows: list[dict] = []
    for v in versions:
        row = {"label": v.label, "stage": v.stage, "date": v.date, "title": v.title,
               "measures": "–", "checks": [], "files": []}
        if v.label in programmes:
            p = programmes[v.label]
            row["measures"] = sum(m.parent is None for m in p.measures)
            row["sub_items"] = len(p.measures) - row["measures"]
            row["checks"] = [(c.kind, c.missing or c.ids) for c in p.checks]
            row["files"] = [("JSON", put(f"versions/{v.label}.json", _programme_json(p))),
                            ("Markdown", put(f"versions/{v.label}.md",
                                             render_programme_md(p, lang)))]
        vrows.append(row)

    t = texts(lang)
    chain = analysis.consecutive
    lineages = _lineages(chain) if chain else {}
    entries = []
    for (a, b), c in comparisons.items():
        step(f"{a} → {b}: write")
        stem = f"compare/{a}--{b}"
        entries.append({"title": f"{a} → {b}", "summary": event_counts_text(c.events(), lang),
                        "review": {"n": len(c.review), "href": f"{stem}.html#review"},
                        "files": [
            ("HTML", put(f"{stem}.html", render_comparison(c, lang, lineages))),
            ("Markdown", put(f"{stem}.md", render_markdown(c, lang))),
            ("JSON", put(f"{stem}.json", render_json(c)))]})
    groups.append({"title": t["comparisons"], "entries": entries})

    trace_data = None
    if analysis.trace is not None:
        traced = analysis.trace
        trace_data = trace_dict(traced)
        titles = {(p.label, m.id): m.title for p in programmes.values() for m in p.measures}
        labels = [x["label"] for x in trace_data["versions"]]
        stem = "trace/" + "--".join(labels)
        names = status_names(t, trace_data.get("summary", {}))
        summary = "; ".join(
            f"{t['levels'][level].lower()}: "
            + ", ".join(f"{names.get(k, k)} {n}" for k, n in counts.items() if n)
            for level, counts in trace_data["levels"].items() if any(counts.values()))
        groups.append({"title": t["traces"], "entries": [{
            "title": " → ".join(labels), "summary": summary,
            "review": {"n": len(traced.review), "href": f"{stem}.html#review"}, "files": [
                ("HTML", put(f"{stem}.html", render_trace(trace_data, lang, titles))),
                ("Markdown", put(f"{stem}.md", render_trace_md(traced, lang))),
                ("JSON", put(f"{stem}.json", render_trace_json(traced)))]}]})

    for row in vrows:  # each version's page, once the lineages and the trace are known
        if row["label"] in programmes:
            rel = version_page(row["label"])
            files = [(name, href.removeprefix("versions/")) for name, href in row["files"]]
            put(rel, render_version(programmes[row["label"]], row["stage"], lineages,
                                    trace_data, files, lang))
            row["files"].insert(0, ("HTML", rel))

    step("redline")
    stages = {x.label: x.stage for x in versions}
    red = [(a, b) for (a, b) in comparisons
           if stages[a] == "draft" and stages[b] in ("board", "adopted")]
    for a, b in red[:1]:
        c = comparisons[(a, b)]
        rel = f"redline/{a}--{b}.docx"
        sources = workshop_sources(analysis.trace, b) if analysis.trace is not None else {}
        who = author or _manifest_value(root, "organisation") or REDLINE_TEXTS[lang]["author"]
        when = date or corpus_mod.version_date(c.new.date)
        when = when and (when if when.tzinfo else when.replace(tzinfo=dt.UTC))
        docx = memo(analysis.cache_dir, "redline", (c, lang, who, when, sorted(sources.items())),
                    partial(_redline, c, lang, who, when, sources), bytes)
        put(rel, docx)
        groups.append({"title": t["redlines"], "entries": [
            {"title": f"{a} → {b}", "summary": "", "files": [("DOCX", rel)]}]})

    step("workbook")
    book = workbook(list(comparisons.values()), trace_data, vrows, lang)
    rel = put("orvers-report.xlsx", book)
    groups.append({"title": t["workbook"], "entries": [
        {"title": "XLSX", "summary": "", "files": [("XLSX", rel)]}]})

    step("database")
    write_sqlite(out / DATABASE, [rows(analysis, name)])
    groups.append({"title": t["database"], "entries": [
        {"title": "SQLite", "summary": "", "files": [("SQLite", DATABASE)]}]})

    step("index")
    generated = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    title = f"{t['report']} {_programme_name(root)}"
    figures, figure_data = index_figures(chain, trace_data, lang)
    return out / put("index.html", render_index(title, vrows, groups, generated,
                                                list(analysis.problems), lang, figures,
                                                figure_data))


def _redline(c: Comparison, lang: str, author: str, when: dt.datetime | None,
             sources: Sources) -> bytes:
    """The Word redline of C as bytes (with a fixed date, so reruns write the same)."""
    import tempfile

    from .redline import write_redline

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "redline.docx"
        write_redline(c, path, author=author, date=when, lang=lang, sources=sources)
        return path.read_bytes()


def _manifest_value(root: Path, name: str) -> str:
    import tomllib

    data = tomllib.loads((root / corpus_mod.MANIFEST).read_text(encoding="utf-8"))
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def _programme_name(root: Path) -> str:
    return _manifest_value(root, "programme") or str(root)

