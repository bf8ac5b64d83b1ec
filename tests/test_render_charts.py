"""A chart is drawn once: the same data gives the same SVG, kept (signed) in the user's cache
directory; a kept chart this user's orvers did not write is drawn again."""

from __future__ import annotations

from orvers.render.charts import stacked_bars

ROWS = [("utkast → styret", {"carried": 30, "split": 2, "added": 5})]
NAMES = {"carried": "beholdt", "split": "delt", "added": "nytt"}


def test_a_chart_is_kept_and_a_forged_one_drawn_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = stacked_bars(ROWS, NAMES, "Tiltakene")
    kept = sorted((tmp_path / "orvers" / "charts").glob("chart-*.json"))
    assert first.startswith("<svg") and ">beholdt<" in first and len(kept) == 1
    signature, _, body = kept[0].read_bytes().partition(b"\n")
    kept[0].write_bytes(signature + b"\n" + body.replace(b"beholdt", b"Fjordregionen"))
    again = stacked_bars(ROWS, NAMES, "Tiltakene")
    assert again == first and "Fjordregionen" not in again
    other = stacked_bars(ROWS, NAMES, "Innspillene")
    assert other != first and len(list((tmp_path / "orvers" / "charts").iterdir())) == 2
