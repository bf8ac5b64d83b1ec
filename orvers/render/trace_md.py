"""`orvers trace --format md`: what became of each proposal, per area, and measures' origins."""

from __future__ import annotations

from ..trace import Trace
from .review_md import review_markdown
from .terms import status_name
from .trace_json import area_levels, trace_dict

TEXT = {
    "nb": {"title": "Sporing av innspill", "summary": "Oppsummering", "areas": "Per område",
           "area": "Område", "proposals": "Innspill", "rate": "Videreført (helt/delvis)",
           "status": "Status", "text": "Innspill", "links": "Ble til",
           "origins": "Hvor tiltakene kom fra",
           "measure": "Tiltak", "from": "Fra innspill", "earlier": "Tidligere nummer",
           "new": "nytt på dette trinnet", "none": "–", "notes": "Merknader",
           "via": "funnet via", "sub_items": "Underpunkter",
           "sub_note": "pilotidéer o.l. listet under et innspill, telt for seg",
           "sub_of": "underpunkt til"},
    "en": {"title": "Trace of proposals", "summary": "Summary", "areas": "Per area",
           "area": "Area", "proposals": "Proposals", "rate": "Taken up (fully/partly)",
           "status": "Status", "text": "Proposal", "links": "Became",
           "origins": "Where the measures came from",
           "measure": "Measure", "from": "From proposals", "earlier": "Earlier number",
           "new": "new at this stage", "none": "–", "notes": "Notes", "via": "found via",
           "sub_items": "Sub-items",
           "sub_note": "pilot ideas and the like listed under a proposal, counted apart",
           "sub_of": "sub-item of"},
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_trace_md(tr: Trace, lang: str = "nb") -> str:
    """The trace as a Markdown report."""
    t = TEXT[lang]
    labels = " → ".join(label for _, label in tr.versions)
    out = [f"# {t['title']}: {labels}", "", *review_markdown(tr.review, lang),
           f"## {t['summary']}", ""]
    data = trace_dict(tr)
    for level, counts in data["levels"].items():
        if any(counts.values()):
            name = t["proposals"] if level == "proposals" else t["sub_items"]
            note = f", {t['sub_note']}" if level == "sub_items" else ""
            out.append(f"- {name} ({sum(counts.values())}{note}): " + ", ".join(
                f"{status_name(k, lang)} {n}" for k, n in counts.items() if n))
    out += ["", f"## {t['areas']}", "", f"| {t['area']} | {t['proposals']} | {t['rate']} "
            f"| {t['sub_items']} | {t['rate']} |", "|---|---:|---:|---:|---:|"]

    def rate(taken: int, n: int) -> str:
        return f"{taken} ({round(100 * taken / n)} %)" if n else t["none"]

    for a in area_levels(data):
        out.append(f"| {_cell(a['section']) or t['none']} | {a['proposals']} "
                   f"| {rate(a['taken'], a['proposals'])} | {a['sub_items'] or t['none']} "
                   f"| {rate(a['sub_taken'], a['sub_items'])} |")
    out += ["", f"## {t['proposals']}", "",
            f"| id | {t['status']} | {t['text']} | {t['links']} |", "|---|---|---|---|"]
    for p in tr.proposals:
        links = "<br>".join(f"{x.version} {x.id} ({x.score:.2f}): «{_cell(x.evidence)}»"
                            + (f" ({t['via']} {x.via[0]} {x.via[1]})" if x.via else "")
                            for x in p.links) or t["none"]
        sub = f" ({t['sub_of']} {p.parent})" if p.parent else ""
        out.append(f"| {p.id}{sub} | {status_name(p.status, lang)} | {_cell(p.text)} | {links} |")
    last = tr.versions[-1][1]
    out += ["", f"## {t['origins']} ({last})", "",
            f"| {t['measure']} | {t['from']} | {t['earlier']} |", "|---|---|---|"]
    for o in tr.origins:
        earlier = ", ".join(f"{v} {i}" for v, i in o.earlier) or t["none"]
        props = ", ".join(o.proposals) or (t["new"] if o.new else t["none"])
        out.append(f"| {o.id} {_cell(o.title)} | {props} | {earlier} |")
    if tr.notes:
        out += ["", f"## {t['notes']}", ""] + [f"- {n}" for n in tr.notes]
    return "\n".join(out) + "\n"
