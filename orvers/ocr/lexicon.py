"""The words OCR repair may read a token as: a word list and the clean versions' vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .nearest import budget, confusable, ranked, unique
from .wordlist import EMPTY, WORDLIST, WordList, load_wordlist

PART = 5  # shortest part of a compound: shorter words (føre, øre) would split too much


@dataclass
class Lexicon:
    """Attested word forms (casefolded): the word list's (with its acronyms and names) and
    the words, word counts and bigrams of clean texts, with how they spell names they never
    write in lowercase (uio → UiO)."""

    wordlist: WordList = EMPTY
    bigrams: Counter = field(default_factory=Counter)
    warnings: tuple[str, ...] = ()
    counts: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __contains__(self, word: str) -> bool:
        return self.attests(word.casefold(), word.isupper())

    def attests(self, folded: str, upper: bool = False) -> bool:
        """Whether a casefolded form is a word; an acronym ("PA") only for an all-caps token."""
        return (folded in self.counts or folded in self.wordlist.words
                or (upper and folded in self.wordlist.acronyms))

    def name(self, folded: str) -> str:
        """How the clean texts, else the word list, spell a name ("" for no name)."""
        return self.names.get(folded) or self.wordlist.name(folded)

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
                (self.attests(left) or (left[-1] in "se" and self.attests(left[:-1])))
                and (self.attests(right) or self.joins(right))
                for left, right in ((folded[:i], folded[i:])
                                    for i in range(PART, len(folded) - PART + 1)))
        return memo[folded]

    def nearest(self, folded: str, acronym: bool = False, capital: bool = False) -> str | None:
        """The attested word nearest to an unknown one under OCR's confusions: among the clean
        texts' words (for an acronym only names, never written in lowercase), else, unless
        capitalised, among the word list's for one edit at most (looked up, not searched:
        nearest.confusable); None when none is near or two are about as near."""
        memo = self._memo.setdefault("nearest", {})
        if (folded, acronym, capital) not in memo:
            limit = budget(folded)
            near = ranked(folded, self._vocabulary(), limit)
            if acronym:
                near = [(c, w) for c, w in near if self.name(w)]
            elif not near and not capital:  # a capitalised word may be a name (Greater)
                near = confusable(folded, self.wordlist.words, min(1.0, limit))
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


def build_lexicon(clean_texts: tuple[str, ...] = (), wordlist: Path = WORDLIST) -> Lexicon:
    """The word list (compiled once, see wordlist.py) plus the vocabulary and bigrams of clean
    texts; without the word list, the clean texts alone, with a warning saying so."""
    words = load_wordlist(wordlist)
    warnings: tuple[str, ...] = ()
    if words is EMPTY:
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
    names = {w: forms.most_common(1)[0][0] for w, forms in spelt.items()
             if w not in forms}  # never written in lowercase: a name
    return Lexicon(wordlist=words, bigrams=bigrams, warnings=warnings, counts=counts,
                   names=names)
