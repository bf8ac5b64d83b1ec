"""The attested word nearest to an unknown OCR token, under an edit cost that knows which
glyphs OCR confuses (rn/m, q/g, I/l, @/ø, e/ø, 0/o, c/e …)."""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import combinations
from math import inf

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# What OCR wrote → what was meant, each half an edit. Sans-serif I, l, | and 1 are one glyph;
# ø loses its bar (o, e, g, @, J …); q and g, c and e, 0 and o differ by a stroke; m splits in two.
_SWAPS = {"g": "øa", "@": "øg", "q": "go", "e": "øæc", "o": "ø", "a": "øå", "0": "o", "c": "e",
          "i": "lj", "l": "i", "1": "li", "|": "li", "j": "iø"}
_SPANS = {"rn": "m", "rr": "m", "ni": "m", "m": "rn", "ae": "æ", "ee": "æ", "ze": "æ",
          "ao": "ø", "ag": "ø", "ga": "ø", "ea": "ø"}
CONFUSED = 0.5  # a confusion costs half a missing or extra letter
_ENDING = 2  # no letter missing or extra among a word's last two: that is inflection, not OCR
_LETTERS_PER_EDIT = 4
# letters OCR may have written for another, and letters it may have misread
_READ_AS_OTHER = frozenset("".join(_SWAPS) + "".join(_SPANS))
_MISREAD = frozenset("".join(_SWAPS.values()) + "".join(_SPANS.values()))


def ocr_cost(read: str, meant: str) -> float:
    """Cost of reading `meant` as `read` (both casefolded): a confusion costs CONFUSED, a missing
    or extra letter 1 (at most one, not among the last two letters, and only beside a
    confusion: alone it is as likely a typo or another word, work/ork); any other swapped
    letter makes them different words (inf)."""
    if not _may_be_read_as(read, meant):
        return inf
    n, m = len(read), len(meant)
    spans = [[(len(s), alt) for s, alt in _SPANS.items() if read.endswith(s, 0, i)]
             for i in range(n + 1)]
    # cost[k][i][j]: read[:i] against meant[:j] with k letters missing or extra
    cost = [[[inf] * (m + 1) for _ in range(n + 1)] for _ in range(2)]
    cost[0][0][0] = 0.0
    for k in (0, 1):
        for i in range(n + 1):
            row = cost[k][i]
            for j in range(m + 1):
                best = row[j]
                if i and j:
                    step = cost[k][i - 1][j - 1]
                    if read[i - 1] == meant[j - 1]:
                        best = min(best, step)
                    elif meant[j - 1] in _SWAPS.get(read[i - 1], ""):
                        best = min(best, step + CONFUSED)
                for a, alt in spans[i]:
                    if meant.endswith(alt, 0, j):
                        best = min(best, cost[k][i - a][j - len(alt)] + CONFUSED)
                if k and i and i <= n - _ENDING:
                    best = min(best, cost[0][i - 1][j] + 1)  # an extra letter
                if k and j and j <= m - _ENDING:
                    best = min(best, cost[0][i][j - 1] + 1)  # a missing letter
                row[j] = best
    return min(cost[0][n][m], cost[1][n][m] if cost[1][n][m] > 1 else inf)


def _may_be_read_as(read: str, meant: str) -> bool:
    """A quick necessary condition for a finite ocr_cost: of the letters one word has more of
    than the other, at most one (the missing or extra letter) is a letter no confusion explains
    (str.count on a word's few letters: three times as fast as two Counters)."""
    extra = sum(max(0, read.count(c) - meant.count(c)) for c in set(read)
                if c not in _READ_AS_OTHER)
    return extra <= 1 and sum(max(0, meant.count(c) - read.count(c)) for c in set(meant)
                              if c not in _MISREAD) <= 1


def budget(word: str) -> float:
    """The largest cost a repair of `word` may take: one edit per four letters."""
    return len(word) / _LETTERS_PER_EDIT


def ranked(folded: str, vocabulary: Sequence[str], limit: float) -> list[tuple[float, str]]:
    """Vocabulary words within `limit` of `folded` under ocr_cost, nearest first; rapidfuzz
    finds the few within reach in plain edits (a confusion is at most two), ocr_cost ranks them."""
    found = process.extract(folded, vocabulary, scorer=Levenshtein.distance,
                            score_cutoff=int(2 * limit), limit=None)
    scored = ((ocr_cost(folded, word), word) for word, _, _ in found if word != folded)
    return sorted((c, w) for c, w in scored if c <= limit)


def confusable(folded: str, words: Container[str], limit: float = 1.0
               ) -> list[tuple[float, str]]:
    """Words of a (large) word list within `limit` ≤ 1 of `folded` under ocr_cost, nearest
    first. Within one edit there is no missing or extra letter (that alone costs 1 and is
    allowed only beside a confusion), so every such word is `folded` with one or two of
    OCR's confusions undone: a few hundred readings looked up, whatever the word list's size."""
    edits = [(i, i + 1, alt) for i, ch in enumerate(folded) for alt in _SWAPS.get(ch, "")]
    edits += [(i, i + len(span), alt) for span, alt in _SPANS.items()
              for i in range(len(folded)) if folded.startswith(span, i)]
    edits.sort()
    sites = 2 if limit >= 2 * CONFUSED else 1
    readings = set()
    for k in range(1, sites + 1):
        for chosen in combinations(edits, k):
            if k == 2 and chosen[0][1] > chosen[1][0]:
                continue  # overlapping edits
            parts, at = [], 0
            for begin, end, alt in chosen:
                parts += [folded[at:begin], alt]
                at = end
            readings.add("".join(parts) + folded[at:])
    readings.discard(folded)
    scored = ((ocr_cost(folded, word), word) for word in readings if word in words)
    return sorted((c, w) for c, w in scored if c <= limit)


def read_as(token: str, words: Sequence[str]) -> str | None:
    """The one of a few known words (a form's labels) an OCR'd token stands for: itself, or
    the word its letters are within OCR's confusions of (Resultatmal → Resultatmål); None
    for none or two."""
    folded = token.casefold()
    scored = sorted((ocr_cost(folded, w.casefold()), w) for w in words)
    return unique([(c, w) for c, w in scored if c <= budget(w)])


def unique(scored: list[tuple[float, str]]) -> str | None:
    """The nearest word when it is clearly nearer (by a confusion or more) than the runner-up."""
    if not scored or (len(scored) > 1 and scored[1][0] - scored[0][0] < CONFUSED):
        return None
    return scored[0][1]
