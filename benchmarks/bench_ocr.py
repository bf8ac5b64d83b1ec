"""OCR repair benchmark: what the repair costs per document and per page, against reading and
parsing the same document (measured in the same run), and its two look-ups against the scans
they replace.

- per document (the board's OCR layer, the foreign fixtures read as outlines, any PDF/DOCX/text
  given on the command line): pages, seconds to read + parse, seconds of the repair step
  (language check, lexicon, repair), the repair's seconds per page and share of the total;
- the word list: compiling it into the cache (once) and loading the compiled tries, against
  reading the plain word list into sets as orvers did before;
- the nearest-word search for the board's unknown words: looked up (nearest.confusable) against
  a scan of the word list's forms of similar length (the old way), the same words found.

Run: .venv/bin/python benchmarks/bench_ocr.py [FILE[:LAYOUT] …]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from orvers.ocr import repair_document  # noqa: E402
from orvers.ocr.nearest import budget, confusable, ocr_cost  # noqa: E402
from orvers.ocr.wordlist import WORDLIST, _compile, _save, load_wordlist  # noqa: E402
from orvers.parse import parse  # noqa: E402
from orvers.read import read  # noqa: E402

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"
DOCUMENTS = [(ROOT / "corpus" / "2025-12_handlingsprogram-2026-innstilling-styret.txt", None),
             (FOREIGN / "fr-proces-verbal.pdf", "outline"),
             (FOREIGN / "en-school-board-agenda.pdf", "outline")]


def timed(call):
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def documents(extra: list[str]) -> None:
    print("document | layout | pages | read+parse s | repair s | repair s/page | repair share "
          "| outcome")
    print("|".join(["---"] * 8))
    given = [(Path(a.split(":")[0]), a.split(":")[1] if ":" in a else None) for a in extra]
    for path, layout in DOCUMENTS + given:
        programme, parsing = timed(lambda p=path, lay=layout: parse(read(p), lay))
        fixed, repairing = timed(lambda p=path, prog=programme: repair_document(prog, p))
        said = [w for w in fixed.warnings if w not in programme.warnings]
        outcome = "; ".join(said) or "left alone (enough æ/ø/å: no OCR layer)"
        print(f"{path.name} | {programme.layout} | {programme.pages} | {parsing:.2f} | "
              f"{repairing:.2f} | {repairing / max(programme.pages, 1):.3f} | "
              f"{repairing / (parsing + repairing):.0%} | {outcome}")


def wordlist() -> None:
    if not WORDLIST.exists():
        print(f"\nword list: {WORDLIST} missing, skipped")
        return
    print("\nword list | seconds")
    print("---|---")
    _, plain = timed(lambda: {w.strip().casefold() for w in
                              WORDLIST.read_text(encoding="latin-1").splitlines()})
    with tempfile.TemporaryDirectory() as tmp:
        built, compiling = timed(lambda: _compile(WORDLIST))
        _, saving = timed(lambda: _save(built, Path(tmp) / "compiled"))
    load_wordlist.cache_clear()
    load_wordlist()  # compiled into the user cache if it was not
    load_wordlist.cache_clear()
    _, loading = timed(load_wordlist)
    print(f"plain text read into a set (before) | {plain:.3f}")
    print(f"compile + save the tries (once per word list) | {compiling + saving:.3f}")
    print(f"load the compiled tries (every run) | {loading:.4f} "
          f"({plain / max(loading, 1e-6):.0f}× faster than the plain read)")


def nearest() -> None:
    """The board's words that no confusion explains, searched both ways."""
    from orvers.api import load

    words = load_wordlist().words
    if not len(words):
        return
    board = load(DOCUMENTS[0][0], repair_ocr=False)
    unknown = sorted({w.casefold() for m in board.measures for w in m.text.split()
                      if w.isalpha() and len(w) > 3 and w.casefold() not in words})
    by_length: dict[int, list[str]] = {}
    for w in words.iterkeys():
        by_length.setdefault(len(w), []).append(w)

    def scan(folded: str) -> list[tuple[float, str]]:
        limit = min(1.0, budget(folded))
        band = [w for n in range(len(folded) - 2, len(folded) + 3) for w in by_length.get(n, ())]
        found = process.extract(folded, band, scorer=Levenshtein.distance,
                                score_cutoff=int(2 * limit), limit=None)
        return sorted((c, w) for c, w in ((ocr_cost(folded, w), w) for w, _, _ in found
                                          if w != folded) if c <= limit)

    looked, t_lookup = timed(lambda: [confusable(w, words) for w in unknown])
    scanned, t_scan = timed(lambda: [scan(w) for w in unknown])
    agree = sum(a == b for a, b in zip(looked, scanned, strict=True))
    print(f"\nnearest word for the board's {len(unknown)} unknown words | seconds")
    print("---|---")
    print(f"scan of the word list's forms of similar length (before) | {t_scan:.2f}")
    print(f"look-up of the readings OCR's confusions allow (now) | {t_lookup:.3f} "
          f"({t_scan / max(t_lookup, 1e-6):.0f}× faster; same words found for {agree} of "
          f"{len(unknown)})")


if __name__ == "__main__":
    documents(sys.argv[1:])
    wordlist()
    nearest()
