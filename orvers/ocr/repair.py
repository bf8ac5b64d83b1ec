"""Repair Norwegian letters that OCR misread (ø → g, å → a, æ → ae …) where a dictionary agrees."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations, pairwise

from ..model import Measure, Programme, Section
from .lexicon import PART, Lexicon

# a word may hold an @ (ø read as @: "sj@", "I@sninger"), though not an e-mail address's
# and a word with a digit for a letter ("09", "0g", "samarbe1d"), standing apart from numbers
_WORD_RE = re.compile(r"(?:(?<!\w)@)?[^\W\d_]+(?:@(?![^\W\d_]+\.\w)[^\W\d_]*)*"
                      r"|(?<![\w.,:/–-])[^\W_]*\d[^\W_]*(?![\w.,:/–-])|\||(?<=\w )&(?= \w)")
# Digits OCR writes for letters: what was written → what was meant.
_DIGITS = {"0": "o", "1": "li", "5": "s", "9": "g"}
_NUMERAL_RE = re.compile(r"(?!0o?g$)[^\W_]*\d[^\W_]*")  # (0g, 0og: "og" wherever it stands)
_BEFORE_INFINITIVE = frozenset({"til", "for", "med", "om", "av", "uten", "ved"})
_MAX_SITES = 3  # places changed in a word; more would attest nonsense by chance

# The OCR of the board document has no ø/æ/å model: ø comes out as `g` (fglge = følge) or, at a
# word's start where the glyph looks like a bar or a loop, as J/D/P/O; å as `a`; ø as `a` too
# (mateplass = møteplass); æ as `ae`/`ee`/`ze`. Each confusion: what OCR wrote → what was meant.
_CONFUSIONS = {"g": ("ø",), "a": ("å", "ø"), "o": ("ø",), "ae": ("æ",), "ee": ("æ",),
               "ze": ("æ",), "@": ("ø",)}
_FIRST = {"j": ("ø",), "d": ("ø",), "p": ("ø",), "o": ("ø",)}
# Rarer ones, tried only inside unknown words of four letters or more (a known word with an e,
# ekte, is likelier right than a misread økte; a short one, el, likelier an abbreviation), and
# for a capitalised word only towards the clean texts' words (else the name Greater would be
# read Grøter): ø as `e` or as two letters (grenn, transportagrer, partnermeater), æ as three
# (nazeringsliv), j as `i` (giennom).
_UNKNOWN_ONLY = {"e": ("ø",), "ga": ("ø",), "ag": ("ø",), "ea": ("ø",), "ao": ("ø",),
                 "aze": ("æ",), "eae": ("æ",), "i": ("j",)}


@lru_cache(maxsize=1 << 16)
def candidates(word: str, unknown: bool = False) -> frozenset[str]:
    """Casefolded readings of a word under the OCR confusions (the word itself excluded), at
    most _MAX_SITES places changed; `unknown` adds the rarer confusions, for an unknown word.
    Kept per word: a document repeats its words, and the readings depend on nothing else."""
    w = word.casefold()
    table = {**_CONFUSIONS, **_UNKNOWN_ONLY} if unknown and len(w) >= 4 else _CONFUSIONS
    edits = {(0, 1, alt) for alt in _FIRST.get(w[:1], ())}
    for read, meant in table.items():
        for m in re.finditer(f"(?={read})", w):
            if m.start() or read in _CONFUSIONS:  # the rarer ones inside a word only
                edits.update((m.start(), m.start() + len(read), alt) for alt in meant)
    out = set()
    for k in range(1, _MAX_SITES + 1):
        for chosen in combinations(sorted(edits), k):
            if any(a[1] > b[0] for a, b in pairwise(chosen)):
                continue  # overlapping edits
            parts, at = [], 0
            for begin, end, alt in chosen:
                parts += [w[at:begin], alt]
                at = end
            out.add("".join(parts) + w[at:])
    out.discard(w)
    return frozenset(out)


def _case_like(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def correct(word: str, lexicon: Lexicon, previous: str = "", following: str = "",
            nearest: bool = True) -> str:
    """The repaired word, or the word itself when it is attested or the reading is ambiguous.

    `following` is the next word when only a space separates the two, else "". `nearest`
    lets a word no confusion explains become the nearest attested word (nearest.py).
    """
    if word == "|":
        return "I"
    if word in ("&", "a"):  # å read as & or a before a verb ("bidra til & styrke", "for a nå")
        return "å" if _infinitive_mark(lexicon, previous, following) else word
    if re.fullmatch(r"0o?g", word):
        return "og"
    if len(word) < 2 or (word.isupper() and len(word) <= 3):  # acronyms: KS, NHO, RAY
        return _unknown(word, lexicon) if nearest and word not in lexicon else word
    if word in lexicon:
        return _by_context(word, lexicon, previous)
    found = _readings(word, lexicon)
    if len(found) > 1:
        found = _likeliest(found, lexicon, previous.casefold())
    if len(found) == 1:
        return _case_like(word, found[0])
    return _unknown(word, lexicon) if nearest and not found else word


def _lettered(word: str, lexicon: Lexicon, previous: str, following: str) -> str:
    """A word with digits for letters, read with letters where it stands in running text
    (a word on each side, a space apart) and is no number (letters in it, or a leading 0:
    "vegvesen 09 Bane") and exactly one reading of its digits is a word; else as it is."""
    if not (previous.isalpha() and following.isalpha()):
        return word
    if word.isdigit() and not word.startswith("0"):
        return word  # a number
    readings = [""]
    for c in word.casefold():
        readings = [r + alt for r in readings for alt in _DIGITS.get(c, c)]
    found = [r for r in readings if not any(c.isdigit() for c in r) and r in lexicon]
    return _case_like(word, found[0]) if len(found) == 1 else word


def _unknown(word: str, lexicon: Lexicon) -> str:
    """A word that no confusion makes a word, nor a compound: a compound of attested words under
    the confusions (hgringsinnspill), split where two words were glued (relevanteprosessmøter),
    else the nearest attested word (oppmerksorrjhet, NQR); the word itself when none is clear."""
    folded = word.casefold()
    if len(folded) < 3 or lexicon.joins(folded):  # a compound, not damage (fylleinfrastruktur)
        return word
    if word.isupper():
        found = lexicon.nearest(folded, acronym=True)
    else:
        joined = [c for c in candidates(word, unknown=word.islower()) if lexicon.joins(c)]
        found = joined[0] if len(joined) == 1 else None
        if found:
            first, *rest = _unglued(found, lexicon)
            return " ".join([_spelt(word, first, lexicon),
                             *(_spelt(word.lower(), part, lexicon) for part in rest)])
        found = None if joined else lexicon.nearest(folded, capital=not word.islower())
    return _spelt(word, found, lexicon) if found else word


def _unglued(folded: str, lexicon: Lexicon) -> list[str]:
    """A compound reading split in two where its first part is a clean word that the clean
    texts write before other words but never joined to one (relevante|prosessmøter); the
    whole reading when no split is clear."""
    splits = [i for i in range(2, len(folded) - PART + 1)
              if lexicon.counts[folded[:i]] and lexicon.stands_alone(folded[:i])
              and (lexicon.attests(folded[i:]) or lexicon.joins(folded[i:]))]
    return [folded[:splits[0]], folded[splits[0]:]] if len(splits) == 1 else [folded]


def _spelt(original: str, folded: str, lexicon: Lexicon) -> str:
    """A repaired word in the original's case, a name as the texts spell it (UiO, Osloregionen);
    a capital I read for l says nothing of case (sans-serif I and l are one glyph)."""
    name = lexicon.name(folded)
    if name and not (original.isupper() and len(original) > 1):
        return name
    if original[:1] == "I" and folded[:1] == "l" and original[1:].islower():
        return folded
    return _case_like(original, folded)


def _readings(word: str, lexicon: Lexicon) -> list[str]:
    """Attested readings of an unknown word, the likeliest kind first found: a word under the
    common confusions; none if the word is a compound of known words (boligutvikling); a
    compound under the common confusions (helsenaeringsaktgrer); a word under the rarer ones
    (for a capitalised word, maybe a name, only a word of the clean texts)."""
    upper, lower = word.isupper(), word.islower()
    common = candidates(word)
    found = [c for c in common if lexicon.attests(c, upper)]
    if found or lexicon.compound(word.casefold()):
        return sorted(found)
    found = [c for c in common if lexicon.compound(c)]
    if found:
        return sorted(found)
    rare = candidates(word, unknown=True) - common
    return sorted(c for c in rare if lexicon.counts[c] or (lower and lexicon.attests(c)))


def _infinitive_mark(lexicon: Lexicon, previous: str, following: str) -> bool:
    """Whether a lone & or a stands for "å": before a lowercase word, after a preposition or
    where the clean texts have "å" after the previous word or before the next."""
    if not following.isalpha() or not following.islower():
        return False
    prev = previous.casefold()
    return (prev in _BEFORE_INFINITIVE or lexicon.bigrams[(prev, "å")] > 0
            or lexicon.bigrams[("å", following)] > 0)


def _likeliest(readings: list[str], lexicon: Lexicon, prev: str) -> list[str]:
    """The reading the clean texts prefer: the one most often after the previous word, else
    the only one they use at all (pa: "på", not "øa"); all readings when they cannot tell."""
    after = sorted(readings, key=lambda c: -lexicon.bigrams[(prev, c)])
    if lexicon.bigrams[(prev, after[0])] > lexicon.bigrams[(prev, after[1])]:
        return after[:1]
    used = [c for c in readings if lexicon.counts[c]]
    return used if len(used) == 1 else readings


def _by_context(word: str, lexicon: Lexicon, previous: str) -> str:
    """An attested word (mal, okt, mater) changes when the clean texts have one of its readings
    after the same previous word at least twice and never the word as read there or, failing
    that context, when they never have the word at all but have one of its readings."""
    w, prev = word.casefold(), previous.casefold()
    if prev and lexicon.bigrams[(prev, w)]:
        return word
    readings = candidates(word)
    seen = [c for c in readings if prev and lexicon.bigrams[(prev, c)] >= 2]
    if not seen and not lexicon.counts[w]:
        seen = [c for c in readings if lexicon.counts[c]]
    return _case_like(word, seen[0]) if len(seen) == 1 else word


def repair(text: str, lexicon: Lexicon, changed: list[tuple[str, str]] | None = None) -> str:
    """Text with misread words corrected; case, spacing and punctuation kept. Each change
    (word as read, as repaired) is appended to `changed` when given."""
    out: list[str] = []
    last = 0
    previous = ""
    matches = list(_WORD_RE.finditer(text))
    for m, after in pairwise([*matches, None]):
        word = m.group()
        following = after.group() if after and text[m.end():after.start()] == " " else ""
        if _NUMERAL_RE.fullmatch(word):  # read with letters in running text only
            fixed = _lettered(word, lexicon, previous if text[last:m.start()] == " " else "",
                              following)
        else:
            fixed = correct(word, lexicon, previous, following)
        if changed is not None and fixed != word:
            changed.append((word, fixed))
        out.append(text[last:m.start()])
        out.append(fixed)
        last = m.end()
        previous = fixed.rsplit(" ", 1)[-1]
    out.append(text[last:])
    return "".join(out)


_TOKEN_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# punctuation around a word, not part of it (a word is marked without it)
EDGE = "\"'«»“”‘’()[]{}.,;:!?*•-–—|"


def unattested(text: str, lexicon: Lexicon) -> list[str]:
    """The words of a (repaired) text that no dictionary attests, as printed without the
    punctuation around them: a word with a run of two letters or more that is neither a word
    nor a compound of words (gjen.no.mfrar_e, uUio). A word the repair could not mend is kept
    as read, and marked, rather than guessed."""
    out = []
    for token in _TOKEN_RE.findall(text):
        runs = [r for r in _LETTERS_RE.findall(token) if len(r) > 1]
        if any(r not in lexicon and not lexicon.joins(r.casefold())
               and not lexicon.compound(r.casefold()) for r in runs):
            out.append(token.strip(EDGE) or token)
    return out


@dataclass(frozen=True)
class RepairReport:
    """How many words the repair changed, with a sample of (read, repaired) pairs."""

    words_changed: int = 0
    sample: tuple[tuple[str, str], ...] = ()
    applied: bool = False


def repair_programme(programme: Programme, lexicon: Lexicon) -> tuple[Programme, RepairReport]:
    """Repair titles, targets, partners and section titles; raw text stays in raw_title."""
    changes: list[tuple[str, str]] = []

    def fix(text: str) -> str:
        return repair(text, lexicon, changes)

    def fix_measure(m: Measure) -> Measure:
        fixed = replace(m, title=fix(m.title), raw_title=m.raw_title or m.title,
                        result_targets=tuple(fix(t) for t in m.result_targets),
                        effect_targets=tuple(fix(t) for t in m.effect_targets),
                        partners=tuple(fix(p) for p in m.partners),
                        children=tuple(fix(c) for c in m.children))
        texts = (fixed.title, *fixed.children, *fixed.result_targets, *fixed.effect_targets,
                 *fixed.partners)
        return replace(fixed, unattested=tuple(dict.fromkeys(
            w for t in texts for w in unattested(t, lexicon))))

    def fix_section(s: Section) -> Section:
        return replace(s, title=fix(s.title), raw_title=s.raw_title or s.title)

    repaired = replace(programme, measures=tuple(fix_measure(m) for m in programme.measures),
                       sections=tuple(fix_section(s) for s in programme.sections),
                       title=fix(programme.title),
                       warnings=(*programme.warnings, *lexicon.warnings))
    sample = tuple(dict.fromkeys(changes))[:15]
    return repaired, RepairReport(len(changes), sample, True)
