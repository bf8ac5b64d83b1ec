"""Board tables read from word positions: an OCR'd page, and lines built word by word."""

from __future__ import annotations

from pathlib import Path

from pdf_lines import pdf_document as _doc
from pdf_lines import pdf_line as _line

from orvers.parse import parse
from orvers.parse.table import parse_table
from orvers.parse.table.geometry import read_geometry, table_cells
from orvers.parse.table.items import BULLET
from orvers.read import read

FIXTURES = Path(__file__).parent / "fixtures"


def test_ocr_layer_is_read_in_columns():
    geometry = read_geometry(read(FIXTURES / "board-ocr.pdf"))
    cells = [b for b in table_cells(geometry)[0] if b.kind == "cell"]
    assert {b.col for b in cells} == {0, 1, 2}
    assert any(b.col == 0 and b.text.startswith("2.1.1.") for b in cells)
    assert not any(b.col == 0 and "Resultatm" in b.text for b in cells)


HEADER = ((40, "Tiltak"), (200, "Resultat- og effektmål"), (400, "Partnere"))


def test_rows_continue_across_pages_and_headings_end_tables():
    p = parse_table(_doc(
        _line(1, 1, 50, (40, "2. Innsatsområder"), size=14),
        _line(2, 1, 70, (40, "2.1 Klima"), size=12),
        _line(3, 1, 90, *HEADER),
        _line(4, 1, 102, (40, "2.1.1. Samle kunnskap"), (200, "Resultatmål:"), (400, "KS")),
        _line(5, 1, 114, (40, "om flom"), (200, "Gjennomført to møter."), (400, "NVE")),
        _line(6, 2, 40, (40, "og ras."), (200, "Delt et notat.")),
        _line(7, 2, 52, (40, "2.1.2. Dele data"), (200, "Resultatmål:"), (400, "Kartverket")),
        _line(8, 2, 64, (200, "Etablert en portal.")),
        _line(9, 2, 80, (40, "2.2 Transport og mobilitet i regionen"), size=12),
        _line(10, 2, 92, (40, "2.2.1 is a line of prose that runs right across the columns")),
    ))
    assert [m.id for m in p.measures] == ["2.1.1", "2.1.2"]
    first = p.measures[0]
    assert first.title == "Samle kunnskap om flom og ras."
    assert first.result_targets == ("Gjennomført to møter.", "Delt et notat.")
    assert first.partners == ("KS", "NVE")
    assert p.measures[1].result_targets == ("Etablert en portal.",)
    assert [s.id for s in p.sections] == ["2", "2.1"]


def test_a_garbled_bullet_glyph_starts_an_item():
    cells, _ = table_cells(read_geometry(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Tiltak"), (200, "e¢ Holdt et møte"), (400, "°* KS")),
    )))
    middle = next(b for b in cells if b.col == 1)
    partner = next(b for b in cells if b.col == 2)
    assert (middle.text, middle.list_label) == ("Holdt et møte", BULLET)
    assert (partner.text, partner.list_label) == ("KS", BULLET)


def test_table_text_before_the_first_measure_is_reported():
    p = parse(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (200, "Resultatmål:"), (400, "KS")),
        _line(3, 1, 114, (40, "1.1. Samle kunnskap"), (200, "Holdt et møte.")),
        _line(4, 1, 126, (40, "1.2. Dele data"), (200, "Delt et notat.")),
    ))
    assert [m.id for m in p.measures] == ["1.1", "1.2"]
    assert [(c.kind, c.ids, c.text) for c in p.checks] == [
        ("leftover_text", (), "Resultatmål: KS")]


def test_partner_lines_without_bullets_start_names_where_the_geometry_says():
    """OCR dropped every bullet: a line starts a name when its first word would have fit on
    the line above, or when the line above was full and does not wait for a noun."""
    partners = parse_table(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Samle kunnskap"), (200, "Holdt et møte."),
              (400, "Kunnskapsintensive aktører")),  # the widest line: the column's width
        _line(3, 1, 114, (400, "Innovasjon Norge")),
        _line(4, 1, 126, (400, "næringsklynger og andre")),  # would not fit; "Norge" ends it
        _line(5, 1, 138, (400, "Ruter")),
        _line(6, 1, 150, (400, "fylkeskommuner")),  # would have fit after "Ruter"
        _line(7, 1, 162, (400, "Nasjonale og regionale")),
        _line(8, 1, 174, (400, "nettverk")),  # "regionale" waits for its noun
        _line(9, 1, 186, (400, "myndigheter og andre")),
        _line(10, 1, 198, (400, "offentlige aktører")),
        _line(11, 1, 210, (400, "Bente Bye og partnere i")),
        _line(12, 1, 222, (400, "Spania")),  # the line above ends open
    )).measures[0].partners
    assert partners == ("Kunnskapsintensive aktører", "Innovasjon Norge",
                        "næringsklynger og andre", "Ruter", "fylkeskommuner",
                        "Nasjonale og regionale nettverk",
                        "myndigheter og andre offentlige aktører", "Bente Bye og partnere i Spania")


def test_lettered_targets_start_only_at_their_letters():
    """Where a cell's items are lettered, a capitalised name after a full line, or a dash
    before a line's first word, goes on the item above."""
    targets = parse_table(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Samle kunnskap"), (200, "Resultatmål:"), (400, "KS")),
        _line(3, 1, 114, (200, "a) Holdt et møte om")),  # the widest line: the column's width
        _line(4, 1, 126, (200, "Oslofjorden")),  # would have fit, but no letter
        _line(5, 1, 138, (200, "-hvordan lykkes?")),
        _line(6, 1, 150, (200, "b) Delt et notat.")),
    )).measures[0].result_targets
    assert targets == ("a) Holdt et møte om Oslofjorden -hvordan lykkes?", "b) Delt et notat.")


def test_a_letter_broken_off_a_word_goes_back_a_bullet_read_as_a_letter_starts_an_item():
    """A lone "e" a word space before the next word ended the word above; one a hanging
    indent before it is a bullet OCR read as a letter."""
    targets = parse_table(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Samle kunnskap"), (200, "Resultatmål:"), (400, "KS")),
        _line(3, 1, 114, (200, "Målt gjennom en")),
        _line(4, 1, 126, (200, "deltakerundersøkels")),
        _line(5, 1, 138, (200, "e med minst 80 %")),
        _line(6, 1, 150, (200, "respons.")),
        _line(7, 1, 162, (200, "e"), (215, "Delt et notat.")),
    )).measures[0].result_targets
    assert targets == ("Målt gjennom en deltakerundersøkelse med minst 80 % respons.",
                       "Delt et notat.")


def test_glyphs_stacked_before_an_item_are_taken_off():
    cells, _ = table_cells(read_geometry(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Tiltak"), (200, "Holdt et møte."), (400, "* ~~ næringsliv")),
    )))
    partner = next(b for b in cells if b.col == 2)
    assert (partner.text, partner.list_label) == ("næringsliv", BULLET)


def test_a_line_across_the_columns_inside_a_table_is_reported_not_dropped():
    p = parse(_doc(
        _line(1, 1, 90, *HEADER),
        _line(2, 1, 102, (40, "1.1. Samle kunnskap"), (200, "Holdt et møte."), (400, "KS")),
        _line(3, 1, 114, (40, "Denne linjen går tvers over kolonnene i tabellen")),
        _line(4, 1, 126, (40, "1.2. Dele data"), (200, "Delt et notat.")),
    ))
    assert [m.id for m in p.measures] == ["1.1", "1.2"]
    assert [(c.kind, c.ids, c.text) for c in p.checks] == [
        ("leftover_text", ("1.1",), "Denne linjen går tvers over kolonnene i tabellen")]


def test_an_nr_column_counting_the_measures_in_a_table_without_rules():
    """"Nr | Tiltak | Resultat- og effektmål | Partnere", the Nr column counting 1, 2, 3 …:
    each count opens its measure, the count its id (before: no measures found)."""
    lines = [_line(1, 1, 50, (40, "1. Klima")),
             _line(2, 1, 70, (40, "Nr"), (120, "Tiltak"), (300, "Resultat- og effektmål"),
                   (480, "Partnere"))]
    top = 90
    for n in range(1, 4):
        lines += [_line(len(lines) + 1, 1, top, (40, str(n)), (120, f"Samle kunnskap {n}"),
                        (300, "Resultatmål:"), (480, "KS")),
                  _line(len(lines) + 2, 1, top + 14, (120, "om flom"),
                        (300, f"• Gjennomført {n} møter."), (480, "• NVE"))]
        top += 40
    p = parse(_doc(*lines), "table")
    assert [(m.id, m.title) for m in p.measures] == [
        (str(n), f"Samle kunnskap {n} om flom") for n in range(1, 4)]
    assert p.measures[1].result_targets == ("Gjennomført 2 møter.",)
    assert p.measures[1].partners == ("KS", "NVE")


def test_a_table_without_rules_nor_numbers_opens_a_row_at_its_first_target_label():
    """No rules, no numbers: a title's first line stands beside the row's first target label
    ("Resultatmål:" again after the measure before had one); its id the next in its
    section (before: no measures found)."""
    lines = [_line(1, 1, 50, (40, "1.1 Klima")),
             _line(2, 1, 70, (40, "Tiltak"), (300, "Resultat- og effektmål"),
                   (480, "Partnere"))]
    top = 90
    for n in range(1, 4):
        lines += [_line(len(lines) + 1, 1, top, (40, f"Samle kunnskap {n}"),
                        (300, "Resultatmål:"), (480, "KS")),
                  _line(len(lines) + 2, 1, top + 14, (40, "om flom"),
                        (300, f"• Gjennomført {n} møter."), (480, "• NVE")),
                  _line(len(lines) + 3, 1, top + 28, (40, "og skred"), (300, "Effektmål:")),
                  _line(len(lines) + 4, 1, top + 42, (300, "• Bedre beredskap."))]
        top += 70
    p = parse(_doc(*lines), "table")
    assert [(m.id, m.title) for m in p.measures] == [
        (f"1.1.{n}", f"Samle kunnskap {n} om flom og skred") for n in range(1, 4)]
    assert p.measures[1].result_targets == ("Gjennomført 2 møter.",)
    assert p.measures[1].effect_targets == ("Bedre beredskap.",)
    assert p.measures[1].partners == ("KS", "NVE")
