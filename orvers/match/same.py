"""Whether two titles say the same thing word for word, OCR noise aside ("unchanged")."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def same_words(a: str, b: str, letters: int) -> bool:
    """Same content words in the same order, each differing run of words within OCR noise.

    a, b: titles as normalise() gives them (folded, stop words left out: OCR loses and
    garbles short words), aligned word by word. Each run where they differ is joined up and
    compared letter by letter: it is noise when it takes at most one edit per `letters`
    letters (one edit always), e.g. "fierntogstrategi"/"fjerntogstrategi", "sj@"/"sjø" or a
    word split in two. A word only one side has, a run that differs more, or one whose
    numbers differ ("minst 2" → "minst 3", OCR's 0 read as o aside) is a change.
    The allowance follows each run's length, so a long title does not hide a changed short
    word and a short one still tolerates a wrong letter.
    """
    wa, wb = a.split(), b.split()
    if wa == wb:
        return True
    runs: list[tuple[int, int, int, int]] = []
    for op in Levenshtein.opcodes(wa, wb):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    for i1, i2, j1, j2 in runs:
        x, y = "".join(wa[i1:i2]), "".join(wb[j1:j2])
        if not x or not y or _digits(x) != _digits(y):
            return False
        if Levenshtein.distance(x, y) > max(1, max(len(x), len(y)) // letters):
            return False
    return True
