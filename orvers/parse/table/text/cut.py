"""Where a line that runs the Tiltak and Resultat-/Effektmål columns together is cut.

OCR prints the cells of one table row side by side, one space between them: "multimodale
sykling og kollektiv og trygg og effektiv" is the title's "multimodale" and the target's
"sykling og …". Each column wraps its text at its printed width, so a cut is plausible when
both pieces fit their columns and the first word of each piece did not fit on that column's
line above. Widths are printed widths (a column wraps at a width, not at a count of
letters: "samarbeid med" is as wide as "kollektivreiser pa"), estimated with the advance
widths of a common sans-serif face. A column's width is at least that of the widest line it
has shown so far in this measure, and at most the widest any such column prints.

Where the widths leave two cuts about equally likely, the words decide: a cut is better
when the word pairs it makes across the columns' joins ("i | samarbeid", "deres | arbeid")
are printed elsewhere in the document, and worse when the pair it parts ("samarbeid med")
is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..width import text_width

# Ems: a title column shows lines of at least ~7.5 and at most ~11.6, a target column ~14-20.5.
TITLE_EMS = (7.5, 11.6)
MIDDLE_EMS = (14.0, 20.5)
_BROKEN = -5.0  # a cut that breaks a hard rule: too wide, or a sentence going on after its end
_PAIR = 0.5  # a word pair printed elsewhere, made or parted by a cut
_PUNCT = ".,:;!?()[]|\"'«»"

Pairs = Mapping[tuple[str, str], int]


def word_pairs(lines: Iterable[str]) -> Counter[tuple[str, str]]:
    """How often each two words stand next to each other on a line (casefolded)."""
    out: Counter[tuple[str, str]] = Counter()
    for line in lines:
        words = _words(line)
        out.update(zip(words, words[1:], strict=False))
    return out


def _words(text: str) -> list[str]:
    return [w for w in (w.strip(_PUNCT).casefold() for w in text.split()) if w]


def _join(left: str, right: str) -> tuple[str, str] | None:
    """The word pair where left's text runs on into right's (none after a full stop)."""
    a, b = _words(left), _words(right)
    if not a or not b or left.rstrip().endswith("."):
        return None
    return a[-1], b[0]


@dataclass(frozen=True)
class Progress:
    """What the Tiltak and target columns hold so far: their lines and the open target line."""

    title: tuple[str, ...]
    middle: tuple[str, ...]  # every target line so far (for the column's width)
    open_line: str | None  # the last line of the target being written, or None


@dataclass(frozen=True)
class Cut:
    """A line cut after `k` of its words: title words, then target words."""

    title: str
    middle: str


def cuts(text: str, allow_empty_title: bool) -> list[Cut]:
    """Every cut of text whose title part fits a title column (one word always may)."""
    words = text.split()
    out = [Cut("", text)] if allow_empty_title else []
    for k in range(1, len(words) + 1):
        head = " ".join(words[:k])
        if k > 1 and text_width(head) > TITLE_EMS[1]:
            break
        out.append(Cut(head, " ".join(words[k:])))
    return out


def _bounds(lines: tuple[str, ...], ems: tuple[float, float]) -> tuple[float, float]:
    seen = max((text_width(line) for line in lines), default=ems[0])
    return min(max(seen, ems[0]), ems[1] - 0.5), ems[1]


def _wrap(line: str, word: str, bounds: tuple[float, float]) -> float:
    """From -1 when word surely could have stood on line in the column (the column printed
    a wider line) to +1 when it surely could not (no such column is that wide)."""
    lo, hi = bounds
    width = text_width(f"{line} {word}")
    return max(-1.0, min(1.0, 2 * (width - lo) / (hi - lo) - 1))


def score(cut: Cut, cols: Progress) -> float:
    """How well a cut continues the columns (higher is better)."""
    s = 0.0
    if cut.title:
        prev = cols.title[-1] if cols.title else ""
        if prev.endswith(".") and cut.title[:1].islower():
            s += _BROKEN  # lowercase words do not go on after the title's full stop
        elif prev:
            s += _wrap(prev, cut.title.split()[0], _bounds(cols.title, TITLE_EMS))
    if cut.middle:
        if text_width(cut.middle) > MIDDLE_EMS[1]:
            s += _BROKEN
        if cols.open_line is not None:
            s += _wrap(cols.open_line, cut.middle.split()[0], _bounds(cols.middle, MIDDLE_EMS))
        if cut.title and cut.middle[:1].isupper() and cut.title[-1:].islower():
            s += 1.0  # a capitalised word after a lowercase one starts the other column
    return s


def after(cut: Cut, cols: Progress) -> Progress:
    """The columns once the cut's pieces are added."""
    title = (*cols.title, cut.title) if cut.title else cols.title
    if not cut.middle:
        return Progress(title, cols.middle, cols.open_line)
    open_line = None if cut.middle.endswith(".") else cut.middle
    return Progress(title, (*cols.middle, cut.middle), open_line)


def attested(cut: Cut, cols: Progress, pairs: Pairs) -> float:
    """How much the word pairs printed elsewhere (pairs) favour a cut: the pairs it makes
    where each piece goes on its column count for it, the pair it parts against it."""
    made = [
        _join(cols.title[-1], cut.title) if cut.title and cols.title else None,
        _join(cols.open_line, cut.middle) if cut.middle and cols.open_line else None,
    ]
    parted = _join(cut.title, cut.middle) if cut.title and cut.middle else None
    return _PAIR * (sum(pairs.get(p, 0) > 0 for p in made if p)
                    - (parted is not None and pairs.get(parted, 0) > 0))


def best_cut(text: str, cols: Progress, ahead: str | None, allow_empty_title: bool,
             usual: Cut | None = None, then_middle: str = "", pairs: Pairs | None = None) -> Cut:
    """The best cut of text, judged with the next line (ahead) read after it.

    usual is the cut the width rule alone would make; it wins ties. then_middle is a target
    line the same line prints after the text (a new bullet item). pairs: how often word pairs
    stand side by side in the document's lines (those of text and ahead do not count).
    """
    elsewhere: Pairs = {}
    if pairs:
        elsewhere = Counter(pairs)
        elsewhere.subtract(word_pairs([text, ahead or ""]))

    def total(cut: Cut) -> float:
        s = score(cut, cols) + attested(cut, cols, elsewhere) + (0.25 if cut == usual else 0.0)
        if ahead:
            nxt = after(cut, cols)
            if then_middle:
                nxt = after(Cut("", then_middle), nxt)
            s += max(score(c, nxt) + attested(c, nxt, elsewhere)
                     for c in cuts(ahead, allow_empty_title=True))
        return s

    return max(cuts(text, allow_empty_title), key=total)


def fits_after(line: str, text: str) -> bool:
    """Whether text's first word would surely have stood on line in a target column."""
    words = text.split()
    return bool(words) and text_width(f"{line} {words[0]}") <= MIDDLE_EMS[0]


def overflow(text: str, last: bool) -> tuple[str, str]:
    """A target piece and the name the Partnere column printed right after it on the line:
    the words past the widest target column, or (at the line's end) one or two capitalised
    words after the target's full stop ("… for regionen. Region")."""
    words = text.split()
    k = len(words)
    while k > 1 and text_width(" ".join(words[:k])) > MIDDLE_EMS[1]:
        k -= 1
    if k == len(words) and last:
        ends = [i for i, w in enumerate(words[:-1], start=1) if w.endswith(".")]
        if ends and len(words) - ends[-1] <= 2 and words[ends[-1]][:1].isupper():
            k = ends[-1]
    return " ".join(words[:k]), " ".join(words[k:])


def name_tail(text: str, name: str, pairs: Pairs) -> tuple[str, str]:
    """A target piece and the last words of a line that go on the name beside it: where the
    document prints those words after the name's last word elsewhere, and never after the
    word before them ("profileringsaktiviteten | nettverk" after "internasjonale")."""
    elsewhere = Counter(pairs)
    elsewhere.subtract(word_pairs([text]))
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        tail = " ".join(words[k:])
        if text_width(tail) > TITLE_EMS[1]:
            break
        made, parted = _join(name, tail), _join(words[k - 1], tail)
        if made and elsewhere[made] > 0 and not (parted and elsewhere[parted] > 0):
            return " ".join(words[:k]), tail
    return text, ""

