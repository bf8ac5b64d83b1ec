"""The words OCR repair may read a token as: a word list and the clean versions' vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .ocr_nearest import budget, ranked, unique

WORDLIST = Path("/usr/share/dict/bokmaal")
PART = 5  # shortest part of a compound: shorter words (føre, øre) would split too much


@dataclass
class Lexicon:
    """Attested word forms (casefolded), the word list's acronyms, the word counts and bigrams
    of clean texts, and how names are spelt (uio → UiO) where they are never lowercase."""

    words: frozenset[str] | set[str]
    bigrams: Counter = field(default_factory=Counter)
    warnings: tuple[str, ...] = ()
    acronyms: frozenset[str] = frozenset()
    counts: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __contains__(self, word: str) -> bool:
        return self.attests(word.casefold(), word.isupper())

    def attests(self, folded: str, upper: bool = False) -> bool:
        """Whether a casefolded form is a word; an acronym ("PA") only for an all-caps token."""
        return folded in self.words or (upper and folded in self.acronyms)

    def compound(self, folded: str) -> bool:
        """Whether a casefolded form joins words of the clean texts, with or without a linking
        s or e (nærings|foreninger, helse|nærings|aktører), each of five letters or more: the
        word list's words would split nonsense (transport|agrer)."""
        for i in range(PART, len(folded) - PART + 1):
            left, right = folded[:i], folded[i:]
            if not (self.counts[left] or (left[-1] in "se" and i > PART
                                          and self.counts[left[:-1]])):
                continue
            if self.counts[right] or self.compound(right):
                return True
        return False

    def joins(self, folded: str) -> bool:
        """Whether a casefolded form joins attested words (the word list's too), each of five
        letters or more, the first maybe with a linking s or e (høring|s|innspill); for
        telling an unknown compound from damage, and for readings under the confusions."""
        memo = self._memo.setdefault("joins", {})
        if folded not in memo:
            memo[folded] = any(
                (left in self.words or (left[-1] in "se" and left[:-1] in self.words))
                and (right in self.words or self.joins(right))
                for left, right in ((folded[:i], folded[i:])
                                    for i in range(PART, len(folded) - PART + 1)))
        return memo[folded]

    def nearest(self, folded: str, acronym: bool = False, capital: bool = False) -> str | None:
        """The attested word nearest to an unknown one under OCR's confusions: among the clean
        texts' words (for an acronym only names, never written in lowercase), else, unless
        capitalised, among the word list's for one edit at most; None when none is near or two
        are about as near."""
        memo = self._memo.setdefault("nearest", {})
        if (folded, acronym, capital) not in memo:
            limit = budget(folded)
            near = ranked(folded, self._vocabulary(), limit)
            if acronym:
                near = [(c, w) for c, w in near if w in self.names]
            elif not near and not capital:  # a capitalised word may be a name (Greater)
                near = ranked(folded, self._by_length(len(folded)), min(1.0, limit))
            memo[folded, acronym, capital] = unique(near)
        return memo[folded, acronym, capital]

    def stands_alone(self, folded: str) -> bool:
        """Whether the clean texts use a word before other words and begin no longer word
        with it."""
        memo = self._memo.setdefault("alone", {})
        if folded not in memo:
            memo[folded] = (any(a == folded for a, _ in self.bigrams)
                            and not any(w != folded and w.startswith(folded) for w in self.counts))
        return memo[folded]

    def _vocabulary(self) -> list[str]:
        if "vocabulary" not in self._memo:
            self._memo["vocabulary"] = [w for w in self.counts if len(w) > 1]
        return self._memo["vocabulary"]

    def _by_length(self, size: int) -> list[str]:
        """The attested words two letters shorter to two longer (a repair's reach)."""
        lengths = self._memo.setdefault("lengths", {})
        if not lengths:
            for w in self.words:
                lengths.setdefault(len(w), []).append(w)
        return [w for n in range(size - 2, size + 3) for w in lengths.get(n, ())]


@cache
def _wordlist(path: str) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """Casefolded words, apart the all-caps entries (acronyms), and the names (UiO, Oslo) as
    spelt, of a word list."""
    entries = [w.strip() for w in Path(path).read_text(encoding="latin-1").splitlines()]
    words = frozenset(w.casefold() for w in entries if w and not (len(w) > 1 and w.isupper()))
    acronyms = frozenset(w.casefold() for w in entries if len(w) > 1 and w.isupper())
    lower = {w for w in entries if w.islower()}
    names = {w.casefold(): w for w in entries
             if not w.islower() and not w.isupper() and w.casefold() not in lower}
    return words, acronyms - words, names


def dictionary_words(wordlist: Path = WORDLIST) -> frozenset[str]:
    """The word list's casefolded words (loaded once); none when it is missing."""
    return _wordlist(str(wordlist))[0] if wordlist.exists() else frozenset()


def build_lexicon(clean_texts: tuple[str, ...] = (), wordlist: Path = WORDLIST) -> Lexicon:
    """Word list (loaded once) plus the vocabulary and bigrams of clean texts."""
    warnings: tuple[str, ...] = ()
    base: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    names: dict[str, str] = {}
    if wordlist.exists():
        base, acronyms, names = _wordlist(str(wordlist))
    else:
        warnings = (f"word list {wordlist} not found; OCR repair uses the corpus vocabulary only",)
    counts: Counter = Counter()
    bigrams: Counter = Counter()
    spelt: dict[str, Counter] = {}
    for text in clean_texts:
        found = re.findall(r"[^\W\d_]+", text)
        tokens = [t.casefold() for t in found]
        counts.update(tokens)
        bigrams.update(zip(tokens, tokens[1:], strict=False))
        for t, folded in zip(found, tokens, strict=True):
            spelt.setdefault(folded, Counter())[t] += 1
    names = {**names, **{w: forms.most_common(1)[0][0] for w, forms in spelt.items()
                         if w not in forms}}  # never written in lowercase: a name
    return Lexicon(words=base | set(counts), bigrams=bigrams, warnings=warnings,
                   acronyms=acronyms, counts=counts, names=names)
