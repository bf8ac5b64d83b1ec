"""Charts as HTML: horizontal stacked bars laid out by the page's own CSS (chart.html.j2).

A chart here is a handful of counts, so the browser draws it from plain elements: the labels
and counts are the page's text (readable, searchable, the page's font and size, printed as
such), nothing is fetched or run, and a report needs no plotting library (importing and
drawing with one took a quarter of a first report on the bundled corpus).
"""

from __future__ import annotations

COLOURS = {"unchanged": "#c9c9d1", "amended": "#f3b879", "reworded": "#f2d36b",
           "split": "#8fb4f0", "merged": "#b59cf0", "added": "#7fca7f", "removed": "#ee8f8f",
           "carried": "#c9c9d1", "adopted": "#7fca7f", "partial": "#f2d36b",
           "dropped": "#ee8f8f"}
_DROPPED_SHADES = ("#ee8f8f", "#c76b6b", "#a04d4d")


def _colour(key: str, dropped_seen: list[str]) -> str:
    if key.startswith("dropped_at_"):
        if key not in dropped_seen:
            dropped_seen.append(key)
        return _DROPPED_SHADES[dropped_seen.index(key) % len(_DROPPED_SHADES)]
    return COLOURS.get(key, "#999999")


def stacked_bars(rows: list[tuple[str, dict[str, int]]], names: dict[str, str],
                 title: str) -> dict:
    """Horizontal stacked bars, one per row (label, {key: count}), keys in NAMES' order: the
    chart as data for chart.html.j2 — its title, per row the label, total, length (percent of
    the longest row) and segments (name, count, colour), and the legend of the keys that
    occur."""
    keys = [k for k in names if any(counts.get(k) for _, counts in rows)]
    dropped_seen: list[str] = []
    colours = {k: _colour(k, dropped_seen) for k in keys}
    totals = [sum(counts.get(k, 0) for k in keys) for _, counts in rows]
    longest = max(totals, default=0) or 1
    bars = [{"label": label, "total": total, "length": round(100 * total / longest, 1),
             "segments": [{"name": names[k], "count": counts[k], "colour": colours[k]}
                          for k in keys if counts.get(k)]}
            for (label, counts), total in zip(rows, totals, strict=True)]
    return {"title": title, "bars": bars,
            "legend": [{"name": names[k], "colour": colours[k]} for k in keys]}
