"""Self-contained HTML reports (jinja2, inline CSS/JS): comparisons, the trace and the index."""

from __future__ import annotations

import re
from collections.abc import Collection
from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..diff import EDGE, word_diff
from ..model import Comparison, Op
from .terms import EVENTS, OVERRIDDEN, STATUSES, link_label, status_name

TEXTS = {
    "nb": {"lang": "nb", "back": "← Oversikt", "kind": "Endring", "section": "Innsatsområde",
           "all": "alle", "old_text": "Før", "new_text": "Etter", "override": OVERRIDDEN["nb"],
           "kinds": EVENTS["nb"],
           "status": "Status", "proposal": "Forslag", "text": "Tekst",
           "statuses": STATUSES["nb"],
           "comparison": "Sammenligning", "trace": "Sporing av forslag",
           "generated": "Laget", "versions": "Versjoner", "label": "Etikett", "stage": "Fase",
           "date": "Dato", "title": "Tittel", "measures": "Innhold",
           "units": {"strategy": "strategier", "workshop": "innspill", "other": "tiltak"},
           "files": "Filer",
           "report": "Rapport for", "problems": "Ikke laget", "comparisons": "Sammenligninger",
           "traces": "Sporing", "redlines": "Word med sporede endringer",
           "workbook": "Regneark", "result": "Resultatmål", "effect": "Effektmål",
           "partners": "Partnere", "score": "likhet",
           "unattested": "OCR: ordet finnes ikke i ordlisten og er gjengitt slik det ble lest",
           "summary": "Oppsummering", "per_section": "per innsatsområde", "count": "Antall",
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
           "files": "Files",
           "report": "Report for", "problems": "Not produced", "comparisons": "Comparisons",
           "traces": "Trace", "redlines": "Word redlines", "workbook": "Workbook",
           "result": "Result targets", "effect": "Effect targets", "partners": "Partners",
           "score": "score", "summary": "Summary", "per_section": "per section",
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


def ops_html(ops: tuple[Op, ...] | list, side: str, marked: Collection[str] = (),
             note: str = "") -> str:
    """One side of a word diff as HTML: deletions in <del> (old side), insertions in <ins> (new);
    words in `marked` (unattested after OCR repair) with a dotted underline and `note`."""
    out = []
    for op, text in ops:
        if op == "=":
            out.append(_marked(text, marked, note))
        elif op == "-" and side == "old":
            out.append(f"<del>{_marked(text, marked, note)}</del>")
        elif op == "+" and side == "new":
            out.append(f"<ins>{_marked(text, marked, note)}</ins>")
    return "".join(out).replace("\n", "<br>\n")


def _marked(text: str, marked: Collection[str], note: str) -> str:
    """Escaped text with each marked word in a span of class "unattested"."""
    if not marked:
        return escape(text)
    out = []
    for token in re.split(r"(\s+)", text):
        word = token.strip(EDGE)
        if word and word in marked:
            at = token.index(word)
            out.append(f'{escape(token[:at])}<span class="unattested" title="{escape(note)}">'
                       f"{escape(word)}</span>{escape(token[at + len(word):])}")
        else:
            out.append(escape(token))
    return "".join(out)


def _extras(old, new, t: dict) -> tuple[list[str], list[str]]:
    """Targets and partners of both sides, each pair word-diffed where both sides have a list
    (OCR noise is no change)."""
    old_out: list[str] = []
    new_out: list[str] = []
    marked = (*(old.unattested if old else ()), *(new.unattested if new else ()))
    for field, name in (("result_targets", t["result"]), ("effect_targets", t["effect"]),
                        ("partners", t["partners"])):
        a = "\n".join(getattr(old, field)) if old else ""
        b = "\n".join(getattr(new, field)) if new else ""
        if not a and not b:
            continue
        label = f"<b>{escape(name)}:</b> "
        if a:
            ops = word_diff(a, b, ocr_noise=True, unattested=marked, spelling="old")
            old_out.append(label + ops_html(ops, "old", old.unattested, t["unattested"]))
        if b:
            ops = word_diff(a, b, ocr_noise=True, unattested=marked)
            new_out.append(label + ops_html(ops, "new", new.unattested, t["unattested"]))
    return old_out, new_out


def comparison_rows(comparison: Comparison, t: dict,
                    lineages: dict[tuple[str, str], str] | None = None) -> list[dict]:
    """One row per link, with word-diffed HTML for both sides, in the links' order."""
    rows = []
    for link in comparison.links:
        old = comparison.old.measure(link.old) if link.old else None
        new = comparison.new.measure(link.new) if link.new else None
        a, b = old.title if old else "", new.title if new else ""
        marked = (*(old.unattested if old else ()), *(new.unattested if new else ()))
        old_ops = word_diff(a, b, ocr_noise=True, unattested=marked, spelling="old")
        new_ops = word_diff(a, b, ocr_noise=True, unattested=marked)
        old_extra, new_extra = _extras(old, new, t)
        section = (new.section if new else old.section) or ""
        rows.append({"kind": link.kind, "event": link.event,
                     "label": link_label(link.kind, link.changed, t["lang"]),
                     "old": link.old, "new": link.new, "score": link.score,
                     "overridden": link.overridden, "section": section,
                     "old_html": ops_html(old_ops, "old", old.unattested if old else (),
                                          t["unattested"]),
                     "new_html": ops_html(new_ops, "new", new.unattested if new else (),
                                          t["unattested"]),
                     "old_extra": old_extra, "new_extra": new_extra,
                     "lineage": (lineages or {}).get((comparison.new.label, link.new or ""))
                     or (lineages or {}).get((comparison.old.label, link.old or ""), "")})
    return rows


def render_comparison(comparison: Comparison, lang: str = "nb",
                      lineages: dict[tuple[str, str], str] | None = None) -> str:
    """A comparison as one self-contained HTML page with filters by kind and section."""
    t = texts(lang)
    old, new = comparison.old, comparison.new
    sections = sorted({(s.id, s.title) for s in new.sections if s.parent is None}
                      or {(s.id, s.title) for s in new.sections})
    summary = [(k, n) for k, n in comparison.events().items() if n]
    return _ENV.get_template("comparison.html.j2").render(
        t=t, title=f"{t['comparison']}: {old.label} → {new.label}", old=old, new=new,
        summary=summary, sections=sections, rows=comparison_rows(comparison, t, lineages))


def status_names(t: dict, statuses) -> dict[str, str]:
    """Display names of trace statuses (dropped_at_<stage> named by its stage) in t's language."""
    return {s: status_name(s, t["lang"], t["stages"]) for s in {*t["statuses"], *statuses}}


def render_trace(trace: dict, lang: str = "nb") -> str:
    """A trace (the JSON contract's dict) as one self-contained HTML page with a status filter."""
    t = dict(texts(lang))
    labels = [v["label"] for v in trace["versions"]]
    t["statuses"] = status_names(t, [p["status"] for p in trace["proposals"]])
    proposals = []
    for p in trace["proposals"]:
        at: dict[str, list[str]] = {}
        for lk in p.get("links", []):
            at.setdefault(lk["version"], []).append(
                f"{lk['id']} ({lk.get('score', 0):.2f}): {lk.get('evidence', '')}")
        proposals.append({**p, "at": {v: "\n".join(ids) for v, ids in at.items()}})
    return _ENV.get_template("trace_report.html.j2").render(
        t=t, title=f"{t['trace']}: {' → '.join(labels)}", versions=labels,
        summary=[(k, n) for k, n in trace.get("summary", {}).items() if n], proposals=proposals)


def render_index(title: str, versions: list[dict], groups: list[dict], generated: str,
                 problems: list[str], lang: str = "nb") -> str:
    """The index page linking every report file."""
    return _ENV.get_template("index.html.j2").render(
        t=texts(lang), title=title, versions=versions, groups=groups, generated=generated,
        problems=problems, orvers_version=__version__)
