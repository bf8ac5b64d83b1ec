"""A measure's history through three hand-made versions: renumbering, a split, a merge."""

from __future__ import annotations

import pytest

from orvers.errors import InputError
from orvers.history import history, lineage, to_text
from orvers.model import Comparison, Link, Measure, Programme


def prog(label: str, *measures: tuple[str, str]) -> Programme:
    return Programme(path=f"{label}.txt", format="txt", layout="outline", title=label,
                     sections=(), label=label,
                     measures=tuple(Measure(id=i, title=t, section=None) for i, t in measures))


A = prog("a", ("1.1", "Samarbeide med kommunene"), ("1.2", "Bygge sykkelveier og gangveier"))
B = prog("b", ("2.1", "Samarbeide tettere med kommunene"), ("2.2", "Bygge sykkelveier"),
         ("2.3", "Bygge gangveier"))
C = prog("c", ("3.1", "Bygge sykkelveier og gangveier i regionen"))
CHAIN = [Comparison(A, B, (Link("1.1", "2.1", "reworded"), Link("1.2", "2.2", "split"),
                           Link("1.2", "2.3", "split"))),
         Comparison(B, C, (Link("2.1", None, "removed"), Link("2.2", "3.1", "merged"),
                           Link("2.3", "3.1", "merged", overridden=True)))]


def test_history_forward_through_split_and_merge():
    steps = history(CHAIN, "1.2", at="a")
    assert [(s.old_id, s.new_id, s.kind) for s in steps] == [
        ("1.2", "2.2", "split"), ("1.2", "2.3", "split"),
        ("2.2", "3.1", "merged"), ("2.3", "3.1", "merged")]
    assert lineage(steps) == {"a": ("1.2",), "b": ("2.2", "2.3"), "c": ("3.1",)}


def test_history_backward_from_the_newest_version():
    steps = history(CHAIN, "3.1", at="c")
    assert lineage(steps) == {"a": ("1.2",), "b": ("2.2", "2.3"), "c": ("3.1",)}
    assert steps[-1].overridden  # the override shows in the history


def test_history_both_ways_from_the_middle_with_word_diff():
    steps = history(CHAIN, "2.1", at="b")
    assert [(s.old_label, s.old_id, s.new_id, s.kind) for s in steps] == [
        ("a", "1.1", "2.1", "reworded"), ("b", "2.1", None, "removed")]
    assert ("+", "tettere ") in steps[0].title
    assert "[+tettere ]" in to_text(steps)


def test_unknown_measure_or_version_is_one_clear_error():
    with pytest.raises(InputError, match="no measure '9.9' in version 'b'"):
        history(CHAIN, "9.9", at="b")
    with pytest.raises(InputError, match="no version 'x'"):
        history(CHAIN, "1.1", at="x")


def test_cli_history_speaks_norwegian_by_default_and_english_on_request(tmp_path):
    import shutil

    from click.testing import CliRunner
    from conftest import CORPUS

    from orvers.cli import cli

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns(".orvers-cache",
                                                                  "overrides.toml"))
    runner = CliRunner()
    nb = runner.invoke(cli, ["history", "2.3.3", "--corpus", str(corpus)])
    en = runner.invoke(cli, ["history", "2.3.3", "--corpus", str(corpus), "--lang", "en"])
    assert nb.exit_code == 0 and en.exit_code == 0, nb.output + en.output
    assert "utkast:3.3.3 → styret:2.3.3  slått sammen" in nb.output
    assert "utkast:3.3.3 → styret:2.3.3  merged" in en.output
