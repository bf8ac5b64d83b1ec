"""Self-contained HTML reports (jinja2, inline CSS/JS): comparisons, the trace and the index."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..model import Comparison, Programme, ReviewItem
from .anchors import anchor, measure_href
from .compare_html import Lineages, comparison_groups, filter_sections
from .figures import trace_figures
from .queue import TEXT as QUEUE_TEXTS
from .queue import queue
from .terms import EVENTS, OVERRIDDEN, STATUSES, status_name
from .trace_json import area_levels, levels
from .version_html import version_rows

TEXTS = {
    "nb": {"lang": "nb", "back": "← Oversikt", "kind": "Endring", "section": "Innsatsområde",
           "all": "alle", "old_text": "Før", "new_text": "Etter", "override": OVERRIDDEN["nb"],
           "kinds": EVENTS["nb"],
           "status": "Status", "proposal": "Innspill", "text": "Tekst",
           "statuses": STATUSES["nb"],
           "comparison": "Sammenligning", "trace": "Sporing av innspill",
           "generated": "Laget", "versions": "Versjoner", "label": "Etikett", "stage": "Fase",
           "date": "Dato", "title": "Tittel", "measures": "Innhold",
           "units": {"strategy": "strategier", "workshop": "innspill", "other": "tiltak"},
           "levels": {"proposals": "Innspill", "sub_items": "Underpunkter"},
           "sub_items": "underpunkter", "sub_items_under": "underpunkt til",
           "no_old_targets": "{old} oppgir ingen resultat- eller effektmål, så alle målene i "
                             "{new} vises som nye; de egentlige endringene står i titlene.",
           "sub_items_note": "pilotidéer o.l. listet under et innspill, telt for seg",
           "files": "Filer", "checks": "Kontroll", "checks_ok": "i orden",
           "check_kinds": {"numbering_gap": "mangler i nummereringen",
                           "duplicate": "dobbelt nummer", "missing_targets": "uten mål",
                           "leftover_text": "tekst uten tiltak",
                           "heading_among_measures": "overskrift blant tiltak",
                           "side_by_side": "to kolonner lest som én"},
           "report": "Rapport for", "problems": "Ikke laget", "comparisons": "Sammenligninger",
           "traces": "Sporing", "redlines": "Word med sporede endringer",
           "workbook": "Regneark", "database": "Database", "result": "Resultatmål",
           "effect": "Effektmål",
           "partners": "Partnere", "score": "likhet",
           "unattested": "OCR: ordet finnes ikke i ordlisten og er gjengitt slik det ble lest",
           "summary": "Oppsummering", "numbering": "nummerert som i", "number": "Nr.",
           "lifecycle": "I andre versjoner", "became": "Ble til", "page": "side", "none": "–",
           "formerly": "tidligere",
           "prev": "forrige endring", "next": "neste endring", "change": "endring",
           "of": "av", "print": "Skriv ut", "navkeys": "tastene n og p",
           "per_section": "per innsatsområde", "count": "Antall", "pictures": "Oversikt i bilder",
           "what_changed": "Hva ble endret", "word_changes": "Tittel med ordendringer",
           "area": "Område", "areas": "Per område", "rate": "Videreført (helt/delvis)",
           "via": "funnet via", "origins": "Hvor tiltakene kom fra", "from": "Fra innspill",
           "earlier": "Tidligere nummer", "new_here": "nytt på dette trinnet",
           "nowhere": "Fjernet fra innsatsområder som ikke finnes lenger",
           "stages": {"strategy": "strategi", "programme": "handlingsprogram",
                      "workshop": "workshop", "draft": "utkast", "board": "styreinnstilling",
                      "adopted": "vedtatt"}},
    "en": {"lang": "en", "back": "← Overview", "kind": "Change", "section": "Section",
           "all": "all", "old_text": "Before", "new_text": "After", "override": OVERRIDDEN["en"],
           "kinds": EVENTS["en"],
           "status": "Status", "proposal": "Proposal", "text": "Text",
           "statuses": STATUSES["en"],
           "comparison": "Comparison", "trace": "Trace of proposals",
           "generated": "Generated", "versions": "Versions", "label": "Label", "stage": "Stage",
           "date": "Date", "title": "Title", "measures": "Contents",
           "units": {"strategy": "strategies", "workshop": "proposals", "other": "measures"},
           "levels": {"proposals": "Proposals", "sub_items": "Sub-items"},
           "sub_items": "sub-items", "sub_items_under": "sub-item of",
           "no_old_targets": "{old} states no result or effect targets, so every target of "
                             "{new} shows as new; the real edits are in the titles.",
           "sub_items_note": "pilot ideas and the like listed under a proposal, counted apart",
           "files": "Files", "checks": "Checks", "checks_ok": "ok",
           "check_kinds": {"numbering_gap": "numbering gap", "duplicate": "duplicate number",
                           "missing_targets": "no targets", "leftover_text": "unassigned text",
                           "heading_among_measures": "heading among measures",
                           "side_by_side": "two columns read as one"},
           "report": "Report for", "problems": "Not produced", "comparisons": "Comparisons",
           "traces": "Trace", "redlines": "Word redlines", "workbook": "Workbook",
           "database": "Database",
           "result": "Result targets", "effect": "Effect targets", "partners": "Partners",
           "score": "score", "summary": "Summary",
           "numbering": "numbered as in", "number": "No.",
           "lifecycle": "In other versions", "became": "Became", "page": "page", "none": "–",
           "formerly": "formerly", "prev": "previous change",
           "next": "next change", "change": "change", "of": "of", "print": "Print",
           "navkeys": "keys n and p", "per_section": "per section", "pictures": "At a glance",
           "what_changed": "What changed", "word_changes": "Title with its word changes",
           "area": "Area", "areas": "Per area", "rate": "Taken up (fully/partly)",
           "via": "found via", "origins": "Where the measures came from",
           "from": "From proposals", "earlier": "Earlier number", "new_here": "new at this stage",
           "count": "Count", "nowhere": "Removed from sections that no longer exist",
           "unattested": "OCR: the word list does not know this word; shown as it was read",
           "stages": {}},
}

_ENV = Environment(loader=PackageLoader("orvers", "render/templates"),
                   autoescape=select_autoescape(["j2", "html"]), trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=True)


def texts(lang: str) -> dict:
    """The report's wording in LANG (nb or en)."""
    return TEXTS["en" if lang == "en" else "nb"]


def render_comparison(comparison: Comparison, lang: str = "nb",
                      lineages: Lineages | None = None) -> str:
    """A comparison as one self-contained HTML page: the review queue first, then sections in
    the new version's order (links in the queue marked), filters by kind and section,
    next/previous change (keys n/p), an A4 landscape print."""
    t = texts(lang)
    old, new = comparison.old, comparison.new
    titles = {(lk.old, lk.new): " → ".join(
        p.measure(i).title for p, i in ((old, lk.old), (new, lk.new)) if i)
        for lk in comparison.links}
    rows, marks = queue(comparison.review, t["lang"], titles)
    groups = comparison_groups(comparison, t, lineages, marks=marks)
    summary = [(k, n) for k, n in comparison.events().items() if n]

    def has_targets(p: Programme) -> bool:
        return any(m.result_targets or m.effect_targets for m in p.measures)

    note = (t["no_old_targets"].format(old=old.label, new=new.label)
            if has_targets(new) and not has_targets(old) else "")
    return _ENV.get_template("comparison.html.j2").render(
        t=t, title=f"{t['comparison']}: {old.label} → {new.label}", old=old, new=new,
        summary=summary, sections=filter_sections(groups), groups=groups, note=note,
        queue=rows, qt=QUEUE_TEXTS[t["lang"]])


def render_version(p: Programme, stage: str, lineages: Lineages | None = None,
                   trace: dict | None = None, files: list | None = None,
                   lang: str = "nb") -> str:
    """A version's page: its measures by section, each with its anchor and its forms elsewhere."""
    t = dict(texts(lang))
    t["statuses"] = status_names(t, [x["status"] for x in (trace or {}).get("proposals", [])])
    source = bool(trace and trace["versions"][0]["label"] == p.label)
    return _ENV.get_template("version.html.j2").render(
        t=t, title=f"{p.label}: {p.title}", p=p, stage=stage, trace_source=source,
        sub_items=sum(m.parent is not None for m in p.measures),
        unit=t["units"].get(stage, t["units"]["other"]), files=files or [],
        groups=version_rows(p, lineages or {}, trace, t["unattested"]))


def status_names(t: dict, statuses) -> dict[str, str]:
    """Display names of trace statuses (dropped_at_<stage> named by its stage) in t's language."""
    return {s: status_name(s, t["lang"], t["stages"]) for s in {*t["statuses"], *statuses}}


def render_trace(trace: dict, lang: str = "nb",
                 titles: dict[tuple[str, str], str] | None = None) -> str:
    """A trace (the JSON contract's dict) as one self-contained HTML page: its review queue
    first (the proposals in it marked), the proposals' fate per area (chart and table), each
    proposal with the measures it became (TITLES: measure titles by (label, id)) and the
    words they share, naming the form they were found in (via), and the reverse view;
    filters by area and status."""
    t = dict(texts(lang))
    labels = [v["label"] for v in trace["versions"]]
    t["statuses"] = status_names(t, [p["status"] for p in trace["proposals"]])
    titles = titles or {}
    rows, marks = queue(tuple(ReviewItem(**r) for r in trace.get("review", [])), t["lang"],
                        {(p["id"],): p["text"] for p in trace["proposals"]})

    def measure(label: str, mid: str) -> dict:
        return {"version": label, "id": mid, "title": titles.get((label, mid), ""),
                "href": measure_href(label, mid, "../")}

    proposals = []
    for p in trace["proposals"]:
        at: dict[str, list[dict]] = {}
        for lk in p.get("links", []):
            via = lk.get("via")
            at.setdefault(lk["version"], []).append({
                **measure(lk["version"], lk["id"]), "score": lk.get("score"),
                "evidence": lk.get("evidence", ""),
                "via": measure(via["version"], via["id"]) if via else None})
        proposals.append({**p, "at": at, "anchor": anchor(labels[0], p["id"]),
                          "review": marks.get((p["id"],)),
                          "parent_anchor": anchor(labels[0], p.get("parent") or ""),
                          "href": measure_href(labels[0], p["id"], "../")})
    origins = [{**measure(labels[-1], o["id"]),
                "proposals": [(x, measure_href(labels[0], x, "../")) for x in o["proposals"]],
                "earlier": [measure(e["version"], e["id"]) for e in o["earlier"]],
                "new": o["new"]} for o in trace.get("origins", [])]
    figures, figure_data = trace_figures(trace, lang)
    by_level = levels(trace["proposals"], trace.get("summary", {}))
    return _ENV.get_template("trace_report.html.j2").render(
        t=t, title=f"{t['trace']}: {' → '.join(labels)}", versions=labels,
        summary=[(k, by_level["proposals"][k], by_level["sub_items"][k])
                 for k, n in trace.get("summary", {}).items() if n],
        levels=[(level, sum(counts.values()), [(k, n) for k, n in counts.items() if n])
                for level, counts in by_level.items() if any(counts.values())],
        proposals=proposals, areas=area_levels(trace), origins=origins,
        figures=figures, figure_data=figure_data, queue=rows, qt=QUEUE_TEXTS[t["lang"]],
        area_names=sorted({p.get("section") or "" for p in trace["proposals"]}))


def render_index(title: str, versions: list[dict], groups: list[dict], generated: str,
                 problems: list[str], lang: str = "nb", figures: list[dict] | None = None,
                 figure_data: dict | None = None) -> str:
    """The index page linking every report file, with the charts (HTML bars) and their data
    (an entry's `review`: {"n": the length of its review queue, "href": the queue}, where it
    has one)."""
    t = texts(lang)
    return _ENV.get_template("index.html.j2").render(
        t=t, qt=QUEUE_TEXTS[t["lang"]], title=title, versions=versions, groups=groups,
        generated=generated,
        problems=problems, orvers_version=__version__, figures=figures or [],
        figure_data=figure_data or {})
