"""The comparison page: the new version's sections in order, each with its links side by side,
removed measures where they stood, next/previous change navigation and an A4 landscape print."""

from __future__ import annotations

import re
from collections.abc import Collection
from html import escape

from ..diff import EDGE, word_diff
from ..model import Comparison, Link, Measure
from .anchors import anchor, measure_href
from .layout import placed
from .terms import changed_detail

Lineages = dict[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]]


def ops_html(ops, side: str, marked: Collection[str] = (), note: str = "") -> str:
    """One side of a word diff as HTML: deletions in <del> (old side), insertions in <ins> (new);
    words in `marked` (unattested after OCR repair) with a dotted underline and `note`."""
    out = []
    for op, text in ops:
        if op == "=":
            out.append(marked_html(text, marked, note))
        elif op == "-" and side == "old":
            out.append(f"<del>{marked_html(text, marked, note)}</del>")
        elif op == "+" and side == "new":
            out.append(f"<ins>{marked_html(text, marked, note)}</ins>")
    return "".join(out).replace("\n", "<br>\n")


def marked_html(text: str, marked: Collection[str], note: str) -> str:
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


def _extras(old: Measure | None, new: Measure | None, t: dict) -> tuple[list[str], list[str]]:
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
        if old and a:
            ops = word_diff(a, b, ocr_noise=True, unattested=marked, spelling="old")
            old_out.append(label + ops_html(ops, "old", old.unattested, t["unattested"]))
        if new and b:
            ops = word_diff(a, b, ocr_noise=True, unattested=marked)
            new_out.append(label + ops_html(ops, "new", new.unattested, t["unattested"]))
    return old_out, new_out


def _row(c: Comparison, link: Link, t: dict, lineages: Lineages, chain: tuple[str, ...],
         seen: set[str], base: str, marks: dict) -> dict:
    old = c.old.measure(link.old) if link.old else None
    new = c.new.measure(link.new) if link.new else None
    a, b = old.title if old else "", new.title if new else ""
    marked = (*(old.unattested if old else ()), *(new.unattested if new else ()))
    old_ops = word_diff(a, b, ocr_noise=True, unattested=marked, spelling="old")
    new_ops = word_diff(a, b, ocr_noise=True, unattested=marked)
    old_extra, new_extra = _extras(old, new, t)
    anchors = []
    for label, mid in ((c.new.label, link.new), (c.old.label, link.old)):
        if mid and anchor(label, mid) not in seen:  # a split's old / a merge's new measure once
            seen.add(anchor(label, mid))
            anchors.append(anchor(label, mid))
    steps = lineages.get((c.new.label, link.new or "")) or lineages.get(
        (c.old.label, link.old or ""), ())
    lineage = [(label, [(i, measure_href(label, i, base)) for i in ids]) for label, ids in steps]
    return {"event": link.event, "detail": changed_detail(link.kind, link.changed, t["lang"]),
            "old": link.old, "new": link.new, "score": link.score,
            "old_href": measure_href(c.old.label, link.old, base) if link.old else "",
            "new_href": measure_href(c.new.label, link.new, base) if link.new else "",
            "overridden": link.overridden, "sections": " ".join(chain), "anchors": anchors,
            "old_html": ops_html(old_ops, "old", old.unattested if old else (), t["unattested"]),
            "new_html": ops_html(new_ops, "new", new.unattested if new else (), t["unattested"]),
            "old_extra": old_extra, "new_extra": new_extra, "lineage": lineage,
            "review": marks.get((link.old, link.new))}


def comparison_groups(c: Comparison, t: dict, lineages: Lineages | None = None,
                      base: str = "../", marks: dict | None = None) -> list[dict]:
    """The page's sections in the new version's order, each with its rows (removed measures
    under the section their old one became) and what it was called before; a row whose link
    is in the review queue carries its mark from MARKS (see render.queue.queue)."""
    seen: set[str] = set()
    groups = []
    for g in placed(c):
        groups.append({"id": g.id, "title": g.title, "chain": " ".join(g.chain),
                       "depth": max(len(g.chain) - 1, 0), "formerly": g.formerly,
                       "rows": [_row(c, lk, t, lineages or {}, g.chain, seen, base,
                                     marks or {}) for lk in g.links]})
    return groups


def filter_sections(groups: list[dict]) -> list[tuple[str, str, int]]:
    """The section filter's options: every section that holds links, with its parents."""
    holding = {sid for g in groups if g["rows"] for sid in g["chain"].split()}
    return [(g["id"], g["title"], g["depth"]) for g in groups if g["id"] in holding]
