"""Running the CLI in-process and checking that it failed as a user must see it fail."""

from __future__ import annotations

from click.testing import CliRunner

from orvers.cli import cli


def invoke(*args: str) -> tuple[int, str]:
    """The exit code and the output (stdout and stderr) of `orvers ARGS`."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def one_line_error(code: int, output: str, warnings: bool = True) -> str:
    """The one `Error: …` line of a failed command (exit code 2, no traceback); with
    WARNINGS, `warning:` lines may stand beside it, else nothing may."""
    assert code == 2, output
    lines = output.strip().splitlines()
    if warnings:
        lines = [line for line in lines if not line.startswith("warning:")]
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    assert "internal error" not in output and "Traceback" not in output, output
    return lines[0]
