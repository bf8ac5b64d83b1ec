"""OCR residue is never shown to the board as a change: the draft → board redline and HTML
comparison have no change whose two sides are the same words up to OCR noise."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import corpus_file
from lxml import etree
from lxml import html as lhtml
from rapidfuzz.distance import Levenshtein

from orvers.api import load
from orvers.history import history
from orvers.match import compare
from orvers.ocr.wordlist import load_wordlist
from orvers.redline import write_redline
from orvers.render.html import render_comparison

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LETTERS = re.compile(r"[^\W\d_]+")

pytestmark = pytest.mark.skipif(not load_wordlist().words, reason="no word list installed")


def within_ocr_noise(old: str, new: str) -> bool:
    """Two spellings of one word as an OCR layer garbles it (independent of orvers's own rule):
    not the same letters, not all dictionary words, the letters within one edit per four of
    the shorter (two words for one: a lost space and at most one letter more), the same last
    two letters (a changed ending is inflection, not OCR)."""
    a, b = ("".join(LETTERS.findall(w)).casefold() for w in (old, new))
    if a == b or len(a) < 4 or len(b) < 4:
        return False
    known = load_wordlist().words
    if all(run.casefold() in known for run in LETTERS.findall(f"{old} {new}")):
        return False
    limit = 1 if " " in old.strip() else min(len(a), len(b)) / 4
    return a[-2:] == b[-2:] and Levenshtein.distance(a, b) <= limit


def noise_changes(blocks) -> list[tuple[str, str]]:
    """Deleted and inserted words (or two deleted words for one inserted: a lost space) of
    one block that are within OCR noise of each other."""
    found = []
    for deleted, inserted in blocks:
        dels, inss = " ".join(deleted).split(), " ".join(inserted).split()
        units = dels + [f"{x} {y}" for x, y in zip(dels, dels[1:], strict=False)
                        if len(x) > 1 and len(y) > 1]  # a dropped "i" is an edit
        found += [(d, i) for d in units for i in inss if within_ocr_noise(d, i)]
    return found


def redline_blocks(path: Path):
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    for p in root.iter(f"{W}p"):
        deleted = [t.text or "" for t in p.iter(f"{W}delText")]
        inserted = [t.text or "" for ins in p.iter(f"{W}ins") for t in ins.iter(f"{W}t")]
        yield deleted, inserted


def html_blocks(page: str):
    for row in lhtml.fromstring(page).iter("tr"):
        yield ([d.text_content() for d in row.iter("del")],
               [i.text_content() for i in row.iter("ins")])


@pytest.fixture(scope="module")
def draft_to_board():
    return compare(load(corpus_file("utkast"), label="utkast"),
                   load(corpus_file("styret"), label="styret"))


def test_the_rule_sees_the_residue_the_board_was_shown():
    # the changes the redline showed before OCR noise was no change in every output
    assert within_ocr_noise("gjennomføre", "gjen.no.mfrar_e")
    assert within_ocr_noise("om grønn", "omgrenn")
    assert not within_ocr_noise("prosjektets", "prosjektet")  # two words: an edit
    assert not within_ocr_noise("Geo4Water-prosjekt,", "Geo4Water-prosjektet")  # inflection
    assert not within_ocr_noise("nettutfordringer", "utfordringer")  # a word dropped
    assert not within_ocr_noise("og ekstremværhendelser.", "ekstremværhendelser.")
    assert noise_changes([(["om", "grønn"], ["omgrenn"])]) == [("om grønn", "omgrenn")]


def test_the_redline_shows_no_ocr_noise_as_a_change(draft_to_board, tmp_path):
    path = tmp_path / "redline.docx"
    write_redline(draft_to_board, path)
    assert noise_changes(redline_blocks(path)) == []


def test_the_html_comparison_shows_no_ocr_noise_as_a_change(draft_to_board):
    assert noise_changes(html_blocks(render_comparison(draft_to_board))) == []


def test_the_history_shows_no_ocr_noise_as_a_change(draft_to_board):
    for link in draft_to_board.links:
        if link.old and link.new:
            for step in history([draft_to_board], link.new, "styret"):
                deleted = [t for op, t in step.title if op == "-"]
                inserted = [t for op, t in step.title if op == "+"]
                assert noise_changes([(deleted, inserted)]) == [], link.new


def test_a_garbled_word_is_marked_in_the_extract_and_the_html(draft_to_board):
    board = draft_to_board.new
    assert "gjen.no.mfrar_e" in board.measure("3.5.1").unattested
    assert not any(m.unattested for m in draft_to_board.old.measures)  # clean: nothing marked
    page = lhtml.fromstring(render_comparison(draft_to_board))
    marked = {span.text_content() for span in page.find_class("unattested")}
    assert "gjen.no.mfrar_e" in marked and "omgrenn" in marked


def test_unattested_words_are_in_the_json_and_listed_per_version(draft_to_board):
    from orvers.render.extract import render_markdown
    from orvers.serialize import programme_from_dict, programme_to_dict

    board = draft_to_board.new
    data = programme_to_dict(board)
    assert all("unattested" in m for m in data["measures"])
    assert programme_from_dict(data).measures == board.measures
    listed = render_markdown(board, "en").split("## Words the OCR repair could not attest")[1]
    assert "- **3.5.1**: gjen.no.mfrar_e" in listed


def test_the_version_page_underlines_unattested_words_and_escapes_the_rest(draft_to_board):
    import dataclasses

    from orvers.render.html import render_version

    board = draft_to_board.new
    page = lhtml.fromstring(render_version(board, "board"))
    assert "gjen.no.mfrar_e" in {s.text_content() for s in page.find_class("unattested")}
    hostile = dataclasses.replace(board.measures[0], title="<b>x</b> uUio", unattested=("uUio",))
    page = render_version(dataclasses.replace(board, measures=(hostile,)), "board")
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
