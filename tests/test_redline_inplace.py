"""The in-place redline (`redline --plain`) on real DOCX pairs and on edited copies, one per row
of the fidelity table: accept-all gives the new document and reject-all the old one, as text, as
each paragraph's properties and runs' formatting, headers and footers included; pictures,
hyperlinks, content controls and nested tables survive both ways."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from fixtures.redline.pairs import REAL, pairs

from orvers.redline import fidelity, write_plain_redline

DATE = dt.datetime(2025, 12, 18, tzinfo=dt.UTC)
PAIRS = pairs()


@pytest.fixture(scope="module")
def redlines(tmp_path_factory):
    """Every pair redlined once: name -> (old, new, redline, warnings)."""
    work = tmp_path_factory.mktemp("inplace")
    out = {}
    for name, (old, new) in PAIRS.items():
        path = work / f"{name}.docx"
        out[name] = (old, new, path, write_plain_redline(old, new, path, date=DATE))
    return out


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_accept_all_gives_the_new_document_and_reject_all_the_old(redlines, name):
    old, new, path, _ = redlines[name]
    for mode, expected in (("accept", new), ("reject", old)):
        got, want = fidelity.resolved(path, mode), docx.Document(str(expected))
        assert fidelity.snapshot(got, formatting=False) == fidelity.snapshot(want,
                                                                             formatting=False)
        assert fidelity.snapshot(got) == fidelity.snapshot(want), f"{mode}: formatting differs"
        assert fidelity.counts(got) == fidelity.counts(want)


def _body(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_real_pairs_are_redlined_not_copied(redlines):
    """Most real pairs differ in their text: their redlines carry insertions or deletions."""
    marked = [old for old, _ in REAL
              if "<w:ins " in _body(redlines[old][2]) or "<w:del " in _body(redlines[old][2])]
    assert len(marked) >= 14, marked


def _paragraph(document, start: str):
    return next(p for p in document.body.iter(qn("w:p"))
                if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(start))


def test_pictures_in_edited_paragraphs_stay_and_a_deleted_one_comes_back(redlines):
    old, new, path, _ = redlines["pictures"]
    redline = docx.Document(str(path))
    edited = _paragraph(redline.element, "Figur 1 viser")
    drawings = list(edited.iter(qn("w:drawing")))
    assert len(drawings) == 1 and drawings[0].getparent().getparent().tag == qn("w:p")
    assert fidelity.counts(fidelity.resolved(path, "reject"))["pictures"] == \
        fidelity.counts(docx.Document(str(old)))["pictures"] == 5
    assert fidelity.counts(fidelity.resolved(path, "accept"))["pictures"] == 4


def test_clause_numbers_keep_their_bold_arial_8_unmarked(redlines):
    _, _, path, _ = redlines["run-formatting"]
    paragraph = _paragraph(docx.Document(str(path)).element, "1.2 ")
    number = next(r for r in paragraph.iter(qn("w:r")) if r.findtext(qn("w:t")) == "1.2 ")
    assert number.getparent() is paragraph  # neither inserted nor deleted
    rpr = number.find(qn("w:rPr"))
    assert rpr.find(qn("w:b")) is not None and rpr.find(qn("w:sz")).get(qn("w:val")) == "16"
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"


def test_a_deleted_paragraph_keeps_its_numbering_indent_and_bold(redlines):
    _, _, path, _ = redlines["deleted-paragraph"]
    deleted = next(p for p in docx.Document(str(path)).element.body.iter(qn("w:p"))
                   if "Andre punkt" in "".join(t.text or "" for t in p.iter(qn("w:delText"))))
    assert deleted.xpath("./w:pPr/w:pStyle/@w:val") == ["ListNumber"]
    assert deleted.xpath("./w:pPr/w:ind/@w:left")
    assert deleted.xpath("./w:pPr/w:rPr/w:del")  # its ¶ is deleted too
    assert deleted.xpath(".//w:del/w:r[w:rPr/w:b]/w:delText/text()") == ["uthevet"]


def test_formatting_only_edits_are_tracked(redlines):
    _, _, path, _ = redlines["formatting-only"]
    body = docx.Document(str(path)).element.body
    assert len(body.xpath(".//w:rPrChange")) == 3 and len(body.xpath(".//w:pPrChange")) == 1
    assert "<w:ins " not in _body(path) and "<w:del " not in _body(path)
    first = lambda mode: fidelity.resolved(path, mode).paragraphs[0].runs[0].bold  # noqa: E731
    assert first("accept") is True and not first("reject")


def test_header_and_footer_edits_are_tracked(redlines):
    _, _, path, _ = redlines["headers-footers"]
    section = docx.Document(str(path)).sections[0]
    for part, new_word in ((section.header, "innstilling"), (section.footer, "innstilling")):
        xml = part._element.xml
        assert "<w:ins " in xml and "<w:del " in xml and new_word in xml
    assert fidelity.resolved(path, "reject").sections[0].header.paragraphs[0].text == \
        "Osloregionen – handlingsprogram 2026, utkast"


def test_protection_is_dropped_with_a_warning(redlines):
    _, new, path, warnings = redlines["protection"]
    assert docx.Document(str(new)).settings.element.find(qn("w:documentProtection")) is not None
    assert docx.Document(str(path)).settings.element.find(qn("w:documentProtection")) is None
    assert len(warnings) == 1 and "protected" in warnings[0]


def test_content_controls_and_hyperlinks_in_edited_paragraphs_are_kept(redlines):
    for name, what in (("content-controls", "content controls"), ("hyperlinks", "hyperlinks"),
                       ("nested-table", "nested tables")):
        _, new, path, _ = redlines[name]
        assert fidelity.counts(docx.Document(str(path)))[what] == \
            fidelity.counts(docx.Document(str(new)))[what] > 0, name
