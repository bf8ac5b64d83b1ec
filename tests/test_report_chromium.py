"""The report's pages opened in real headless Chromium: what a reader's browser builds from them
(links and anchors after the pages' scripts ran, the charts as drawn), not the files' text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import CORPUS
from lxml import html as lxml_html

from orvers.report import report

pytestmark = pytest.mark.chromium

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--allow-file-access-from-files"]
# a page that opens each of PAGES in an iframe in turn and runs COLLECT(document) on it once
# loaded; the results land in the body's data-result attribute (read back from --dump-dom)
HARNESS = """<iframe id="f" style="width:1400px;height:900px"></iframe><script>
var pages = %s, out = {}, i = 0, f = document.getElementById("f");
%s
f.onload = function () { out[pages[i]] = collect(f.contentDocument); i++; next(); };
function next() {
  if (i < pages.length) { f.src = pages[i]; return; }
  document.body.setAttribute("data-result", JSON.stringify(out));
}
next();
</script>"""
LINKS = """function collect(d) {
  return {ids: [].map.call(d.querySelectorAll("[id]"), function (e) { return e.id; }),
          hrefs: [].map.call(d.querySelectorAll("a[href]"), function (a) { return a.href; })};
}"""
CHARTS = """function collect(d) {
  var island = d.getElementById("chart-data");
  return {data: island ? JSON.parse(island.textContent) : null,
          charts: [].map.call(d.querySelectorAll("figure.chart .bars"), function (bars) {
            var box = bars.getBoundingClientRect();
            return {width: box.width, height: box.height,
                    texts: [].map.call(bars.querySelectorAll(".bar-label, .seg"),
                                       function (t) { return t.textContent.trim(); }),
                    segments: [].map.call(bars.querySelectorAll(".seg"), function (s) {
                      return [Number(s.textContent), s.getBoundingClientRect().width];
                    })};
          })};
}"""


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("c") / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns(".orvers-cache",
                                                                  "overrides.toml"))
    folder = tmp_path_factory.mktemp("out")
    report(corpus, folder, progress=False)
    return folder


def _in_chromium(pages: list[Path], collect: str, tmp_path: Path) -> dict[str, dict]:
    """COLLECT's result for each page as Chromium built it, by the page's file URL."""
    harness = tmp_path / "harness.html"
    urls = [p.resolve().as_uri() for p in pages]
    harness.write_text(HARNESS % (json.dumps(urls), collect), encoding="utf-8")
    run = subprocess.run([*CHROMIUM, f"--user-data-dir={tmp_path / 'profile'}",
                          "--virtual-time-budget=60000", "--dump-dom", harness.as_uri()],
                         capture_output=True, text=True, timeout=300)
    body = lxml_html.fromstring(run.stdout).find("body")
    assert body is not None and body.get("data-result"), run.stderr[-2000:]
    result = json.loads(body.get("data-result"))
    assert sorted(result) == sorted(urls)  # every page loaded
    return result


def test_every_anchor_a_page_links_to_exists_in_the_page_chromium_built(out, tmp_path):
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 9  # index, 3 comparisons, the trace, 4+ version pages
    built = _in_chromium(pages, LINKS, tmp_path)
    checked = Counter()
    for url, page in built.items():
        assert page["hrefs"], url
        for href in page["hrefs"]:
            parts = urlsplit(href)
            assert parts.scheme == "file", f"{url}: {href} leaves the report"
            target = Path(unquote(parts.path))
            assert target.is_file(), f"{url}: {href}"
            if parts.fragment and "=" not in parts.fragment:  # #kind=… is a filter state
                ids = built[target.as_uri()]["ids"]
                assert unquote(parts.fragment) in ids, f"{url}: {href}"
                checked["same page" if target.as_uri() == url else "other page"] += 1
    assert checked["same page"] > 100 and checked["other page"] > 100, checked


def _numbers(texts: list[str]) -> Counter:
    return Counter(int(t) for t in texts if re.fullmatch(r"\d+", t))


def _drawn(chart: dict, counts: list[dict[str, int]]) -> bool:
    """Every non-zero count of COUNTS is drawn as a segment of CHART, and a segment of a larger
    count is never narrower than one of a smaller count (the narrowest keep room for their
    number)."""
    wanted = Counter(n for c in counts for n in c.values() if n)
    widths = sorted(chart["segments"])
    ordered = all(a[1] <= b[1] + 0.5 for a, b in zip(widths, widths[1:], strict=False))
    return not wanted - _numbers(chart["texts"]) and ordered


def test_charts_are_drawn_and_carry_the_reports_counts(out, tmp_path):
    index, trace_page = out / "index.html", out / "trace/workshop--utkast--styret.html"
    built = _in_chromium([index, trace_page], CHARTS, tmp_path)
    compare = json.loads((out / "compare/utkast--styret.json").read_text(encoding="utf-8"))
    trace = json.loads((out / "trace/workshop--utkast--styret.json").read_text(
        encoding="utf-8"))

    page = built[index.resolve().as_uri()]
    assert len(page["charts"]) == 3
    assert all(c["width"] > 300 and c["height"] > 30 for c in page["charts"])
    flow, proposals, areas = page["charts"]
    events = compare["events"]
    assert page["data"]["measures"]["utkast → styret"] == {
        "carried": events["unchanged"] + events["amended"] + events["reworded"],
        "split": events["split"], "merged": events["merged"], "removed": events["removed"],
        "added": events["added"]}
    assert _drawn(flow, list(page["data"]["measures"].values()))
    # the proposals' fate: top-level proposals and pilot sub-items apart, together the summary
    levels = page["data"]["proposals"]
    assert levels == {k: v for k, v in trace["levels"].items() if any(v.values())}
    assert {k: sum(v.get(k, 0) for v in levels.values()) for k in trace["summary"]} == \
        trace["summary"]
    assert _drawn(proposals, list(levels.values()))
    tops = sum(p["parent"] is None for p in trace["proposals"])
    assert f"innspill ({tops})" in proposals["texts"]
    # changes per area: each board section's events add up to the comparison's
    assert {k: sum(a[k] for a in page["data"]["areas"].values()) for k in events} == events
    assert _drawn(areas, list(page["data"]["areas"].values()))

    page = built[trace_page.resolve().as_uri()]
    assert len(page["charts"]) == 1 and page["charts"][0]["height"] > 100
    per_area = page["data"]["areas"]
    assert sum(sum(c.values()) for c in per_area.values()) == tops
    assert _drawn(page["charts"][0], list(per_area.values()))
    for area, counts in per_area.items():
        assert area[:60] in page["charts"][0]["texts"]
        assert counts == dict(Counter(p["status"] for p in trace["proposals"]
                                      if (p["section"] or "–") == area and not p["parent"]))
