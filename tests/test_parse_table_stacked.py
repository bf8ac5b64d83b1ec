"""Measure tables with no header row in a text dumped by pdftotext without -layout: the columns'
cells printed as runs of lines, the bullets as glyphs on lines of their own that count the
items beside them. (The variant suite reads three whole such dumps of the board.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from orvers.api import load
from orvers.parse import detect_layout
from orvers.parse.table import UNLABELLED
from orvers.read import read

G = "\uf0b7"  # Word's Symbol bullet as pdftotext prints it, alone on its line


def _dump(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    return path


# A ruled table: the page's titles, each followed by the bullets of its targets, then all the
# targets' text, then each partner cell after its own run of bullets.
_COLUMNS = f"""Handlingsprogram 2030

1. Beredskap
1.1. Samle kunnskap om
flom og ras

{G}

{G}
1.2. Dele data mellom
kommunene

{G}
1.3. Lage kart over
flomsoner

{G}

{G}
1.4. Øve sammen

{G}

Gjennomført to møter
med kommunene.
Bedre beredskap i
regionen
Etablert en portal for
data.
Laget tre kart
Kartene er i bruk.
Holdt en øvelse med
fire kommuner.

{G}
{G}

KS
NVE

{G}

Kartverket

{G}
{G}
{G}

NVE
DSB
Bente Bye og partnere i
Spania

{G}

Sivilforsvaret
\f"""

_MEASURES = [
    ("1.1", "Samle kunnskap om flom og ras",
     ("Gjennomført to møter med kommunene.", "Bedre beredskap i regionen"), ("KS", "NVE")),
    ("1.2", "Dele data mellom kommunene", ("Etablert en portal for data.",), ("Kartverket",)),
    ("1.3", "Lage kart over flomsoner", ("Laget tre kart", "Kartene er i bruk."),
     ("NVE", "DSB", "Bente Bye og partnere i Spania")),
    ("1.4", "Øve sammen", ("Holdt en øvelse med fire kommuner.",), ("Sivilforsvaret",)),
]


def _read(p) -> list[tuple]:
    return [(m.id, m.title, (*m.result_targets, *m.effect_targets), m.partners)
            for m in p.measures]


def test_a_ruled_table_without_header_or_labels_is_put_together_by_its_bullets(tmp_path):
    path = _dump(tmp_path, _COLUMNS)
    assert detect_layout(read(path)) == "table"
    p = load(path)
    assert _read(p) == _MEASURES
    assert all(not m.effect_targets for m in p.measures)
    assert UNLABELLED in p.warnings


# Unruled: pdftotext prints the rows one after another, each row's targets and then its
# partners; the second row's targets go on at the next page's top, before its titles.
_ROWS = f"""1. Beredskap
1.1. Samle kunnskap om flom
og ras i alle kommunene

{G}

{G}
1.2. Dele data mellom
kommunene

{G}

{G}

Gjennomført to møter
med kommunene.
Bedre beredskap i
regionen

{G}
{G}

KS
NVE

Etablert en portal for
data med kart og

{G}

Kartverket
\f
flomsoner.
1.3. Lage kart over
flomsoner

{G}
1.4. Øve sammen

{G}

Laget tre kart.

{G}

NVE

Holdt en øvelse med
fire kommuner.

{G}

Sivilforsvaret
\f"""


def test_an_unruled_table_printed_row_by_row_keeps_each_rows_targets(tmp_path):
    p = load(_dump(tmp_path, _ROWS))
    assert _read(p) == [
        ("1.1", "Samle kunnskap om flom og ras i alle kommunene",
         ("Gjennomført to møter med kommunene.", "Bedre beredskap i regionen"), ("KS", "NVE")),
        ("1.2", "Dele data mellom kommunene",
         ("Etablert en portal for data med kart og flomsoner.",), ("Kartverket",)),
        ("1.3", "Lage kart over flomsoner", ("Laget tre kart.",), ("NVE",)),
        ("1.4", "Øve sammen", ("Holdt en øvelse med fire kommuner.",), ("Sivilforsvaret",)),
    ]


_LABELLED = f"""1. Beredskap
1.1. Samle kunnskap om
flom og ras

Resultatmål:
{G}

{G}
Effektmål:
{G}
1.2. Dele data mellom
kommunene

Resultatmål:
{G}

Gjennomført to møter
med kommunene.
Skrevet en rapport.

{G}
{G}

KS
NVE

Bedre beredskap i
regionen.

Etablert en portal for
data.

{G}

Kartverket
1.3. Lage kart

Resultatmål:
{G}
Effektmål:
{G}

Laget tre kart.
Kartene er i bruk.

{G}

NVE
\f"""


def test_labels_with_their_bullets_say_whose_targets_follow(tmp_path):
    p = load(_dump(tmp_path, _LABELLED))
    assert [(m.id, m.result_targets, m.effect_targets, m.partners) for m in p.measures] == [
        ("1.1", ("Gjennomført to møter med kommunene.", "Skrevet en rapport."),
         ("Bedre beredskap i regionen.",), ("KS", "NVE")),
        ("1.2", ("Etablert en portal for data.",), (), ("Kartverket",)),
        ("1.3", ("Laget tre kart.",), ("Kartene er i bruk.",), ("NVE",)),
    ]
    assert UNLABELLED not in p.warnings


def test_a_page_with_fewer_partner_cells_than_rows_is_named(tmp_path):
    # the last two rows' partners printed as one cell: which names are whose is unknown
    merged = _COLUMNS.replace(f"NVE\nDSB\nBente Bye og partnere i\nSpania\n\n{G}\n\n",
                              "NVE\nDSB\nBente Bye og partnere i\nSpania\n")
    p = load(_dump(tmp_path, merged))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3", "1.4"]
    assert any("partner cells on page 1" in w and "1.1, 1.2, 1.3, 1.4" in w
               for w in p.warnings)


@pytest.mark.parametrize("text", [
    # an outline whose measures have bullets under them: text follows each run of bullets
    "\n".join(f"1.{k}. Tiltak nummer {k} om kart\n\n{G}\n\nEn bit tekst om tiltaket.\n"
              for k in range(1, 6)),
    # a numbered outline with no bullets at all
    "\n".join(f"1.{k}. Tiltak nummer {k} om kart" for k in range(1, 6)),
])
def test_a_numbered_outline_is_no_such_table(tmp_path, text):
    assert detect_layout(read(_dump(tmp_path, "1. Kart\n" + text))) == "outline"


def test_a_title_glued_to_its_section_heading_is_cut_off_it(tmp_path):
    """pdftotext may join a heading and the first title with no space between them."""
    text = (_COLUMNS.replace("1.1. Samle", "1.1. Flom og ras1.1.1. Samle")
            .replace("1.2. Dele", "1.1.2. Dele").replace("1.3. Lage", "1.1.3. Lage")
            .replace("1.4. Øve", "1.1.4. Øve"))
    p = load(_dump(tmp_path, text))
    assert [(s.id, s.title) for s in p.sections] == [("1", "Beredskap"), ("1.1", "Flom og ras")]
    assert [m.id for m in p.measures] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert [x[1:] for x in _read(p)] == [x[1:] for x in _MEASURES]


# Each bullet printed on the line right before its item, no blank line around it.
_INLINE = f"""1. Beredskap
1.1. Samle kunnskap om
flom og ras
1.2. Dele data mellom
kommunene
1.3. Lage kart

Resultatmål:
{G}
Gjennomført to møter
med kommunene.
{G}
Bedre beredskap i
regionen.
Resultatmål:
{G}
Etablert en portal.
Resultatmål:
{G}
Laget tre kart.
{G}
Kartene er i bruk.

{G}
{G}

KS
NVE

{G}

Kartverket

{G}

NVE
\f"""


def test_bullets_printed_right_before_their_items_open_them(tmp_path):
    p = load(_dump(tmp_path, _INLINE))
    assert [(m.id, m.result_targets, m.partners) for m in p.measures] == [
        ("1.1", ("Gjennomført to møter med kommunene.", "Bedre beredskap i regionen."),
         ("KS", "NVE")),
        ("1.2", ("Etablert en portal.",), ("Kartverket",)),
        ("1.3", ("Laget tre kart.", "Kartene er i bruk."), ("NVE",)),
    ]


def test_a_page_of_target_text_that_no_bullets_count_goes_on_with_the_last_item(tmp_path):
    """A page holding target text but no bullets to count it (once a traceback)."""
    text = (f"1. Beredskap\n1.1. Samle kunnskap om flom\n1.2. Dele data mellom kommunene\n"
            f"1.3. Lage kart over flomsoner\n\nResultatmål:\n{G}\nResultatmål:\n{G}\n"
            f"Resultatmål:\n{G}\nGjennomført to møter.\n\f\nBedre beredskap i regionen.\n"
            "Laget tre kart.\n\f")
    p = load(_dump(tmp_path, text))
    assert [m.id for m in p.measures] == ["1.1", "1.2", "1.3"]
    assert any("target items on page 1" in w and "1.1, 1.2, 1.3" in w for w in p.warnings)


def test_targets_bulleted_in_their_lines_are_counted_by_their_bullets(tmp_path):
    """A dump that keeps the targets' bullets in their lines ("• Utviklet …"): those open and
    count the items, and the runs of bullets apart belong to the partners, even after a
    label."""
    text = (f"1. Beredskap\n1.1. Samle kunnskap om\nflom og ras\n\n1.2. Dele data\n\n"
            "Resultatmål:\n• Gjennomført to møter med\nkommunene.\n"
            "• Skrevet en rapport.\nEffektmål:\n• Bedre beredskap i\nregionen.\n"
            f"Resultatmål:\n\n{G}\n{G}\n\nKS\nNVE\n\n{G}\n\nKartverket\n\n"
            "• Etablert en portal for\ndata.\n\f")
    p = load(_dump(tmp_path, text))
    assert [(m.id, m.result_targets, m.effect_targets, m.partners) for m in p.measures] == [
        ("1.1", ("Gjennomført to møter med kommunene.", "Skrevet en rapport."),
         ("Bedre beredskap i regionen.",), ("KS", "NVE")),
        ("1.2", ("Etablert en portal for data.",), (), ("Kartverket",)),
    ]
