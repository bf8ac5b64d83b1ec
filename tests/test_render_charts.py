"""The report's charts: stacked bars as HTML, each count a segment as long as its share, every
label the page's own (escaped) text."""

from __future__ import annotations

from orvers.render.charts import stacked_bars
from orvers.render.html import _ENV

ROWS = [("utkast → styret", {"carried": 30, "split": 2, "added": 5}),
        ("hp2025 → utkast", {"carried": 15, "removed": 18})]
NAMES = {"carried": "beholdt", "split": "delt", "merged": "slått sammen", "removed": "fjernet",
         "added": "nytt"}


def test_bars_keep_the_keys_order_and_the_rows_proportions():
    chart = stacked_bars(ROWS, NAMES, "Tiltakene")
    first, second = chart["bars"]
    assert [s["name"] for s in first["segments"]] == ["beholdt", "delt", "nytt"]
    assert [s["count"] for s in second["segments"]] == [15, 18]
    assert (first["total"], second["total"]) == (37, 33)
    assert first["length"] == 100 and abs(second["length"] - 100 * 33 / 37) < 0.1
    # the legend names the keys that occur, in order; "slått sammen" does not occur
    assert [k["name"] for k in chart["legend"]] == ["beholdt", "delt", "fjernet", "nytt"]


def test_dropped_stages_get_shades_of_their_own():
    names = {"adopted": "videreført", "dropped_at_draft": "falt ut i utkastet",
             "dropped_at_board": "falt ut i styret"}
    chart = stacked_bars([("innspill (9)", {"adopted": 2, "dropped_at_draft": 5,
                                             "dropped_at_board": 2})], names, "Innspillene")
    colours = [k["colour"] for k in chart["legend"]]
    assert len(set(colours)) == 3


def test_a_chart_shows_every_count_and_escapes_a_documents_text():
    rows = [('1 Klima <script>alert("x")</script> & miljø', {"removed": 1})]
    chart = stacked_bars(rows, NAMES, "Endringer per innsatsområde")
    html = _ENV.get_template("chart.html.j2").module.stacked_bars(chart)
    assert "<script>" not in html and "&lt;script&gt;" in html and "miljø" in html
    assert '>1</span>' in html and 'title="fjernet: 1"' in html
    assert html.count('class="seg"') == 1 and html.count('class="swatch"') == 1
