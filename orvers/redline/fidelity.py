"""What a redline must keep: a document as blocks of text with each paragraph's properties and
its runs' formatting, and counts of the things users notice when lost (pictures, links, content
controls, nested tables). The oracle of the in-place redline: accepting all must give the new
document's snapshot, rejecting all the old one's."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from . import ooxml
from .inplace import markup, parts

Snapshot = dict[str, tuple]


def _shown(piece: markup.Piece, part) -> str:
    key = markup.object_key(piece, part)
    return piece.text if key is None else f"{piece.text}[{key}]"


def _items(root, part, formatting: bool) -> tuple:
    out = []
    for block in markup.blocks(root):
        kind = markup.kind(block)
        if kind == "p":
            pieces = markup.pieces(block)
            if not formatting:
                out.append("".join(_shown(p, part) for p in pieces))
                continue
            runs: list[tuple[str, tuple]] = []
            for piece in pieces:
                key = markup.properties_key(markup.run_properties(piece))
                if runs and runs[-1][1] == key:
                    runs[-1] = (runs[-1][0] + _shown(piece, part), key)
                else:
                    runs.append((_shown(piece, part), key))
            out.append((markup.properties_key(markup.paragraph_properties(block)),
                        tuple(runs)))
        elif kind == "tbl":
            out.append(tuple(tuple(_items(tc, part, formatting) for tc in markup.cells(tr))
                             for tr in markup.rows(block)))
        else:
            content = markup.sdt_content(block)
            out.append(("sdt", _items(content, part, formatting) if content is not None else ()))
    return tuple(out)


def snapshot(document: DocxDocument, formatting: bool = True) -> Snapshot:
    """The body, headers, footers and notes (in the order the text refers to them) as items:
    a paragraph's text (an object as U+FFFC and what it shows: its kind, the digest of its
    picture or its link's target) or, with `formatting`, its properties and (text, run
    properties) runs; a table as rows of cells."""
    out = {"body": _items(document.element.body, document.part, formatting)}
    for (n, name, kind), part in parts.stories(document).items():
        out[f"{name} {n} {kind}"] = _items(part.element, part, formatting)
    for kind, (part, root) in parts.notes(document).items():
        notes = markup.notes_by_id(root)
        references = document.element.body.iter(qn(f"w:{kind}Reference"))
        for n, ref in enumerate(references, start=1):  # in the order the text refers to them
            if ref.get(qn("w:id")) in notes:
                out[f"{kind} {n}"] = _items(notes[ref.get(qn("w:id"))], part, formatting)
    return out


def counts(document: DocxDocument) -> dict[str, int]:
    """Pictures, hyperlinks, content controls, fields and nested tables in the body."""
    body = document.element.body
    return {"fields": sum(1 for el in body.iter(qn("w:fldSimple"), qn("w:fldChar"))
                          if el.tag == qn("w:fldSimple")
                          or el.get(qn("w:fldCharType")) == "begin"),
            "pictures": sum(1 for _ in body.iter(qn("w:drawing"), qn("w:pict"))),
            "hyperlinks": sum(1 for _ in body.iter(qn("w:hyperlink"))),
            "content controls": sum(1 for _ in body.iter(qn("w:sdt"))),
            "nested tables": sum(1 for tbl in body.iter(qn("w:tbl"))
                                 if any(a.tag == qn("w:tc") for a in tbl.iterancestors()))}


def resolved(path: str | Path, mode: str) -> DocxDocument:
    """A DOCX with every tracked change accepted ("accept") or rejected ("reject"), headers,
    footers and notes included."""
    document = docx.Document(str(path))
    for root in (document.element.body, *(p.element for p in parts.stories(document).values())):
        ooxml.resolve_element(root, mode)
    for part, root in parts.notes(document).values():
        ooxml.resolve_element(root, mode)
        parts.store(part, root)
    return document
