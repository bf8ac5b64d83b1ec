"""Score one variant of the suite against its truth; run as a script for the table of all.

    .venv/bin/python tests/variants/score.py      # Markdown table: variant × ids/titles/…

ids: the measure ids found equal the truth's, in order. titles: the lowest per-measure title
similarity (rapidfuzz ratio, after OCR repair). targets / partners: recall over the variant, a
truth item counting as found when a found item of the same measure is ≥ 90 % similar; and
precision, a found item counting as right when a truth item of the same measure is ≥ 90 %
similar (a target cut in two, a heading or a "Status:" line read as a partner count against).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

HERE = Path(__file__).resolve().parent
MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
_SAME = 90


@dataclass(frozen=True)
class Score:
    """How one variant reads: ids right, worst title, target and partner recall, seconds."""

    name: str
    ids_equal: bool
    found: int
    expected: int
    title_min: float
    target_recall: float
    partner_recall: float
    target_precision: float
    partner_precision: float
    seconds: float
    pages: int
    worst: str  # the id of the worst title, for a failure message


def _recall(pairs: list[tuple[list[str], list[str]]]) -> float:
    total = sum(len(want) for want, _ in pairs)
    hits = sum(any(fuzz.ratio(w, g) >= _SAME for g in got) for want, got in pairs for w in want)
    return hits / total if total else 1.0


def _precision(pairs: list[tuple[list[str], list[str]]]) -> float:
    return _recall([(got, want) for want, got in pairs])


def score(variant: dict) -> Score:
    """Read the variant's file (layout detected) and compare with its source's truth."""
    from orvers.api import load

    truth = MANIFEST["truth"][variant["source"]]
    start = time.perf_counter()
    programme = load(HERE / variant["file"])
    seconds = time.perf_counter() - start
    got = {m.id: m for m in programme.measures}
    titles = [(fuzz.ratio(t["title"], got[t["id"]].title) / 100 if t["id"] in got else 0.0,
               t["id"]) for t in truth]
    worst = min(titles) if titles else (1.0, "")
    targets = [(t["targets"], [*got[t["id"]].result_targets, *got[t["id"]].effect_targets]
                if t["id"] in got else []) for t in truth]
    partners = [(t["partners"], list(got[t["id"]].partners) if t["id"] in got else [])
                for t in truth]
    return Score(variant["name"], [m.id for m in programme.measures] == [t["id"] for t in truth],
                 len(programme.measures), len(truth), worst[0], _recall(targets),
                 _recall(partners), _precision(targets), _precision(partners), seconds,
                 programme.pages, worst[1])


def main() -> None:
    print("| variant | pipeline | ids | titles (min) | targets (R / P) | partners (R / P) | "
          "seconds | s/page |")
    print("|---|---|---|---|---|---|---|---|")
    for variant in MANIFEST["variants"]:
        try:
            s = score(variant)
        except Exception as exc:  # a variant that cannot be read is a row too
            print(f"| {variant['name']} | {variant['pipeline']} | error: {exc} | | | | | |")
            continue
        ids = ("exact" if s.ids_equal else "wrong") + f" {s.found}/{s.expected}"
        print(f"| {s.name} | {variant['pipeline']} | {ids} | {s.title_min:.3f} | "
              f"{s.target_recall:.3f} / {s.target_precision:.3f} | {s.partner_recall:.3f} / "
              f"{s.partner_precision:.3f} | {s.seconds:.2f} | "
              f"{s.seconds / max(s.pages, 1):.2f} |", flush=True)


if __name__ == "__main__":
    main()
