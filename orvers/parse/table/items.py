"""Where a line of a table's target or partner column starts an item, told from geometry where
OCR lost or garbled the bullet glyph: a glyph before the first word, a line above that ended
early (this line's first word would have fit on it), a capital after a finished line, and
for names a lowercase line after a full one unless the line above waits for its noun. Where a
column's items are lettered ("a)", "B)"), only a letter starts one. A word's last letter that
did not fit the line above goes back onto its word."""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from ...model import Block
from .columns import ends_open, starts_open
from .cues import label_kind
from .numbers import opening

# A bullet as OCR reads it, standing before an item's first word: `¢`, `e¢`, `°*`, `=`, `_[*`,
# a lone `«`.
_GLYPH_WORD_RE = re.compile(r"^[eo]?(?:[^\w\s(\"'«@]|_)+$|^[eo«]$")  # not @: OCR's ø
_GLYPH_PREFIX_RE = re.compile(r"^(?:[^\w\s(\"'«@]|_)+(?=\w)")
_LETTER_RE = re.compile(r"^[A-Za-z]\)\s")  # an item's letter: "a) studietur …", "B) Bidra …"
# Words that stand before their noun and never end a name: "andre | offentlige aktører".
_DETERMINERS = frozenset(("andre", "alle", "flere", "mange", "disse", "begge", "noen", "samme",
                          "hele"))
_FRAGMENT_RE = re.compile(r"^[a-zæøå]{1,3}$")  # a word's end broken off without a hyphen
_INK = 1.15  # a word's printed width, at most, for the width of its inked (OCR) box
_LETTER_GLYPH_RE = re.compile(r"^[eo]$")  # a bullet OCR read as a letter, or a word's last letter
# A bullet stands a hanging indent before its item's first word, a word's last letter broken
# off onto the next line ("deltakerundersøkels | e med") a word space: a gap this many spaces
# wide or wider parts them.
_INDENT = 1.5
BULLET = "•"  # the list label given to a cell line that starts an item


def items(blocks: list[Block]) -> tuple[Block, ...]:
    """The blocks with the target and partner lines that start an item labelled as bullets
    (list_label), the glyph OCR read for a bullet taken off."""
    cells = [b for b in blocks if b.kind == "cell" and b.words and b.col in (1, 2)]
    right = {col: max((b.words[-1].x1 for b in cells if b.col == col), default=0.0)
             for col in (1, 2)}
    gaps = [b.x0 - a.x1 for c in cells for a, b in zip(c.words, c.words[1:], strict=False)
            if not _GLYPH_WORD_RE.match(a.text)]
    space = median(gaps) if gaps else 0.0
    out: list[Block] = []
    last: dict[int, Block] = {}
    where: dict[int, int] = {}  # the place in out of each column's last line
    lettered: set[int] = set()  # the columns whose items, since the row or label, are lettered
    for b in blocks:
        if b.kind != "cell" or not b.words or b.col not in (1, 2):
            if b.kind == "cell" and b.col == 0 and opening(b.text):
                last.clear()  # a new row: its items start afresh
                lettered.clear()
            out.append(b)
            continue
        if b.col in last and _broken_off(b, _INDENT * space):
            out[where[b.col]] = last[b.col] = _glued(last[b.col], b.words[0].text)
            b = replace(b, text=b.text.split(" ", 1)[1], words=b.words[1:], x0=b.words[1].x0)
        where[b.col] = len(out)
        unglyphed = _unglyph(b)
        letter = bool(_LETTER_RE.match(unglyphed.text))
        if label_kind(b.text):
            lettered.discard(b.col)
        elif letter:
            lettered.add(b.col)
        if b.col in lettered:  # only a letter starts an item; a dash before a word is kept
            line = replace(unglyphed, list_label=BULLET) if letter else b
            last[b.col] = line
            out.append(line)
            continue
        b = unglyphed
        prev = last.get(b.col)
        last[b.col] = b
        if b.list_label or label_kind(b.text) or prev is None or label_kind(prev.text):
            out.append(b)
            continue
        first = b.words[0]
        fits = prev.words[-1].x1 + space + _INK * (first.x1 - first.x0) <= right[b.col]
        starts = _starts_partner(prev, b, fits) if b.col == 2 else _starts_target(prev, b, fits)
        out.append(replace(b, list_label=BULLET) if starts else b)
    return tuple(out)


def _starts_target(prev: Block, line: Block, fits: bool) -> bool:
    """A target starts with a capital after a line that ended early or on a full stop (OCR
    drops short words such as "å", so a lowercase line may look as if it could have gone
    above)."""
    return line.text[:1].isupper() and (fits or prev.text.endswith("."))


def _starts_partner(prev: Block, line: Block, fits: bool) -> bool:
    """A name starts after a line that ended early, or with a capital, unless the line above
    ends open ("og", "i", "-") or this one starts so; a lowercase line after a full one starts
    a name too ("Innovasjon Norge | næringsklynger og andre"), unless the line above ends
    on a word that waits for its noun: a determiner or an adjective's -e form whose stem the
    word list has ("Nasjonale og regionale | nettverk")."""
    if ends_open(prev.text) or starts_open(line.text) or _FRAGMENT_RE.match(line.text):
        return False
    if fits or line.text[:1].isupper():
        return True
    return not _awaits_noun(prev.words[-1].text)


def _awaits_noun(word: str) -> bool:
    """Whether a word is a determiner or an adjective's plural or definite form (-e, not the
    nouns' -ene) whose stem the word list has (offentlige → offentlig; kommune → no)."""
    from ...ocr.wordlist import load_wordlist

    w = word.strip(".,;:()").casefold()
    if w in _DETERMINERS:
        return True
    if not w.endswith("e") or w.endswith("ene") or len(w) < 4:
        return False
    return w[:-1] in load_wordlist().words


def _broken_off(line: Block, indent: float) -> bool:
    """Whether the line starts with a word's last letter, broken off the line above where
    the word did not fit the column: a lone "e" or "o", less than a bullet's indent before
    the next word."""
    words = line.words
    return (len(words) > 1 and bool(_LETTER_GLYPH_RE.match(words[0].text))
            and words[1].x0 - words[0].x1 < indent)


def _glued(line: Block, end: str) -> Block:
    """The line with end added to its last word."""
    last = replace(line.words[-1], text=line.words[-1].text + end)
    return replace(line, text=line.text + end, words=(*line.words[:-1], last))


def _unglyph(block: Block) -> Block:
    """The cell without the garbled bullet glyphs before its first word ("* ~~ næringsliv",
    "~næringsliv"), labelled as a bullet."""
    words = block.words
    while len(words) > 1 and _GLYPH_WORD_RE.match(words[0].text):
        words = words[1:]
    if _GLYPH_PREFIX_RE.match(words[0].text):
        words = (replace(words[0], text=_GLYPH_PREFIX_RE.sub("", words[0].text)), *words[1:])
    if words == block.words:
        return block
    return replace(block, text=" ".join(w.text for w in words), words=words,
                   list_label=BULLET)
