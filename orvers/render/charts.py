"""Charts as inline SVG (matplotlib's SVG backend): nothing is fetched when a page opens.

matplotlib is the well-kept choice here: its SVG needs no script (plotly would inline ~3.5 MB
of JavaScript into every page), it writes text as text (the counts stay readable and
searchable) and, with a fixed hash salt and no date, the same data gives the same bytes.
So a chart is drawn once: its SVG is kept in the user's cache directory (signed, as every cache
entry), keyed by its data, orvers's code and matplotlib's version, and matplotlib is imported
only to draw one it has not drawn before (importing and drawing took a quarter of a report).
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path

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
                 title: str) -> str:
    """Horizontal stacked bars, one per row (label, {key: count}), keys in NAMES' order, each
    segment labelled with its count; an <svg> element to put inline in a page."""
    from importlib import metadata

    from ..cache import memo

    inputs = (rows, names, title, metadata.version("matplotlib"))
    return memo(_kept(), "chart", inputs, partial(_draw, rows, names, title), str)


def _kept() -> Path | None:
    """The folder of the drawn charts, None when it cannot be written."""
    import platformdirs

    from ..cache import usable

    folder = Path(platformdirs.user_cache_dir("orvers")) / "charts"
    return folder if usable(folder) else None


def _draw(rows: list[tuple[str, dict[str, int]]], names: dict[str, str], title: str) -> str:
    import matplotlib
    from matplotlib.figure import Figure  # not pyplot: no backend to pick, no figure to close

    matplotlib.rcParams.update({"svg.hashsalt": "orvers", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9})
    keys = [k for k in names if any(counts.get(k) for _, counts in rows)]
    height = 0.9 + 0.38 * max(len(rows), 1)
    fig = Figure(figsize=(9, height))
    ax = fig.subplots()
    dropped_seen: list[str] = []
    ys = list(range(len(rows)))[::-1]
    left = [0] * len(rows)
    for key in keys:
        widths = [counts.get(key, 0) for _, counts in rows]
        colour = _colour(key, dropped_seen)
        ax.barh(ys, widths, left=left, color=colour, edgecolor="white", label=names[key],
                height=0.7)
        for y, x0, w in zip(ys, left, widths, strict=True):
            if w:
                ax.text(x0 + w / 2, y, str(w), ha="center", va="center", fontsize=8)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(ys, [label for label, _ in rows])
    ax.set_title(title, loc="left", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncols=min(len(keys), 7), loc="upper left", bbox_to_anchor=(0, -0.08),
              frameon=False, fontsize=8)
    ax.set_xlim(0, max(max(left, default=0), 1) * 1.02)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]
