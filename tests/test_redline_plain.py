"""The whole-document (--plain) redline of any two DOCX files."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from orvers.cli import cli
from orvers.errors import InputError
from orvers.redline import write_plain_redline
from orvers.redline.project import items, open_docx, project

DATE = dt.datetime(2025, 12, 18, tzinfo=dt.UTC)


def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions of a meeting record: paragraphs edited, added, removed; a table edited and
    one added after a new paragraph."""
    a = docx.Document()
    a.add_heading("Referat fra styremøte i Osloregionen", 1)
    a.add_paragraph("Styret vedtok budsjettet for 2026.")
    a.add_paragraph("Dette avsnittet er fjernet i ny versjon.")
    a.add_paragraph("Vedtaket var ").add_run("enstemmig").bold = True
    t = a.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Sak", (0, 1): "Vedtak", (1, 0): "1/25",
                         (1, 1): "Godkjent"}.items():
        t.cell(r, c).text = text
    a.add_paragraph("Møtet ble hevet kl. 15.")
    a.add_paragraph("Neste møte er 2. februar.")
    b = docx.Document()
    b.add_heading("Referat fra styremøtet i Osloregionen", 1)
    b.add_paragraph("Styret vedtok det reviderte budsjettet for 2026.")
    b.add_paragraph("Et nytt avsnitt om fylkeskommunene.")
    b.add_paragraph("Vedtaket var ").add_run("enstemmig").bold = True
    t = b.add_table(rows=3, cols=2)
    for (r, c), text in {(0, 0): "Sak", (0, 1): "Vedtak", (1, 0): "1/25",
                         (1, 1): "Godkjent med endringer", (2, 0): "2/25",
                         (2, 1): "Utsatt"}.items():
        t.cell(r, c).text = text
    b.add_paragraph("Møtet ble hevet kl. 15.30.")
    b.add_paragraph("Ny tabell over saker til neste møte:")
    b.add_table(rows=1, cols=1).cell(0, 0).text = "Høring om ny tiltaksplan for Oslofjorden"
    b.add_paragraph("Neste møte er 2. februar.")
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    a.save(str(old))
    b.save(str(new))
    return old, new


def test_accept_gives_the_new_file_and_reject_the_old(tmp_path):
    old, new = two_versions(tmp_path)
    path = tmp_path / "plain.docx"
    assert write_plain_redline(old, new, path, date=DATE) == []
    assert project(path, "accept") == items(open_docx(new))
    assert project(path, "reject") == items(open_docx(old))


def test_only_changed_words_are_marked(tmp_path):
    old, new = two_versions(tmp_path)
    path = tmp_path / "plain.docx"
    write_plain_redline(old, new, path, date=DATE)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    inserted = re.findall(r'<w:ins [^>]*><w:r[^>]*>(?:<w:rPr>.*?</w:rPr>)?<w:t[^>]*>([^<]*)</w:t>',
                          body)
    deleted = re.findall(r'<w:del [^>]*><w:r[^>]*>(?:<w:rPr>.*?</w:rPr>)?<w:delText[^>]*>([^<]*)<',
                         body)
    assert "det reviderte " in inserted and "styremøtet " in inserted
    assert "Dette avsnittet er fjernet i ny versjon." in deleted and "styremøte " in deleted
    assert '<w:t xml:space="preserve">budsjettet for 2026.</w:t>' in body  # kept, not marked


def test_identical_files_give_no_revisions(tmp_path):
    old, _ = two_versions(tmp_path)
    path = tmp_path / "same.docx"
    write_plain_redline(old, old, path, date=DATE)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in body and "<w:del " not in body
    assert project(path, "accept") == items(open_docx(old))


def test_input_with_tracked_changes_is_accepted_first_with_a_warning(tmp_path):
    old, new = two_versions(tmp_path)
    first = tmp_path / "first.docx"
    write_plain_redline(old, new, first, date=DATE)
    path = tmp_path / "second.docx"
    warnings = write_plain_redline(first, new, path, date=DATE)
    assert len(warnings) == 1 and "already had tracked changes" in warnings[0]
    assert project(path, "reject") == items(open_docx(new))


def test_cli_plain_writes_the_redline_and_reports_bad_input(tmp_path):
    old, new = two_versions(tmp_path)
    out = tmp_path / "cli.docx"
    result = CliRunner().invoke(cli, ["redline", "--plain", str(old), str(new), "-o", str(out),
                                      "--author", "Sekretariatet", "--date", "2025-12-18"])
    assert result.exit_code == 0, result.output
    assert project(out, "accept") == items(open_docx(new))
    bad = CliRunner().invoke(cli, ["redline", "--plain", str(tmp_path / "mangler.docx"),
                                   str(new), "-o", str(out)])
    assert bad.exit_code == 2 and "mangler.docx: no such file" in bad.output
    bad_date = CliRunner().invoke(cli, ["redline", "--plain", str(old), str(new), "-o",
                                        str(out), "--date", "i går"])
    assert bad_date.exit_code == 2 and "not an ISO date" in bad_date.output


def test_a_text_file_is_refused_with_a_clear_error(tmp_path):
    txt = tmp_path / "notes.txt"
    txt.write_text("Tiltak", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid DOCX file"):
        write_plain_redline(txt, txt, tmp_path / "x.docx")


def test_unchanged_paragraphs_keep_their_formatting(tmp_path):
    old, new = two_versions(tmp_path)
    path = tmp_path / "plain.docx"
    write_plain_redline(old, new, path, date=DATE)
    paragraph = next(p for p in docx.Document(str(path)).paragraphs
                     if p.text == "Vedtaket var enstemmig")
    assert [(r.text, bool(r.bold)) for r in paragraph.runs] == [
        ("Vedtaket var ", False), ("enstemmig", True)]
    heading = docx.Document(str(path)).paragraphs[0]
    assert heading.style.name == "Heading 1"


def test_removed_rows_do_not_point_into_the_old_file(tmp_path):
    # a comment in a row of the old file: the row is removed; the redline must not refer to a
    # comment (or image, link) that only the old file holds — Word refuses such a file
    a = docx.Document()
    t = a.add_table(rows=2, cols=1)
    t.cell(0, 0).text = "Sak 1"
    run = t.cell(1, 0).paragraphs[0].add_run("Sak 2 med kommentar")
    a.add_comment(run, text="Sjekk dette", author="Revisor")
    a.add_paragraph("Slutt.")
    b = docx.Document()
    b.add_table(rows=1, cols=1).cell(0, 0).text = "Sak 1"
    b.add_paragraph("Slutt.")
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    a.save(str(old))
    b.save(str(new))
    path = tmp_path / "plain.docx"
    write_plain_redline(old, new, path, date=DATE)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "commentReference" not in body and "commentRangeStart" not in body
    assert project(path, "reject") == items(open_docx(old))
    assert project(path, "accept") == items(open_docx(new))
