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
            raise UserError(f"internal error: {type(exc).__name__}: {exc} "
                            "(set ORVERS_DEBUG=1 for details)") from exc


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
lang_option = click.option("--lang", type=click.Choice(["nb", "en"]), default="nb",
                           show_default=True, help="Language of the report.")


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
def redline(old: str, new: str, output: str, author: str, date_: str | None, lang: str,
            plain: bool) -> None:
    """Write a Word redline (tracked changes) from OLD to NEW."""
    from .redline import parse_date, write_plain_redline, write_redline

    when = parse_date(date_)
    if plain:
        for warning in write_plain_redline(old, new, output, author=author, date=when):
            click.echo(f"warning: {warning}", err=True)
        return
    from .api import load
    from .match import compare

    comparison = compare(load(old), load(new))
    write_redline(comparison, output, author=author, date=when, lang=lang)


@cli.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "csv"]), default="json",
              show_default=True, help="Output format.")
@click.option("--layout", type=click.Choice(["outline", "table", "label-blocks",
                                             "bullet-notes", "strategy"]),
              help="Force a layout instead of detecting it.")
@lang_option
@output_option
def extract(file: str, fmt: str, layout: str | None, lang: str, output: str | None) -> None:
    """Extract the measures (tiltak) of FILE with targets and partners."""
    from .api import load
    from .render.extract import render_extract

    programme = load(file, layout)
    for warning in programme.warnings:
        click.echo(f"warning: {warning}", err=True)
    emit(render_extract(programme, fmt, lang), output)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="orvers")
