"""The measure-aware redline inside the board's own Word document: the board recommendation as a
DOCX (table style, header with logo, page numbers), redlined against the draft (utkast), keeps
all of that; accepting all gives the board document back, rejecting all gives the draft's
measures in the board's layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from builders import build_board_docx
from click.testing import CliRunner
from conftest import corpus_file

from orvers.api import load
from orvers.cli import cli
from orvers.redline import fidelity

DATE = "2025-12-18"


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> dict[str, Path]:
    """The board DOCX and its redline against the draft (cover first, and without cover)."""
    work = tmp_path_factory.mktemp("board")
    new = build_board_docx(load(corpus_file("styret"), label="styret"), work / "styret.docx")
    out = {"new": new}
    for name, extra in (("redline", []), ("bare", ["--no-cover"])):
        out[name] = work / f"{name}.docx"
        result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")), str(new),
                                          "-o", str(out[name]), "--date", DATE, *extra])
        assert result.exit_code == 0, result.output
    return out


def test_accept_all_gives_the_board_document_back(board):
    accepted = fidelity.snapshot(fidelity.resolved(board["bare"], "accept"))
    assert accepted == fidelity.snapshot(docx.Document(str(board["new"])))


def test_every_inserted_paragraph_has_its_mark_tracked_the_last_of_a_cell_too(board):
    """A paragraph whose text is all inserted has its ¶ tracked as inserted, so that its bullet
    shows as inserted like its text; the last paragraph of a cell included."""
    from docx.oxml.ns import qn

    body = docx.Document(str(board["bare"])).element.body
    inserted = last_in_cell = 0
    for p in body.iter(qn("w:p")):
        runs = p.xpath(".//w:r[w:t]")
        if (runs and all(r.getparent().tag == qn("w:ins") for r in runs)
                and not p.xpath(".//w:delText")):  # new, not a rewritten paragraph
            inserted += 1
            last_in_cell += p.getparent().tag == qn("w:tc") and p.getnext() is None
            assert p.xpath("./w:pPr/w:rPr/w:ins"), "".join(p.xpath(".//w:t/text()"))
    assert inserted > 50 and last_in_cell > 10


def test_header_logo_styles_and_page_numbers_are_kept(board):
    redline, new = docx.Document(str(board["redline"])), docx.Document(str(board["new"]))
    header = redline.sections[-1].header
    assert header.paragraphs[0].text == new.sections[0].header.paragraphs[0].text
    assert len(header._element.xpath(".//w:drawing")) == 1  # the logo
    assert redline.sections[-1].footer._element.xpath(".//w:fldSimple/@w:instr") == \
        [" PAGE ", " NUMPAGES "]
    measure_tables = redline.tables[-len(new.tables):]
    assert [t.style.name for t in measure_tables] == [t.style.name for t in new.tables] == \
        ["Light Grid Accent 1"] * len(new.tables)


def test_reject_all_gives_the_drafts_measures(board, tmp_path):
    rejected = tmp_path / "rejected.docx"
    fidelity.resolved(board["bare"], "reject").save(str(rejected))
    got = {m.id: " ".join(m.title.split()) for m in load(rejected, "table").measures}
    draft = {m.id: " ".join(m.title.split()) for m in load(corpus_file("utkast")).measures}
    assert got == draft


def test_renumbered_measures_carry_a_comment_and_the_cover_comes_first(board):
    redline = docx.Document(str(board["redline"]))
    notes = [c.text for c in redline.comments]
    # renumbered, moved, split and merged measures; the draft is a corpus version, so the
    # corpus's workshop is traced too and the measures that took up proposals name them
    assert notes and all(n.startswith(("Tidligere ", "Fra verkstedet: W")) for n in notes)
    assert any("Fra verkstedet: W" in n for n in notes)
    assert redline.paragraphs[0].text.startswith("Sporede endringer i handlingsprogrammet")
    assert len(redline.sections) == len(docx.Document(str(board["new"])).sections) + 1
    bare = docx.Document(str(board["bare"]))
    assert bare.paragraphs[0].text == docx.Document(str(board["new"])).paragraphs[0].text


def test_generated_layout_is_still_there_on_request(board, tmp_path):
    out = tmp_path / "generated.docx"
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")), str(board["new"]),
                                      "-o", str(out), "--layout", "generated", "--date", DATE])
    assert result.exit_code == 0, result.output
    header = [c.text for c in docx.Document(str(out)).tables[-1].rows[0].cells]
    assert header == ["Nr", "Tiltak", "Resultat- og effektmål", "Partnere"]


def test_in_place_needs_a_word_file(tmp_path):
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")),
                                      str(corpus_file("styret")), "-o", str(tmp_path / "x.docx"),
                                      "--layout", "in-place"])
    assert result.exit_code == 2 and "needs NEW as a Word file" in result.output


def test_dates_of_the_changes_are_the_given_date(board):
    body = docx.Document(str(board["bare"])).element.body
    dates = set(body.xpath(".//w:ins/@w:date | .//w:del/@w:date"))
    assert dates == {dt.datetime(2025, 12, 18).isoformat() + "Z"}


def test_an_outline_document_carries_the_old_titles_and_says_what_it_cannot_show(tmp_path):
    """The draft as a Word outline, redlined against the board: its numbered paragraphs carry
    the board's titles when rejected; the board's targets and partners have no place there."""
    from builders import build_docx

    outline = build_docx(load(corpus_file("utkast")), tmp_path / "utkast.docx", "outline")
    out = tmp_path / "outline-redline.docx"
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("styret")), str(outline),
                                      "-o", str(out), "--no-cover", "--date", DATE])
    assert result.exit_code == 0, result.output
    assert "targets or partners of" in result.output and "no place for them" in result.output
    assert fidelity.snapshot(fidelity.resolved(out, "accept")) == \
        fidelity.snapshot(docx.Document(str(outline)))
    rejected = {" ".join(p.text.split()) for p in fidelity.resolved(out, "reject").paragraphs}
    board = load(corpus_file("styret")).measures
    assert all(f"{m.id}. {' '.join(m.title.split())}" in rejected for m in board)


def test_in_place_comments_name_the_workshop_proposals(board, tmp_path):
    from orvers.match import compare
    from orvers.redline import write_inplace_redline
    from orvers.redline.sources import Source

    comparison = compare(load(corpus_file("utkast"), label="utkast"),
                         load(corpus_file("styret"), label="styret"))
    out = tmp_path / "sourced.docx"
    write_inplace_redline(comparison, board["new"], out,
                          date=dt.datetime(2025, 12, 18, tzinfo=dt.UTC),
                          sources={"2.1.2": (Source("W38", "Regional Arealanalyse"),),
                                   "2.4.2": (Source("W41", "Jobbe med boligpolitikk"),)})
    redline = docx.Document(str(out))
    notes = {c.text for c in redline.comments}
    assert "Tidligere 3.1.2, omnummerert\nFra verkstedet: W38 «Regional Arealanalyse»" in notes
    assert "Fra verkstedet: W41 «Jobbe med boligpolitikk»" in notes  # an added measure


def test_a_board_printing_tiltak_before_its_numbers_is_redlined_in_place(tmp_path):
    # "Tiltak 1.1: Title" in the first column (tests/variants, cell-forms): the rows are found
    # by their numbers printed so; accept all gives the board file, reject all the draft
    new = Path(__file__).parent / "variants" / "files" / "board-cell-tiltak-colon-docx.docx"
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(cli, ["redline", str(corpus_file("utkast")), str(new),
                                      "-o", str(out), "--date", DATE, "--no-cover"])
    assert result.exit_code == 0, result.output
    assert fidelity.snapshot(fidelity.resolved(out, "accept")) == \
        fidelity.snapshot(docx.Document(str(new)))
    rejected = tmp_path / "rejected.docx"
    fidelity.resolved(out, "reject").save(str(rejected))
    got = {m.id: " ".join(m.title.split()) for m in load(rejected).measures}
    assert got == {m.id: " ".join(m.title.split()) for m in load(corpus_file("utkast")).measures}
