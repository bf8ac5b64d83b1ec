"""`orvers trace --format md`: what became of each proposal, per area, and measures' origins."""

from __future__ import annotations

from ..trace import Trace
from .review_md import review_markdown
from .terms import status_name

TEXT = {
    "nb": {"title": "Sporing av innspill", "summary": "Oppsummering", "areas": "Per område",
           "area": "Område", "proposals": "Innspill", "rate": "Videreført (helt/delvis)",
           "status": "Status", "text": "Innspill", "links": "Ble til",
           "origins": "Hvor tiltakene kom fra",
           "measure": "Tiltak", "from": "Fra innspill", "earlier": "Tidligere nummer",
           "new": "nytt på dette trinnet", "none": "–", "notes": "Merknader",
           "via": "funnet via"},
    "en": {"title": "Trace of proposals", "summary": "Summary", "areas": "Per area",
           "area": "Area", "proposals": "Proposals", "rate": "Taken up (fully/partly)",
           "status": "Status", "text": "Proposal", "links": "Became",
           "origins": "Where the measures came from",
           "measure": "Measure", "from": "From proposals", "earlier": "Earlier number",
           "new": "new at this stage", "none": "–", "notes": "Notes", "via": "found via"},
}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_trace_md(tr: Trace, lang: str = "nb") -> str:
    """The trace as a Markdown report."""
    t = TEXT[lang]
    labels = " → ".join(label for _, label in tr.versions)
    out = [f"# {t['title']}: {labels}", "", *review_markdown(tr.review, lang),
           f"## {t['summary']}", ""]
    out += [f"- {status_name(k, lang)}: {n}" for k, n in tr.summary().items()]
    out += ["", f"## {t['areas']}", "", f"| {t['area']} | {t['proposals']} | {t['rate']} |",
            "|---|---:|---:|"]
    for section, n, adopted, partial in tr.areas:
        out.append(f"| {_cell(section) or t['none']} | {n} | {adopted} + {partial} "
                   f"({round(100 * (adopted + partial) / n) if n else 0} %) |")
    out += ["", f"## {t['proposals']}", "",
            f"| id | {t['status']} | {t['text']} | {t['links']} |", "|---|---|---|---|"]
    for p in tr.proposals:
        links = "<br>".join(f"{x.version} {x.id} ({x.score:.2f}): «{_cell(x.evidence)}»"
                            + (f" ({t['via']} {x.via[0]} {x.via[1]})" if x.via else "")
                            for x in p.links) or t["none"]
        out.append(f"| {p.id} | {status_name(p.status, lang)} | {_cell(p.text)} | {links} |")
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
