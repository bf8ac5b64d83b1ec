"""OCR repair: Norwegian letters an OCR layer misread (ø → g, å → a, æ → ae …), put right
where a dictionary agrees, in documents that read as Norwegian with OCR damage and only there.

detect.py tells such a document (æ/ø/å share, language, fixable words); lexicon.py holds the
words it may be read against (wordlist.py: the word list compiled once into the user's cache);
nearest.py finds the attested word nearest to an unknown one (and the label an OCR'd label
stands for); repair.py mends the text; sources.py finds the clean texts (the other versions
of the document's corpus). scan.py is OCR itself: a scanned PDF read by tesseract
(`extract --ocr`, the `ocr` extra).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..model import Programme
from .detect import NORWEGIAN, looks_ocr_damaged


def repair_document(programme: Programme, path: str | Path) -> Programme:
    """The programme with its OCR damage repaired and the words still unattested marked, the
    text as read kept in raw_title; as it was when it is not Norwegian or not damaged. The
    word list is completed by the other versions of the corpus the file belongs to."""
    if not looks_ocr_damaged(programme):
        return programme
    # the language model, the word list and the search are loaded only for such a document
    from .detect import needs_repair
    from .language import language_of
    from .lexicon import build_lexicon
    from .repair import repair_programme
    from .sources import corpus_texts

    found = language_of(" ".join(m.text for m in programme.measures))
    if found not in NORWEGIAN:
        return replace(programme, warnings=(
            *programme.warnings, f"the text reads as language '{found}', not Norwegian: "
                                 "no OCR repair"))
    lexicon = build_lexicon(corpus_texts(Path(path)))
    if not needs_repair(programme, lexicon):
        return programme
    programme, report = repair_programme(programme, lexicon)
    return replace(programme, warnings=(
        *programme.warnings,
        f"OCR text layer: {report.words_changed} misread words repaired (ø, æ, å)"))
