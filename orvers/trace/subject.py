"""Subject words: words rare in Norwegian at large that a proposal shares with one lineage alone.

A proposal's share (containment) weighs words by their rarity in the corpus, and a long
proposal whose details were left out keeps only a small share even when the measure that took
it up names its subject ("helsenæringen", "kraftbehov"). Rarity in five documents cannot tell
such a subject from a word the documents happen to use once ("innenfor", "mangler");
frequency in general Norwegian can: wordfreq's bokmål list (shipped with the package, no
download) gives each word its Zipf frequency (log10 of uses per billion words; 0 for a word it
has never seen, e.g. a compound coined for the occasion).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..text import fold
from .frequency import zipf

_TOKEN_RE = re.compile(r"[^\W\d_]+")


def stems(text: str, letters: int, zipf_max: float | None = None,
          shortest: int = 6) -> set[str]:
    """The first `letters` letters (folded) of the text's words of at least `shortest`
    letters ("helsenæringen" → "helsena"); with zipf_max only of those whose Zipf frequency in
    bokmål is below it."""
    return {fold(w)[:letters] for w in map(str.lower, _TOKEN_RE.findall(text))
            if len(w) >= shortest and (zipf_max is None or zipf(w) < zipf_max)}


def subject_links(proposals: Sequence[str], lineages: Sequence[str], zipf_max: float,
                  letters: int) -> np.ndarray:
    """Proposals × lineages: True where a lineage is the only one that shares rare words with
    the proposal: rare in both (stems with zipf_max), the stem in no other lineage in any
    form ("Osloregionens" is rare in Norwegian, "Osloregionen" in every other lineage)."""
    out = np.zeros((len(proposals), len(lineages)), dtype=bool)
    if not zipf_max or not len(lineages):
        return out
    holders: dict[str, list[int]] = {}
    for g, text in enumerate(lineages):
        for stem in stems(text, letters):
            holders.setdefault(stem, []).append(g)
    rare = [stems(text, letters, zipf_max) for text in lineages]
    for i, text in enumerate(proposals):
        found = {holders[x][0] for x in stems(text, letters, zipf_max)
                 if len(holders.get(x, ())) == 1 and x in rare[holders[x][0]]}
        if len(found) == 1:
            out[i, found.pop()] = True
    return out
