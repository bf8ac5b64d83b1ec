"""Render one Programme's measures as JSON, Markdown (Norwegian or English) or CSV."""

from __future__ import annotations

import csv
import io
import json

from ..model import Measure, Programme
from ..serialize import programme_to_dict

_WORDS = {
    "nb": {"measures": "tiltak", "result": "Resultatmål", "effect": "Effektmål",
           "partners": "Partnere", "no_section": "Uten seksjon", "warnings": "Advarsler",
           "page": "side", "layout": "oppsett", "items": "Underpunkter",
           "unattested": "Ord OCR-rettingen ikke kunne bekrefte (gjengitt slik de ble lest)"},
    "en": {"measures": "measures", "result": "Result targets", "effect": "Effect targets",
           "partners": "Partners", "no_section": "No section", "warnings": "Warnings",
           "page": "page", "layout": "layout", "items": "Sub-items",
           "unattested": "Words the OCR repair could not attest (shown as read)"},
}
CSV_FIELDS = ("id", "id_source", "section", "section_title", "title", "result_targets",
              "effect_targets", "partners", "page", "line_start", "line_end")


def render_json(p: Programme) -> str:
    """The extract JSON (UTF-8 text, æøå kept)."""
    return json.dumps(programme_to_dict(p), ensure_ascii=False, indent=2) + "\n"


def _measure_md(m: Measure, w: dict[str, str]) -> list[str]:
    lines = [f"- **{m.id}** {m.title}"]
    for key, values in (("items", m.children), ("result", m.result_targets),
                        ("effect", m.effect_targets)):
        if values:
            lines.append(f"  - {w[key]}:")
            lines += [f"    - {v}" for v in values]
    if m.partners:
        lines.append(f"  - {w['partners']}: {', '.join(m.partners)}")
    return lines


def render_markdown(p: Programme, lang: str = "nb") -> str:
    """A readable list of measures per section."""
    w = _WORDS[lang]
    out = [f"# {p.title or p.path}", "",
           f"{len(p.measures)} {w['measures']} · {w['layout']}: {p.layout} · {p.path}", ""]
    order = [s.id for s in p.sections]
    by_section: dict[str | None, list[Measure]] = {}
    for m in p.measures:
        by_section.setdefault(m.section, []).append(m)
    for sid in [*order, *(k for k in by_section if k not in order)]:
        section = p.section(sid)
        measures = by_section.get(sid, [])
        if not measures and not any(s.parent == sid for s in p.sections):
            continue
        numbered = bool(sid and sid[0].isdigit())
        depth = min(sid.count(".") + 2, 6) if numbered else 2
        title = section.title if section else w["no_section"]
        heading = f"{sid} {title}" if numbered else title
        out += [f"{'#' * depth} {heading}", ""]
        for m in measures:
            out += _measure_md(m, w)
        if measures:
            out.append("")
    marked = [m for m in p.measures if m.unattested]
    if marked:
        out += [f"## {w['unattested']}", ""]
        out += [f"- **{m.id}**: {', '.join(m.unattested)}" for m in marked] + [""]
    if p.warnings:
        out += [f"## {w['warnings']}", ""] + [f"- {x}" for x in p.warnings] + [""]
    return "\n".join(out)


def render_csv(p: Programme) -> str:
    """One row per measure; targets and partners joined by ' | '."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for m in p.measures:
        section = p.section(m.section)
        writer.writerow([m.id, m.id_source, m.section or "", section.title if section else "",
                         m.title, " | ".join(m.result_targets), " | ".join(m.effect_targets),
                         " | ".join(m.partners), m.source.page, m.source.line_start,
                         m.source.line_end])
    return buf.getvalue()


def render_extract(p: Programme, fmt: str = "json", lang: str = "nb") -> str:
    """The Programme in the chosen format: json, md or csv."""
    if fmt == "md":
        return render_markdown(p, lang)
    if fmt == "csv":
        return render_csv(p)
    return render_json(p)
