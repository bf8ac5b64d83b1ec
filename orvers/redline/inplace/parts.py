"""The parts of a DOCX package the in-place redline reads besides the body: headers, footers,
and the settings' document protection."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

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
