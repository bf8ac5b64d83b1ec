"""Every weight and threshold of the matcher, with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchSettings:
    """Weights (combined into one score in [0, 1]) and thresholds of measure matching.

    w_title: token_sort_ratio of normalised titles (word order free, whole text counted).
    w_set: token_set_ratio of normalised titles (100 when one side's words are a subset).
    w_ngram: cosine of character n-gram counts of the whole measure text (robust to OCR damage).
    w_fields: token_set_ratio of targets + partners, used only when both sides have them.
    w_section: prior for measures in matched sections (same section after section matching).
    w_position: prior for the same position inside the matched section.
    same_title: titles (folded, every word kept) at least this similar (Indel ratio) are
        "unchanged": absorbs OCR noise (one wrong letter in a long title), not a changed word.
    threshold: an assigned pair scoring below this is not a link (added + removed instead).
    ngram: length of the character n-grams.
    dense_pairs: up to this many pairs every scorer runs on every pair; above, the word
        scorers run only on each measure's top_k n-gram candidates.
    top_k: candidates kept per measure before assignment (sparse assignment).
    cover: share of a measure's n-grams another measure must contain for split/merge parts.
    part_min: least pair score for a split/merge part.
    """

    w_title: float = 0.25
    w_set: float = 0.15
    w_ngram: float = 0.35
    w_fields: float = 0.10
    w_section: float = 0.10
    w_position: float = 0.05
    same_title: float = 0.97
    threshold: float = 0.50
    ngram: int = 3
    dense_pairs: int = 250_000
    top_k: int = 8
    cover: float = 0.45
    part_min: float = 0.45
