"""`orvers export --sqlite` on a copy of the bundled corpus, queried through Datasette."""

from __future__ import annotations

import asyncio
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from datasette.app import Datasette

from orvers.analysis import analyse
from orvers.cli import cli
from orvers.corpus import MEASURE_STAGES
from orvers.diff import partner_name

# The two queries the README shows (keep them the same).
PARTNER_SQL = """
select version, number, title from measure_history
where exists (select 1 from json_each(partners) where value = :organisation)
"""
SURVIVED_SQL = """
select number, status, taken_up_by, text from proposal_outcome
where area = :area and survived
"""
AREA = "Klima, miljø og natur"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("c") / "corpus"
    shutil.copytree(CORPUS, dst, ignore=shutil.ignore_patterns("overrides.toml"))
    return dst


@pytest.fixture(scope="module")
def database(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "orvers.db"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--sqlite", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def analysis(corpus, database):
    return analyse(corpus)  # cached by the export above


def datasette(database: Path, *requests):
    """Answers of a Datasette serving DATABASE: ("get", path) → JSON, ("sql", sql, params)."""

    async def run():
        ds = Datasette(files=[str(database)])
        await ds.invoke_startup()
        out = []
        for kind, *args in requests:
            if kind == "get":
                response = await ds.client.get(args[0])
                assert response.status_code == 200, response.text
                out.append(response.json())
            else:
                result = await ds.get_database("orvers").execute(*args)
                out.append([dict(row) for row in result.rows])
        return out

    return asyncio.run(run())


def test_measures_with_a_partner_in_every_version(database, analysis):
    url = "/orvers/measure_history.json?" + urlencode(
        {"partners__arraycontains": "Statens vegvesen", "_shape": "array"})
    by_url, by_sql = datasette(database, ("get", url),
                               ("sql", PARTNER_SQL, {"organisation": "Statens vegvesen"}))
    listing = {v.label for v in analysis.versions if v.stage in MEASURE_STAGES}
    expected = {(label, m.id) for label, p in analysis.programmes.items() if label in listing
                for m in p.measures if "Statens vegvesen" in map(partner_name, m.partners)}
    assert {(r["version"], r["number"]) for r in by_url} == expected
    assert {(r["version"], r["number"]) for r in by_sql} == expected
    assert {"hp2025", "styret"} <= {label for label, _ in expected}
    printed = {name for label, number in expected
               for name in analysis.programmes[label].measure(number).partners}
    assert "SVV" in printed  # the abbreviation is found under the full name


def test_workshop_proposals_of_an_area_that_survived(database, analysis):
    url = "/orvers/proposal_outcome.json?" + urlencode(
        {"area": AREA, "survived": 1, "_shape": "array"})
    by_url, by_sql = datasette(database, ("get", url), ("sql", SURVIVED_SQL, {"area": AREA}))
    expected = {p.id: p for p in analysis.trace.proposals
                if p.section == AREA and p.status in ("adopted", "partial")}
    assert expected
    assert {r["number"] for r in by_url} == {r["number"] for r in by_sql} == set(expected)
    for row in by_sql:
        taken = {(x.version, x.id) for x in expected[row["number"]].links}
        assert set(row["taken_up_by"].split(", ")) == {f"{v} {i}" for v, i in taken}


def test_full_text_search_keeps_norwegian_letters(database, analysis):
    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.casefold()))

    for word in ("oslofjorden", "miljø"):
        url = "/orvers/measures.json?" + urlencode({"_search": word, "_shape": "array",
                                                    "_size": "max"})
        (found,) = datasette(database, ("get", url))
        expected = {f"corpus/{label}:{m.id}" for label, p in analysis.programmes.items()
                    for m in p.measures if word in words(m.text)}
        assert expected and {r["id"] for r in found} == expected, word


def test_every_reference_resolves_and_links_are_all_there(database, analysis):
    with sqlite3.connect(database) as db:
        assert db.execute("pragma foreign_key_check").fetchall() == []
        counts = dict(db.execute("select comparison, count(*) from links group by comparison"))
        nulls = db.execute("select count(*) from links where old_measure is null "
                           "and new_measure is null").fetchone()[0]
    assert counts == {f"corpus/{a}--{b}": len(c.links)
                      for (a, b), c in analysis.comparisons.items()}
    assert nulls == 0


def test_export_twice_gives_the_same_bytes(corpus, database, tmp_path):
    again = tmp_path / "again.db"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--sqlite", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == database.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed into place


def test_export_of_a_folder_without_a_corpus_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["export", str(tmp_path), "--sqlite",
                                      str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "corpus.toml" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()
