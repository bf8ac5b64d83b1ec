"""A redline ready to send: rows kept on one page, workshop proposals named in comments, every
inserted or deleted paragraph's mark tracked, and the cover pointing to the real edits."""

from __future__ import annotations

import dataclasses
import re

import docx
import pdfplumber
import pytest
from builders import to_pdf
from docx.oxml.ns import qn
from test_redline import COMPARISON, DATE

from orvers.redline import write_redline
from orvers.redline.sources import QUOTE_WORDS, Source, source_note

W28 = Source("W28", "Utfordre fylkeskommuner og SVV til mer forpliktende samarbeid med kommunene "
             "om kollektivtilbudet på tvers av fylkesgrensene", partly=True)
W29 = Source("W29", "Videreføre: Dialog med Bane Nor")
W41 = Source("W41", "Jobbe med boligpolitikk")
SOURCES = {"2.3.3": (W28, W29), "2.4.2": (W41,)}


def _comments_by_row(path) -> dict[str, str]:
    """Measure number -> the text of the comment anchored in its row's number cell."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): "\n".join(p.text for p in c.paragraphs)
             for c in document.comments}
    out = {}
    for tr in document.tables[-1]._tbl.findall(qn("w:tr")):
        tc = tr.find(qn("w:tc"))
        refs = tc.xpath(".//w:commentReference/@w:id")
        if refs:
            out["".join(tc.xpath(".//w:t/text()"))] = texts[refs[0]]
    return out


def test_every_table_row_stays_on_one_page(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE)
    rows = docx.Document(str(path)).tables[-1]._tbl.findall(qn("w:tr"))
    assert len(rows) > 5
    for tr in rows[1:]:
        trpr = tr.find(qn("w:trPr"))
        tags = [child.tag for child in trpr]
        assert qn("w:cantSplit") in tags
        for later in (qn("w:ins"), qn("w:del")):  # the schema's order: cantSplit first
            if later in tags:
                assert tags.index(qn("w:cantSplit")) < tags.index(later)


def test_a_measure_from_the_workshop_names_its_proposals_in_its_comment(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE, sources=SOURCES)
    comments = _comments_by_row(path)
    merged = comments["2.3.3"].split("\n")
    assert merged[0] == "Tidligere 3.3.3 og 3.3.4, slått sammen"
    assert merged[1].startswith("Fra verkstedet: W28 «Utfordre fylkeskommuner")
    assert merged[1].endswith(" …» (delvis); W29 «Videreføre: Dialog med Bane Nor»")
    assert comments["2.4.2"] == "Fra verkstedet: W41 «Jobbe med boligpolitikk»"  # an added one
    assert "Fra verkstedet" not in comments["3.4.1"]
    without = tmp_path / "plain.docx"
    write_redline(COMPARISON, without, date=DATE)
    assert "2.4.2" not in _comments_by_row(without)


def test_the_comment_is_english_with_lang_en(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE, lang="en", sources=SOURCES)
    assert _comments_by_row(path)["2.3.3"].split("\n")[1].startswith(
        "From the workshop: W28 «Utfordre")
    assert "(partly)" in _comments_by_row(path)["2.3.3"]


def test_long_proposals_are_quoted_up_to_a_word():
    note = source_note((W28,), {"from_workshop": "Fra verkstedet", "partly": "delvis"})
    quoted = note.split("«")[1].split("»")[0]
    assert quoted.endswith(" …") and len(quoted) <= QUOTE_WORDS + 2
    assert W28.text.startswith(quoted.removesuffix(" …"))
    assert W28.text[len(quoted) - 2] == " "  # cut between words


def _all_runs_in(p, tag: str) -> bool:
    runs = p.xpath(".//w:r[w:t or w:delText]")
    return bool(runs) and all(r.getparent().tag == qn(tag) for r in runs)


def test_every_inserted_or_deleted_paragraph_has_its_mark_tracked(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE)
    table = docx.Document(str(path)).tables[-1]._tbl
    checked = {"w:ins": 0, "w:del": 0}
    last_in_cell = 0
    for p in table.iter(qn("w:p")):
        for tag in checked:
            if _all_runs_in(p, tag):
                checked[tag] += 1
                last_in_cell += p.getnext() is None
                assert p.xpath(f"./w:pPr/w:rPr/{tag}"), "".join(p.xpath(".//text()"))
    assert checked["w:ins"] > 10 and checked["w:del"] > 1 and last_in_cell > 3


def _page_refs(document) -> list[tuple[str, str]]:
    """(bookmark, paragraph text) of every PAGEREF field in the body."""
    out = []
    for f in document.element.body.iter(qn("w:fldSimple")):
        instr = f.get(qn("w:instr")).split()
        if instr[0] == "PAGEREF":
            out.append((instr[1], "".join(f.getparent().xpath("./w:r/w:t/text()"))))
    return out


def test_without_old_targets_the_cover_lists_the_changed_titles_with_their_page(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE)
    document = docx.Document(str(path))
    body = document.element.body
    marked = {b.get(qn("w:name")): "".join(b.getparent().xpath(".//w:t/text()"))
              for b in body.iter(qn("w:bookmarkStart"))}
    refs = _page_refs(document)
    # the draft states no targets; 2.1.1 kept its title, 2.4.2 is new: neither is listed
    assert [line.split()[0] for _, line in refs] == ["2.3.3", "3.4.1", "3.4.2"]
    assert refs[0][1].startswith("2.3.3 (tidligere 3.3.3, 3.3.4) Etablere strukturert dialog")
    for name, line in refs:
        assert marked[name] == line.split()[0]  # the bookmark sits on that measure's number
    cover_text = "\n".join(p.text for p in document.paragraphs)
    assert "Den gamle versjonen (utkast) har ingen resultat- eller effektmål" in cover_text
    assert document.settings.element.find(qn("w:updateFields")) is not None


def test_with_old_targets_the_cover_has_no_such_list(tmp_path):
    old = COMPARISON.old
    first = dataclasses.replace(old.measures[0], result_targets=("Noe målbart.",))
    path = tmp_path / "r.docx"
    write_redline(dataclasses.replace(COMPARISON, old=dataclasses.replace(
        old, measures=(first, *old.measures[1:]))), path, date=DATE)
    assert _page_refs(docx.Document(str(path))) == []


@pytest.mark.libreoffice
def test_libreoffice_fills_in_the_pages_where_the_changed_titles_stand(tmp_path):
    path = tmp_path / "r.docx"
    write_redline(COMPARISON, path, date=DATE)
    with pdfplumber.open(to_pdf(path, tmp_path)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    listed = re.findall(r"(\d+(?:\.\d+)+) \(tidligere[^•]*?– side (\d+)", pages[0], re.S)
    assert [number for number, _ in listed] == ["2.3.3", "3.4.1", "3.4.2"]
    for number, page in listed:
        assert int(page) > 1
        assert re.search(rf"^{re.escape(number)} ", pages[int(page) - 1], re.M), number
