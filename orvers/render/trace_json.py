"""`orvers trace --format json`: the CONTRACTS.md shape, plus areas and the reverse view."""

from __future__ import annotations

import json

from ..trace import Trace
from .compare_json import review_to_list


def levels(proposals: list[dict], summary: dict[str, int]) -> dict[str, dict[str, int]]:
    """Statuses counted apart for top-level proposals and for sub-items (a pilot idea listed
    under a proposal has a `parent`), each in SUMMARY's order."""
    out = {"proposals": dict.fromkeys(summary, 0), "sub_items": dict.fromkeys(summary, 0)}
    for p in proposals:
        counts = out["sub_items" if p.get("parent") else "proposals"]
        counts[p["status"]] = counts.get(p["status"], 0) + 1
    return out


def area_levels(trace: dict) -> list[dict]:
    """Per area of a trace dict (in its order): top-level proposals and sub-items, each with
    how many were taken up fully or partly (taken, sub_taken)."""
    out: dict[str, dict] = {}
    for section in [a["section"] for a in trace.get("areas", [])] + [
            p.get("section") or "" for p in trace["proposals"]]:
        out.setdefault(section, {"section": section, "proposals": 0, "taken": 0,
                                 "sub_items": 0, "sub_taken": 0})
    for p in trace["proposals"]:
        row = out[p.get("section") or ""]
        sub = bool(p.get("parent"))
        row["sub_items" if sub else "proposals"] += 1
        row["sub_taken" if sub else "taken"] += p["status"] in ("adopted", "partial")
    return list(out.values())


def trace_dict(t: Trace) -> dict:
    """The trace as plain data (contract fields first, extras after; `levels` counts the
    statuses of top-level proposals and of sub-items apart, `summary` counts them together)."""
    out = {
        "versions": [{"path": path, "label": label} for path, label in t.versions],
        "proposals": [
            {"id": p.id, "text": p.text, "section": p.section, "status": p.status,
             "confidence": p.confidence, "path": list(p.path), "parent": p.parent,
             "links": [{"version": x.version, "id": x.id, "score": x.score,
                        "confidence": x.confidence,
                        "evidence": x.evidence, "overridden": x.overridden,
                        "via": {"version": x.via[0], "id": x.via[1]} if x.via else None}
                       for x in p.links]}
            for p in t.proposals],
        "summary": t.summary(),
        "review": review_to_list(t.review),
        "areas": [{"section": s, "proposals": n, "adopted": a, "partial": part,
                   "rate": round((a + part) / n, 3) if n else 0.0}
                  for s, n, a, part in t.areas],
        "origins": [{"id": o.id, "title": o.title, "proposals": list(o.proposals),
                     "earlier": [{"version": v, "id": i} for v, i in o.earlier], "new": o.new}
                    for o in t.origins],
        "notes": list(t.notes),
    }
    out["levels"] = levels(out["proposals"], out["summary"])
    return out


def render_trace_json(t: Trace) -> str:
    """The trace as UTF-8 JSON text (æøå kept)."""
    return json.dumps(trace_dict(t), ensure_ascii=False, indent=2) + "\n"
