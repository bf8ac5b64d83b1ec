"""Whether a text is Norwegian with OCR damage: the only text the repair may touch."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Programme

if TYPE_CHECKING:
    from .lexicon import Lexicon

_NORDIC_RE = re.compile("[æøåÆØÅ]")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
NORWEGIAN = frozenset({"no", "nb", "nn"})  # py3langid's labels for bokmål and nynorsk


def _nordic_share(text: str) -> float | None:
    """Share of the text's words with æ/ø/å (None: no words)."""
    words = _WORD_RE.findall(text)
    return sum(bool(_NORDIC_RE.search(w)) for w in words) / len(words) if words else None


def looks_ocr_damaged(programme: Programme, share: float = 0.02) -> bool:
    """Cheap pre-check: Norwegian prose has æ/ø/å in over 10 % of its words, an OCR layer
    without a Norwegian model in almost none (and so has any text in another language)."""
    found = _nordic_share(" ".join(m.text for m in programme.measures))
    return found is not None and found < share


def reads_norwegian(text: str, share: float = 0.05) -> bool:
    """Whether a text reads as clean Norwegian (æ/ø/å in at least SHARE of its words)."""
    return (_nordic_share(text) or 0.0) >= share


def unattested_share(texts: list[str], lexicon: Lexicon) -> tuple[float, float]:
    """Shares of words that are unattested, and that a confusion would fix."""
    from .repair import correct

    words = [w for t in texts for w in _WORD_RE.findall(t)]
    if not words:
        return 0.0, 0.0
    unknown = [w for w in words if w not in lexicon]
    fixable = [w for w in unknown if correct(w, lexicon, nearest=False) != w]
    return len(unknown) / len(words), len(fixable) / len(words)


def needs_repair(programme: Programme, lexicon: Lexicon, threshold: float = 0.01) -> bool:
    """Whether the programme reads like an OCR text layer: ≥1 % of words fixable by a confusion."""
    texts = [m.text for m in programme.measures] + [s.title for s in programme.sections]
    return unattested_share(texts, lexicon)[1] >= threshold
