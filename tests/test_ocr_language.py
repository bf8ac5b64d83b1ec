"""The OCR repair touches only Norwegian with OCR damage, and no text makes it fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_file
from hypothesis import given, settings
from hypothesis import strategies as st

from orvers.api import load
from orvers.model import Measure, Programme
from orvers.ocr import repair_document
from orvers.ocr.detect import NORWEGIAN
from orvers.ocr.language import language_of
from orvers.ocr.lexicon import build_lexicon
from orvers.ocr.repair import repair

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"
# how the board's OCR layer reads ø, æ, å and a capital Ø (fglge, naeringsliv, pa, Jstlandet)
OCR_NOISE = str.maketrans({"ø": "g", "æ": "ae", "å": "a", "Ø": "J", "Å": "A"})


@pytest.mark.parametrize(("name", "code"), [("fr-proces-verbal.pdf", "fr"),
                                            ("en-school-board-agenda.pdf", "en")])
def test_a_document_in_another_language_is_left_as_read(name, code):
    # read as an outline, their numbered items become measures: none of their words changes
    read = load(FOREIGN / name, layout="outline", repair_ocr=False)
    checked = load(FOREIGN / name, layout="outline")
    assert read.measures and checked.measures == read.measures
    assert any(f"'{code}', not Norwegian" in w for w in checked.warnings)
    assert not any("OCR text layer" in w for w in checked.warnings)


@pytest.mark.parametrize("label", ["utkast", "hp2025", "workshop", "styret"])
def test_norwegian_reads_as_norwegian_with_or_without_ocr_damage(label):
    text = corpus_file(label).read_text(encoding="utf-8")
    assert language_of(text) in NORWEGIAN
    assert language_of(text.translate(OCR_NOISE)) in NORWEGIAN


def test_the_board_is_still_repaired():
    board = load(corpus_file("styret"))
    assert any("OCR text layer" in w for w in board.warnings)


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon((corpus_file("utkast").read_text(encoding="utf-8"),))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcegilmnoqrsæøåAGIJO@|&0—–-.,;:()« »\n\t1"),
               max_size=60))
def test_any_text_is_repaired_or_left_without_an_error(lexicon, text):
    fixed = repair(text, lexicon)
    if not any(c.isalpha() or c in "|&" for c in text):  # no word: nothing to repair
        assert fixed == text


@pytest.mark.parametrize("text", ["", "—", " — ", "2025", "§ 3.1 –", "@@", "|"])
def test_a_text_without_words_goes_through_the_whole_repair(tmp_path, text):
    measure = Measure("1.1", text, "1", result_targets=(text,), partners=(text,))
    programme = Programme(str(tmp_path / "x.txt"), "txt", "outline", text, (), (measure,))
    assert repair_document(programme, tmp_path / "x.txt").measures[0].title in (text, "I")


def test_the_model_is_unpacked_once_per_content_not_per_install(tmp_path, monkeypatch):
    # each reinstall of the same wheel gives its files a new time; unpacking keyed by it left a
    # 66 MB copy per install in the user's cache
    import os
    import shutil

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from orvers.ocr.language import _unpacked

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first, second = tmp_path / "a" / MODEL_FILE, tmp_path / "b" / MODEL_FILE
    for copy, when in ((first, 1_000_000_000), (second, 2_000_000_000)):
        copy.parent.mkdir(parents=True)
        shutil.copyfile(MODEL_DIR / MODEL_FILE, copy)
        os.utime(copy, (when, when))
    classes = _unpacked(first)[2]
    assert _unpacked(second)[2] == classes and "no" in classes
    assert len(list((tmp_path / "cache" / "orvers" / "langid").iterdir())) == 1


def test_unpacking_a_new_model_removes_the_older_ones_and_nothing_else(tmp_path, monkeypatch):
    # a py3langid upgrade unpacks its model anew: the 66 MB copy of the old one goes, but
    # nothing else in the folder, no folder a link points to, no file of that name
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from orvers.ocr.language import _unpacked

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    langid = tmp_path / "cache" / "orvers" / "langid"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ptc.npy").write_bytes(b"not the cache's")
    older = langid / ("0" * 24)
    older.mkdir(parents=True)
    (older / "ptc.npy").write_bytes(b"an older model")
    (older / "link").symlink_to(elsewhere, target_is_directory=True)
    (langid / ("1" * 24)).symlink_to(elsewhere, target_is_directory=True)
    (langid / ("2" * 24)).write_bytes(b"a file")
    for other in ("notes", ".building-x", "0" * 23, "0" * 24 + "-mine"):
        (langid / other).mkdir()
        (langid / other / "ptc.npy").write_bytes(b"kept")

    assert "no" in _unpacked(MODEL_DIR / MODEL_FILE)[2]
    new = {p.name for p in langid.iterdir()} - {"1" * 24, "2" * 24, "notes", ".building-x",
                                                "0" * 23, "0" * 24 + "-mine"}
    assert len(new) == 1 and "0" * 24 not in new  # the older copy is gone, the new one there
    assert sorted(p.name for p in elsewhere.iterdir()) == ["ptc.npy"]
    assert (langid / ("1" * 24)).is_symlink() and (langid / ("2" * 24)).is_file()
    assert all((langid / other / "ptc.npy").read_bytes() == b"kept"
               for other in ("notes", ".building-x", "0" * 23, "0" * 24 + "-mine"))

    again = langid / ("3" * 24)  # one written since: the model already unpacked writes nothing
    again.mkdir()
    _unpacked(MODEL_DIR / MODEL_FILE)
    assert again.is_dir()
