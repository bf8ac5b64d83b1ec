"""The board recommendation (styret): measures, targets and partners from its OCR'd tables."""

from __future__ import annotations

import pytest

from orvers.parse.table import looks_like_table, parse_table
from orvers.read import read

BOARD_IDS = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
    "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2",
    "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4.1", "2.4.2",
    "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.3.1", "3.3.2",
    "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.5.1", "3.5.2",
]


@pytest.fixture(scope="module")
def board():
    from conftest import corpus_file

    return parse_table(read(corpus_file("styret")))


def test_board_has_exactly_its_31_measures_in_order(board):
    assert [m.id for m in board.measures] == BOARD_IDS


def test_board_text_is_recognised_as_a_table_layout():
    from conftest import corpus_file

    assert looks_like_table(read(corpus_file("styret")))
    assert not looks_like_table(read(corpus_file("utkast")))
