"""`orvers report` on a copy of the bundled corpus: every file, reruns, overrides."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from openpyxl import load_workbook

from orvers.cli import cli
from orvers.report import pairs, report

NOW = dt.datetime(2025, 12, 18, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("c") / "corpus"
    shutil.copytree(CORPUS, dst, ignore=shutil.ignore_patterns(".orvers-cache", "overrides.toml"))
    return dst


@pytest.fixture(scope="module")
def first(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out1")
    report(corpus, out, progress=False, now=NOW)
    return out


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def test_pairs_skip_strategy_and_workshop_and_add_first_to_last():
    stages = [("strategi", "strategy"), ("hp2025", "programme"), ("workshop", "workshop"),
              ("utkast", "draft"), ("styret", "board")]
    assert pairs(stages) == [("hp2025", "utkast"), ("utkast", "styret"), ("hp2025", "styret")]


def test_index_links_every_report_and_they_exist(first):
    index = (first / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#]+)"', index)
    for name in ("compare/utkast--styret.html", "compare/hp2025--styret.json",
                 "redline/utkast--styret.docx", "trace/workshop--utkast--styret.html",
                 "versions/styret.md", "orvers-report.xlsx", "orvers.db"):
        assert name in hrefs
    for href in hrefs:
        assert (first / href).is_file(), href
    assert "Osloregionen handlingsprogram" in index and "2025-12-18 12:00 UTC" in index
    board = json.loads((first / "versions/styret.json").read_text(encoding="utf-8"))
    assert "2.3.1" in {m["id"] for m in board["measures"]}
    page = (first / "compare/utkast--styret.html").read_text(encoding="utf-8")
    assert "<del>" in page and "<ins>" in page and "utkast" in page


def test_second_run_uses_cache_and_writes_the_same_bytes(corpus, first, tmp_path):
    cache = corpus / ".orvers-cache"
    assert len(list(cache.glob("*.json"))) >= 4 and list(cache.glob("compare-*"))
    report(corpus, tmp_path, progress=False, now=NOW + dt.timedelta(hours=1))
    a, b = _files(first), _files(tmp_path)
    assert a.keys() == b.keys()
    for name in a:
        if name == "index.html":  # the one timestamp
            assert a[name].replace(b"12:00 UTC", b"") == b[name].replace(b"13:00 UTC", b"")
        else:
            assert a[name] == b[name], name


def _run_report(corpus: Path, out: Path, seed: str, *options: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.Popen([sys.executable, "-c", "from orvers.cli import main; main()",
                             "report", str(corpus), "-o", str(out), "--quiet", *options],
                            env=env, stderr=subprocess.PIPE, text=True)


def test_runs_with_other_hash_seeds_and_no_cache_write_the_same_bytes(corpus, tmp_path):
    """Set iteration order must not leak into any output: two fresh processes with different
    PYTHONHASHSEED (the second ignoring the cache) write the same files, index.html's time
    stamp apart."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".orvers-cache"))
    runs = [_run_report(copy, tmp_path / "one", "1"),
            _run_report(copy, tmp_path / "two", "2", "--no-cache")]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert a.keys() == b.keys() and "redline/utkast--styret.docx" in a
    stamp = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d UTC")
    assert len(stamp.findall(a["index.html"])) == 1
    assert stamp.sub(b"", a.pop("index.html")) == stamp.sub(b"", b.pop("index.html"))
    assert [name for name in a if a[name] != b[name]] == []


def test_workbook_and_redline_are_dated_by_the_newest_version(first):
    book = load_workbook(io.BytesIO((first / "orvers-report.xlsx").read_bytes()))
    assert book.properties.modified == dt.datetime(2025, 12, 1)  # styret, 2025-12
    red = docx.Document(str(first / "redline/utkast--styret.docx"))
    assert red.core_properties.modified == dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    with zipfile.ZipFile(first / "redline/utkast--styret.docx") as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_override_changes_comparison_trace_and_redline_consistently(corpus, first, tmp_path):
    before = _files(first)
    old = json.loads(before["compare/utkast--styret.json"])
    assert {"old": "3.4.2", "new": None} in [{"old": lk["old"], "new": lk["new"]}
                                            for lk in old["links"]]
    runner = CliRunner()
    for args in (["link", "utkast:3.4.2", "styret:2.4.2", "--note", "test"],
                 ["link", "workshop:W5", "utkast:3.4.2"]):
        r = runner.invoke(cli, [*args, "--corpus", str(corpus)])
        assert r.exit_code == 0, r.output
    text = (corpus / "overrides.toml").read_text(encoding="utf-8")
    assert '[[link]]\nold = "utkast:3.4.2"\nnew = "styret:2.4.2"\nnote = "test"' in text
    try:
        report(corpus, tmp_path, progress=False, now=NOW)
        after = _files(tmp_path)
    finally:
        (corpus / "overrides.toml").unlink()
    links = json.loads(after["compare/utkast--styret.json"])["links"]
    forced = [lk for lk in links if (lk["old"], lk["new"]) == ("3.4.2", "2.4.2")]
    assert len(forced) == 1
    assert not [lk for lk in links if lk["old"] == "3.4.2" and lk["new"] is None]
    trace = json.loads(after["trace/workshop--utkast--styret.json"])
    w5 = next(p for p in trace["proposals"] if p["id"] == "W5")
    assert ("utkast", "3.4.2") in {(lk["version"], lk["id"]) for lk in w5["links"]}
    assert after["redline/utkast--styret.docx"] != before["redline/utkast--styret.docx"]
    sheet = load_workbook(io.BytesIO(after["orvers-report.xlsx"]))["utkast-styret"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert ["3.4.2", "2.4.2"] in [r[:2] for r in rows if r[14] == "x"]  # the manual-link column


@pytest.mark.chromium
def test_real_comparison_page_filters_in_chromium(first, tmp_path):
    import subprocess

    page = first / "compare/utkast--styret.html"
    removed = json.loads((first / "compare/utkast--styret.json").read_text(
        encoding="utf-8"))["summary"]["removed"]
    run = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-quic", "--no-first-run", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path}", "--dump-dom",
                          f"file://{page}#kind=removed"], capture_output=True, text=True,
                         timeout=90)
    dom = run.stdout
    shown = re.findall(r'data-kind="(\w+)"[^>]*data-shown="1"', dom)
    assert shown == ["removed"] * removed and removed > 0
    assert re.search(r'class="id"><a href="[^"]*#styret-2\.3\.1">2\.3\.1<', dom)


def _cover_counts(docx_bytes: bytes) -> dict[str, int]:
    """The redline cover's counts table: {kind name: count}."""
    document = docx.Document(io.BytesIO(docx_bytes))
    counts = next(t for t in document.tables if len(t.columns) == 2)
    return {row.cells[0].text: int(row.cells[1].text) for row in counts.rows}


def _cover_list(docx_bytes: bytes, heading: str) -> list[str]:
    """The bullet lines under the cover heading that starts with HEADING."""
    document = docx.Document(io.BytesIO(docx_bytes))
    lines, inside = [], False
    for p in document.paragraphs:
        if p.style.name.startswith("Heading"):
            inside = p.text.startswith(heading)
        elif inside and p.style.name == "List Bullet":
            lines.append(p.text)
    return lines


def test_counts_agree_in_json_html_workbook_and_redline_cover(first):
    from orvers.render.terms import EVENTS

    data = json.loads((first / "compare/utkast--styret.json").read_text(encoding="utf-8"))
    events = data["events"]
    # one split (4.4.1 into two) and one merge (3.3.3 + 3.3.4) though each has two links
    splits = {lk["old"] for lk in data["links"] if lk["kind"] == "split"}
    merges = {lk["new"] for lk in data["links"] if lk["kind"] == "merged"}
    assert (events["split"], events["merged"]) == (len(splits), len(merges))
    assert data["summary"]["split"] == sum(lk["kind"] == "split" for lk in data["links"])
    # "unchanged" only where nothing changed; the rest of kind unchanged is "amended"
    assert events["unchanged"] == sum(lk["kind"] == "unchanged" and not lk["changed"]
                                      for lk in data["links"])
    assert events["amended"] == sum(lk["kind"] == "unchanged" and bool(lk["changed"])
                                    for lk in data["links"])
    page = (first / "compare/utkast--styret.html").read_text(encoding="utf-8")
    shown = {k: int(n) for k, n in re.findall(r'data-event="(\w+)" data-n="(\d+)"', page)}
    assert shown == {k: n for k, n in events.items() if n}
    book = load_workbook(first / "orvers-report.xlsx")
    assert book.sheetnames[0] == "Oppsummering"
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Sammenligning")
    row = next(r for r in rows if r[0] == "utkast → styret")
    names = EVENTS["nb"]
    assert {k: row[header.index(names[k])] for k in events} == events
    red = (first / "redline/utkast--styret.docx").read_bytes()
    assert _cover_counts(red) == {names[k]: n for k, n in events.items() if n}
    # the cover's list of changed titles: the measures whose link says the title changed
    titled = {lk["new"] for lk in data["links"] if "title" in lk["changed"]}
    listed = _cover_list(red, "Endrede titler")
    assert sorted(line.split()[0] for line in listed) == sorted(titled)
    assert len(titled) == events["reworded"] + sum(  # each split's and merge's new measures
        1 for lk in data["links"] if lk["kind"] == "split") + events["merged"]
    index = (first / "index.html").read_text(encoding="utf-8")
    assert f"{names['split']} {events['split']}, {names['merged']} {events['merged']}" in index
    # the workshop's pilot ideas listed under a proposal are counted apart from the proposals
    workshop = json.loads((first / "versions/workshop.json").read_text(encoding="utf-8"))
    sub_items = sum(m["parent"] is not None for m in workshop["measures"])
    assert sub_items > 0
    assert (f"<td>{len(workshop['measures']) - sub_items} innspill + {sub_items} underpunkter"
            "</td>") in index and re.search(r"<td>19 strategier</td>", index)


CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"]


def _ids_and_hrefs(page: Path) -> tuple[set[str], list[str]]:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(page.read_bytes())
    return set(tree.xpath("//@id")), [str(h) for h in tree.xpath("//a/@href")]


def test_every_link_between_pages_lands_on_an_anchor_that_exists(first):
    pages = sorted(first.rglob("*.html"))
    ids = {p.resolve(): _ids_and_hrefs(p)[0] for p in pages}
    checked = 0
    for page in pages:
        for href in _ids_and_hrefs(page)[1]:
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            assert target.exists(), f"{page.name}: {href}"
            if fragment and "=" not in fragment:  # #kind=… are filter states, not anchors
                assert fragment in ids[target], f"{page.name}: {href}"
                checked += 1
    assert checked > 200
    # one address per measure on its version page, and the comparison page carries it too
    assert "utkast-3.4.2" in ids[(first / "versions/utkast.html").resolve()]
    assert {"utkast-3.4.2", "styret-2.2.1"} <= ids[(first / "compare/utkast--styret.html")
                                                   .resolve()]
    assert "workshop-W22" in ids[(first / "versions/workshop.html").resolve()]


def _section_of_removed(first: Path, section: str) -> list[str]:
    """The draft's removed measures whose old section the board's SECTION continues."""
    data = json.loads((first / "compare/utkast--styret.json").read_text(encoding="utf-8"))
    old = {m["id"]: m["section"] for m in json.loads(
        (first / "versions/utkast.json").read_text(encoding="utf-8"))["measures"]}
    became = {x["old"]: x["new"] for x in data["section_map"]}
    return [lk["old"] for lk in data["links"]
            if lk["kind"] == "removed" and became.get(old[lk["old"]]) == section]


@pytest.mark.chromium
def test_section_filter_next_and_previous_change_in_chromium(first, tmp_path):
    page = first / "compare/utkast--styret.html"
    removed = _section_of_removed(first, "2.2")
    assert removed  # the draft's 3.2.3 and 3.2.4 went, their section 3.2 became 2.2
    # a page that loads the report and presses n, n, p in it (real key events)
    harness = tmp_path / "keys.html"
    harness.write_text(
        f'<iframe id="f" src="file://{page}#section=2.2"></iframe><script>'
        'var f=document.getElementById("f");f.onload=function(){var d=f.contentDocument,'
        'out=[];["n","n","p"].forEach(function(k){d.dispatchEvent(new KeyboardEvent("keydown",'
        '{key:k,bubbles:true}));out.push(d.querySelector("tr.current").id);});'
        'var shown=[].map.call(d.querySelectorAll(\'tr.link[data-shown="1"]\'),'
        'function(r){return r.dataset.kind+":"+r.cells[1].textContent;});'
        'document.body.setAttribute("data-visited",out.join(" "));'
        'document.body.setAttribute("data-shown",shown.join(" "));};</script>',
        encoding="utf-8")
    run = subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'u'}",
                          "--allow-file-access-from-files", "--virtual-time-budget=5000",
                          "--dump-dom", f"file://{harness}"],
                         capture_output=True, text=True, timeout=90)
    visited = re.search(r'data-visited="([^"]*)"', run.stdout).group(1).split()
    shown = re.search(r'data-shown="([^"]*)"', run.stdout).group(1).split()
    # the removed measures stand under the board's 2.2, with the measures that stayed
    assert [f"removed:{i}" for i in removed] == [s for s in shown if s.startswith("removed")]
    assert len(shown) > len(removed)
    changes = re.findall(r'<tr class="link chg"[^>]*data-sections="2 2\.2"[^>]*id="([^"]+)"',
                         page.read_text(encoding="utf-8"))
    assert visited == [changes[0], changes[1], changes[0]]


@pytest.mark.chromium
def test_comparison_prints_on_a4_landscape_without_the_controls(first, tmp_path):
    pdf = tmp_path / "c.pdf"
    subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'u'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", f"file://{first / 'compare/utkast--styret.html'}"],
                   capture_output=True, timeout=90, check=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "2.2 Klima, miljø og natur" in text and "neste endring" not in text


def test_history_takes_any_versions_ids_and_names_the_versions_that_have_one(corpus, first):
    def history(*args: str):
        return CliRunner().invoke(cli, ["history", *args, "--corpus", str(corpus)])

    proposal = history("W22", "--at", "workshop")
    assert proposal.exit_code == 0, proposal.output
    assert proposal.output.startswith("workshop:W22") and "→ utkast:3.2.4" in proposal.output
    draft_only = history("2.2")  # not a number the board uses: the draft is the one that has it
    assert draft_only.exit_code == 0 and "utkast:2.2 → styret:1.2" in draft_only.output
    assert "uendret" not in draft_only.output  # the board gave it targets and partners
    wrong = history("2.2", "--at", "styret")
    assert wrong.exit_code == 2 and "it is in utkast (use --at utkast)" in wrong.output
    assert "T3" in history("T3").output and history("S3").exit_code == 0
    assert "no measure 'X9' in any version" in history("X9").output


def _data_island(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', text,
                      re.S)
    return json.loads(found.group(1))


def test_charts_are_in_the_page_and_carry_the_reports_counts(first):
    index = (first / "index.html").read_text(encoding="utf-8")
    assert index.count('<figure class="chart"') == 3
    assert not re.search(r'(src|href)="https?:', index)
    data = _data_island(first / "index.html")
    compare = json.loads((first / "compare/utkast--styret.json").read_text(encoding="utf-8"))
    events = compare["events"]
    flow = data["measures"]["utkast → styret"]
    assert flow == {"carried": events["unchanged"] + events["amended"] + events["reworded"],
                    "split": events["split"], "merged": events["merged"],
                    "removed": events["removed"], "added": events["added"]}
    # per area: the events of each board section add up to the whole comparison's
    totals = {k: sum(area[k] for area in data["areas"].values()) for k in events}
    assert totals == events
    trace = json.loads((first / "trace/workshop--utkast--styret.json").read_text(
        encoding="utf-8"))
    top = [p for p in trace["proposals"] if not p["parent"]]
    statuses = {k: sum(p["status"] == k for p in top) for k in trace["summary"]}
    assert data["proposals"]["proposals"] == statuses
    assert {k: n + data["proposals"]["sub_items"][k] for k, n in statuses.items()} == \
        trace["summary"]
    page = first / "trace/workshop--utkast--styret.html"
    per_area = _data_island(page)["areas"]
    assert sum(sum(c.values()) for c in per_area.values()) == len(top)
    assert page.read_text(encoding="utf-8").count('<figure class="chart"') == 1
    # the counts are the bars' text
    assert f">{statuses['dropped_at_draft']}</span>" in index


def test_trace_page_shows_titles_and_where_the_evidence_was_found(first):
    text = (first / "trace/workshop--utkast--styret.html").read_text(encoding="utf-8")
    trace = json.loads((first / "trace/workshop--utkast--styret.json").read_text(
        encoding="utf-8"))
    proposal, via = next((p, lk) for p in trace["proposals"] for lk in p["links"]
                         if lk.get("via"))
    row = text.split(f'id="workshop-{proposal["id"]}"')[1].split("</tr>")[0]
    assert f'funnet via {via["via"]["version"]} <a href="../versions/' in row
    assert "Sporing av innspill" in text and "Forslag" not in text
    assert "Hvor tiltakene kom fra" in text and "Per område" in text
    # the headline counts top-level proposals and pilot sub-items apart, as the JSON's levels
    for level, counts in trace["levels"].items():
        line = text.split(f'data-level="{level}" data-n="{sum(counts.values())}"')[1]
        line = line.split("</p>")[0]
        shown = dict(re.findall(r'data-status="(\w+)" data-n="(\d+)"', line))
        assert {k: int(n) for k, n in shown.items()} == {k: n for k, n in counts.items() if n}
    # the status filter says the same: its rows are proposals and sub-items, counted apart
    options = dict(re.findall(r'<option value="(\w+)">[^<(]*\(([^)]*)\)</option>', text))
    sub_items = trace["levels"]["sub_items"]
    assert options == {k: f"{n}" + (f" + {sub_items[k]} underpunkter" if sub_items.get(k) else "")
                       for k, n in trace["levels"]["proposals"].items()
                       if n or sub_items.get(k)}


def _signatures(docx_bytes: bytes) -> set[tuple[str, str]]:
    """(author, date) of every tracked change and comment of a DOCX."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        xml = z.read("word/document.xml") + z.read("word/comments.xml")
    return set(re.findall(rb'w:author="([^"]*)" w:date="([^"]*)"', xml))


def test_redline_is_signed_by_the_organisation_and_dated_by_the_board_version(first):
    assert _signatures((first / "redline/utkast--styret.docx").read_bytes()) == {
        (b"Osloregionen", b"2025-12-01T00:00:00Z")}  # corpus.toml: organisation; styret 2025-12


def test_report_author_and_date_options_sign_the_redline(corpus, first, tmp_path):
    for n, (who, when) in enumerate((("Kari Nordmann", "2025-12-18"), ("Ola", "2025-12-19T10:30"))):
        out = tmp_path / str(n)  # the second run finds the cache warm: the key holds both options
        result = CliRunner().invoke(cli, ["report", str(corpus), "-o", str(out), "--quiet",
                                          "--author", who, "--date", when])
        assert result.exit_code == 0, result.output
        stamp = when.replace("T", " ") if "T" in when else when
        stamp = dt.datetime.fromisoformat(stamp).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert _signatures((out / "redline/utkast--styret.docx").read_bytes()) == {
            (who.encode(), stamp.encode())}
    bad = CliRunner().invoke(cli, ["report", str(corpus), "-o", str(tmp_path / "x"), "--quiet",
                                   "--date", "18.12.2025"])
    assert bad.exit_code != 0 and "not an ISO date" in bad.output


def test_every_board_measure_from_the_workshop_names_its_proposals(first):
    trace = json.loads((first / "trace/workshop--utkast--styret.json").read_text("utf-8"))
    red = docx.Document(str(first / "redline/utkast--styret.docx"))
    texts = {str(c.comment_id): c.text for c in red.comments}
    by_number: dict[str, str] = {}
    for tr in red.tables[-1]._tbl.xpath("./w:tr"):
        tc = tr.xpath("./w:tc")[0]
        by_number["".join(tc.xpath(".//w:t/text()"))] = " ".join(
            texts[i] for i in tc.xpath(".//w:commentReference/@w:id"))
    from_workshop = [o for o in trace["origins"] if o["proposals"]]
    assert from_workshop
    for origin in from_workshop:
        note = by_number[origin["id"]]
        assert "Fra verkstedet: " in note
        assert [p for p in origin["proposals"] if f"{p} «" not in note] == []
    others = [number for number, note in by_number.items() if "Fra verkstedet" in note]
    assert sorted(others) == sorted(o["id"] for o in from_workshop)


def test_report_with_a_version_without_measures_is_written_but_exits_non_zero(tmp_path):
    """A version whose file holds no measures is named on stderr in one line and the exit code
    says the report is incomplete; the readable versions are reported all the same."""
    from corpus_copy import corpus_copy

    src = corpus_copy(tmp_path / "c", ("hp2025", "utkast", "styret"))
    manifest = (src / "corpus.toml").read_text(encoding="utf-8")
    hp2025 = re.search(r'file = "([^"]*handlingsprogram-2025[^"]*)"', manifest).group(1)
    (src / hp2025).write_bytes(b"%PDF-1.4 not really")
    (src / "corpus.toml").write_text(re.sub(r'sha256 = "[0-9a-f]+"\n', "", manifest), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(src), "-o", str(out), "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "hp2025" in errors[0], result.stderr
    assert (out / "compare" / "utkast--styret.html").exists()
    assert "hp2025" in (out / "index.html").read_text(encoding="utf-8")


def test_redline_alone_names_the_workshop_proposals_as_the_report_does(corpus, first, tmp_path):
    def comments(path: Path) -> list[str]:
        return sorted(c.text for c in docx.Document(str(path)).comments)

    out = tmp_path / "r.docx"
    result = CliRunner().invoke(cli, ["redline", "utkast", "styret", "--corpus", str(corpus),
                                      "-o", str(out), "--author", "Osloregionen",
                                      "--date", "2025-12-01"])
    assert result.exit_code == 0, result.output
    found = comments(out)
    assert found == comments(first / "redline/utkast--styret.docx")
    assert sum("Fra verkstedet: W" in c for c in found) > 5
    # two files outside any corpus: no workshop to trace, and the user is told so in one line
    alone = tmp_path / "alone"
    alone.mkdir()
    files = [shutil.copy(corpus / name, alone) for name in (
        "2025-10_utkast-handlingsprogram-2026.txt",
        "2025-12_handlingsprogram-2026-innstilling-styret.txt")]
    result = CliRunner().invoke(cli, ["redline", *map(str, files), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "workshop" in line] == [
        "note: no workshop version (a corpus.toml version of stage workshop before NEW, or "
        "--workshop): no comments name workshop proposals"]
    assert not any("Fra verkstedet" in c for c in comments(tmp_path / "a.docx"))
    # NEW outside the corpus (the board's own file), OLD a corpus label: OLD's corpus is used
    result = CliRunner().invoke(cli, ["redline", "utkast", str(files[1]), "--corpus",
                                      str(corpus), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0 and "note:" not in result.output, result.output
    assert sum("Fra verkstedet: W" in c for c in comments(tmp_path / "o.docx")) > 5
    # --workshop names one: its proposals are traced and named again
    result = CliRunner().invoke(cli, ["redline", *map(str, files), "-o", str(tmp_path / "w.docx"),
                                      "--workshop", str(corpus / "2025-08-29_workshop-"
                                                        "handlingsprogram-2026.txt")])
    assert result.exit_code == 0, result.output
    assert sum("Fra verkstedet: W" in c for c in comments(tmp_path / "w.docx")) > 5


def test_compare_page_says_when_every_target_shows_as_new(first):
    note = "utkast oppgir ingen resultat- eller effektmål, så alle målene i styret vises som nye"
    assert note in (first / "compare/utkast--styret.html").read_text(encoding="utf-8")
    # hp2025 states targets: its comparison has no such note
    assert "oppgir ingen" not in (first / "compare/hp2025--utkast.html").read_text("utf-8")


def test_every_page_lists_its_review_queue_first_and_marks_the_rows_it_asks_about(first):
    """The queue of each comparison and of the trace, as in their JSON, stands above the
    tables with every command; each decision it names marks its row (one mark per link or
    proposal asked about), and the index counts the queue."""
    from lxml import html as lxml_html

    index = (first / "index.html").read_text(encoding="utf-8")
    pages = [*sorted((first / "compare").glob("*.html")), *(first / "trace").glob("*.html")]
    assert len(pages) == 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        review = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["review"]
        assert review, page.name  # the bundled corpus has doubtful links in every queue
        tables = text.index("<table", text.index("</details>"))
        assert text.index('id="review"') < tables
        assert f"Til gjennomgang ({len(review)})" in text[:tables]
        tree = lxml_html.fromstring(text)
        assert [c.text for c in tree.xpath('//table[@class="queue"]//code')] == [
            r["command"] for r in review]
        marks = tree.xpath('//a[@class="q"]')
        assert len(marks) == len({x for r in review for x in r["what"].split("; ")})
        for n, item in enumerate(review, 1):
            queued = tree.xpath(f'//tr[@id="review-{n}"]/td[2]//a')
            assert len(queued) == len(item["what"].split("; "))
            for part, link in zip(item["what"].split("; "), queued, strict=True):
                # the mark the queue links to sits in the row of the link or proposal
                mark = tree.xpath(f'//a[@id="{link.get("href")[1:]}"]')[0]
                row = mark.xpath("ancestor::tr")[0]
                ids = [(td.xpath("a/text()") or [td.text])[0].strip()
                       for td in row.xpath('td[@class="id"]')]
                assert "link" in row.get("class")
                if "trace" in page.parts:
                    assert part.split()[0].endswith(f":{ids[0]}"), (part, ids)
                else:
                    assert " → ".join(f"{label}:{i}" for label, i in zip(
                        page.stem.split("--"), ids, strict=True)) in part, (part, ids)
                assert tree.xpath(f'//tr[@id="{mark.get("href")[1:]}"]')
        rel = page.relative_to(first).as_posix()
        assert f'<a href="{rel}#review">{len(review)} til gjennomgang</a>' in index


def _overlapping(words: list[dict]) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other (their boxes share over a third of the smaller)."""
    out = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                          (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
            if w > 0 and h > 0 and w * h > smaller / 3:
                out.append((a["text"], b["text"]))
    return out


@pytest.mark.libreoffice
def test_workbook_prints_readable_a4_landscape_pages_in_libreoffice(first, tmp_path):
    """LibreOffice Calc (libreoffice-calc-nogui) prints the workbook: A4 landscape, rows as
    tall as their text (no row drawn over the next), a comparison sheet's print its first six
    columns, the sheet's name and the page number on every page."""
    import pdfplumber
    from builders import convert

    pdf = convert(first / "orvers-report.xlsx", tmp_path, "pdf")
    with pdfplumber.open(pdf) as document:
        pages = document.pages
        assert all((round(p.width), round(p.height)) == (842, 595) for p in pages)
        texts = [p.extract_text() or "" for p in pages]
        compared = [i for i, text in enumerate(texts) if text.startswith("utkast-styret")]
        assert compared and texts[0].startswith("Oppsummering")
        first_page = texts[compared[0]]
        assert "Tittel med ordendringer" in first_page and "Partnere +" not in first_page
        assert f"{compared[0] + 1} / {len(pages)}" in first_page
        for i in (0, compared[0], compared[-1]):
            assert _overlapping(pages[i].extract_words()) == [], i + 1
