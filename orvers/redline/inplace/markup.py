"""The OOXML of in-place redlining: a story's blocks, a paragraph's runs cut into pieces, and the
tracked-change marks put on them (w:ins, w:del, w:rPrChange, w:pPrChange, row and ¶ marks).

The engine (`engine.py`) aligns and diffs; it sees paragraphs as pieces of text and never a tag.
A piece is one visible thing of a run: a stretch of text, a tab or break (one character), or an
object (drawing, picture, footnote reference: one U+FFFC character). Runs holding nothing visible
(field characters, field codes, rendered page breaks) stay where they are, untouched.
"""

from __future__ import annotations

import copy
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from .. import ooxml

OBJECT = "\ufffc"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"

_P, _TBL, _SDT, _R, _T = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:r"), qn("w:t")
_RPR, _PPR = qn("w:rPr"), qn("w:pPr")
_FLD_CHAR, _FLD_SIMPLE = qn("w:fldChar"), qn("w:fldSimple")
# run-level containers whose runs belong to the paragraph's text
_INLINE_CONTAINERS = {qn(t) for t in ("w:hyperlink", "w:smartTag", "w:fldSimple", "w:customXml",
                                      "w:sdtContent", "w:sdt", "w:dir", "w:bdo", "w:ins",
                                      "w:moveTo")}
_CHARS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
          qn("w:noBreakHyphen"): "\u2011", qn("w:softHyphen"): "\u00ad"}
_OBJECTS = {qn(t) for t in ("w:drawing", "w:pict", "w:object", "w:sym", "w:footnoteReference",
                            "w:endnoteReference")} | {_MC_ALTERNATE}
_NOTE_REFS = {qn("w:footnoteReference"), qn("w:endnoteReference")}
_PROPERTY_SKIP = {qn(t) for t in ("w:rPrChange", "w:pPrChange", "w:ins", "w:del", "w:moveFrom",
                                  "w:moveTo", "w:rPr", "w:sectPr")}
_COMMENT_MARKS = {qn(t) for t in ("w:commentRangeStart", "w:commentRangeEnd")}


# --- blocks ----------------------------------------------------------------------------------


def blocks(container: etree._Element) -> list[etree._Element]:
    """The paragraphs, tables and block content controls of a body, cell, header or footer."""
    return [c for c in container if c.tag in (_P, _TBL, _SDT)]


def kind(block: etree._Element) -> str:
    """"p", "tbl" or "sdt"."""
    return {_P: "p", _TBL: "tbl", _SDT: "sdt"}[block.tag]


def sdt_content(sdt: etree._Element) -> etree._Element | None:
    """The content of a block content control."""
    return sdt.find(qn("w:sdtContent"))


def paragraphs_in(block: etree._Element) -> list[etree._Element]:
    """Every paragraph in a block (itself, or those of a content control)."""
    return list(block.iter(_P))


def rows(table: etree._Element) -> list[etree._Element]:
    """A table's rows."""
    return table.findall(qn("w:tr"))


def cells(row: etree._Element) -> list[etree._Element]:
    """A row's cells (merged cells count once)."""
    return row.findall(qn("w:tc"))


def text(block: etree._Element) -> str:
    """A block's visible text with objects as U+FFFC; rows and cells separated (for aligning)."""
    if block.tag == _P:
        return "".join(piece.text for piece in pieces(block))
    if block.tag == _TBL:
        return "\n".join(" | ".join(text_of_cell(tc) for tc in cells(tr)) for tr in rows(block))
    content = sdt_content(block)
    return "\n".join(text(b) for b in blocks(content)) if content is not None else ""


def text_of_cell(tc: etree._Element) -> str:
    """A cell's text, paragraphs on lines."""
    return "\n".join(text(b) for b in blocks(tc))


def insert_after(anchor: etree._Element | None, container: etree._Element,
                 element: etree._Element) -> None:
    """Put `element` after `anchor`, or first among the blocks of `container` (after its
    properties) when there is no anchor."""
    if anchor is not None:
        anchor.addnext(element)
        return
    first = next(iter(blocks(container)), None)
    if first is not None:
        first.addprevious(element)
        return
    tail = container.find(qn("w:sectPr"))
    if tail is not None:
        tail.addprevious(element)
    else:
        container.append(element)


# --- pieces ----------------------------------------------------------------------------------


@dataclass
class Piece:
    """One visible thing of a run: its run, text (one char for a tab/break/object), and the
    content element (w:t, w:tab, w:drawing, …). A complex field is one object: its first
    run and w:fldChar, with all its runs (code and result) in `field`."""

    run: etree._Element
    content: etree._Element
    text: str
    field: list[etree._Element] | None = None

    @property
    def runs(self) -> list[etree._Element]:
        """Every run the piece spans."""
        return self.field or [self.run]


def _runs(parent: etree._Element, fields: bool = True) -> Iterator[etree._Element]:
    """The runs of a paragraph (or run container); with `fields` False, not those of simple
    fields."""
    for child in parent:
        if child.tag == _R:
            yield child
        elif child.tag in _INLINE_CONTAINERS and (fields or child.tag != _FLD_SIMPLE):
            yield from _runs(child, fields)


def pieces(p: etree._Element) -> list[Piece]:
    """The visible pieces of a paragraph in reading order (runs in links and content controls
    included). A complex field is one object piece (its result, a page number or a date, is
    the application's to compute); a simple field's runs are left out and stay as they are."""
    out: list[Piece] = []
    depth = 0  # nesting of complex fields (w:fldChar begin … end) at this point
    for run in _runs(p, fields=False):
        if depth and run is not out[-1].field[-1]:
            out[-1].field.append(run)
        for child in run:
            if child.tag == _FLD_CHAR:
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin" and not depth:
                    out.append(Piece(run, child, OBJECT, [run]))
                depth += 1 if kind == "begin" else -1 if kind == "end" and depth else 0
            elif depth:
                continue
            elif child.tag == _T:
                if child.text:
                    out.append(Piece(run, child, child.text))
            elif child.tag in _CHARS:
                out.append(Piece(run, child, _CHARS[child.tag]))
            elif child.tag in _OBJECTS:
                out.append(Piece(run, child, OBJECT))
    return out


def object_key(piece: Piece, part) -> str | None:
    """What an object piece shows, comparable across documents: its kind and the digests of
    the pictures it shows, the targets of its links, the kinds of its other parts (a chart's
    or diagram's XML is not compared); None for text."""
    if piece.field is not None:
        return "field|" + " ".join("".join(t.text or "" for run in piece.field
                                           for t in run.iter(qn("w:instrText"))).split())
    if piece.content.tag not in _OBJECTS:
        return None
    targets = []
    for el in piece.content.iter():
        for name, value in el.attrib.items() if isinstance(el.tag, str) else ():
            if name.startswith(f"{{{_R_NS}}}") and value in part.rels:
                rel = part.rels[value]
                targets.append(rel.target_ref if rel.is_external else
                               hashlib.sha1(rel.target_part.blob).hexdigest()[:16]
                               if rel.reltype == RT.IMAGE else rel.reltype.rsplit("/", 1)[-1])
    return "|".join([etree.QName(piece.content).localname, *targets])


def note_reference(piece: Piece) -> tuple[str, str] | None:
    """("footnote" | "endnote", id) of a note reference piece, else None."""
    if piece.content.tag not in _NOTE_REFS:
        return None
    return etree.QName(piece.content).localname[:-len("Reference")], piece.content.get(qn("w:id"))


def notes_by_id(root: etree._Element) -> dict[str, etree._Element]:
    """The w:footnote / w:endnote elements of a notes part, by id."""
    return {el.get(qn("w:id")): el for el in root if isinstance(el.tag, str)}


def normalise(p: etree._Element) -> None:
    """Give every visible piece of a paragraph its own run (same properties), so pieces can be
    marked one by one; what the paragraph shows does not change."""
    for run in list(_runs(p)):
        contents = [c for c in run if c.tag != _RPR]
        if len(contents) <= 1:
            continue
        rpr = run.find(_RPR)
        for child in reversed(contents[1:]):
            single = OxmlElement("w:r", attrs=dict(run.attrib))
            if rpr is not None:
                single.append(copy.deepcopy(rpr))
            single.append(child)
            run.addnext(single)


def split(piece: Piece, at: int) -> tuple[Piece, Piece]:
    """Cut a text piece (alone in its run) in two at character `at`."""
    right_run = copy.deepcopy(piece.run)
    piece.run.addnext(right_run)
    right_t = right_run.find(_T)
    piece.content.text, right_t.text = piece.text[:at], piece.text[at:]
    for t in (piece.content, right_t):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return (Piece(piece.run, piece.content, piece.text[:at]),
            Piece(right_run, right_t, piece.text[at:]))


# --- marks -----------------------------------------------------------------------------------


def mark_inserted(piece: Piece, rev: ooxml.Revisions) -> None:
    """Wrap a piece's runs in w:ins (where they stand: in a link or content control too)."""
    for run in piece.runs:
        wrap = rev.element("w:ins")
        run.addprevious(wrap)
        wrap.append(run)


def outer(piece: Piece, last: bool = True) -> etree._Element:
    """The piece's last (or first) run, or the w:ins wrapping it."""
    run = piece.runs[-1 if last else 0]
    parent = run.getparent()
    return parent if parent.tag == qn("w:ins") else run


def deleted_runs(old: list[Piece], start: int, end: int, porter: Porter,
                 rev: ooxml.Revisions) -> etree._Element | None:
    """A w:del holding characters start:end of the old pieces, each with its old run properties
    (objects carried over when their parts can be; note references and comments left out)."""
    wrap = rev.element("w:del")
    at = 0
    for piece in old:
        base, at = at, at + len(piece.text)
        lo, hi = max(start, base), min(end, at)
        if lo >= hi:
            continue
        if piece.field is not None:  # a whole field: its runs, code and result
            for run in piece.field:
                ported = porter.port(run)
                if ported is not None:
                    _as_deleted(ported)
                    wrap.append(ported)
            continue
        run = OxmlElement("w:r")
        rpr = piece.run.find(_RPR)
        if rpr is not None:
            run.append(_properties_copy(rpr))
        if piece.content.tag == _T:
            deleted = OxmlElement("w:delText")
            deleted.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            deleted.text = piece.text[lo - base:hi - base]
            run.append(deleted)
        elif piece.content.tag in _NOTE_REFS:
            continue
        else:
            content = porter.port(piece.content)
            if content is None:
                continue
            run.append(content)
        wrap.append(run)
    return wrap if len(wrap) else None


def _properties_copy(props: etree._Element) -> etree._Element:
    out = copy.deepcopy(props)
    for child in list(out):
        if child.tag in (qn("w:rPrChange"), qn("w:pPrChange"), qn("w:ins"), qn("w:del")):
            out.remove(child)
    return out


def properties_key(props: etree._Element | None) -> tuple:
    """Run or paragraph properties as a comparable value (revision marks, the ¶ mark's run
    properties and section breaks left out; order of children and namespace prefixes ignored)."""
    if props is None:
        return ()
    return tuple(sorted(_canonical(c) for c in props
                        if isinstance(c.tag, str) and c.tag not in _PROPERTY_SKIP))


def _canonical(element: etree._Element) -> tuple:
    return (element.tag, tuple(sorted(element.attrib.items())), (element.text or "").strip(),
            tuple(_canonical(c) for c in element if isinstance(c.tag, str)))


def run_properties(piece: Piece) -> etree._Element | None:
    """A piece's run properties."""
    return piece.run.find(_RPR)


def paragraph_properties(p: etree._Element) -> etree._Element | None:
    """A paragraph's properties."""
    return p.find(_PPR)


def track_run_properties(piece: Piece, old: etree._Element | None,
                         rev: ooxml.Revisions) -> None:
    """Record the old run properties of a kept piece (w:rPrChange)."""
    rpr = piece.run.find(_RPR)
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        piece.run.insert(0, rpr)
    change = rev.element("w:rPrChange")
    change.append(_properties_copy(old) if old is not None else OxmlElement("w:rPr"))
    for child in change[0]:
        if child.tag == qn("w:rPrChange"):
            change[0].remove(child)
    rpr.append(change)


def set_paragraph_properties(p: etree._Element, now: etree._Element | None,
                             before: etree._Element | None, rev: ooxml.Revisions) -> None:
    """Give a paragraph the properties `now` (its ¶ mark and section break kept) and, when
    `before` differs, a w:pPrChange recording `before`."""
    ppr = p.find(_PPR)
    if ppr is None:
        if properties_key(now) == properties_key(before) == ():
            return
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    if properties_key(ppr) != properties_key(now):
        keep = [c for c in ppr if c.tag in (_RPR, qn("w:sectPr"))]
        for child in list(ppr):
            ppr.remove(child)
        for child in (now if now is not None else ()):
            if child.tag not in _PROPERTY_SKIP:
                ppr.append(copy.deepcopy(child))
        for child in keep:
            ppr.append(child)
    for change in ppr.findall(qn("w:pPrChange")):
        ppr.remove(change)
    if properties_key(now) != properties_key(before):
        change = rev.element("w:pPrChange")
        base = OxmlElement("w:pPr")
        for child in (before if before is not None else ()):
            if child.tag not in _PROPERTY_SKIP:
                base.append(copy.deepcopy(child))
        change.append(base)
        ppr.append(change)


def mark_paragraph(p: etree._Element, status: str | None, rev: ooxml.Revisions) -> None:
    """Mark a paragraph's ¶ inserted ("+"), deleted ("-") or leave it (None)."""
    ooxml.mark_paragraph(p, status, rev)


def mark_all(block: etree._Element, status: str, rev: ooxml.Revisions) -> None:
    """Mark every run of a paragraph inserted or deleted (deleted text in w:delText)."""
    tag = "w:ins" if status == "+" else "w:del"
    wrapped = (qn("w:ins"), qn("w:del"))
    for run in [r for r in _runs(block) if r.getparent().tag not in wrapped]:
        wrap = rev.element(tag)
        run.addprevious(wrap)
        wrap.append(run)
        if status == "-":
            _as_deleted(run)


def _as_deleted(element: etree._Element) -> None:
    for t in element.iter(_T):
        t.tag = qn("w:delText")
    for t in element.iter(qn("w:instrText")):
        t.tag = qn("w:delInstrText")


def mark_row(tr: etree._Element, status: str, rev: ooxml.Revisions) -> None:
    """Mark a whole row inserted or deleted (its properties, every run and ¶ in it)."""
    from docx.table import _Row

    ooxml.mark_row(_Row(tr, None), status, rev)


# --- carrying old content into the new package -------------------------------------------------


class Porter:
    """Copies elements of the old document into a part of the new one: pictures and external
    links get relationships of the new part; what cannot be carried (charts, embedded
    objects, comments, note references) is left out."""

    def __init__(self, old_part, new_part, new_root: etree._Element | None = None):
        """`new_root`: the new part's XML when the part keeps it as bytes (notes)."""
        self.old_part, self.new_part = old_part, new_part
        root = new_root if new_root is not None else new_part.element
        self._ids = max((int(v) for v in (el.get("id") for el in root.iter(qn("wp:docPr")))
                         if str(v).isdigit()), default=0) + 1000

    def port(self, element: etree._Element) -> etree._Element | None:
        """A copy of `element` fit for the new part, or None if it cannot be carried."""
        out = copy.deepcopy(element)
        for el in list(out.iter(*_COMMENT_MARKS)):
            el.getparent().remove(el)
        for el in list(out.iter(qn("w:commentReference"), *_NOTE_REFS)):
            if el is out:
                return None
            el.getparent().remove(el)
        for el in [out, *out.iterdescendants()]:
            if not isinstance(el.tag, str) or (
                    el is not out and out not in el.iterancestors()):
                continue  # not markup, or inside an object removed already
            for name, value in list(el.attrib.items()):
                if name.startswith(f"{{{_W14_NS}}}"):
                    del el.attrib[name]
                elif name.startswith(f"{{{_R_NS}}}"):
                    rid = self._rid(value)
                    if rid is not None:
                        el.set(name, rid)
                    elif el.tag == qn("w:hyperlink"):
                        del el.attrib[name]
                    else:
                        lost = _object_of(el, out)
                        if lost is None:
                            return None
                        lost.getparent().remove(lost)
                        break
        for doc_pr in out.iter(qn("wp:docPr")):
            doc_pr.set("id", str(self._ids))
            self._ids += 1
        return out

    def _rid(self, rid: str) -> str | None:
        rel = self.old_part.rels.get(rid)
        if rel is None:
            return None
        if rel.is_external:
            return self.new_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        if rel.reltype == RT.IMAGE:
            try:
                return self.new_part.get_or_add_image(io.BytesIO(rel.target_part.blob))[0]
            except Exception:  # an image format python-docx cannot size (EMF, …)
                return None
        return None

    def deleted_block(self, block: etree._Element, rev: ooxml.Revisions) -> etree._Element:
        """A copy of an old paragraph or table (its own properties kept), marked deleted."""
        out = self.port(block)
        if out is None:  # a block that is itself an unportable object: keep its text only
            out = copy.deepcopy(block)
            for el in list(out.iter(*_OBJECTS)):
                el.getparent().remove(el)
        for ppr in out.iter(_PPR):
            sect = ppr.find(qn("w:sectPr"))
            if sect is not None:
                ppr.remove(sect)
        if out.tag == _TBL:
            for tr in rows(out):
                mark_row(tr, "-", rev)
        elif out.tag == qn("w:tr"):
            mark_row(out, "-", rev)
        elif out.tag == _P:
            mark_all(out, "-", rev)
        else:
            for p in out.iter(_P):
                mark_all(p, "-", rev)
                mark_paragraph(p, "-", rev)
        return out


def _object_of(el: etree._Element, root: etree._Element) -> etree._Element | None:
    """The object (drawing, picture, embedded object) holding `el`, below `root`."""
    for node in (el, *el.iterancestors()):
        if node is root:
            return None
        if node.tag in _OBJECTS:
            return node
    return None


# --- a document's own "old version": pairing and rewriting ------------------------------------

_PAIR = "{urn:orvers:redline}pair"  # lives only while redlining; removed before saving
_PAIRED = (_P, _TBL, qn("w:tr"))


def tag_pairs(old_root: etree._Element, new_root: etree._Element) -> None:
    """Mark the paragraphs, tables and rows of two identical trees as pairs (one a copy of the
    other), so the redline pairs them whatever is later rewritten in the copy."""
    for n, (a, b) in enumerate(zip(old_root.iter(*_PAIRED), new_root.iter(*_PAIRED),
                                   strict=True)):
        a.set(_PAIR, str(n))
        b.set(_PAIR, str(n))


def untag(root: etree._Element) -> None:
    """Remove pairing marks."""
    for el in root.iter(*_PAIRED):
        el.attrib.pop(_PAIR, None)


def fresh_copy(element: etree._Element) -> etree._Element:
    """A deep copy paired with nothing."""
    out = copy.deepcopy(element)
    untag(out)
    return out


def paired(old: list[etree._Element], new: list[etree._Element]
           ) -> list[tuple[int | None, int | None]] | None:
    """Pairs (old index, new index) by pairing marks, in order; None when `old` has none."""
    if not any(el.get(_PAIR) for el in old):
        return None
    where = {el.get(_PAIR): j for j, el in enumerate(new) if el.get(_PAIR)}
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i, el in enumerate(old):
        target = where.get(el.get(_PAIR)) if el.get(_PAIR) else None
        if target is None or target < j:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, target)]
        out.append((i, target))
        j = target + 1
    out += [(None, k) for k in range(j, len(new))]
    return out


def retext(p: etree._Element, ops) -> None:
    """Rewrite a paragraph's text by diff ops from its text to the wanted one ("-": drop,
    "+": add, with the formatting of the text before it, or after it at the start)."""
    normalise(p)
    cuts, at = set(), 0
    for op, chunk in ops:
        if op != "+":
            cuts |= {at, at + len(chunk)}
            at += len(chunk)
    found, at = [], 0
    for piece in pieces(p):
        start = at
        at += len(piece.text)
        inside = sorted(c for c in cuts if start < c < at)
        offset = start
        for c in inside:
            left, piece = split(piece, c - offset)
            found.append((offset, left))
            offset = c
        found.append((offset, piece))
    last, at, dropped = None, 0, []
    for op, chunk in ops:
        if op == "+":
            neighbour = last or next((piece for _, piece in found), None)
            run = OxmlElement("w:r")
            if neighbour is not None and neighbour.run.find(_RPR) is not None:
                run.append(_properties_copy(neighbour.run.find(_RPR)))
            t = OxmlElement("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = chunk
            run.append(t)
            if last is not None:
                last.run.addnext(run)
            elif found:
                found[0][1].run.addprevious(run)
            else:
                p.append(run)
            last = Piece(run, t, chunk)
            continue
        for start, piece in found:
            if at <= start < at + len(chunk):
                if op == "-":
                    dropped.append(piece.run)
                else:
                    last = piece
        at += len(chunk)
    for run in dropped:  # only now: they anchor insertions made before them
        run.getparent().remove(run)


def remove(element: etree._Element) -> None:
    """Take an element out of its tree."""
    element.getparent().remove(element)


def row_of(p: etree._Element) -> etree._Element | None:
    """The table row holding a paragraph (the innermost), or None."""
    return next((a for a in p.iterancestors(qn("w:tr"))), None)


def cell_of(p: etree._Element) -> etree._Element | None:
    """The table cell holding a paragraph (the innermost), or None."""
    return next((a for a in p.iterancestors(qn("w:tc"))), None)


def body_end(body: etree._Element) -> int:
    """How many blocks the body holds now (its section properties not counted)."""
    return len(blocks(body))


def drop_after(body: etree._Element, start: int) -> None:
    """Remove the blocks appended to the body after its first `start` ones."""
    for block in blocks(body)[start:]:
        body.remove(block)


def move_to_front_as_section(body: etree._Element, start: int) -> None:
    """Move the blocks appended after the first `start` ones to the front, as a section of their
    own (page setup, headers and footers of the document's first section)."""
    added = blocks(body)[start:]
    first = next(iter(blocks(body)), None)
    for block in added:
        first.addprevious(block)
    sections = list(body.iter(qn("w:sectPr")))
    if not sections or not added:
        return
    sect = copy.deepcopy(sections[0])
    for kind in sect.findall(qn("w:type")):
        sect.remove(kind)
    end = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(sect)
    end.append(ppr)
    first.addprevious(end)
