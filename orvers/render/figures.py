"""What the pictures show: the lineage's flow and the changes per area (index page), the
proposals' fate per area (trace page); each with its counts as data for a JSON data island."""

from __future__ import annotations

from ..model import Comparison
from .charts import stacked_bars
from .layout import area_events
from .terms import EVENTS, status_name
from .trace_json import levels

# "beholdt", not "videreført": the proposals' chart beside it says "videreført" for a proposal
# taken up; removed and added in the words of the other reports
FLOW = {"nb": {"carried": "beholdt (også endret)", "split": "delt", "merged": "slått sammen",
               "removed": "fjernet", "added": "nytt"},
        "en": {"carried": "kept (changed or not)", "split": "split", "merged": "merged",
               "removed": "removed", "added": "added"}}
LABEL_CHARS = 60  # of a bar's label (a section's number and title)
TITLES = {"nb": {"measures": "Tiltakene fra versjon til versjon (en deling eller sammenslåing "
                             "telles én gang)",
                 "proposals": "Innspillene fra {source}: hvor de endte (underpunkter for seg)",
                 "levels": {"proposals": "innspill", "sub_items": "underpunkter"},
                 "areas": "Endringer per innsatsområde, {old} → {new} ({new}s nummer)",
                 "trace_areas": "Innspillene per område i {source} (uten underpunkter)"},
          "en": {"measures": "The measures from version to version (a split or merge counts "
                             "once)",
                 "proposals": "The proposals of {source}: where they ended (sub-items apart)",
                 "levels": {"proposals": "proposals", "sub_items": "sub-items"},
                 "areas": "Changes per section, {old} → {new} (numbered as in {new})",
                 "trace_areas": "The proposals per area of {source} (without sub-items)"}}


def flow_counts(c: Comparison) -> dict[str, int]:
    """A comparison's events as a flow: carried (same, amended or reworded), split, merged,
    removed, added."""
    e = c.events()
    return {"carried": e["unchanged"] + e["amended"] + e["reworded"], "split": e["split"],
            "merged": e["merged"], "removed": e["removed"], "added": e["added"]}


def _statuses(trace: dict, lang: str) -> dict[str, str]:
    return {k: status_name(k, lang, {v["label"]: v["label"] for v in trace["versions"]})
            for k in trace.get("summary", {})}


def index_figures(chain: list[Comparison], trace: dict | None, lang: str = "nb"
                  ) -> tuple[list[dict], dict]:
    """The index's charts (see charts.stacked_bars) and their data: the measures' flow along
    CHAIN, the proposals' statuses, and the last comparison's events per area."""
    titles = TITLES[lang]
    figures, data = [], {}
    if chain:
        rows = [(f"{c.old.label} → {c.new.label}", flow_counts(c)) for c in chain]
        data["measures"] = dict(rows)
        figures.append(stacked_bars(rows, FLOW[lang], titles["measures"]))
    if trace:
        source = trace["versions"][0]["label"]
        by_level = {k: v for k, v in levels(trace["proposals"], trace["summary"]).items()
                    if any(v.values())}
        data["proposals"] = by_level
        title = titles["proposals"].format(source=source)
        rows = [(f"{titles['levels'][k]} ({sum(v.values())})", v) for k, v in by_level.items()]
        figures.append(stacked_bars(rows, _statuses(trace, lang), title))
    if chain:
        last = chain[-1]
        rows = [(f"{sid} {title}"[:LABEL_CHARS] if sid else "–", counts)
                for sid, title, counts in area_events(last)]
        data["areas"] = {label: counts for label, counts in rows}
        title = titles["areas"].format(old=last.old.label, new=last.new.label)
        figures.append(stacked_bars(rows, EVENTS[lang], title))
    return figures, data


def trace_figures(trace: dict, lang: str = "nb") -> tuple[list[dict], dict]:
    """The trace page's chart: per area of the source, its top-level proposals by status (the
    data also holds the sub-items per area)."""
    per_area: dict[str, dict[str, int]] = {}
    sub_items: dict[str, dict[str, int]] = {}
    for p in trace["proposals"]:
        area = p.get("section") or "–"
        counts = (sub_items if p.get("parent") else per_area).setdefault(area, {})
        counts[p["status"]] = counts.get(p["status"], 0) + 1
    title = TITLES[lang]["trace_areas"].format(source=trace["versions"][0]["label"])
    rows = [(area[:LABEL_CHARS], counts) for area, counts in per_area.items()]
    return ([stacked_bars(rows, _statuses(trace, lang), title)],
            {"areas": per_area, "sub_items": sub_items})
