"""The measure-aware redline: the new version's measures, tracked against the old, in a board table.

Speaks in measures, links and diff ops; all markup is left to ooxml.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

from ..diff import word_diff
from ..model import Comparison, Link, Measure, Op, Programme
from ..render.terms import EVENTS
from . import ooxml
from .align import align
from .cover import Retitled, cover
from .sources import Sources, source_note

TEXTS = {
    "nb": {
        "title": "Sporede endringer i handlingsprogrammet",
        "compared": "Sammenlignet",
        "old": "Gammel versjon", "new": "Ny versjon", "made": "Endringene datert",
        "label": "Versjon", "file": "Fil", "doc_title": "Tittel", "date": "Dato",
        "counts": "Antall endringer per type (en deling eller sammenslåing telles én gang)",
        "kinds": EVENTS["nb"],
        "added": "Nye tiltak", "removed": "Fjernede tiltak", "split": "Delte tiltak",
        "merged": "Sammenslåtte tiltak", "none": "Ingen.",
        "into": "delt i", "from": "slått sammen til",
        "how": "Endringene fra gammel til ny versjon er sporede endringer (Se gjennom → "
               "Godta/Avvis). Kommentarer forteller hvor omnummererte, flyttede, delte og "
               "sammenslåtte tiltak kom fra, og hvilke forslag fra verkstedet et tiltak bygger "
               "på.",
        "header": ("Nr", "Tiltak", "Resultat- og effektmål", "Partnere"),
        "result": "Resultatmål:", "effect": "Effektmål:",
        "formerly": "Tidligere", "and": "og",
        "why": {"merged": "slått sammen", "split": "delt", "moved": "flyttet",
                "renumbered": "omnummerert"},
        "language": "nb-NO", "page": "side",
        "from_workshop": "Fra verkstedet", "partly": "delvis", "author": "Sekretariatet",
        "retitled": "Endrede titler",
        "no_targets": "Den gamle versjonen ({old}) har ingen resultat- eller effektmål, så alle "
                      "målene i {new} står som nye i tabellen. Endringene i ordlyden står i "
                      "titlene til disse tiltakene:",
    },
    "en": {
        "title": "Tracked changes in the action programme",
        "compared": "Compared",
        "old": "Old version", "new": "New version", "made": "Changes dated",
        "label": "Version", "file": "File", "doc_title": "Title", "date": "Date",
        "counts": "Changes per kind (a split or merge counts once)",
        "kinds": EVENTS["en"],
        "added": "Added measures", "removed": "Removed measures", "split": "Split measures",
        "merged": "Merged measures", "none": "None.",
        "into": "split into", "from": "merged into",
        "how": "Changes from the old to the new version are tracked changes (Review → "
               "Accept/Reject). Comments say where renumbered, moved, split and merged "
               "measures came from, and which workshop proposals a measure builds on.",
        "header": ("No.", "Measure", "Result and effect targets", "Partners"),
        "result": "Result targets:", "effect": "Effect targets:",
        "formerly": "Formerly", "and": "and",
        "why": {"merged": "merged", "split": "split", "moved": "moved",
                "renumbered": "renumbered"},
        "language": "en-GB", "page": "page",
        "from_workshop": "From the workshop", "partly": "partly", "author": "Secretariat",
        "retitled": "Titles changed",
        "no_targets": "The old version ({old}) states no result or effect targets, so every "
                      "target of {new} shows as inserted in the table. The wording edits are in "
                      "the titles of these measures:",
    },
}
FONT_SIZE = Pt(9.5)
# The table pages are A4 landscape: the targets and partner lists are long, and in portrait the
# four columns left long words (partner names) too little room (see widths).
PAGE_MARGIN = Cm(1.5)
MIN_WIDTHS = (Cm(1.4), Cm(5.0), None, Cm(3.5))  # Nr, Tiltak, (targets: the rest), partners
EM_SHARE = 0.62  # a wide serif's mean letter width in em: a bound, so that words fit in Word too
CELL_PADDING = Cm(0.4)
HEADING_FILL = "D9E2F3"
BULLET = "ListBullet"  # style id of python-docx's built-in "List Bullet"


@dataclass(frozen=True)
class Row:
    """One table row: a new measure (with its old counterparts) or a removed old measure."""

    new: Measure | None
    olds: tuple[Measure, ...]
    kind: str
    note: str = ""
    place: tuple[str, str | None] | None = None  # ("new"|"old", section) for a removed row


def _noise(marked: tuple[str, ...]) -> dict:
    """word_diff's options for the redline: OCR noise is no change, in the old spelling."""
    return {"ocr_noise": True, "unattested": marked, "spelling": "old"}


def _list_ops(old: tuple[str, ...], new: tuple[str, ...], marked: tuple[str, ...] = ()
              ) -> list[tuple[Op, ...]]:
    out: list[tuple[Op, ...]] = []
    for i, j in align(old, new):
        if i is not None and j is not None:
            out.append(word_diff(old[i], new[j], **_noise(marked)))
        elif i is not None:
            out.append((("-", old[i]),))
        else:
            out.append((("+", new[j]),))
    return out


def _labelled(label: str, old: tuple[str, ...], new: tuple[str, ...], marked: tuple[str, ...]
              ) -> list[tuple[Op, ...]]:
    if not old and not new:
        return []
    sign = "=" if (old and new) else ("+" if new else "-")
    return [((sign, label),), *_list_ops(old, new, marked)]


def _join(parts: tuple[Measure, ...], attr: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in parts:
        for item in getattr(m, attr):
            seen.setdefault(item, None)
    return tuple(seen)


def cell_ops(row: Row, texts: dict) -> list[list[tuple[Op, ...]]]:
    """Paragraph ops of the Tiltak, targets and partners cells of a row (labels and items)."""
    olds, new = row.olds, row.new
    empty = Measure(id="", title="", section=None)
    new_m = new or empty
    old_title = " ".join(m.title for m in olds)
    # OCR noise is no change (diff.same_word) and reads in the old text's spelling: rejecting
    # all gives the old text exactly, accepting all the new one with the words its OCR layer
    # garbled as the old text spells them (om grønn, not omgrenn)
    marked = (*_join(olds, "unattested"), *new_m.unattested)
    title = (word_diff(old_title, new_m.title, **_noise(marked)) if olds
             else (("+", new_m.title),))
    if new is None:
        title = (("-", old_title),)
    tiltak = [title, *_list_ops(_join(olds, "children"), new_m.children, marked)]
    targets = (_labelled(texts["result"], _join(olds, "result_targets"), new_m.result_targets,
                         marked)
               + _labelled(texts["effect"], _join(olds, "effect_targets"), new_m.effect_targets,
                           marked))
    partners = _list_ops(_join(olds, "partners"), new_m.partners, marked)
    return [tiltak, targets, partners]


def _styles(paras: list[tuple[Op, ...]], labels: tuple[str, ...], first_plain: bool) -> list[str]:
    """Bullets for sub-items and targets; none for the title and the Resultatmål/Effektmål labels.
    (Partners stay plain lines: their column is narrow.)"""
    out = []
    for i, ops in enumerate(paras):
        text = "".join(t for _, t in ops)
        out.append("" if (first_plain and i == 0) or text in labels else BULLET)
    return out


def comment_text(link_kind: str, olds: tuple[Measure, ...], moved: bool, texts: dict) -> str:
    """'Tidligere 3.3.3 og 3.3.4, slått sammen' and the like."""
    ids = [m.id for m in olds]
    where = ", ".join(ids[:-1]) + f" {texts['and']} {ids[-1]}" if len(ids) > 1 else ids[0]
    why = texts["why"].get(link_kind) or texts["why"]["moved" if moved else "renumbered"]
    return f"{texts['formerly']} {where}, {why}"


def _removed_position(rows: list[Row], gone: Measure, before: tuple[Measure, ...],
                      matched: dict[str, list[str]],
                      new_section: str | None) -> tuple[int, tuple[str, str | None]]:
    """Where a removed measure's row goes, and under which heading.

    After its predecessor's match in the same section; else first in its section's new
    counterpart; else (under its old, deleted heading) after any predecessor's match, or first.
    """

    def after(prev: Measure) -> int:
        return max(i for i, r in enumerate(rows) if r.new is not None and r.new.id in
                   matched[prev.id]) + 1

    for prev in reversed(before):
        if prev.section == gone.section and prev.id in matched:
            i = after(prev)
            return i, ("new", rows[i - 1].new.section)
    if new_section is not None:
        for i, r in enumerate(rows):
            if r.new is not None and r.new.section == new_section:
                return i, ("new", new_section)
    for prev in reversed(before):
        if prev.id in matched:
            return after(prev), ("old", gone.section)
    return 0, ("old", gone.section)


def plan_rows(comparison: Comparison, texts: dict, sections: dict[str, str]) -> list[Row]:
    """Rows in the new version's order; each removed measure after its predecessor's match."""
    old, new = comparison.old, comparison.new
    by_new: dict[str, list[Link]] = {}
    for link in comparison.links:
        if link.new is not None:
            by_new.setdefault(link.new, []).append(link)
    old_index = {m.id: i for i, m in enumerate(old.measures)}
    rows: list[Row] = []
    for m in new.measures:
        links = [lk for lk in by_new.get(m.id, []) if lk.old is not None]
        links.sort(key=lambda lk: old_index.get(lk.old, 0))
        olds = tuple(old.measure(lk.old) for lk in links if lk.old in old_index)
        kinds = {lk.kind for lk in links}
        kind = next((k for k in ("merged", "split") if k in kinds),
                    links[0].kind if links else "added")
        note = ""
        if olds:
            moved = any(lk.moved for lk in links)
            if kind in ("split", "merged") or moved or [o.id for o in olds] != [m.id]:
                note = comment_text(kind, olds, moved, texts)
        rows.append(Row(m, olds, kind, note))
    matched: dict[str, list[str]] = {}
    for link in comparison.links:
        if link.old is not None and link.new is not None:
            matched.setdefault(link.old, []).append(link.new)
    to_new_section = {o: n for n, o in sections.items()}
    removed = [lk.old for lk in comparison.links if lk.kind == "removed" and lk.old in old_index]
    for old_id in sorted(removed, key=old_index.__getitem__, reverse=True):
        gone = old.measure(old_id)
        pos, place = _removed_position(rows, gone, old.measures[:old_index[old_id]], matched,
                                       to_new_section.get(gone.section or ""))
        rows.insert(pos, Row(None, (gone,), "removed", place=place))
    return rows


def _section_map(comparison: Comparison) -> dict[str, str]:
    """New section id → old section id: the comparison's map, else the majority of links,
    then equal titles."""
    if comparison.section_map:
        return {n: o for o, n in comparison.section_map}
    votes: Counter[tuple[str, str]] = Counter()
    for link in comparison.links:
        if link.old and link.new:
            o = comparison.old.measure(link.old).section
            n = comparison.new.measure(link.new).section
            if o and n:
                votes[(n, o)] += 1
    out: dict[str, str] = {}
    for (n, o), _ in votes.most_common():
        if n not in out and o not in out.values():
            out[n] = o
    by_title = {s.title.casefold(): s.id for s in comparison.old.sections}
    for sec in comparison.new.sections:
        o = by_title.get(sec.title.casefold())
        if sec.id not in out and o is not None and o not in out.values():
            out[sec.id] = o
    return out


def _heading(programme: Programme, section_id: str | None) -> str:
    sec = programme.section(section_id)
    return f"{sec.id} {sec.title}".strip() if sec else (section_id or "")


def _section_of(row: Row) -> tuple[str, str | None]:
    """("new", section id) of the row's place, or ("old", id) for a removed section."""
    return ("new", row.new.section) if row.new is not None else (row.place or ("old", None))


def retitled(comparison: Comparison, rows: list[Row], texts: dict) -> list[Retitled] | None:
    """The measures whose titles changed, with a bookmark name for each one's row, when the old
    version states no targets at all and the new one does (its targets then all show as
    inserted and drown the real edits); else None."""

    def has_targets(programme: Programme) -> bool:
        return any(m.result_targets or m.effect_targets for m in programme.measures)

    if has_targets(comparison.old) or not has_targets(comparison.new):
        return None
    # as Link.changed counts a changed title, so that the list agrees with the counts: a small
    # edit of a title the matcher kept as the same (kind unchanged) is tracked, not listed
    same = {lk.new for lk in comparison.links if lk.kind == "unchanged"}
    changed = [r for r in rows if r.new is not None and r.olds and r.new.id not in same
               and any(op != "=" and text.strip() for op, text in cell_ops(r, texts)[0][0])]
    return [(r.new.id, tuple(m.id for m in r.olds), r.new.title, f"_orvers_m{n}")
            for n, r in enumerate(changed, 1)]


def row_comment(row: Row, sources: Sources, texts: dict) -> str:
    """A row's comment: where it stood before, and the workshop proposals it carries."""
    found = sources.get(row.new.id, ()) if row.new is not None else ()
    return "\n".join(x for x in (row.note, source_note(found, texts)) if x)


def _add_row(document: DocxDocument, rows: ooxml.NewRows, row: Row, rev: ooxml.Revisions,
             texts: dict, sources: Sources, bookmark: str | None) -> None:
    tr = rows.add()
    ooxml.set_cant_split(tr)
    cells = tr.cells
    number = row.new.id if row.new else row.olds[0].id
    nr = ooxml.write_paragraphs(cells[0].paragraphs[0], cells[0].add_paragraph,
                                [(("=", number),)], rev, bold=True)
    if bookmark:
        ooxml.add_bookmark(nr[0], bookmark, rev)
    labels = (texts["result"], texts["effect"])
    for n, (cell, paras) in enumerate(zip(cells[1:], cell_ops(row, texts), strict=True)):
        ooxml.write_paragraphs(cell.paragraphs[0], cell.add_paragraph, paras, rev,
                               styles=_styles(paras, labels, first_plain=n == 0) if n < 2 else ())
    if row.kind in ("added", "removed"):
        ooxml.mark_row(tr, "+" if row.kind == "added" else "-", rev)
    comment = row_comment(row, sources, texts)
    if comment:
        ooxml.add_comment(document, nr[0], comment, rev)


def _heading_row(rows: ooxml.NewRows, ops: tuple[Op, ...], rev: ooxml.Revisions,
                 kind: str = "=") -> None:
    row = rows.add(merged=True)
    ooxml.set_cant_split(row)
    cell = row.cells[0]
    ooxml.shade_cell(cell, HEADING_FILL)
    for paragraph in ooxml.write_paragraphs(cell.paragraphs[0], cell.add_paragraph, [ops], rev,
                                            bold=True):
        paragraph.paragraph_format.keep_with_next = True  # never alone at a page's foot
    if kind != "=":
        ooxml.mark_row(row, kind, rev)


def _text_width(chars: int, em: float = EM_SHARE) -> int:
    """EMUs that CHARS letters take at FONT_SIZE (em: mean letter width in em), with padding."""
    return int(chars * em * FONT_SIZE + CELL_PADDING)


def widths(rows: list[Row], total: Length) -> tuple[Length, ...]:
    """Widths of Nr, Tiltak, targets and partners that fill TOTAL.

    Nr fits the longest number; partners fit their longest word (Word breaks a word inside only
    when it cannot fit a line) and most names on one line, within a quarter of the page; Tiltak
    and the targets share the rest by how much text each holds.
    """
    measures = [m for row in rows for m in (row.new, *row.olds) if m is not None]
    names = sorted(len(name) for m in measures for name in m.partners)
    word = max((len(w) for m in measures for name in m.partners for w in name.split()), default=0)
    nr = max(MIN_WIDTHS[0], _text_width(max((len(m.id) for m in measures), default=0)))
    typical = names[int(0.9 * (len(names) - 1))] if names else 0
    partners = max(_text_width(word), min(max(MIN_WIDTHS[3], _text_width(typical, 0.5)),
                                          total // 4))
    text = [sum(len(t) for m in measures for t in (m.title, *m.children)),
            sum(len(t) for m in measures for t in (*m.result_targets, *m.effect_targets))]
    rest = total - nr - partners
    share = min(max(text[0] / (sum(text) or 1), 0.3), 0.75)
    tiltak = max(MIN_WIDTHS[1], int(rest * share))
    return tuple(Length(w) for w in (nr, tiltak, rest - tiltak, partners))


def _table_section(document: DocxDocument, texts: dict, comparison: Comparison) -> Length:
    """A new landscape A4 section for the table, with page numbers; returns its text width."""
    section = ooxml.new_section_after(document, document.paragraphs[-1])
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", PAGE_MARGIN)
    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{comparison.old.label} → {comparison.new.label} · {texts['page']} ")
    ooxml.add_page_number(footer)
    return Length(section.page_width - section.left_margin - section.right_margin)


def build(comparison: Comparison, author: str = "orvers", date: dt.datetime | None = None,
          lang: str = "nb", sources: Sources | None = None) -> DocxDocument:
    """The redline as a python-docx Document: a cover page, then one table of tracked rows.

    SOURCES: the workshop proposals each new measure carries (sources.workshop_sources), named
    in the measure's comment."""
    texts = TEXTS[lang]
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    document.styles["Normal"].font.size = FONT_SIZE
    ooxml.set_language(document, texts["language"])
    rev = ooxml.Revisions(document, author, date)
    old, new = comparison.old, comparison.new
    ooxml.set_properties(document, rev, f"{texts['title']}: {old.label} → {new.label}",
                         texts["language"])
    sections = _section_map(comparison)
    rows = plan_rows(comparison, texts, sections)
    changed = retitled(comparison, rows, texts)
    marks = {new_id: mark for new_id, _, _, mark in changed or ()}
    cover(document, comparison, rev, texts, changed)
    column_widths = widths(rows, _table_section(document, texts, comparison))
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, texts["header"], strict=True):
        ooxml.write_paragraphs(cell.paragraphs[0], cell.add_paragraph, [(("=", text),)], rev,
                               bold=True)
        ooxml.shade_cell(cell, "BFBFBF")
    ooxml.set_repeat_header(table.rows[0])
    new_rows = ooxml.NewRows(table)
    current: object = object()
    for row in rows:
        side, sec = key = _section_of(row)
        if key != current and sec is not None:
            current = key
            if side == "old":
                _heading_row(new_rows, (("-", _heading(old, sec)),), rev, "-")
            else:
                new_sec = new.section(sec)
                old_id = sections.get(sec)
                old_sec = old.section(old_id) if old_id else None
                if new_sec is None:
                    _heading_row(new_rows, (("=", sec),), rev)
                elif old_sec is None:
                    _heading_row(new_rows, (("+", _heading(new, sec)),), rev, "+")
                else:
                    ops = (("=", f"{new_sec.id} "), *word_diff(old_sec.title, new_sec.title,
                                                                  **_noise(())))
                    _heading_row(new_rows, ops, rev)
        _add_row(document, new_rows, row, rev, texts, sources or {},
                 marks.get(row.new.id) if row.new is not None else None)
    ooxml.fixed_widths(table, column_widths)
    return document
