"""The parts of a DOCX package the in-place redline reads besides the body: headers, footers,
and the settings' document protection."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

_REFERENCES = (("header", qn("w:headerReference")), ("footer", qn("w:footerReference")))


def stories(document: DocxDocument) -> dict[tuple[int, str, str], object]:
    """Header and footer parts by (section number, "header" | "footer", type: default, first,
    even)."""
    out = {}
    for n, sect in enumerate(document.element.body.iter(qn("w:sectPr"))):
        for name, tag in _REFERENCES:
            for ref in sect.findall(tag):
                rid = ref.get(qn("r:id"))
                if rid in document.part.rels:
                    out[(n, name, ref.get(qn("w:type")) or "default")] = \
                        document.part.related_parts[rid]
    return out


def drop_protection(document: DocxDocument) -> bool:
    """Remove the document's editing protection; whether it had any."""
    settings = document.settings.element
    found = settings.findall(qn("w:documentProtection"))
    for element in found:
        settings.remove(element)
    return bool(found)


def notes(document: DocxDocument) -> dict[str, tuple[object, etree._Element]]:
    """The footnotes and endnotes parts ("footnote" | "endnote" -> (part, its parsed XML)).
    python-docx keeps them as bytes: after editing the XML, `store` writes it back."""
    out = {}
    for kind, reltype in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        for rel in document.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                out[kind] = (rel.target_part, parse_xml(rel.target_part.blob))
    return out


def store(part, root: etree._Element) -> None:
    """Write edited XML back into a part kept as bytes."""
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
