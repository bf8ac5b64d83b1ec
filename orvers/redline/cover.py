"""The redline's cover page: what was compared, when, and the changes in numbers and lists."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt

from ..model import Comparison
from . import ooxml
from .sources import shorten

TITLE_CHARS = 90  # of a measure's title in the cover's list of changed titles
# a changed title: the new measure's id, its old ids, its new title, the bookmark on its row
Retitled = tuple[str, tuple[str, ...], str, str]


def cover(document: DocxDocument, comparison: Comparison, rev: ooxml.Revisions,
          texts: dict, retitled: list[Retitled] | None = None) -> None:
    """The cover page: the versions compared, the date of the changes, links per kind, and
    the measures added, removed, split and merged. RETITLED (when the old version states no
    targets): the measures whose titles changed, each with its page (a PAGEREF field)."""
    old, new = comparison.old, comparison.new
    document.add_heading(f"{texts['title']}: {old.label} → {new.label}", level=1)
    document.add_paragraph(texts["how"])
    document.add_heading(texts["compared"], level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[1].paragraphs[0].add_run(texts["old"]).bold = True
    head[2].paragraphs[0].add_run(texts["new"]).bold = True
    rows = [(texts["label"], old.label, new.label), (texts["doc_title"], old.title, new.title),
            (texts["file"], PurePath(old.path).name, PurePath(new.path).name)]
    if old.date or new.date:
        rows.append((texts["date"], old.date, new.date))
    for name, a, b in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = name, a or "", b or ""
    ooxml.fixed_widths(table, (Cm(3.0), Cm(7.2), Cm(7.2)))
    when = (f"{rev.date:%Y-%m-%d}" if rev.date.time() == dt.time()  # a version's date, no hour
            else f"{rev.date:%Y-%m-%d %H:%M} UTC")
    made = document.add_paragraph(f"{texts['made']}: {when}, {rev.author}")
    made.paragraph_format.space_before = Pt(6)
    document.add_heading(texts["counts"], level=2)
    counts = document.add_table(rows=0, cols=2)
    counts.style = "Table Grid"
    for kind, n in comparison.events().items():
        if not n:  # as in the other reports: a kind that did not occur is not listed
            continue
        cells = counts.add_row().cells
        cells[0].text, cells[1].text = texts["kinds"][kind], str(n)
    ooxml.fixed_widths(counts, (Cm(5.5), Cm(1.5)))
    if retitled is not None:
        document.add_heading(f"{texts['retitled']} ({len(retitled)})", level=2)
        document.add_paragraph(texts["no_targets"].format(old=old.label, new=new.label))
        for new_id, old_ids, title, mark in retitled:
            was = (f" ({texts['formerly'].lower()} {', '.join(old_ids)})"
                   if old_ids != (new_id,) else "")
            line = document.add_paragraph(f"{new_id}{was} {shorten(title, TITLE_CHARS)} – "
                                          f"{texts['page']} ", style="List Bullet")
            ooxml.add_page_ref(document, line, mark)
        if not retitled:
            document.add_paragraph(texts["none"])
    lists = {"added": [], "removed": [], "split": {}, "merged": {}}
    for link in comparison.links:
        if link.kind == "added":
            lists["added"].append(f"{link.new} {new.measure(link.new).title}")
        elif link.kind == "removed":
            lists["removed"].append(f"{link.old} {old.measure(link.old).title}")
        elif link.kind == "split":
            lists["split"].setdefault(link.old, []).append(link.new)
        elif link.kind == "merged":
            lists["merged"][link.new] = [lk.old for lk in comparison.links
                                         if lk.new == link.new and lk.old is not None]
    lines = {
        "added": lists["added"], "removed": lists["removed"],
        "split": [f"{o} {texts['into']} {', '.join(ns)}" for o, ns in lists["split"].items()],
        "merged": [f"{', '.join(os)} {texts['from']} {n}" for n, os in lists["merged"].items()],
    }
    for key in ("added", "removed", "split", "merged"):
        document.add_heading(texts[key], level=2)
        for line in lines[key] or [texts["none"]]:
            # the style by id: python-docx resolves a style name with a search of every
            # style per paragraph (the lists of a large programme run to thousands of lines)
            ooxml.set_paragraph_style_id(document.add_paragraph(line),
                                         "ListBullet" if lines[key] else "")
