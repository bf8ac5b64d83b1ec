"""`orvers compare` as Markdown: summary counts, then section by section one row per link."""

from __future__ import annotations

from ..model import Comparison, Link, Op
from .review_md import review_markdown
from .terms import EVENTS, OVERRIDDEN, link_label

TEXT = {
    "nb": {"lang": "nb", "title": "Sammenligning", "summary": "Oppsummering", "kind": "Type",
           "old": "Gammel nr.", "new": "Ny nr.", "score": "Poeng", "change": "Endring",
           "sections": "Innsatsområder", "other": "Uten innsatsområde",
           "removed_nowhere": "Fjernet fra innsatsområder som ikke finnes lenger",
           "partners_added": "nye partnere", "partners_removed": "partnere fjernet",
           "targets_added": "nye resultatmål", "targets_removed": "resultatmål fjernet",
           "section_map": "Innsatsområder (gammel → ny)",
           "kinds": EVENTS["nb"],
           "moved": "flyttet", "overridden": OVERRIDDEN["nb"]},
    "en": {"lang": "en", "title": "Comparison", "summary": "Summary", "kind": "Kind",
           "old": "Old no.", "new": "New no.", "score": "Score", "change": "Change",
           "sections": "Sections", "other": "No section",
           "removed_nowhere": "Removed from sections that no longer exist",
           "partners_added": "partners added", "partners_removed": "partners removed",
           "targets_added": "result targets added", "targets_removed": "result targets removed",
           "section_map": "Sections (old → new)",
           "kinds": EVENTS["en"],
           "moved": "moved", "overridden": OVERRIDDEN["en"]},
}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def diff_markdown(ops: tuple[Op, ...]) -> str:
    """Word diff as Markdown: ~~deleted~~ and **inserted**."""
    out = []
    for op, text in ops:
        t = _cell(text)
        if not t:
            out.append(" " if text else "")
            continue
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        out.append(lead + ({"-": f"~~{t}~~", "+": f"**{t}**"}.get(op, t)) + trail)
    return "".join(out).strip()


def _row(c: Comparison, link: Link, t: dict) -> str:
    kind = link_label(link.kind, link.changed, t["lang"])
    if link.moved:
        kind += f" ({t['moved']})"
    if link.overridden:
        kind += f" ({t['overridden']})"
    if link.old and link.new:
        change = diff_markdown(link.changes.title)
        extra = []
        ch = link.changes
        for key, items in (("partners_added", ch.partners_added),
                           ("partners_removed", ch.partners_removed),
                           ("targets_added", ch.result_targets_added),
                           ("targets_removed", ch.result_targets_removed)):
            if items:
                extra.append(f"{t[key]}: " + "; ".join(_cell(x) for x in items))
        if extra:
            change += "<br>" + "<br>".join(extra)
    elif link.new:
        change = "**" + _cell(c.new.measure(link.new).title) + "**"
    else:
        change = "~~" + _cell(c.old.measure(link.old).title) + "~~"
    score = f"{link.score:.2f}" if link.score is not None else ""
    return f"| {link.old or '—'} | {link.new or '—'} | {kind} | {score} | {change} |"


def render_markdown(c: Comparison, lang: str = "nb") -> str:
    """The comparison as a Markdown report, new version's section order."""
    t = TEXT[lang]
    old_name = c.old.label or c.old.path
    new_name = c.new.label or c.new.path
    lines = [f"# {t['title']}: {old_name} → {new_name}", "", *review_markdown(c.review, lang),
             f"## {t['summary']}", ""]
    lines += [f"- {t['kinds'][k]}: {n}" for k, n in c.events().items()]
    if c.section_map:
        lines += ["", f"## {t['section_map']}", ""]
        for a, b in c.section_map:
            sa, sb = c.old.section(a), c.new.section(b)
            lines.append(f"- {a} {sa.title if sa else ''} → {b} {sb.title if sb else ''}")
    header = [f"| {t['old']} | {t['new']} | {t['kind']} | {t['score']} | {t['change']} |",
              "|---|---|---|---|---|"]
    new_order = {m.id: i for i, m in enumerate(c.new.measures)}
    new_section = {m.id: m.section for m in c.new.measures}
    old_section = {m.id: m.section for m in c.old.measures}
    smap = dict(c.section_map)
    groups: dict[str | None, list[Link]] = {}
    for link in sorted((lk for lk in c.links if lk.new),
                       key=lambda lk: new_order.get(lk.new, 0)):
        groups.setdefault(new_section.get(link.new), []).append(link)
    nowhere: list[Link] = []
    for link in c.links:
        if link.new is None:
            target = smap.get(old_section.get(link.old) or "")
            (groups.setdefault(target, []) if target else nowhere).append(link)
    known = [s.id for s in c.new.sections]
    order = known + [k for k in groups if k not in known]
    for sid in order:
        rows = groups.get(sid)
        if not rows:
            continue
        sec = c.new.section(sid)
        name = f"{sid} {sec.title}" if sec else (sid or t["other"])
        lines += ["", f"## {name}", "", *header, *(_row(c, lk, t) for lk in rows)]
    if nowhere:
        lines += ["", f"## {t['removed_nowhere']}", "", *header,
                  *(_row(c, lk, t) for lk in nowhere)]
    return "\n".join(lines) + "\n"
