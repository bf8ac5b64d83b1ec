"""Programme ↔ dict: the extract JSON contract, and a lossless round trip."""

from __future__ import annotations

import json

import pytest

from orvers.api import load
from orvers.serialize import programme_from_dict, programme_to_dict


@pytest.mark.parametrize("label", ["utkast", "hp2025", "workshop", "strategi", "styret"])
def test_round_trip_is_lossless(label):
    from conftest import corpus_file
    programme = load(corpus_file(label), label=label)
    data = json.loads(json.dumps(programme_to_dict(programme), ensure_ascii=False))
    assert programme_from_dict(data) == programme


def test_contract_fields(draft_path):
    data = programme_to_dict(load(draft_path))
    assert {"path", "format", "layout", "title", "pages"} <= set(data["document"])
    assert data["document"]["layout"] == "outline" and data["document"]["format"] == "txt"
    assert {"id": "3.2", "title": "Klima, miljø og natur", "parent": "3"}.items() <= \
        next(s for s in data["sections"] if s["id"] == "3.2").items()
    measure = next(m for m in data["measures"] if m["id"] == "3.2.4")
    assert set(measure) >= {"id", "id_source", "title", "section", "result_targets",
                            "effect_targets", "partners", "source"}
    assert measure["section"] == "3.2" and measure["id_source"] == "document"
    assert set(measure["source"]) == {"page", "line_start", "line_end"}
    assert measure["source"]["line_start"] <= measure["source"]["line_end"]
    assert isinstance(data["warnings"], list)
