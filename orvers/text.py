"""Norwegian text normalisation shared by parsers and matchers."""

from __future__ import annotations

import re

# Bullet glyphs: typed ones, Word's Symbol-font bullet (U+F0B7), and what OCR makes of a
# round bullet: `e`, `o`, `¢`, `«`, `+` standing alone before the item's text.
BULLET_RE = re.compile(r"^\s*(?:[•▪◦‣∙·\-–—*¢«»+\uf0b7\uf0a7]|[eo](?=\s))\s*")
_SPACE_RE = re.compile(r"\s+")


def strip_bullet(line: str) -> str:
    """Remove one leading bullet glyph (typed or OCR'd) and surrounding spaces."""
    return BULLET_RE.sub("", line, count=1).strip()


# a list item's own number typed before it ("1. ", "2) "; a capital after): an item of a
# list numbered by hand, not a measure's number ("1.1") nor a date ("3. mai"); letters
# ("a) ") stay, as the workshop notes letter their sub-items
ITEM_NUMBER_RE = re.compile(r"^\s*\d{1,2}[.)]\s+(?=[A-ZÆØÅ])")


def strip_item_number(line: str) -> str:
    """Remove a list item's own number typed before it ("1. Gjennomført …" → "Gjennomført …")."""
    return ITEM_NUMBER_RE.sub("", line, count=1)


def is_bullet(line: str) -> bool:
    """Whether the line starts with a bullet glyph."""
    return bool(BULLET_RE.match(line)) and bool(line.strip())


def collapse_space(text: str) -> str:
    """Collapse runs of whitespace to one space and trim."""
    return _SPACE_RE.sub(" ", text).strip()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one string, mending words hyphenated across a break.

    A line-end hyphen after a plain word, before a lowercase letter, is a soft break
    ("kunnskaps-\\nnivå" → "kunnskapsnivå"). It is a real hyphen, kept, after a word that
    already has one ("ad-hoc-\\ngruppe"), after a name ("EU-\\nprosjektet", "Geo4Water-"),
    after "ikke-" and before an uppercase letter or a digit ("Oslo-\\nAkershus",
    "2025-\\n2028"); before "og"/"eller" it ends the first part of a compound list
    ("By-\\nog regionutvikling" → "By- og regionutvikling").

    Linear in the length of the text: only the last two words joined so far are looked at.
    """
    pieces: list[str] = []
    last = previous = ""  # the last two words joined so far
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        words = line.split()
        glue = " " if pieces else ""
        if len(last) > 1 and last[-1] in "-–" and last[-2].isalnum():
            glue = _hyphen_glue(last, previous, line)
        if glue == "drop":  # a soft hyphen: the word runs on without it
            pieces[-1] = pieces[-1][:-1]
            last = last[:-1]
        pieces.append(" " + line if glue == " " else line)
        if glue == " ":
            previous, last = (words[-2], words[-1]) if len(words) > 1 else (last, words[0])
        else:
            fused = (last + words[0])[-_LONGEST_WORD:]
            previous, last = ((fused if len(words) == 2 else words[-2], words[-1])
                              if len(words) > 1 else (previous, fused))
    return collapse_space("".join(pieces))


_KEEP_HYPHEN_PREFIXES = frozenset({"ikke"})  # Norwegian writes "ikke-medlem", never "ikkemedlem"
_LONGEST_WORD = 1000  # characters of a word kept for the rules (no word is longer)
_LIST_WORD_RE = re.compile(r"(og|eller)\b")


def _hyphen_glue(last: str, previous: str, line: str) -> str:
    """How LINE joins a text whose last word LAST ends in a hyphen (or en dash): after a space
    (" "), right after the hyphen (""), or in its place ("drop")."""
    first = line[:1]
    if _LIST_WORD_RE.match(line) or not first.isalnum():
        return " "
    word = last[:-1].split("/")[-1].lstrip("(\"'«[")
    if last[-1] != "-" or not first.islower() or "-" in word or _is_name(word, previous) \
            or word.casefold() in _KEEP_HYPHEN_PREFIXES:
        return ""
    return "drop"


def _is_name(word: str, previous: str) -> bool:
    """Whether a word before a line-end hyphen is a name ("EU", "Geo4Water", "… Interreg"): such
    a compound keeps its hyphen ("EU-prosjektet"); a capital after "." or ":" starts a sentence."""
    return (any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])
            or (word[:1].isupper() and bool(previous) and not previous.endswith((".", ":"))))


def fold(text: str) -> str:
    """Casefold and fold æøå and common OCR confusions to ASCII, for matching only."""
    t = text.casefold()
    t = t.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("é", "e")
    return t


# other ways to print an item's number: "Tiltak 3.1.2: Title", "3.1.2) Title", "3.1.2 – Title"
_CHAPTER_WORD_RE = re.compile(r"^(\s*)(?:kapittel|kap\.|del)\s+(\d{1,3})\s*[:.]?\s+(?=\S)",
                              re.IGNORECASE)
_PREFIX_RE = re.compile(r"^(\s*)(?:tiltak|tiltaksnummer)\s*(?:nr\.?\s*)?(?=\d)", re.IGNORECASE)
_CLOSE_RE = re.compile(r"^(\s*\d+(?:\.\d+)+)\s*[):](?:\s+(?=\S)|\s*$)")  # the title may follow
_SEPARATOR_RE = re.compile(r"^(\s*\d+(?:\.\d+)*)\.?\s+[—–-]\s+(?=\S)")


def numbered(text: str) -> str:
    """A line opening with an item's number printed another way, in the form `3.1.2. Title`:
    a chapter after its word ("Kapittel 3: Title", "Del 3. Title"), an item after the word
    "Tiltak" ("Tiltak 3.1.2: Title", "Tiltak nr. 4: Title"), closed by a
    bracket or a colon ("3.1.2) Title", multi-level numbers only: "1)" opens a list), or
    followed by a dash ("3.1.2 – Title"); the title may stand on the next line ("Tiltak
    3.1.2:" → "3.1.2. ")."""
    text = _CHAPTER_WORD_RE.sub(r"\1\2. ", text, count=1)
    prefixed = _PREFIX_RE.sub(r"\1", text, count=1)
    if prefixed != text:  # "Tiltak 4: Title": the word says it is an item, of any level
        prefixed = re.sub(r"^(\s*\d+(?:\.\d+)*)\s*[.):]?(?:\s+(?=\S)|\s*$)", r"\1. ",
                          prefixed, count=1)
    out = _CLOSE_RE.sub(r"\1. ", prefixed, count=1)
    return _SEPARATOR_RE.sub(r"\1. ", out, count=1)
