"""All OOXML of the redline: tracked insertions/deletions, paragraph-mark and table-row marks,
revision ids, comments, and resolving (accept/reject) tracked changes.

Nothing else in orvers speaks in `w:` tags. Callers hand over python-docx objects and diff ops
(("=" | "+" | "-", text)); this module turns them into the markup Word expects:
deleted text in `w:delText`, every revision with `w:author`, `w:date` and a `w:id` unique across
the document (comments included), inserted/deleted rows with every cell run wrapped too.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Sequence

from docx.comments import Comment
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length
from docx.table import _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from ..model import Op

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_REVISION_TAGS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")
_PROPERTY_CHANGE_TAGS = ("w:rPrChange", "w:pPrChange", "w:tblPrChange", "w:trPrChange",
                         "w:tcPrChange", "w:sectPrChange", "w:tblGridChange", "w:numberingChange")
_MOVE_RANGE_TAGS = ("w:moveFromRangeStart", "w:moveFromRangeEnd",
                    "w:moveToRangeStart", "w:moveToRangeEnd")


def clean_text(text: str) -> str:
    """Text as it can stand in XML: control characters become spaces."""
    return _CONTROL_RE.sub(" ", text)


class Revisions:
    """Author, date and the document-wide counter of `w:id`s for revisions and comments."""

    def __init__(self, document: DocxDocument, author: str, date: dt.datetime | None = None,
                 also: Sequence[DocxDocument] = ()):
        """`also`: other documents whose content may be copied in (their ids are avoided)."""
        self.document = document
        self.author = author
        when = date or dt.datetime.now(dt.UTC)
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC)
        self.date = when.replace(tzinfo=None, microsecond=0)
        used = [int(v) for d in (document, *also) for v in d.element.xpath("//@w:id")
                if str(v).isdigit()]
        self._next = max(used, default=0) + 1

    @property
    def stamp(self) -> str:
        """The w:date value: ISO 8601 in UTC."""
        return self.date.isoformat() + "Z"

    def next_id(self) -> int:
        """A fresh id, never used before in this document."""
        value = self._next
        self._next += 1
        return value

    def element(self, tag: str) -> etree._Element:
        """A w:ins / w:del element carrying id, author and date."""
        return OxmlElement(tag, attrs={qn("w:id"): str(self.next_id()),
                                       qn("w:author"): self.author, qn("w:date"): self.stamp})


# --- writing ---------------------------------------------------------------------------------


def _run(text: str, deleted: bool, bold: bool) -> etree._Element:
    r = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    for piece in re.split(r"([\t\n])", clean_text(text)):
        if piece in ("\t", "\n"):
            r.append(OxmlElement("w:tab" if piece == "\t" else "w:br"))
        elif piece:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = piece
            r.append(t)
    return r


def write_ops(paragraph: Paragraph, ops: Sequence[Op], rev: Revisions, bold: bool = False) -> None:
    """Append diff ops to a paragraph: kept text plain, "+" as w:ins, "-" as w:del/w:delText."""
    p = paragraph._p
    for op, text in ops:
        if not text:
            continue
        if op == "=":
            p.append(_run(text, False, bold))
        else:
            wrap = rev.element("w:ins" if op == "+" else "w:del")
            wrap.append(_run(text, op == "-", bold))
            p.append(wrap)


def mark_paragraph(paragraph_element: etree._Element, status: str | None, rev: Revisions) -> None:
    """Mark a paragraph's mark (its ¶) as inserted ("+") or deleted ("-")."""
    if status is None:
        return
    tag = "w:ins" if status == "+" else "w:del"
    ppr = paragraph_element.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        sect = ppr.find(qn("w:sectPr"))
        change = ppr.find(qn("w:pPrChange"))
        anchor = sect if sect is not None else change
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    if rpr.find(qn(tag)) is None:
        rpr.insert(0, rev.element(tag))


def _kind(ops: Sequence[Op]) -> str:
    signs = {op for op, text in ops if text} or {op for op, _ in ops}
    if signs == {"+"}:
        return "+"
    if signs == {"-"}:
        return "-"
    return "="


def plan_paragraphs(paras: Sequence[Sequence[Op]]
                    ) -> tuple[list[tuple[Op, ...]], list[str | None], list[int]]:
    """Paragraphs of one container (cell, or body run between tables) and their marks' status.

    A paragraph that exists only in the new ("+") or old ("-") version gets its ¶ marked so that
    rejecting / accepting all merges it into the next paragraph. The container's last ¶ cannot merge
    into anything, so for trailing new/old-only paragraphs the marks shift one paragraph back (as
    Word does): the last kept paragraph's ¶ is marked, so that it merges with them. The last ¶ is
    marked too when its paragraph is new/old-only (it stays, emptied, and the merge ends in it), so
    that its bullet shows as inserted/deleted like its text, even when it is the container's only
    paragraph. With no paragraph in both versions,
    the first old-only and new-only paragraphs share one paragraph, so both projections keep
    exactly one paragraph for it.
    Returns the paragraphs' ops, their ¶ status (None, "+", "-") and their index in `paras`.
    """
    items = [tuple(p) for p in paras] or [()]
    kinds = [_kind(p) for p in items]
    origin = list(range(len(items)))
    if "=" not in kinds:
        first_del = kinds.index("-") if "-" in kinds else None
        first_ins = kinds.index("+") if "+" in kinds else None
        if first_del is not None and first_ins is not None:
            lo, hi = sorted((first_del, first_ins))
            items[lo] = items[first_del] + items[first_ins]
            del items[hi], kinds[hi], origin[hi]
            kinds[lo] = "="
        else:
            kinds[0] = "="
    status: list[str | None] = [None if k == "=" else k for k in kinds]
    last_keep = max(i for i, k in enumerate(kinds) if k == "=")
    for j in range(last_keep + 1, len(kinds)):
        status[j - 1] = kinds[j]
    last = _kind(items[-1])
    if last != "=":
        status[-1] = last
    return items, status, origin


def write_paragraphs(first: Paragraph | None, add: Callable[[], Paragraph],
                     paras: Sequence[Sequence[Op]], rev: Revisions,
                     bold: bool = False, styles: Sequence[str] = ()) -> list[Paragraph]:
    """Fill a container with tracked paragraphs (see plan_paragraphs); reuse `first` if given.

    `styles` gives each paragraph of `paras` a style id.
    """
    items, status, origin = plan_paragraphs(paras)
    out = []
    for i, (ops, mark) in enumerate(zip(items, status, strict=True)):
        paragraph = first if (i == 0 and first is not None) else add()
        if styles:
            set_paragraph_style_id(paragraph, styles[origin[i]])
        write_ops(paragraph, ops, rev, bold)
        mark_paragraph(paragraph._p, mark, rev)
        out.append(paragraph)
    return out


def mark_row(row: _Row, kind: str, rev: Revisions) -> None:
    """Mark a table row inserted ("+") or deleted ("-"): w:trPr, every run and ¶ in its cells."""
    tag = "w:ins" if kind == "+" else "w:del"
    tr = row._tr
    trpr = tr.get_or_add_trPr()
    trpr.append(rev.element(tag))
    for p in tr.iter(qn("w:p")):
        wrapped = (qn("w:ins"), qn("w:del"))
        for r in [r for r in p.iter(qn("w:r")) if r.getparent().tag not in wrapped]:
            wrap = rev.element(tag)
            r.addprevious(wrap)
            wrap.append(r)
            if kind == "-":
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(qn("w:rPr"))
        if rpr is not None:
            for old in rpr.findall(qn("w:ins")) + rpr.findall(qn("w:del")):
                rpr.remove(old)
        mark_paragraph(p, kind, rev)


def set_repeat_header(row: _Row) -> None:
    """Repeat this row at the top of every page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


# w:trPr's children that come after w:cantSplit (CT_TrPr's sequence)
_AFTER_CANT_SPLIT = tuple(qn(t) for t in ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc",
                                          "w:hidden", "w:ins", "w:del", "w:trPrChange"))


def set_cant_split(row: _Row) -> None:
    """Keep this row on one page: never break it across a page boundary."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is not None:
        return
    element = OxmlElement("w:cantSplit")
    later = next((child for child in trpr if child.tag in _AFTER_CANT_SPLIT), None)
    if later is not None:
        later.addprevious(element)
    else:
        trpr.append(element)


def fixed_widths(table, widths: Sequence[Length]) -> None:
    """Give a table fixed column widths (Word would otherwise fit them to the text); a row
    whose cells are merged into one spans them all."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for tr in table._tbl.tr_lst:  # the cells of each row once (_Row.cells rescans the grid)
        tcs = tr.tc_lst
        if len(tcs) == len(widths):
            for tc, width in zip(tcs, widths, strict=True):
                tc.width = width
        else:
            tcs[0].width = Length(sum(widths))


class NewRows:
    """Rows appended to a python-docx table as its Table.add_row makes them (a cell per grid
    column) or as _Cell.merge leaves a row merged into one cell spanning them all, copied from
    templates made once: python-docx rescans the table on each add_row and merge."""

    def __init__(self, table) -> None:
        self.table = table
        grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        self._plain = OxmlElement("w:tr")
        for width in grid:
            tc = self._plain.add_tc()
            if width is not None:
                tc.width = width
        self._merged = OxmlElement("w:tr")
        tc = self._merged.add_tc()
        tc.width = Length(sum(grid))
        tc.grid_span = len(grid)

    def add(self, merged: bool = False) -> _Row:
        """A new last row of the table."""
        tr = copy.deepcopy(self._merged if merged else self._plain)
        self.table._tbl.append(tr)
        return _Row(tr, self.table)


def shade_cell(cell, fill: str) -> None:
    """Give a cell a background colour (hex RRGGBB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(OxmlElement("w:shd", attrs={qn("w:val"): "clear", qn("w:color"): "auto",
                                            qn("w:fill"): fill}))


def set_language(document: DocxDocument, tag: str) -> None:
    """Declare the text's language (e.g. nb-NO) for Word's spelling and hyphenation."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def add_page_number(paragraph: Paragraph, total: bool = True) -> None:
    """Append the page number field (and " / " with the page count) to a paragraph."""
    for i, field in enumerate(("PAGE", "NUMPAGES") if total else ("PAGE",)):
        if i:
            paragraph._p.append(_run(" / ", False, False))
        simple = OxmlElement("w:fldSimple", attrs={qn("w:instr"): f" {field} "})
        simple.append(_run("1", False, False))
        paragraph._p.append(simple)


def add_bookmark(paragraph: Paragraph, name: str, rev: Revisions) -> None:
    """A bookmark NAME around the paragraph's content (a PAGEREF field can name its page)."""
    bid = str(rev.next_id())
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart", attrs={qn("w:id"): bid, qn("w:name"): name})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): bid}))


# w:settings' children that come after w:updateFields (CT_Settings' sequence)
_AFTER_UPDATE_FIELDS = tuple(qn(t) for t in (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator"))


def add_page_ref(document: DocxDocument, paragraph: Paragraph, bookmark: str) -> None:
    """A PAGEREF field: the page BOOKMARK stands on. LibreOffice fills it in as it lays out the
    pages; Word is asked to update the document's fields when it opens it."""
    simple = OxmlElement("w:fldSimple", attrs={qn("w:instr"): f" PAGEREF {bookmark} \\h "})
    simple.append(_run("?", False, False))
    paragraph._p.append(simple)
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields", attrs={qn("w:val"): "true"})
        later = next((c for c in settings if c.tag in _AFTER_UPDATE_FIELDS), None)
        if later is not None:
            later.addprevious(element)
        else:
            settings.append(element)


def new_section_after(document: DocxDocument, paragraph: Paragraph):
    """Start a new section on a new page after PARAGRAPH, which ends the current one.

    python-docx ends a section with an extra empty paragraph; LibreOffice drops it on saving,
    Word shows it: the section break moves into the last paragraph of the section instead.
    """
    section = document.add_section(WD_SECTION.NEW_PAGE)
    holder = document.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    paragraph._p.get_or_add_pPr().append(holder.pPr.sectPr)
    holder.getparent().remove(holder)
    return section


def set_properties(document: DocxDocument, rev: Revisions, title: str | None = None,
                   language: str | None = None) -> None:
    """Document properties from the revisions' author and date (not the template's or now)."""
    props = document.core_properties
    if title is not None:
        props.title = title[:255]
        props.created = rev.date
        props.author = rev.author
        props.comments = ""
        props.revision = 1
    if language is not None:
        props.language = language
    props.modified = rev.date
    props.last_modified_by = rev.author


def add_comment(document: DocxDocument, paragraph: Paragraph, text: str, rev: Revisions) -> None:
    """A Word comment on the paragraph's text, with an id from the document-wide counter.

    The w:comment is made here as python-docx's Comments.add_comment makes it, but with our
    id: python-docx looks for a free id among every comment on each call (quadratic)."""
    runs = list(paragraph._p.iter(qn("w:r")))
    if not runs:
        return
    cid = rev.next_id()
    part = document.part._comments_part  # created on first use
    element = parse_xml(f'<w:comment {nsdecls("w")} w:id="{cid}" w:author="">'
                        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                        "<w:annotationRef/></w:r></w:p></w:comment>")
    part.element.append(element)
    comment = Comment(element, part)
    comment.author = rev.author
    comment.initials = "".join(w[:1] for w in rev.author.split())
    element.set(qn("w:date"), rev.stamp)
    first, *more = clean_text(text).split("\n")
    comment.paragraphs[0].add_run(first)
    for line in more:
        comment.add_paragraph(text=line)
    runs[0].addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(cid)}))
    end = runs[-1]
    anchor = end.getparent() if end.getparent() is not paragraph._p else end
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(cid)}))
    anchor.addnext(ref)
    anchor.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(cid)}))


def set_paragraph_style_id(paragraph: Paragraph, style_id: str) -> None:
    """Set a paragraph's style by id (for styles copied from another document)."""
    if style_id:
        paragraph._p.get_or_add_pPr().insert(0, OxmlElement("w:pStyle",
                                                            attrs={qn("w:val"): style_id}))


# --- reading / resolving ---------------------------------------------------------------------


def has_tracked_changes(root: etree._Element) -> bool:
    """Whether an element (body, header, footer) carries tracked changes."""
    return any(next(root.iter(qn(tag)), None) is not None
               for tag in _REVISION_TAGS + _PROPERTY_CHANGE_TAGS)


def _scope(document: DocxDocument, last_table: bool, column: int | None) -> list:
    body = document.element.body
    tables = body.findall(qn("w:tbl"))
    if column is None:
        return [tables[-1]] if last_table else [body]
    cells = []
    for tbl in tables[-1:] if last_table else tables:
        for tr in tbl.findall(qn("w:tr")):
            tcs = tr.findall(qn("w:tc"))
            if len(tcs) > column and len(tcs) > 1:
                cells.append(tcs[column])
    return cells


def count_revisions(document: DocxDocument, last_table: bool = False,
                    column: int | None = None) -> dict[str, int]:
    """How many w:ins / w:del (and w:moveFrom / w:moveTo, as "move") elements, and characters
    inside them, the body holds (or its last table, or one column of its tables)."""
    counts = {"ins": 0, "del": 0, "ins_chars": 0, "del_chars": 0, "move": 0, "move_chars": 0}
    for scope in _scope(document, last_table, column):
        for name, tags in (("ins", ("w:ins",)), ("del", ("w:del",)),
                           ("move", ("w:moveFrom", "w:moveTo"))):
            for el in scope.iter(*(qn(tag) for tag in tags)):
                counts[name] += 1
                counts[f"{name}_chars"] += sum(len(t.text or "")
                                               for t in el.iter(qn("w:t"), qn("w:delText")))
    return counts


def text_length(document: DocxDocument, last_table: bool = False,
                column: int | None = None) -> int:
    """Characters of visible and deleted text in the body (or its last table, or a column)."""
    return sum(len(t.text or "") for scope in _scope(document, last_table, column)
               for t in scope.iter(qn("w:t"), qn("w:delText")))


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _mark_of(p: etree._Element, tag: str) -> bool:
    return bool(p.xpath(f"./w:pPr/w:rPr/{tag}"))


def resolve(document: DocxDocument, mode: str) -> None:
    """Accept ("accept") or reject ("reject") every tracked change in the body, in place."""
    resolve_element(document.element.body, mode)


def _restore_properties(root: etree._Element) -> None:
    """Rejecting a formatting change: the properties it recorded come back (¶ mark and section
    break of a paragraph stay)."""
    for tag, kept in (("w:rPrChange", ()), ("w:pPrChange", ("w:rPr", "w:sectPr"))):
        for change in list(root.iter(qn(tag))):
            props = change.getparent()
            before = change[0] if len(change) else None
            keep = [c for c in props if c.tag in {qn(k) for k in kept}]
            for child in list(props):
                props.remove(child)
            for child in (list(before) if before is not None else []):
                props.append(child)
            for child in keep:
                props.append(child)


def resolve_element(body: etree._Element, mode: str) -> None:
    """Accept or reject every tracked change under an element (a body, header or footer).

    A paragraph whose ¶ is removed merges into the next paragraph, unless a table or the container
    end follows (Word cannot merge there either).
    """
    if mode == "reject":
        _restore_properties(body)
    drop, keep = (("w:del", "w:moveFrom"), ("w:ins", "w:moveTo"))
    if mode == "reject":
        drop, keep = keep, drop
    row_drop = drop[0]
    for tr in list(body.iter(qn("w:tr"))):
        if tr.xpath(f"./w:trPr/{row_drop}"):
            tr.getparent().remove(tr)
    for tbl in list(body.iter(qn("w:tbl"))):
        if not tbl.findall(qn("w:tr")):
            tbl.getparent().remove(tbl)
    for p in list(body.iter(qn("w:p"))):
        if _mark_of(p, row_drop):
            nxt = p.getnext()
            if nxt is not None and nxt.tag == qn("w:p"):
                ppr = nxt.find(qn("w:pPr"))
                at = 1 if ppr is not None else 0
                for child in [c for c in p if c.tag != qn("w:pPr")]:
                    nxt.insert(at, child)
                    at += 1
                p.getparent().remove(p)
    for tag in drop:
        for el in list(body.iter(qn(tag))):
            if el.getparent().tag != qn("w:rPr") and el.getparent().tag != qn("w:trPr"):
                el.getparent().remove(el)
    for tag in keep:
        for el in list(body.iter(qn(tag))):
            if el.getparent().tag in (qn("w:rPr"), qn("w:trPr")):
                el.getparent().remove(el)
            else:
                _unwrap(el)
    for tag in drop:
        for el in list(body.iter(qn(tag))):
            el.getparent().remove(el)
    for el in list(body.iter(qn("w:delText"))):
        el.tag = qn("w:t")
    for el in list(body.iter(qn("w:delInstrText"))):
        el.tag = qn("w:instrText")
    for tag in _PROPERTY_CHANGE_TAGS + _MOVE_RANGE_TAGS:
        for el in list(body.iter(qn(tag))):
            el.getparent().remove(el)


def strip_comments(document: DocxDocument) -> None:
    """Remove comment anchors and references from the body (the comments stay in their part)."""
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for el in list(body.iter(qn(tag))):
            el.getparent().remove(el)
    for el in list(body.iter(qn("w:commentReference"))):
        run = el.getparent()
        run.getparent().remove(run)
