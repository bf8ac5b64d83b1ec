"""A table of contents before the programme: its entries (numbered headings and measures with
page numbers) are left out with a warning, so the real headings and measures are read where
they stand. (The variant suite reads the draft and the board with contents as DOCX, PDF and
pdftotext dumps.)"""

from __future__ import annotations

from pathlib import Path

from orvers.api import load
from orvers.parse.contents import without_contents
from orvers.read import read

_BODY = ("1. Beredskap\n"
         "1.1. Samle kunnskap om flom og ras i regionen\n"
         "1.2. Dele data om flomsoner mellom kommunene\n"
         "2. Samferdsel\n"
         "2.1. Følge opp Nasjonal transportplan 2029-2040\n"
         "2.2. Gjennomføre fase 2\n"
         "2.3. Delta i arbeidet med regional plan\n")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "programme.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_contents_with_leaders_are_left_out_and_said(tmp_path):
    contents = ("Innhold\n1. Beredskap ........................ 3\n"
                "1.1. Samle kunnskap om flom og ras i regionen ...... 3\n"
                "1.2. Dele data om flomsoner mellom kommunene ....... 4\n"
                "2. Samferdsel ....................... 5\n"
                "2.1. Følge opp Nasjonal transportplan 2029-2040 ..... 5\n"
                "2.2. Gjennomføre fase 2 ........ 6\n"
                "2.3. Delta i arbeidet med regional plan ... 6\n")
    plain, with_contents = load(_write(tmp_path, _BODY)), load(_write(tmp_path, contents + _BODY))
    assert [(m.id, m.title) for m in with_contents.measures] == \
        [(m.id, m.title) for m in plain.measures]
    assert [(s.id, s.title) for s in with_contents.sections] == [("1", "Beredskap"),
                                                                 ("2", "Samferdsel")]
    assert any(w.startswith("a table of contents (7 entries, lines 2–8) left out")
               for w in with_contents.warnings)
    assert not any("table of contents" in w for w in plain.warnings)


def test_contents_of_headings_only_no_longer_glue_the_headings_onto_measures(tmp_path):
    # Word's contents of Heading 1 with a tab before the page number, and no leader drawn
    contents = "Innholdsfortegnelse\n1. Beredskap\t3\n2. Samferdsel\t5\n3. Budsjett\t9\n"
    p = load(_write(tmp_path, contents + _BODY + "3. Budsjett\n"))
    assert p.measures[1].title == "Dele data om flomsoner mellom kommunene"
    assert [s.id for s in p.sections][:2] == ["1", "2"]
    assert any("table of contents (3 entries" in w for w in p.warnings)


def test_numbered_lines_ending_in_a_number_are_no_contents(tmp_path):
    # measures that end in a number, never repeated further on, stay measures
    text = ("1. Beredskap\n1.1. Samle kunnskap om flom i 12\n1.2. Dele data om flomsoner 14\n"
            "1.3. Etablere nettverk for 15\n1.4. Delta i arbeidet med plan 2026\n"
            "1.5. Lage kart over skredfare\n")
    doc = read(_write(tmp_path, text))
    assert without_contents(doc) is doc
    assert [m.id for m in load(_write(tmp_path, text)).measures] == ["1.1", "1.2", "1.3", "1.4",
                                                                "1.5"]


def test_a_list_of_amounts_is_no_contents(tmp_path):
    text = ("Budsjett ........ 2 400 000\nLønn ........ 1 950 000\nReiser ........ 120 000\n"
            + _BODY)
    doc = read(_write(tmp_path, text))
    assert without_contents(doc) is doc
