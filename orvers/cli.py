"""Command-line interface: thin click commands over the orvers library.

Each command parses options, calls the library, picks a renderer and writes to stdout or -o.
Known problems (OrversError) become one line on stderr and exit code 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import OrversError


class UserError(click.ClickException):
    """A user-facing error: printed as one line, exit code 2."""

    exit_code = 2


class StrictError(click.ClickException):
    """A structure check failed under --strict: printed as one line, exit code 3."""

    exit_code = 3


class OrversGroup(click.Group):
    """Turns OrversError (and, unless ORVERS_DEBUG is set, any crash) into one stderr line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OrversError as exc:
            raise UserError(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug: still one line for the user, full trace on request
            if os.environ.get("ORVERS_DEBUG"):
                raise
            if isinstance(exc, OSError) and exc.strerror:  # the file system refused (read-only,
                # permissions, disk full): the user's to fix, not a bug
                raise UserError(f"{exc.filename or 'a file'}: {exc.strerror}") from exc
            raise UserError(f"internal error: {type(exc).__name__}: {exc} "
                            "(set ORVERS_DEBUG=1 for details)") from exc


def refuse_overwrite(output: str | None, *inputs: str) -> None:
    """A UserError when OUTPUT is (or is the same file as) one of INPUTS: never overwrite an
    input with a result."""
    if not output:
        return
    target = Path(output)
    for name in inputs:
        source = Path(name)
        same = target.resolve() == source.resolve() or (
            target.exists() and source.exists() and os.path.samefile(target, source))
        if same:
            raise UserError(f"{output}: is an input ({name}); choose another output file")


def emit(text: str | bytes, output: str | None) -> None:
    """Write a rendered result to the -o file (UTF-8) or to stdout."""
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    elif isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


output_option = click.option("-o", "--output", type=click.Path(dir_okay=False),
                             help="Write to this file instead of stdout.")
LAYOUTS = click.Choice(["outline", "table", "label-blocks", "bullet-notes", "strategy"])
layout_old_option = click.option("--layout-old", type=LAYOUTS,
                                 help="Layout of OLD (detected unless given).")
layout_new_option = click.option("--layout-new", type=LAYOUTS,
                                 help="Layout of NEW (detected unless given).")
lang_option = click.option("--lang", type=click.Choice(["nb", "en"]), default="nb",
                           show_default=True, help="Language of the report.")


def labels_option(names: str):
    """The --corpus option of a command whose file arguments (NAMES) may be corpus labels."""
    return click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
                        type=click.Path(file_okay=False),
                        help=f"Corpus whose labels {names} may name.")


@click.group(cls=OrversGroup)
@click.version_option(__version__, prog_name="orvers")
def cli() -> None:
    """Version and compare the successive drafts of an action programme."""


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The Word file (.docx) to write.")
@click.option("--author", default="orvers", show_default=True,
              help="Author of the tracked changes and comments.")
@click.option("--date", "date_", metavar="ISO",
              help="Date of the tracked changes, e.g. 2025-12-18 (default: now, UTC).")
@lang_option
@click.option("--plain", is_flag=True,
              help="Whole-document word-level redline of any two DOCX files.")
@click.option("--layout", "redline_layout", type=click.Choice(["in-place", "generated"]),
              help="in-place: track the measures inside NEW's own document (the default when "
                   "NEW is a .docx); generated: a table of measures built for the redline.")
@click.option("--cover/--no-cover", default=True, show_default=True,
              help="With --layout in-place: a cover page as the first section.")
@click.option("--workshop", metavar="LABEL|FILE",
              help="Workshop notes traced to NEW: each measure that took up proposals gets a "
                   "comment naming them (default: the corpus's workshop version listed before "
                   "NEW, if any).")
@layout_old_option
@layout_new_option
@labels_option("OLD/NEW")
def redline(old: str, new: str, output: str, author: str, date_: str | None, lang: str,
            plain: bool, redline_layout: str | None, cover: bool, workshop: str | None,
            layout_old: str | None, layout_new: str | None, corpus_dir: str) -> None:
    """Write a Word redline (tracked changes) from OLD to NEW."""
    from .redline import parse_date, write_inplace_redline, write_plain_redline, write_redline

    when = parse_date(date_)
    old, new = _path_or_label(old, corpus_dir), _path_or_label(new, corpus_dir)
    refuse_overwrite(output, old, new)
    if plain:
        for name in (old, new):
            if Path(name).suffix.lower() != ".docx":
                raise UserError(f"{name}: --plain compares Word files (.docx) only")
        for warning in write_plain_redline(old, new, output, author=author, date=when):
            click.echo(f"warning: {warning}", err=True)
        return
    from .match import compare

    new_path = _path_or_label(new, corpus_dir)
    is_docx = Path(new_path).suffix.lower() == ".docx"
    if redline_layout == "in-place" and not is_docx:
        raise UserError(f"{new_path}: --layout in-place needs NEW as a Word file (.docx)")
    a, b, overrides = _pair_overrides(old, new, (layout_old, layout_new), corpus_dir)
    comparison = compare(a, b, overrides=overrides)
    sources = _workshop_sources(comparison, workshop, old, new_path, corpus_dir, overrides)
    if is_docx and redline_layout != "generated":
        for warning in write_inplace_redline(comparison, new_path, output, author=author,
                                             date=when, lang=lang, cover=cover,
                                             sources=sources or {}):
            click.echo(f"warning: {warning}", err=True)
    else:
        write_redline(comparison, output, author=author, date=when, lang=lang,
                      sources=sources or {})
    if sources is None:  # said once the redline is written (a failure is the one line)
        click.echo("note: no workshop version (a corpus.toml version of stage workshop "
                   "before NEW, or --workshop): no comments name workshop proposals", err=True)


def _workshop_sources(comparison, workshop: str | None, old: str, new_path: str,
                      corpus_dir: str, overrides) -> dict | None:
    """The workshop proposals per measure of the comparison's new version: WORKSHOP (or the
    workshop version NEW's corpus, else OLD's, lists before NEW) traced through OLD (when the
    corpus lists it after the workshop) and NEW; None when there is no workshop version."""
    from .corpus import versions
    from .redline.sources import workshop_sources
    from .trace import trace

    # NEW's corpus, else OLD's (the board's own Word file beside a corpus's draft)
    folders = [Path(x).resolve().parent for x in (new_path, _path_or_label(old, corpus_dir))]
    listed = next((list(versions(f)) for f in folders if (f / "corpus.toml").is_file()), [])
    place = {v.path.resolve(): i for i, v in enumerate(listed)}
    at_new = place.get(Path(new_path).resolve(), len(listed))
    if workshop is None:
        found = [v for v in listed[:at_new] if v.stage == "workshop"]
        if not found:
            return None
        workshop = str(found[-1].path)
    source, _ = _load_labelled(workshop, None, corpus_dir)
    at_source = place.get(Path(_path_or_label(workshop, corpus_dir)).resolve(), -1)
    at_old = place.get(Path(_path_or_label(old, corpus_dir)).resolve(), len(listed))
    targets = [comparison.old, comparison.new] if at_old > at_source else [comparison.new]
    key = (comparison.old.label, comparison.new.label)
    traced = trace(source, targets, overrides=overrides, comparisons={key: comparison})
    return workshop_sources(traced, comparison.new.label)


@cli.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "csv"]), default="json",
              show_default=True, help="Output format.")
@click.option("--layout", type=LAYOUTS, help="Force a layout instead of detecting it.")
@click.option("--strict", is_flag=True,
              help="Fail (exit 3) when a structure check finds a gap, duplicate or loss.")
@click.option("--ocr", "ocr", is_flag=True,
              help="Read a scanned PDF with tesseract first (pip install 'orvers[ocr]').")
@click.option("--ocr-lang", default="nor", show_default=True,
              help="Tesseract language(s) for --ocr: nor, eng, nor+eng …")
@lang_option
@output_option
@labels_option("FILE")
def extract(file: str, fmt: str, layout: str | None, strict: bool, ocr: bool, ocr_lang: str,
            lang: str, output: str | None, corpus_dir: str) -> None:
    """Extract the measures (tiltak) of FILE with targets and partners."""
    from .parse.checks import describe
    from .render.extract import render_extract

    refuse_overwrite(output, _path_or_label(file, corpus_dir))
    programme, _ = _load_labelled(file, layout, corpus_dir, ocr_lang if ocr else None)
    for warning in programme.warnings:
        click.echo(f"warning: {warning}", err=True)
    for check in programme.checks:
        click.echo(f"warning: check: {describe(check)}", err=True)
    if strict and programme.checks:
        raise StrictError(f"{file}: {len(programme.checks)} structure check(s) failed "
                          "(--strict); see the warnings above")
    emit(render_extract(programme, fmt, lang), output)


corpus_option = click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
                             type=click.Path(file_okay=False), help="The corpus directory.")


def _cache(root: Path) -> Path | None:
    """The corpus's cache folder (a note on stderr when it is not the usual one)."""
    from .cache import locate

    cache_dir, note = locate(root)
    if note:
        click.echo(f"warning: {note}", err=True)
    return cache_dir


def _corpus_programmes(corpus_dir: str, every: bool = False) -> list:
    """Every measure-listing version of the corpus (EVERY: every version), parsed (cached by
    file hash)."""
    from .cache import load as cached_load
    from .corpus import MEASURE_STAGES, verified_sha256, versions

    root = Path(corpus_dir)
    cache_dir = _cache(root)
    return [cached_load(v.path, verified_sha256(v), label=v.label, cache_dir=cache_dir,
                        date=v.date, layout=v.layout)
            for v in versions(root) if every or v.stage in MEASURE_STAGES]


@cli.command()
@click.argument("corpus_dir", default="corpus", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@output_option
def log(corpus_dir: str, fmt: str, output: str | None) -> None:
    """List the corpus's versions in order, with their measure counts."""
    import json

    from .cache import load as cached_load
    from .corpus import verified_sha256, versions

    root = Path(corpus_dir)
    cache_dir = _cache(root)
    rows = []
    for v in versions(root):
        p = cached_load(v.path, verified_sha256(v), label=v.label, cache_dir=cache_dir,
                        date=v.date, layout=v.layout)
        rows.append({"label": v.label, "stage": v.stage, "date": v.date, "file": v.file,
                     "sha256": v.sha256, "measures": len(p.measures), "title": v.title})
    if fmt == "json":
        emit(json.dumps({"versions": rows}, ensure_ascii=False, indent=2) + "\n", output)
        return
    lines = [f"{'label':<10} {'stage':<10} {'date':<11} {'measures':>8}  file"]
    lines += [f"{r['label']:<10} {r['stage']:<10} {r['date']:<11} {r['measures']:>8}  {r['file']}"
              for r in rows]
    emit("\n".join(lines) + "\n", output)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--label", required=True, help="Short name of the version, e.g. vedtatt.")
@click.option("--stage", help="strategy|programme|workshop|draft|board|adopted")
@click.option("--date", "date_", help="The version's date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--title", default="", help="The document's title.")
@click.option("--replace", is_flag=True,
              help="Record FILE as the new content of the existing version LABEL.")
@corpus_option
def add(file: str, label: str, stage: str | None, date_: str | None, title: str, replace: bool,
        corpus_dir: str) -> None:
    """Copy FILE into the corpus as its newest version (or, with --replace, as LABEL's file)."""
    from .corpus import add as add_version

    v = add_version(corpus_dir, file, label, stage, date_, title, replace=replace)
    click.echo(f"{'replaced' if replace else 'added'} {v.label} ({v.stage}, {v.date}) as {v.path}")


@cli.command()
@click.argument("measure_id")
@click.option("--at", "at", help="The version the id is numbered in (default: the newest).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@corpus_option
@output_option
@lang_option
def history(measure_id: str, at: str | None, fmt: str, corpus_dir: str,
            output: str | None, lang: str) -> None:
    """One measure's life through every version, following links both ways."""
    import json
    from dataclasses import asdict

    from .corpus import MEASURE_STAGES, load_overrides, unknown_ids, versions
    from .history import history as measure_history
    from .history import lineage, proposal_text, resolve_at, to_text
    from .match import compare
    from .render.terms import OVERRIDDEN, link_label, status_name
    from .trace import trace

    stage_note = {"nb": "strategien rammer inn programmet; strategiene spores ikke",
                  "en": "the strategy frames the programme; its strategies are not traced"}

    root = Path(corpus_dir)
    stages = {v.label: v.stage for v in versions(root)}
    programmes = {p.label: p for p in _corpus_programmes(corpus_dir, every=True)}
    listed = [p for label, p in programmes.items() if stages[label] in MEASURE_STAGES]
    overrides = load_overrides(corpus_dir)
    for note in unknown_ids(overrides, programmes):
        click.echo(f"warning: {note}", err=True)
    at = resolve_at(programmes, measure_id, at, listed[-1].label)
    chain = [compare(a, b, overrides=overrides) for a, b in zip(listed, listed[1:],
                                                                strict=False)]
    if stages[at] == "workshop":  # a proposal: what became of it, then those measures' lives
        order = list(stages)
        later = [p for p in listed if order.index(p.label) > order.index(at)]
        tr = trace(programmes[at], later, overrides=overrides,
                   comparisons={(c.old.label, c.new.label): c for c in chain})
        emit(proposal_text(tr, measure_id, lambda s: status_name(s, lang)), output)
        return
    if stages[at] not in MEASURE_STAGES:
        m = programmes[at].measure(measure_id)
        emit(f"{at}:{m.id}  {m.title}\n    ({stage_note[lang]})\n", output)
        return
    steps = measure_history(chain, measure_id, at)
    if fmt == "json":
        emit(json.dumps({"id": measure_id, "at": at,
                         "lineage": lineage(steps), "steps": [asdict(s) for s in steps]},
                        ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit(to_text(steps, lambda kind, changed: link_label(kind, changed, lang),
                     OVERRIDDEN[lang]), output)


def _override(action: str, old: str, new: str, note: str, corpus_dir: str) -> None:
    from .corpus import set_override

    path = set_override(corpus_dir, action, old, new, note)
    click.echo(f"{action} {old} {new}: written to {path}")


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--note", default="", help="Why (kept in the overrides file).")
@corpus_option
def link(old: str, new: str, note: str, corpus_dir: str) -> None:
    """Force OLD_LABEL:ID and NEW_LABEL:ID to be linked in every comparison."""
    _override("link", old, new, note, corpus_dir)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--note", default="", help="Why (kept in the overrides file).")
@corpus_option
def unlink(old: str, new: str, note: str, corpus_dir: str) -> None:
    """Forbid linking OLD_LABEL:ID and NEW_LABEL:ID in every comparison."""
    _override("unlink", old, new, note, corpus_dir)


@cli.command()
@click.argument("corpus_dir", default="corpus", type=click.Path(file_okay=False))
@click.option("-o", "--output", "out", default="outputs", show_default=True,
              type=click.Path(file_okay=False), help="The directory to write the reports to.")
@lang_option
@click.option("--no-cache", is_flag=True, help="Parse every version again.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--author", metavar="NAME",
              help="Author of the redline's tracked changes and comments (default: the corpus's "
                   "organisation in corpus.toml, else the secretariat).")
@click.option("--date", "date_", metavar="ISO",
              help="Date of the redline's tracked changes, e.g. 2025-12-18 (default: the new "
                   "version's date in corpus.toml).")
def report(corpus_dir: str, out: str, lang: str, no_cache: bool, quiet: bool,
           author: str | None, date_: str | None) -> None:
    """Extract, compare, trace and redline the whole corpus; write OUT/index.html."""
    from .redline import parse_date
    from .report import report as write_report

    corpus, target = Path(corpus_dir).resolve(), Path(out).resolve()
    if target == corpus or target in corpus.parents:
        raise UserError(f"{out}: would replace the corpus {corpus_dir}; choose another folder")
    problems: list[str] = []
    index = write_report(corpus_dir, out, lang=lang, progress=not quiet, use_cache=not no_cache,
                         author=author or None, date=parse_date(date_),
                         warn=lambda note: click.echo(f"warning: {note}", err=True),
                         problem=problems.append)
    click.echo(f"wrote {index}")
    if problems:  # the report is written without them; the exit code says it is incomplete
        click.echo(f"error: incomplete report: {'; '.join(problems)}", err=True)
        sys.exit(1)


@cli.command()
@click.argument("corpus_dir", default="corpus", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md",
              show_default=True, help="Output format.")
@output_option
@lang_option
def review(corpus_dir: str, fmt: str, output: str | None, lang: str) -> None:
    """The doubtful links and statuses of the corpus, each with the command that settles it."""
    from .review import corpus_review, render_review

    emit(render_review(corpus_review(corpus_dir), fmt, lang), output)


@cli.command()
@click.argument("corpus_dir", default="corpus", type=click.Path(file_okay=False))
@click.option("--sqlite", "database", required=True, type=click.Path(dir_okay=False),
              help="The SQLite database to write (replaced if it exists).")
@click.option("--name", default="", help="The corpus's name in the database "
              "(default: its directory's name).")
@click.option("--no-cache", is_flag=True, help="Parse every version again.")
def export(corpus_dir: str, database: str, name: str, no_cache: bool) -> None:
    """Write the corpus (versions, measures, links, proposals) as a SQLite database."""
    from .analysis import analyse
    from .export import rows, write_sqlite

    analysis = analyse(corpus_dir, use_cache=not no_cache)
    for problem in analysis.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"wrote {write_sqlite(database, [rows(analysis, name)])}")


@cli.command()
@click.argument("root", type=click.Path(exists=True, file_okay=False))
@click.option("--scheduler", metavar="ADDRESS",
              help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local "
              "cluster on this machine).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes of the local cluster (default: one per core).")
@click.option("-o", "--output", "out", default="outputs", show_default=True,
              type=click.Path(file_okay=False),
              help="Reports go to OUT/<corpus path under ROOT>/, all corpora to OUT/orvers.db.")
@lang_option
@click.option("--no-cache", is_flag=True, help="Parse every version again.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch(root: str, scheduler: str | None, workers: int | None, out: str, lang: str,
          no_cache: bool, quiet: bool) -> None:
    """Report every corpus under ROOT (each folder with a corpus.toml) as Dask tasks.

    Exit code 1 if any corpus failed (one line each on stderr), the others still reported.
    """
    if scheduler and workers:
        raise UserError("--workers sizes the local cluster; a --scheduler has its own workers")
    try:
        from .batch import run
    except ImportError as exc:
        raise UserError(f"orvers batch needs Dask ({exc.name} is missing): "
                        "pip install 'orvers[batch]'") from exc
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress(*Progress.get_default_columns(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), disable=quiet)
    task = bar.add_task("orvers batch", total=None)

    def started(total: int) -> None:  # shown once the workers are there
        bar.update(task, total=total)
        bar.start()

    try:
        result = run(root, out, scheduler, workers, lang, not no_cache, started=started,
                     done=lambda o: bar.update(task, advance=1, description=o.name))
    finally:
        if bar.live.is_started:
            bar.stop()
    for outcome in result.failed:
        click.echo(f"failed: {outcome.name}: {'; '.join(outcome.problems)}", err=True)
    click.echo(f"{len(result.outcomes)} corpora, {result.documents} documents in "
               f"{result.seconds:.1f} s ({result.documents / result.seconds:.2f} documents/s), "
               f"{len(result.failed)} failed; wrote {result.database}")
    if result.failed:
        sys.exit(1)


def _load_labelled(name: str, layout: str | None, corpus_dir: str, ocr: str | None = None):
    """Load a programme from a path or a label of CORPUS_DIR (OCR'd first in language OCR);
    a file listed in its folder's corpus.toml gets its corpus label, title and that corpus's
    link/unlink overrides, and is parsed through that corpus's cache (as `report` reads it),
    any other file its file name as label."""
    from dataclasses import replace

    from .api import load
    from .corpus import load_overrides, verified_sha256, versions

    path = _path_or_label(name, corpus_dir)
    folder = Path(path).resolve().parent
    label, title, overrides, digest = Path(path).stem, "", (), ""
    if (folder / "corpus.toml").is_file():
        for v in versions(folder):
            if v.path.resolve() == Path(path).resolve():
                digest = verified_sha256(v)
                label, title, overrides = v.label, v.title, load_overrides(folder)
                layout = layout or v.layout
    if digest and not ocr:  # a corpus version: parsed once, then read from the corpus cache
        from .cache import load as cached_load

        programme = cached_load(path, digest, label=label, layout=layout,
                                cache_dir=_cache(folder))
    else:
        programme = load(path, layout, label=label, ocr=ocr)
    return (replace(programme, title=title) if title else programme), overrides


PARALLEL_BYTES = 1 << 20  # two files both larger are read at once, one in a forked process


def _pair_overrides(old: str, new: str, layouts: tuple, corpus_dir: str):
    """The two programmes of OLD and NEW and the overrides, with a warning for each override
    naming a measure that one of the two lacks. Two large files are read at once (reading is
    CPU-bound: 4.6 s each at 50 000 measures) where processes can be forked."""
    import multiprocessing

    from .corpus import unknown_ids

    files = [_path_or_label(name, corpus_dir) for name in (old, new)]  # labels looked up once
    jobs = [(file, layout, corpus_dir) for file, layout in zip(files, layouts, strict=True)]
    if ("fork" in multiprocessing.get_all_start_methods()
            and all(Path(f).is_file() and Path(f).stat().st_size > PARALLEL_BYTES
                    for f in files)):
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            second = pool.submit(_load_labelled, *jobs[1])
            (a, overrides), (b, _) = _load_labelled(*jobs[0]), second.result()
    else:
        (a, overrides), (b, _) = (_load_labelled(*job) for job in jobs)
    for note in unknown_ids(overrides, {a.label: a, b.label: b}):
        click.echo(f"warning: {note}", err=True)
    return a, b, overrides


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md",
              show_default=True, help="Output format.")
@output_option
@lang_option
@layout_old_option
@layout_new_option
@labels_option("OLD/NEW")
def compare(old: str, new: str, fmt: str, output: str | None, lang: str,
            layout_old: str | None, layout_new: str | None, corpus_dir: str) -> None:
    """Match the measures of OLD and NEW and report every change."""
    from .match import compare as compare_programmes

    refuse_overwrite(output, *(_path_or_label(x, corpus_dir) for x in (old, new)))
    a, b, overrides = _pair_overrides(old, new, (layout_old, layout_new), corpus_dir)
    comparison = compare_programmes(a, b, overrides=overrides)
    if fmt == "json":
        from .render.compare_json import render_json

        emit(render_json(comparison), output)
    else:
        from .render.compare_md import render_markdown

        emit(render_markdown(comparison, lang), output)


@cli.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--gold", required=True, type=click.Path(dir_okay=False),
              help="Gold CSV: old_id,new_id,relation,confidence.")
@click.option("--links", "links_file", type=click.Path(dir_okay=False),
              help="Score this `compare --format json` output instead of comparing OLD and NEW.")
@layout_old_option
@layout_new_option
@labels_option("OLD/NEW")
def evaluate(old: str | None, new: str | None, gold: str, links_file: str | None,
             layout_old: str | None, layout_new: str | None, corpus_dir: str) -> None:
    """Score links against a gold CSV: misses, then precision, recall and F1 (last line)."""
    from .evaluate import comparison_pairs, json_pairs, read_gold, report
    from .evaluate import evaluate as score_links

    rows = read_gold(gold)
    if links_file:
        if old or new:
            raise UserError("give either OLD NEW or --links, not both")
        click.echo(report(score_links(json_pairs(links_file), rows)), nl=False)
        return
    if not (old and new):
        raise UserError("give OLD and NEW, or --links COMPARE.json")
    from .match import compare as compare_programmes

    a, b, overrides = _pair_overrides(old, new, (layout_old, layout_new), corpus_dir)
    result = score_links(comparison_pairs(compare_programmes(a, b, overrides=overrides)), rows)
    click.echo(report(result, {m.id: m.title for m in a.measures},
                      {m.id: m.title for m in b.measures}), nl=False)


def _path_or_label(name: str, corpus_dir: str) -> str:
    """A file path as given, or the file of a corpus version with that label."""
    if Path(name).exists() or not (Path(corpus_dir) / "corpus.toml").is_file():
        return name
    from .corpus import versions

    for v in versions(Path(corpus_dir)):
        if v.label == name:
            return str(v.path)
    return name


@cli.command()
@click.argument("source")
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md",
              show_default=True, help="Output format.")
@output_option
@lang_option
@click.option("--layout-source", type=LAYOUTS, help="Layout of SOURCE (detected unless given).")
@click.option("--layout-target", type=LAYOUTS, multiple=True,
              help="Layout of each TARGET, in order (repeat it; one value applies to all).")
@labels_option("SOURCE/TARGET")
def trace(source: str, targets: tuple[str, ...], fmt: str, output: str | None, lang: str,
          layout_source: str | None, layout_target: tuple[str, ...], corpus_dir: str) -> None:
    """Follow the proposals of SOURCE (workshop notes) through TARGET versions, in order."""
    from .corpus import unknown_ids
    from .trace import trace as trace_proposals

    if len(layout_target) not in (0, 1, len(targets)):
        raise UserError(f"--layout-target given {len(layout_target)} times for "
                        f"{len(targets)} targets: give it once, or once per target")
    layouts = layout_target * len(targets) if len(layout_target) == 1 else layout_target
    refuse_overwrite(output, *(_path_or_label(x, corpus_dir) for x in (source, *targets)))
    src, overrides = _load_labelled(source, layout_source, corpus_dir)
    versions = [_load_labelled(t, layouts[i] if layouts else None, corpus_dir)[0]
                for i, t in enumerate(targets)]
    for note in unknown_ids(overrides, {p.label: p for p in (src, *versions)}):
        click.echo(f"warning: {note}", err=True)
    result = trace_proposals(src, versions, overrides=overrides)
    if fmt == "json":
        from .render.trace_json import render_trace_json

        emit(render_trace_json(result), output)
    elif fmt == "html":
        from .render.trace_html import render_trace_html

        emit(render_trace_html(result, lang), output)
    else:
        from .render.trace_md import render_trace_md

        emit(render_trace_md(result, lang), output)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="orvers")
