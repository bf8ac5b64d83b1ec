"""Programme ↔ plain dict: the `orvers extract --format json` contract, lossless both ways."""

from __future__ import annotations

from typing import Any

from .model import Check, Measure, Programme, Section, Source


def _section_to_dict(s: Section) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "parent": s.parent, "raw_title": s.raw_title}


def _measure_to_dict(m: Measure) -> dict[str, Any]:
    return {
        "id": m.id, "id_source": m.id_source, "title": m.title, "section": m.section,
        "result_targets": list(m.result_targets), "effect_targets": list(m.effect_targets),
        "partners": list(m.partners),
        "source": {"page": m.source.page, "line_start": m.source.line_start,
                   "line_end": m.source.line_end},
        "raw_title": m.raw_title, "children": list(m.children),
        "unattested": list(m.unattested), "parent": m.parent,
    }


def programme_to_dict(p: Programme) -> dict[str, Any]:
    """The extract JSON of CONTRACTS.md, plus label/date/raw titles/children for a round trip."""
    return {
        "document": {"path": p.path, "format": p.format, "layout": p.layout, "title": p.title,
                     "pages": p.pages, "label": p.label, "date": p.date},
        "sections": [_section_to_dict(s) for s in p.sections],
        "measures": [_measure_to_dict(m) for m in p.measures],
        "warnings": list(p.warnings),
        "checks": [check_to_dict(c) for c in p.checks],
    }


def check_to_dict(c: Check) -> dict[str, Any]:
    """A structure check as JSON: its kind and the fields that say where (empty ones left out)."""
    out: dict[str, Any] = {"kind": c.kind}
    for key in ("ids", "after", "before", "missing", "text"):
        value = getattr(c, key)
        if value:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def _check_from_dict(d: dict[str, Any]) -> Check:
    return Check(d["kind"], tuple(d.get("ids", ())), d.get("after"), d.get("before"),
                 tuple(d.get("missing", ())), d.get("text", ""))


def _measure_from_dict(d: dict[str, Any]) -> Measure:
    src = d.get("source") or {}
    return Measure(
        id=d["id"], title=d["title"], section=d.get("section"),
        result_targets=tuple(d.get("result_targets", ())),
        effect_targets=tuple(d.get("effect_targets", ())),
        partners=tuple(d.get("partners", ())),
        source=Source(src.get("page", 1), src.get("line_start", 0), src.get("line_end", 0)),
        id_source=d.get("id_source", "document"), raw_title=d.get("raw_title", ""),
        children=tuple(d.get("children", ())),
        unattested=tuple(d.get("unattested", ())), parent=d.get("parent"),
    )


def programme_from_dict(d: dict[str, Any]) -> Programme:
    """Rebuild the Programme that `programme_to_dict` wrote."""
    doc = d["document"]
    return Programme(
        path=doc["path"], format=doc["format"], layout=doc["layout"], title=doc["title"],
        sections=tuple(Section(s["id"], s["title"], s.get("parent"), s.get("raw_title", ""))
                       for s in d.get("sections", ())),
        measures=tuple(_measure_from_dict(m) for m in d.get("measures", ())),
        pages=doc.get("pages", 1), warnings=tuple(d.get("warnings", ())),
        label=doc.get("label", ""), date=doc.get("date", ""),
        checks=tuple(_check_from_dict(c) for c in d.get("checks", ())),
    )
