"""The redline of the real draft → board pair (utkast → styret), and random edits of real
board measures: accepting all gives the board's text (the words its OCR layer garbled in the
draft's spelling), rejecting all the draft's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import docx
import pytest
from conftest import corpus_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_redline import cells, edited, measure_rows

from orvers.api import load
from orvers.diff import word_diff
from orvers.match import compare
from orvers.model import Comparison, Link, Measure, Programme
from orvers.redline import ooxml, write_redline

DATE = dt.datetime(2025, 12, 18, tzinfo=dt.UTC)


def _load(label: str) -> Programme:
    return load(corpus_file(label), label=label)


@pytest.fixture(scope="module")
def board() -> Programme:
    """The board recommendation's measures, through the table parser."""
    return load(corpus_file("styret"), label="styret")


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(_load("utkast"), _load("styret"))


@pytest.fixture(scope="module")
def redline(comparison, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "utkast-styret.docx"
    write_redline(comparison, path, author="Sekretariatet", date=DATE)
    return path


def _old_text(comparison: Comparison, new_id: str) -> Measure:
    """What a row of a new measure says after rejecting all: its old part(s), joined."""
    olds = [comparison.old.measure(lk.old) for lk in comparison.links
            if lk.new == new_id and lk.old is not None]
    order = {m.id: i for i, m in enumerate(comparison.old.measures)}
    olds.sort(key=lambda m: order[m.id])
    def join(attr):
        return tuple(dict.fromkeys(x for m in olds for x in getattr(m, attr)))
    return Measure(new_id, " ".join(m.title for m in olds), None, join("result_targets"),
                   join("effect_targets"), join("partners"), children=join("children"))


def assert_board_up_to_ocr_noise(accepted: list, board: list, comparison: Comparison) -> None:
    """The accepted rows are the board's, each cell equal or equal up to OCR noise."""
    marked = [w for m in (*comparison.old.measures, *comparison.new.measures)
              for w in m.unattested]
    assert [row[0] for row in accepted] == [row[0] for row in board]
    for got, want in zip(accepted, board, strict=True):
        for a, b in zip(got, want, strict=True):
            assert all(op == "=" for op, _ in word_diff(b, a, ocr_noise=True, unattested=marked))


def test_accept_all_gives_every_board_measure_in_order(comparison, redline):
    accepted = measure_rows(redline, "accept")
    assert_board_up_to_ocr_noise(accepted, [cells(m) for m in comparison.new.measures],
                                 comparison)
    title = accepted[[row[0] for row in accepted].index("2.3.3")][1]
    assert "samarbeid om grønn mobilitet" in title  # the board's OCR layer: "omgrenn"


def test_reject_all_gives_the_draft_text_of_every_row(comparison, redline):
    expected = [cells(_old_text(comparison, m.id)) for m in comparison.new.measures
                if any(lk.new == m.id and lk.old for lk in comparison.links)]
    expected += [cells(comparison.old.measure(lk.old)) for lk in comparison.links
                 if lk.kind == "removed"]
    got = measure_rows(redline, "reject")
    assert sorted(got) == sorted(expected)


def test_comments_follow_the_links(comparison, redline):
    comments = [c.text for c in docx.Document(str(redline)).comments]
    for link in comparison.links:
        if link.kind == "merged":
            assert any(c.startswith("Tidligere") and link.old in c and "slått sammen" in c
                       for c in comments), link
        if link.kind == "split":
            assert f"Tidligere {link.old}, delt" in comments


def test_the_board_version_against_itself_gives_no_revisions(board, tmp_path):
    assert len(board.measures) > 20
    same = Comparison(board, board, tuple(Link(m.id, m.id, "unchanged", 1.0)
                                          for m in board.measures))
    path = tmp_path / "same.docx"
    write_redline(same, path, date=DATE)
    document = docx.Document(str(path))
    assert set(ooxml.count_revisions(document).values()) == {0}
    assert measure_rows(path, "accept") == [cells(m) for m in board.measures]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_of_board_measures(board, tmp_path, data):
    olds = board.measures
    news = tuple(data.draw(edited(m)) for m in olds)
    new_p = dataclasses.replace(board, measures=news)
    links = tuple(Link(m.id, m.id, "reworded", 0.9) for m in olds)
    path = tmp_path / "random.docx"
    comparison = Comparison(board, new_p, links)
    write_redline(comparison, path, date=DATE)
    # a word the edit put beside or in place of its OCR-garbled look-alike (Gjennomføre for
    # gjen.no.mfrar_e) is no change and keeps the old spelling: the old text comes back
    # exactly, the new one up to OCR noise
    assert_board_up_to_ocr_noise(measure_rows(path, "accept"), [cells(m) for m in news],
                                 comparison)
    assert measure_rows(path, "reject") == [cells(m) for m in olds]


def test_cli_writes_the_draft_to_board_redline(comparison, tmp_path):
    from click.testing import CliRunner

    from orvers.cli import cli

    out = tmp_path / "cli.docx"
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")),
                                      str(corpus_file("styret")), "-o", str(out),
                                      "--lang", "en", "--date", "2025-12-18"])
    assert result.exit_code == 0, result.output
    assert_board_up_to_ocr_noise(measure_rows(out, "accept"), [
        cells(m, "Result targets:", "Effect targets:") for m in comparison.new.measures],
        comparison)


def test_cli_redline_is_the_same_file_under_other_hash_seeds(tmp_path):
    """Two processes with different PYTHONHASHSEED (set iteration order) and the same --date
    write byte-identical redlines: matching, diffing, ids and ZIP entries all reproducible."""
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.docx"
        runs.append((out, subprocess.Popen(
            [sys.executable, "-c", "from orvers.cli import main; main()", "redline",
             str(corpus_file("utkast")), str(corpus_file("styret")), "-o", str(out),
             "--date", "2025-12-18"], env={**os.environ, "PYTHONHASHSEED": seed},
            stderr=subprocess.PIPE, text=True)))
    for _, run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    (a, _), (b, _) = runs
    assert len(docx.Document(str(a)).comments) > 5
    assert a.read_bytes() == b.read_bytes()


@st.composite
def restructured(draw, board: Programme) -> Comparison:
    """A random later version of the board's measures: kept (edited), removed, merged with the
    next one, split in two, and new measures added; with the links a matcher would give."""
    news, links = [], []
    olds = list(board.measures)
    i = 0
    while i < len(olds):
        m = olds[i]
        action = draw(st.sampled_from(["keep", "keep", "remove", "merge", "split", "add"]))
        n = f"N{len(news) + 1}"
        if action == "remove":
            links.append(Link(m.id, None, "removed"))
        elif action == "merge" and i + 1 < len(olds):
            nxt = olds[i + 1]
            news.append(Measure(n, f"{m.title} {nxt.title}", m.section,
                                m.result_targets + nxt.result_targets, (), m.partners))
            links += [Link(m.id, n, "merged", 0.7), Link(nxt.id, n, "merged", 0.6)]
            i += 1
        elif action == "split":
            words = m.title.split()
            cut = max(1, len(words) // 2)
            for part, text in enumerate((words[:cut], words[cut:] or ["Del"]), 1):
                news.append(Measure(f"{n}.{part}", " ".join(text), m.section,
                                    m.result_targets[part - 1:part], m.effect_targets,
                                    m.partners))
                links.append(Link(m.id, f"{n}.{part}", "split", 0.6))
        elif action == "add":
            news.append(Measure(n, "Nytt tiltak om boligutvikling", m.section,
                                ("Gjennomført seminar",), (), ("KS",)))
            links.append(Link(None, n, "added"))
            continue
        else:
            news.append(dataclasses.replace(data_edit(draw, m), id=n))
            links.append(Link(m.id, n, "reworded", 0.9, renumbered=True))
        i += 1
    new = dataclasses.replace(board, measures=tuple(news), label="ny")
    return Comparison(board, new, tuple(links))


def data_edit(draw, m: Measure) -> Measure:
    return draw(edited(m))


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_restructuring_accepts_to_new_and_rejects_to_old_rows(board, tmp_path, data):
    comp = data.draw(restructured(board))
    path = tmp_path / "restructured.docx"
    write_redline(comp, path, date=DATE)
    assert measure_rows(path, "accept") == [cells(m) for m in comp.new.measures]
    expected = [cells(dataclasses.replace(_old_text(comp, m.id), id=m.id))
                for m in comp.new.measures if any(lk.new == m.id and lk.old for lk in comp.links)]
    expected += [cells(comp.old.measure(lk.old)) for lk in comp.links if lk.kind == "removed"]
    assert sorted(measure_rows(path, "reject")) == sorted(expected)
