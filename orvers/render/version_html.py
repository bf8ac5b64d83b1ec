"""A version's own page (`versions/<label>.html`): its measures by section, each with its
anchor and links to its forms in the other versions (or, for workshop proposals, to the
measures they became)."""

from __future__ import annotations

from markupsafe import Markup

from ..model import Programme
from .anchors import anchor, measure_href
from .compare_html import Lineages, marked_html
from .layout import chain


def version_rows(p: Programme, lineages: Lineages, trace: dict | None, note: str = ""
                 ) -> list[dict]:
    """The page's sections in document order, each with its measures' rows; words left
    unattested by the OCR repair with a dotted underline and `note`."""
    became: dict[str, dict] = {}
    if trace and trace["versions"][0]["label"] == p.label:
        became = {x["id"]: x for x in trace["proposals"]}
    by_section: dict[str | None, list] = {}
    for m in p.measures:
        steps = [(label, [(i, measure_href(label, i, "../")) for i in ids])
                 for label, ids in lineages.get((p.label, m.id), ())]
        proposal = became.get(m.id)
        links = [(x["version"], x["id"], measure_href(x["version"], x["id"], "../"))
                 for x in proposal["links"]] if proposal else []
        def mark(text: str, marked: tuple[str, ...] = m.unattested) -> str | Markup:
            return Markup(marked_html(text, marked, note)) if marked else text

        by_section.setdefault(m.section, []).append({
            "id": m.id, "anchor": anchor(p.label, m.id), "title": mark(m.title),
            "children": [mark(x) for x in m.children],
            "result": [mark(x) for x in m.result_targets],
            "effect": [mark(x) for x in m.effect_targets],
            "partners": [mark(x) for x in m.partners], "lineage": steps, "page": m.source.page,
            "status": proposal["status"] if proposal else None, "links": links,
            "parent": m.parent, "parent_anchor": anchor(p.label, m.parent or "")})
    order = [s.id for s in p.sections] + [k for k in by_section if k not in
                                          {s.id for s in p.sections}]
    out = []
    for sid in order:
        section = p.section(sid)
        out.append({"id": sid, "title": section.title if section else "",
                    "depth": max(len(chain(p, sid)) - 1, 0), "rows": by_section.get(sid, [])})
    return [g for g in out if g["rows"] or g["depth"] == 0]
