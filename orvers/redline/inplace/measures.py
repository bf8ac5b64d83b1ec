"""The measure-aware redline inside the new version's own DOCX: its table rows (or outline
paragraphs) carry the old version's measures as tracked changes; logo, headers, styles and
layout stay the new document's.

How: a copy of the new document is rewritten into the old version (each matched measure's
row gets the old title, targets and partners; added measures' rows go; removed measures get a
row like their neighbour's), then the in-place engine tracks the copy → new document. Rows are
found by the measure numbers the document prints. Renumbered, moved, split and merged measures
get a comment saying where they came from; the cover is an optional first section.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph
from rapidfuzz import fuzz

from ...errors import InputError
from ...model import Comparison, Measure
from ...text import collapse_space
from .. import ooxml
from ..align import align
from ..cover import cover
from ..measures import TEXTS, plan_rows, retitled, row_comment
from ..sources import Sources
from . import markup, open_input, parts
from .engine import Context, diff, redline_story

_FIELDS = ("result_targets", "effect_targets", "partners")
ITEM_CUTOFF = 85.0  # rapidfuzz ratio (0–100) for a paragraph to be taken for a target/partner


def _key(text: str) -> str:
    return collapse_space(text).casefold()


def _number_re(measure_id: str) -> re.Pattern:
    """The measure's number opening a paragraph as documents print it: "2.1.3. ", "2.1.3 ",
    or before its title in the same paragraph after the word Tiltak or with a bracket, a
    colon or a dash ("Tiltak 2.1.3: Title", "2.1.3) Title", "2.1.3 – Title": text.numbered)."""
    number = re.escape(measure_id)
    return re.compile(rf"^\s*(?:{number}\.?(?:\s|$)|(?:tiltak\s*(?:nr\.?\s*)?{number}"
                      rf"\s*[.):]?|{number}\s*[):]|{number}\s+[—–-])\s+(?=\S))", re.IGNORECASE)


def _blocks_of(document: DocxDocument, measures: Sequence[Measure]) -> dict[str, object]:
    """The table row (or paragraph) each measure's number starts, by measure id."""
    wanted = {m.id: _number_re(m.id) for m in measures}
    out: dict[str, object] = {}
    body = document.element.body
    for p in markup.paragraphs_in(body):
        text = markup.text(p)
        for mid, pattern in wanted.items():
            if mid not in out and pattern.match(text):
                row = markup.row_of(p)
                out[mid] = row if row is not None else p
                break
    return out


def _set_text(p, text: str) -> None:
    markup.retext(p, diff(markup.text(p), text))


class _Rewriter:
    """Rewrites a block (row or paragraph) showing one measure to show another."""

    def __init__(self):
        self.unshown: dict[str, int] = {}  # old measure id -> items the document cannot show

    def rewrite(self, block, shown: Measure, wanted: Measure) -> None:
        paragraphs = markup.paragraphs_in(block)
        title = next((p for p in paragraphs if _number_re(shown.id).match(markup.text(p))), None)
        if title is not None:
            text = markup.text(title)
            head = _number_re(shown.id).match(text).group(0)
            rest = text[len(head):]
            new_rest = rest.replace(shown.title, wanted.title) if shown.title in rest \
                else wanted.title
            _set_text(title, head.replace(shown.id, wanted.id, 1) + new_rest)
        used = {title}
        emptied = set()
        for field in _FIELDS:
            self._items(block, paragraphs, used, emptied, getattr(shown, field),
                        getattr(wanted, field), wanted.id)
        for cell in emptied:  # a cell whose items all went: its labels go too
            rest = [p for p in markup.blocks(cell) if p not in used]
            for p in rest[1:]:
                markup.remove(p)
            if rest:
                _set_text(rest[0], "")

    def _items(self, block, paragraphs, used: set, emptied: set, shown: tuple[str, ...],
               wanted: tuple[str, ...], measure_id: str) -> None:
        found = []
        for item in shown:
            best = max(((fuzz.ratio(_key(item), _key(markup.text(p))), i)
                        for i, p in enumerate(paragraphs) if p not in used), default=(0, -1))
            found.append(paragraphs[best[1]] if best[0] >= ITEM_CUTOFF else None)
            if found[-1] is not None:
                used.add(found[-1])
        last = None
        for i, j in align(list(wanted), list(shown)):
            if j is not None:
                p = found[j]
                if p is None:
                    continue
                if i is None:
                    cell = markup.cell_of(p)
                    markup.remove(p)
                    used.discard(p)
                    if cell is not None and not any(q in used for q in markup.blocks(cell)):
                        emptied.add(cell)
                    continue
                _set_text(p, wanted[i])
                last = p
            else:
                template = last or next((p for p in found if p is not None), None)
                if template is None:
                    self.unshown[measure_id] = self.unshown.get(measure_id, 0) + 1
                    continue
                copy = markup.fresh_copy(template)
                (last or template).addnext(copy) if last is not None \
                    else template.addprevious(copy)
                _set_text(copy, wanted[i])
                used.add(copy)
                last = copy


def as_old(comparison: Comparison, document: DocxDocument, new: DocxDocument) -> list[str]:
    """Rewrite `document` (a copy of `new`, the new version) into the old version; warnings.

    A removed measure gets a copy of the row (or paragraph) of the new measure after which it
    stands, rewritten; with none before it, a copy of the next one.
    """
    warnings: list[str] = []
    rewriter = _Rewriter()
    blocks = _blocks_of(document, comparison.new.measures)
    originals = _blocks_of(new, comparison.new.measures)
    missing = [m.id for m in comparison.new.measures if m.id not in blocks]
    if missing:
        raise InputError(f"{comparison.new.path}: measures {', '.join(missing[:5])} are not "
                         "found by their numbers in the document; use --layout generated")
    used: set[str] = set()
    cursor, shown, pending = None, None, []
    for row in plan_rows(comparison, TEXTS["en"], {}):
        if row.new is None:
            pending.extend(row.olds)
            continue
        block = blocks[row.new.id]
        for gone in pending:  # removed measures: after the last block, else before this one
            copy = markup.fresh_copy(originals[shown.id if cursor is not None else row.new.id])
            (cursor.addnext(copy) if cursor is not None else block.addprevious(copy))
            rewriter.rewrite(copy, shown if cursor is not None else row.new, gone)
            cursor = copy
        pending = []
        olds = [m for m in row.olds if m.id not in used]
        used.update(m.id for m in olds)
        if not olds:
            markup.remove(block)
            continue
        anchor = block
        for extra in olds[1:]:  # merged: each further old measure in a row of its own
            copy = markup.fresh_copy(originals[row.new.id])
            anchor.addnext(copy)
            rewriter.rewrite(copy, row.new, extra)
            anchor = copy
        rewriter.rewrite(block, row.new, olds[0])
        cursor, shown = anchor, row.new
    for gone in pending:
        if cursor is None:
            warnings.append(f"{gone.id}: removed, but there is no row to show it in")
            continue
        copy = markup.fresh_copy(originals[shown.id])
        cursor.addnext(copy)
        rewriter.rewrite(copy, shown, gone)
        cursor = copy
    if rewriter.unshown:
        ids = sorted(rewriter.unshown)
        warnings.append(f"{sum(rewriter.unshown.values())} targets or partners of {len(ids)} old "
                        f"measures ({', '.join(ids[:5])}{', …' if len(ids) > 5 else ''}) are not "
                        "shown: the new document has no place for them (--layout generated "
                        "shows them)")
    return warnings


def build(comparison: Comparison, new_docx: str | Path, author: str = "orvers",
          date: dt.datetime | None = None, lang: str = "nb", with_cover: bool = True,
          sources: Sources | None = None) -> tuple[DocxDocument, list[str]]:
    """The new DOCX with the comparison's measure-level changes tracked in it, and warnings
    (SOURCES: the workshop proposals per new measure, named in comments)."""
    warnings: list[str] = []
    new = open_input(new_docx, warnings)
    if parts.drop_protection(new):
        warnings.append(f"{new_docx} was protected against editing; the redline is not")
    old = docx.Document(str(new_docx))
    for root in (old.element.body, *(p.element for p in parts.stories(old).values())):
        ooxml.resolve_element(root, "accept")
    markup.tag_pairs(old.element.body, new.element.body)
    warnings += as_old(comparison, old, new)
    rev = ooxml.Revisions(new, author, date, also=(old,))
    redline_story(old.element.body, new.element.body,
                  Context(rev, markup.Porter(old.part, new.part)))
    markup.untag(new.element.body)
    texts = TEXTS.get(lang, TEXTS["nb"])
    blocks = _blocks_of(new, comparison.new.measures)
    rows = plan_rows(comparison, texts, {})
    changed = retitled(comparison, rows, texts)
    marks = {new_id: mark for new_id, _, _, mark in changed or ()}
    for row in rows:
        if row.new is None or row.new.id not in blocks:
            continue
        title = next(p for p in markup.paragraphs_in(blocks[row.new.id])
                     if _number_re(row.new.id).match(markup.text(p)))
        if row.new.id in marks:
            ooxml.add_bookmark(Paragraph(title, None), marks[row.new.id], rev)
        comment = row_comment(row, sources or {}, texts)
        if comment:
            ooxml.add_comment(new, Paragraph(title, None), comment, rev)
    if with_cover:
        start = markup.body_end(new.element.body)
        try:
            cover(new, comparison, rev, texts,
                  [x for x in changed if x[0] in blocks] if changed is not None else None)
        except KeyError as exc:  # a style the cover uses is missing from the document
            markup.drop_after(new.element.body, start)
            warnings.append(f"no cover page: {exc}")
        else:
            markup.move_to_front_as_section(new.element.body, start)
    return new, warnings
