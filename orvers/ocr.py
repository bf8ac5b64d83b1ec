"""Repair Norwegian letters that OCR misread (ø → g, å → a, æ → ae …) where a dictionary agrees."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import product
from pathlib import Path

from .model import Measure, Programme, Section

WORDLIST = Path("/usr/share/dict/bokmaal")
_WORD_RE = re.compile(r"[^\W\d_]+|0o?g\b|\||(?<=\w )&(?= \w)")
_NORDIC_RE = re.compile("[æøåÆØÅ]")
_BEFORE_INFINITIVE = frozenset({"til", "for", "med", "om", "av", "uten", "ved"})
_MAX_SITES = 3  # changed letters per word; more would attest nonsense by chance

# The OCR of the board document has no ø/æ/å model: ø comes out as `g` (fglge = følge) or, at a
# word's start where the glyph looks like a bar or a loop, as J/D/P/O; å as `a`; ø as `a` too
# (mateplass = møteplass); æ as `ae`/`ee`/`ze`.
_INNER = {"g": ("ø",), "a": ("å", "ø"), "o": ("ø",)}
_DIGRAPHS = {"ae": "æ", "ee": "æ", "ze": "æ"}
_FIRST = {"j": "ø", "d": "ø", "p": "ø", "o": "ø"}


@dataclass
class Lexicon:
    """Attested word forms (casefolded) and word bigrams of clean texts."""

    words: frozenset[str] | set[str]
    bigrams: Counter = field(default_factory=Counter)
    warnings: tuple[str, ...] = ()

    def __contains__(self, word: str) -> bool:
        return word.casefold() in self.words


@cache
def _wordlist(path: str) -> frozenset[str]:
    return frozenset(w.strip().casefold()
                     for w in Path(path).read_text(encoding="latin-1").splitlines() if w.strip())


def build_lexicon(clean_texts: tuple[str, ...] = (), wordlist: Path = WORDLIST) -> Lexicon:
    """Word list (loaded once) plus the vocabulary and bigrams of clean texts."""
    warnings: tuple[str, ...] = ()
    base: frozenset[str] = frozenset()
    if wordlist.exists():
        base = _wordlist(str(wordlist))
    else:
        warnings = (f"word list {wordlist} not found; OCR repair uses the corpus vocabulary only",)
    vocab: set[str] = set()
    bigrams: Counter = Counter()
    for text in clean_texts:
        tokens = [t.casefold() for t in re.findall(r"[^\W\d_]+", text)]
        vocab.update(tokens)
        bigrams.update(zip(tokens, tokens[1:], strict=False))
    return Lexicon(words=base | vocab, bigrams=bigrams, warnings=warnings)


def candidates(word: str) -> set[str]:
    """Casefolded readings of a word under the OCR confusions (the word itself excluded)."""
    w = word.casefold()
    options: list[tuple[str, ...]] = []
    i = 0
    while i < len(w):
        if w[i:i + 2] in _DIGRAPHS:
            options.append((w[i:i + 2], _DIGRAPHS[w[i:i + 2]],
                            *(a + w[i + 1] for a in _INNER.get(w[i], ()))))
            i += 2
            continue
        alts = _INNER.get(w[i], ())
        if i == 0 and w[i] in _FIRST:
            alts = (*alts, _FIRST[w[i]])
        options.append((w[i], *dict.fromkeys(alts)))
        i += 1
    sites = sum(1 for o in options if len(o) > 1)
    if sites == 0 or sites > 8:
        return set()
    out = set()
    for combo in product(*options):
        changed = sum(1 for c, o in zip(combo, options, strict=True) if c != o[0])
        if 0 < changed <= _MAX_SITES:
            out.add("".join(combo))
    return out


def _case_like(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def correct(word: str, lexicon: Lexicon, previous: str = "") -> str:
    """The repaired word, or the word itself when it is attested or the reading is ambiguous."""
    if word == "|":
        return "I"
    if word == "&":  # å read as & between words ("bidra til & styrke"): "og" is never "&" here
        return "å" if previous.casefold() in _BEFORE_INFINITIVE else word
    if re.fullmatch(r"0o?g", word):
        return "og"
    if len(word) < 2:
        return word
    if word in lexicon:
        return _by_context(word, lexicon, previous)
    found = sorted(c for c in candidates(word) if c in lexicon.words)
    if len(found) > 1 and previous:
        scored = sorted(found, key=lambda c: -lexicon.bigrams[(previous.casefold(), c)])
        if lexicon.bigrams[(previous.casefold(), scored[0])] > lexicon.bigrams[
                (previous.casefold(), scored[1])]:
            found = scored[:1]
    return _case_like(word, found[0]) if len(found) == 1 else word


def _by_context(word: str, lexicon: Lexicon, previous: str) -> str:
    """An attested word (pa, mal) changes only when the clean texts have the reading after the
    same previous word at least twice and never the word as read."""
    if not previous:
        return word
    prev = previous.casefold()
    if lexicon.bigrams[(prev, word.casefold())]:
        return word
    seen = [c for c in candidates(word) if lexicon.bigrams[(prev, c)] >= 2]
    return _case_like(word, seen[0]) if len(seen) == 1 else word


def repair(text: str, lexicon: Lexicon) -> str:
    """Text with misread words corrected; case, spacing and punctuation kept."""
    out: list[str] = []
    last = 0
    previous = ""
    for m in _WORD_RE.finditer(text):
        word = m.group()
        fixed = correct(word, lexicon, previous)
        out.append(text[last:m.start()])
        out.append(fixed)
        last = m.end()
        previous = fixed
    out.append(text[last:])
    return "".join(out)


@dataclass(frozen=True)
class RepairReport:
    """How many words the repair changed, with a sample of (read, repaired) pairs."""

    words_changed: int = 0
    sample: tuple[tuple[str, str], ...] = ()
    applied: bool = False


def unattested_share(texts: list[str], lexicon: Lexicon) -> tuple[float, float]:
    """Shares of words that are unattested, and that a confusion would fix."""
    words = [w for t in texts for w in re.findall(r"[^\W\d_]{2,}", t)]
    if not words:
        return 0.0, 0.0
    unknown = [w for w in words if w not in lexicon]
    fixable = [w for w in unknown if correct(w, lexicon) != w]
    return len(unknown) / len(words), len(fixable) / len(words)


def looks_ocr_damaged(programme: Programme, share: float = 0.02) -> bool:
    """Cheap pre-check: Norwegian prose has æ/ø/å in over 10 % of its words, an OCR layer
    without a Norwegian model in almost none."""
    words = [w for m in programme.measures for w in re.findall(r"[^\W\d_]{2,}", m.text)]
    return bool(words) and sum(bool(_NORDIC_RE.search(w)) for w in words) < share * len(words)


def needs_repair(programme: Programme, lexicon: Lexicon, threshold: float = 0.01) -> bool:
    """Whether the programme reads like an OCR text layer: ≥1 % of words fixable by a confusion."""
    texts = [m.text for m in programme.measures] + [s.title for s in programme.sections]
    return unattested_share(texts, lexicon)[1] >= threshold


def repair_programme(programme: Programme, lexicon: Lexicon) -> tuple[Programme, RepairReport]:
    """Repair titles, targets, partners and section titles; raw text stays in raw_title."""
    changes: list[tuple[str, str]] = []

    def fix(text: str) -> str:
        fixed = repair(text, lexicon)
        if fixed != text:
            a, b = _WORD_RE.findall(text), _WORD_RE.findall(fixed)
            changes.extend((x, y) for x, y in zip(a, b, strict=False) if x != y)
        return fixed

    def fix_measure(m: Measure) -> Measure:
        return replace(m, title=fix(m.title), raw_title=m.raw_title or m.title,
                       result_targets=tuple(fix(t) for t in m.result_targets),
                       effect_targets=tuple(fix(t) for t in m.effect_targets),
                       partners=tuple(fix(p) for p in m.partners),
                       children=tuple(fix(c) for c in m.children))

    def fix_section(s: Section) -> Section:
        return replace(s, title=fix(s.title), raw_title=s.raw_title or s.title)

    repaired = replace(programme, measures=tuple(fix_measure(m) for m in programme.measures),
                       sections=tuple(fix_section(s) for s in programme.sections),
                       title=fix(programme.title),
                       warnings=(*programme.warnings, *lexicon.warnings))
    sample = tuple(dict.fromkeys(changes))[:15]
    return repaired, RepairReport(len(changes), sample, True)
