"""`orvers trace --format json`: the CONTRACTS.md shape, plus areas and the reverse view."""

from __future__ import annotations

import json

from ..trace import Trace
from .compare_json import review_to_list


def trace_dict(t: Trace) -> dict:
    """The trace as plain data (contract fields first, extras after)."""
    return {
        "versions": [{"path": path, "label": label} for path, label in t.versions],
        "proposals": [
            {"id": p.id, "text": p.text, "section": p.section, "status": p.status,
             "confidence": p.confidence, "path": list(p.path),
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


def render_trace_json(t: Trace) -> str:
    """The trace as UTF-8 JSON text (æøå kept)."""
    return json.dumps(trace_dict(t), ensure_ascii=False, indent=2) + "\n"
