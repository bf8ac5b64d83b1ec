"""The clean texts an OCR layer is repaired against when no corpus.toml lists the versions:
the Norwegian text files beside it (orvers/ocr/sources.py)."""

from __future__ import annotations

from orvers.ocr.sources import corpus_texts

BOARD = "Styrke samarbeidet om næringsutvikling, grønn omstilling og kompetanse i regionen."
DRAFT = "Økt kunnskap om omdømme og bostedsattraktivitet blant medlemskommunene våre."


def test_many_copies_of_one_version_do_not_crowd_out_another(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    for k in range(25):  # dumps of one version, sorted before the other
        (tmp_path / f"a-board-{k:02}.txt").write_text(f"{BOARD} {k}", encoding="utf-8")
    (tmp_path / "b-draft.txt").write_text(DRAFT, encoding="utf-8")
    texts = corpus_texts(scan)
    assert DRAFT in texts
    assert sum(BOARD in t for t in texts) == 1


def test_a_text_not_in_norwegian_and_the_document_itself_are_not_taken(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(DRAFT, encoding="utf-8")
    (tmp_path / "english.txt").write_text("Strengthen cooperation on business development.",
                                          encoding="utf-8")
    (tmp_path / "board.txt").write_text(BOARD, encoding="utf-8")
    assert corpus_texts(notes) == (BOARD,)
