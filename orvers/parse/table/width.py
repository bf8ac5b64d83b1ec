"""The printed width of a piece of text, for judging where a column wraps."""

from __future__ import annotations

# Advance widths of Helvetica/Arial in thousandths of an em; other characters count as 556.
_GROUPS = {
    191: "'", 222: "ijl", 278: " .,:;!/|ftI[]", 333: "-r()`", 355: '"', 389: "*",
    500: "cksvxyzJ«»¢", 584: "+<>=", 611: "FTZø", 667: "ABEKPSVXY&Å", 722: "CDHNRUw",
    778: "GOQØ", 833: "mM", 889: "%æ", 944: "W", 1000: "Æ", 1015: "@",
}
_WIDTH = {ch: w / 1000 for w, chars in _GROUPS.items() for ch in chars}


def text_width(text: str) -> float:
    """The printed width of text in ems of a sans-serif face."""
    return sum(_WIDTH.get(ch, 0.556) for ch in text)
