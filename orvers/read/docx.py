"""Read a DOCX (python-docx + lxml) into paragraph and cell blocks, tracked changes accepted."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..errors import InputError
from ..model import Block, Document
from .limits import check_package, regular_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
NS = {"w": W}
_DELS = etree.XPath(".//w:del | .//w:moveFrom", namespaces=NS)
_INSS = etree.XPath(".//w:ins | .//w:moveTo", namespaces=NS)
_DELETED_ROWS = etree.XPath(".//w:tr[w:trPr/w:del]", namespaces=NS)
_DELETED_MARKS = etree.XPath(".//w:p[w:pPr/w:rPr/w:del or w:pPr/w:rPr/w:moveFrom]",
                             namespaces=NS)
_TEXT = etree.XPath(".//w:t", namespaces=NS)
_PAGE_BREAKS = etree.XPath(".//w:br[@w:type='page'] | .//w:lastRenderedPageBreak", namespaces=NS)
_BREAK_BEFORE = etree.XPath(
    "./w:pPr/w:pageBreakBefore[not(@w:val='0') and not(@w:val='false')]", namespaces=NS)
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _q(tag: str) -> str:
    return _W + tag


def accept_revisions(body: etree._Element) -> bool:
    """Resolve tracked changes in place as if accepted; True if there were any."""
    rows = _DELETED_ROWS(body)
    marks = _DELETED_MARKS(body)  # before the w:del marking them goes with the others
    dels = _DELS(body)
    inss = _INSS(body)
    for row in rows:
        row.getparent().remove(row)
    for el in dels:
        if el.getparent() is not None:
            el.getparent().remove(el)
    for el in inss:
        _unwrap(el)
    for p in reversed(marks):
        _join_next(p)
    return bool(rows or marks or dels or inss)


def _join_next(p: etree._Element) -> None:
    """Accept a deleted paragraph mark: what is left of the paragraph runs on into the next."""
    if p.getparent() is None:
        return
    following = p.getnext()
    while following is not None and following.tag not in (_q("p"), _q("tbl"), _q("sdt")):
        following = following.getnext()
    if following is not None and following.tag == _q("p"):
        at = 1 if following.find(_q("pPr")) is not None else 0
        for child in reversed([c for c in p if c.tag != _q("pPr")]):
            following.insert(at, child)
        p.getparent().remove(p)
    elif not "".join(t.text or "" for t in _TEXT(p)).strip():
        p.getparent().remove(p)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def _paragraph_text(p: etree._Element) -> str:
    """Text of a paragraph including content controls, without nested text boxes; a
    non-breaking hyphen as a hyphen, an optional (soft) one left out."""
    parts: list[str] = []
    for el in p.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen")):
        if _inside_textbox_of(el, p):
            continue
        if el.tag == _q("t"):
            parts.append(el.text or "")
        elif el.tag == _q("noBreakHyphen"):  # Ctrl+Shift+- ("E18‑korridoren")
            parts.append("-")
        elif el.tag == _q("tab"):
            parts.append("\t")
        elif el.tag in (_q("br"), _q("cr")) and el.get(_q("type")) != "page":
            parts.append("\n")
    return "".join(parts)


def _inside_textbox_of(el: etree._Element, p: etree._Element) -> bool:
    for a in el.iterancestors():
        if a is p:
            return False
        if a.tag == _q("txbxContent"):
            return True
    return False


class _Numbering:
    """Labels for numbered paragraphs computed from numbering.xml (w:numPr)."""

    def __init__(self, document: docx.document.Document) -> None:
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.indents: dict[str, dict[int, int]] = {}  # each list level's left indent (twips)
        self.depths: dict[int, int] = {}  # a bullet's indent → its depth among those used
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        abstract_indent: dict[str, dict[int, int]] = {}
        for a in root.findall(_q("abstractNum")):
            levels = {}
            indents = abstract_indent.setdefault(a.get(_q("abstractNumId")), {})
            for lvl in a.findall(_q("lvl")):
                ind = lvl.find(f"{_q('pPr')}/{_q('ind')}")
                left = ind.get(_q("left"), ind.get(_q("start"))) if ind is not None else None
                if left is not None and left.lstrip("-").isdigit():
                    indents[int(lvl.get(_q("ilvl")))] = int(left)
                fmt = lvl.find(_q("numFmt"))
                text = lvl.find(_q("lvlText"))
                start = lvl.find(_q("start"))
                levels[int(lvl.get(_q("ilvl")))] = (
                    fmt.get(_q("val")) if fmt is not None else "decimal",
                    text.get(_q("val")) if text is not None else "",
                    int(start.get(_q("val"))) if start is not None else 1,
                )
            abstract[a.get(_q("abstractNumId"))] = levels
        for num in root.findall(_q("num")):
            ref = num.find(_q("abstractNumId"))
            if ref is not None:
                self.formats[num.get(_q("numId"))] = abstract.get(ref.get(_q("val")), {})
                self.indents[num.get(_q("numId"))] = abstract_indent.get(ref.get(_q("val")), {})
        self.style_num: dict[str, tuple[str, int]] = {}
        for style in document.styles.element.findall(_q("style")):
            num_pr = style.find(f"{_q('pPr')}/{_q('numPr')}")
            if num_pr is not None:
                num_id = num_pr.find(_q("numId"))
                ilvl = num_pr.find(_q("ilvl"))
                if num_id is not None:
                    self.style_num[style.get(_q("styleId"))] = (
                        num_id.get(_q("val")), int(ilvl.get(_q("val"))) if ilvl is not None else 0)

    def bullet_depths(self, body: etree._Element) -> None:
        """Rank the left indents of the bullet levels the document's paragraphs use: a
        bullet's level is its depth among them, as the page shows it (Word's "List Bullet 2"
        is level 0 of a list of its own, set in further than "List Bullet")."""
        used = {self._list(p) for p in body.iter(_q("p"))}
        indents = {self.indents.get(n, {}).get(lv) for n, lv in used
                   if n is not None and self.formats.get(n, {}).get(lv, ("",))[0] == "bullet"}
        ranked = sorted(i for i in indents if i is not None)
        self.depths = {indent: k for k, indent in enumerate(ranked)}

    def _list(self, p: etree._Element) -> tuple[str | None, int]:
        """The list (numId) and level a paragraph is in, by its own numPr or its style's."""
        num_pr = p.find(f"{_q('pPr')}/{_q('numPr')}")
        if num_pr is not None:
            n = num_pr.find(_q("numId"))
            lv = num_pr.find(_q("ilvl"))
            return (n.get(_q("val")) if n is not None else None,
                    int(lv.get(_q("val"))) if lv is not None else 0)
        style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        if style is not None and style.get(_q("val")) in getattr(self, "style_num", {}):
            return self.style_num[style.get(_q("val"))]
        return None, 0

    def label(self, p: etree._Element) -> tuple[str, int | None]:
        """The list label ("3.2.4.", "•") and level of a paragraph, or ("", None); a bullet's
        level is its depth among the bullet indents the document uses (bullet_depths)."""
        num_id, level = self._list(p)
        if num_id is None or num_id == "0" or num_id not in self.formats:
            return "", None
        levels = self.formats[num_id]
        fmt, text, _ = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= level:
            counts.append(levels.get(len(counts), ("", "", 1))[2] - 1)
        counts[level] += 1
        del counts[level + 1:]
        if fmt == "bullet":
            return (text or "•"), self.depths.get(self.indents.get(num_id, {}).get(level, -1),
                                                 level)
        label = text
        for i, value in enumerate(counts):
            fmt_i = levels.get(i, ("decimal",))[0]
            label = label.replace(f"%{i + 1}", _format_number(value, fmt_i))
        return label, level


def _format_number(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, n = "", value
        for v, s in numerals:
            while n >= v:
                out, n = out + s, n - v
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def _style_names(document: docx.document.Document) -> dict[str, str]:
    return {s.style_id: s.name for s in document.styles}


def open_docx(path: str | Path) -> docx.document.Document:
    """A DOCX opened with python-docx, after its ZIP parts are checked against the size limits
    (XML is parsed by python-docx without resolving entities; lxml refuses huge trees); any
    file that is not a readable Word document is one InputError."""
    if not Path(path).exists():
        raise InputError(f"{path}: no such file")
    check_package(regular_file(Path(path)))
    try:
        document = docx.Document(str(path))
        document.element.body  # noqa: B018 (the main part must be a Word document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError,
            NotImplementedError, etree.XMLSyntaxError, zlib.error, EOFError):
        raise InputError(f"{path}: not a valid DOCX file (corrupt or not Word)") from None
    return document


def read_docx(path: Path) -> Document:
    """Paragraphs, table cells and text boxes in body order, with list labels and page breaks."""
    document = open_docx(path)
    try:
        return _read(path, document)
    except (AttributeError, KeyError, ValueError, TypeError, IndexError,
            etree.XMLSyntaxError) as exc:  # a part of another kind where Word puts this one
        raise InputError(f"{path}: not a valid DOCX file (a part is not what Word writes: "
                         f"{type(exc).__name__})") from None


def _read(path: Path, document: docx.document.Document) -> Document:
    body = document.element.body
    warnings: list[str] = []
    if accept_revisions(body):
        warnings.append("input had tracked changes; read as if all were accepted")
    numbering = _Numbering(document)
    numbering.bullet_depths(body)
    styles = _style_names(document)
    state = {"page": 1, "line": 0, "table": 0}
    blocks = list(_walk(body, numbering, styles, state, None))
    return Document(path=str(path), format="docx", blocks=tuple(blocks), pages=state["page"],
                    warnings=tuple(warnings))


def _walk(parent: etree._Element, numbering: _Numbering, styles: dict[str, str], state: dict,
          cell: tuple[int, int, int] | None) -> Iterator[Block]:
    for el in parent:
        if el.tag == _q("p"):
            yield from _paragraph(el, numbering, styles, state, cell)
        elif el.tag == _q("tbl"):
            yield from _table(el, numbering, styles, state)
        elif el.tag in (_q("sdt"), _q("customXml")):
            content = el.find(_q("sdtContent"))
            yield from _walk(content if content is not None else el, numbering, styles, state, cell)


def _paragraph(p: etree._Element, numbering: _Numbering, styles: dict[str, str], state: dict,
               cell: tuple[int, int, int] | None) -> Iterator[Block]:
    breaks = len(_PAGE_BREAKS(p))
    if _BREAK_BEFORE(p):
        breaks = max(breaks, 1)
    state["page"] += breaks
    state["line"] += 1
    style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
    style_name = styles.get(style.get(_q("val")), style.get(_q("val"))) if style is not None else ""
    label, level = numbering.label(p)
    text = _paragraph_text(p)
    if text.strip() or label:
        kind, table, row, col = ("cell", *cell) if cell else ("paragraph", None, None, None)
        yield Block(text=text, page=state["page"], line=state["line"], kind=kind, style=style_name,
                    list_label=label, list_level=level, table=table, row=row, col=col)
    for box in p.iter(_q("txbxContent")):
        # DrawingML text boxes repeat their content in a VML fallback: read it once.
        if not any(a.tag in (_q("txbxContent"), _MC_FALLBACK) for a in box.iterancestors()):
            yield from _walk(box, numbering, styles, state, None)


def _table(tbl: etree._Element, numbering: _Numbering, styles: dict[str, str],
           state: dict) -> Iterator[Block]:
    rows = tbl.findall(_q("tr"))
    cells = rows[0].findall(_q("tc")) if len(rows) == 1 else []
    if len(cells) == 1:  # one cell: a frame around the text (a layout table), no table
        yield from _walk(cells[0], numbering, styles, state, None)
        return
    state["table"] += 1
    table = state["table"]
    for r, tr in enumerate(rows):
        col = 0
        for tc in tr.findall(_q("tc")):
            span = tc.find(f"{_q('tcPr')}/{_q('gridSpan')}")
            vmerge = tc.find(f"{_q('tcPr')}/{_q('vMerge')}")
            continued = vmerge is not None and vmerge.get(_q("val"), "continue") == "continue"
            if not continued:
                yield from _walk(tc, numbering, styles, state, (table, r, col))
            col += int(span.get(_q("val"))) if span is not None else 1
