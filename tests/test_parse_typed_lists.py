"""Lists typed by hand in a measure's cells or fields: partners one per line by Word's line
break or parted by semicolons, targets numbered "1. " without bullets (in a Word table, its
LibreOffice PDF and an outline's labelled fields). The numbers are the list's, not the
targets' text; a chapter numbered like the next item stays a chapter."""

from __future__ import annotations

import docx
import pytest
from builders import to_pdf

from orvers.api import load
from orvers.parse.labels import split_partners

TARGETS = ("Gjennomført to møter med kommunene.", "Etablert en felles portal for data.")
PARTNERS = ("KS", "næringsliv", "Statens vegvesen")


def _headed():
    """A Word document with a measure table under chapter 1: its header and three rows."""
    document = docx.Document()
    document.add_heading("1. Klima", level=1)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Tiltak", "Resultat- og effektmål", "Partnere"),
                          strict=True):
        cell.text = text
    return document, table


def _table(path, partners: str):
    document, table = _headed()
    for n, row in enumerate(table.rows[1:], 1):
        title, middle, right = row.cells
        title.text = f"1.{n}. Samle kunnskap om flom og skred i regionen, del {n}"
        middle.text = "Resultatmål:"
        for k, t in enumerate(TARGETS, 1):
            middle.add_paragraph(f"{k}. {t}")
        if partners == "semicolons":
            right.text = "; ".join(PARTNERS)
        else:
            paragraph = right.paragraphs[0]
            for k, name in enumerate(PARTNERS):
                run = paragraph.add_run(name)
                if k < len(PARTNERS) - 1:
                    run.add_break()
    document.save(str(path))
    return path


@pytest.mark.parametrize("partners", ["breaks", "semicolons"])
def test_partners_typed_one_per_line_or_parted_by_semicolons(tmp_path, partners):
    m = load(_table(tmp_path / "plan.docx", partners)).measures[0]
    assert m.partners == PARTNERS
    assert m.result_targets == TARGETS  # each numbered paragraph a target, its number off


def test_semicolons_part_names_outside_brackets():
    assert split_partners("Kommunene; fylkene") == ["Kommunene", "fylkene"]
    assert split_partners("Viken (Asker; Bærum)") == ["Viken (Asker; Bærum)"]


@pytest.mark.libreoffice
def test_numbered_targets_without_bullets_in_a_pdf_table(tmp_path):
    """pdfplumber gives the cell's lines only; a line that ended with room for the next
    line's first word, or a line opening with the list's next number, starts a target."""
    m = load(to_pdf(_table(tmp_path / "plan.docx", "semicolons"), tmp_path)).measures[0]
    assert m.result_targets == TARGETS
    assert m.partners == PARTNERS


OUTLINE = """Handlingsprogram 2026

1. Klima

1.1. Samle kunnskap om flom og skred
Resultatmål:
1. Gjennomført to møter med kommunene.
2. Etablert en felles portal for data.
Effektmål:
1. Bedre beredskap i kommunene.
2. Næring og kompetanse
2.1. Styrke samarbeidet med næringslivet
Resultatmål:
1. Holdt et seminar om kompetanse.
Partnere: NHO, KS
2.2. Utrede et felles kompetanseløft
2.3. Holde et årlig møte om kompetanse
2.4. Lage en oversikt over næringsarealer
"""


def test_an_outline_with_numbered_targets(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(OUTLINE, encoding="utf-8")
    p = load(path)
    assert [m.id for m in p.measures] == ["1.1", "2.1", "2.2", "2.3", "2.4"]
    first, second = p.measures[:2]
    assert first.result_targets == TARGETS
    # "2. Næring og kompetanse" follows a one-item list, but 2.1 after it makes it a chapter
    assert first.effect_targets == ("Bedre beredskap i kommunene.",)
    assert [(s.id, s.title) for s in p.sections] == [("1", "Klima"),
                                                     ("2", "Næring og kompetanse")]
    assert second.result_targets == ("Holdt et seminar om kompetanse.",)
    assert second.partners == ("NHO", "KS")


FORMS_AS_TEXT = """Handlingsprogram 2026
1. Klima
1.1. Kunnskap
Tiltak 1.1.1
Samle kunnskap om flom
Resultatmål
    • Gjennomført to møter med kommunene.
Partnere
    • KS
    • Andre
partnere

Tiltak 1.1.2
Styrke samarbeidet i regionen
Resultatmål
    • Etablert en felles portal for data.
Effektmål
    • Bedre beredskap i kommunene.
Partnere
    • NVE
"""


def test_form_keys_saved_as_text_are_labels_without_their_colon(tmp_path):
    """A form per measure saved as text prints its keys alone on their lines, no colon:
    labels still (before: read as workshop notes — the numbers stand alone on their lines —
    and, as an outline, 1.1.2 as a section heading, the targets in the titles); a lower-case
    field word alone on its line stays a partner's word ("Andre | partnere")."""
    path = tmp_path / "forms.txt"
    path.write_text(FORMS_AS_TEXT * 1 + "".join(
        f"\nTiltak 1.1.{n}\nLage plan nummer {n}\nResultatmål\n    • Laget planen.\n"
        for n in range(3, 6)), encoding="utf-8")
    p = load(path)
    assert [m.id for m in p.measures] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"]
    first, second = p.measures[:2]
    assert second.title == "Styrke samarbeidet i regionen"
    assert second.result_targets == ("Etablert en felles portal for data.",)
    assert second.effect_targets == ("Bedre beredskap i kommunene.",)
    assert first.partners[0] == "KS" and first.partners[-1].endswith("partnere")


TABLE_AS_TEXT = ("Handlingsprogram 2026\n1. Klima\nTiltak\nResultat- og effektmål\nPartnere\n"
                 + "".join(
                     f"1.{n}. Samle kunnskap om flom, skred og overvann i kommunene, del {n}\n"
                     f"Resultatmål:\n    • Gjennomført {n + 1} møter med kommunene.\n"
                     "Effektmål:\n    • Bedre beredskap i kommunene.\n    • KS\n    • NVE\n"
                     for n in range(1, 6)))


def test_a_table_saved_as_text_takes_the_number_line_as_title(tmp_path):
    """LibreOffice saves a table as text a cell paragraph per line, unwrapped: the rest of
    the measure number's line is the title, however long (before: read as a target)."""
    path = tmp_path / "table.txt"
    path.write_text(TABLE_AS_TEXT, encoding="utf-8")
    p = load(path)
    assert [m.title for m in p.measures] == [
        f"Samle kunnskap om flom, skred og overvann i kommunene, del {n}" for n in range(1, 6)]
    assert p.measures[1].result_targets == ("Gjennomført 3 møter med kommunene.",)
    assert p.measures[1].partners == ("KS", "NVE")


@pytest.mark.libreoffice
def test_names_one_per_line_that_may_have_been_joined_are_said(tmp_path):
    """Partners one per line by Word's line break, printed to PDF: where a short name is
    followed by one too long for the rest of its line, the PDF cannot tell a break from a
    wrap; the names are read joined, and a warning names the row (before: silently)."""
    from docx.shared import Cm

    document, table = _headed()
    for n, row in enumerate(table.rows[1:], 1):
        row.cells[0].text = f"1.{n}. Samle kunnskap om flom, del {n}"
        row.cells[1].text = "Resultatmål:"
        row.cells[1].add_paragraph("Gjennomført to møter.")
        paragraph = row.cells[2].paragraphs[0]
        for k, name in enumerate(("KS", "næringsliv", "interesseorganisasjoner")):
            run = paragraph.add_run(name)
            if k < 2:
                run.add_break()
    for row in table.rows:
        for cell, width in zip(row.cells, (6.0, 7.0, 3.0), strict=True):
            cell.width = Cm(width)
    path = tmp_path / "names.docx"
    document.save(str(path))
    p = load(to_pdf(path, tmp_path))
    assert p.measures[0].partners[0] == "KS"
    assert any("one per line without bullets" in w and "1.1. Samle kunnskap" in w
               for w in p.warnings)
