"""How common a word is in Norwegian at large: wordfreq's bokmål list (shipped inside its wheel,
no download) on the Zipf scale, compiled once into a marisa trie in the user's cache directory
(no pickle), so that a trace reads a word's frequency without importing wordfreq and unpacking
its list (0.4 s of a first report on the bundled corpus)."""

from __future__ import annotations

import hashlib
import math
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path

import marisa_trie

from ..cache import user_cache
from ..ocr.wordlist import compiled

_FORMAT = "1"  # bump when what is compiled changes
_FILE = "nb.marisa"
_RECORD = "<H"  # a Zipf frequency × 100 (wordfreq gives two decimals; at most 9)


def zipf(word: str) -> float:
    """The word's Zipf frequency in bokmål (log10 of its uses per billion words), as wordfreq's
    zipf_frequency(word, "nb") gives it for a word of letters; 0 for a word it has never seen
    (e.g. a compound coined for the occasion)."""
    found = _table().get(unicodedata.normalize("NFC", word).casefold())
    return found[0][0] / 100 if found else 0.0


@cache
def _table() -> marisa_trie.RecordTrie:
    """The compiled list, built on first use and for each wordfreq version (and again in
    place of a damaged copy)."""
    key = f"wordfreq {metadata.version('wordfreq')} nb best {_FORMAT}"
    folder = user_cache("wordfreq", hashlib.sha256(key.encode()).hexdigest()[:24])
    return compiled(folder, [_FILE], _mapped, _compile,
                    lambda table, building: table.save(str(building / _FILE)))


def _mapped(folder: Path) -> marisa_trie.RecordTrie:
    table = marisa_trie.RecordTrie(_RECORD)
    table.mmap(str(folder / _FILE))
    return table


def _compile() -> marisa_trie.RecordTrie:
    """wordfreq's bokmål list as word → Zipf × 100, rounded as zipf_frequency rounds (the
    frequency to 3 significant digits, then the Zipf value to 2 decimals)."""
    from wordfreq import get_frequency_dict

    def hundredths(freq: float) -> int:
        rounded = round(freq, math.floor(-math.log10(freq)) + 3)
        return round(100 * round(math.log10(rounded) + 9, 2))

    return marisa_trie.RecordTrie(_RECORD, ((word, (hundredths(freq),))
                                            for word, freq in get_frequency_dict("nb").items()
                                            if freq > 0))
