"""The review queue as Markdown: doubtful links and statuses, each with the command that
would settle it for its alternative."""

from __future__ import annotations

from ..model import ReviewItem
from .terms import KINDS, STATUSES, status_name

TEXT = {
    "nb": {"title": "Til gjennomgang", "what": "Avgjort", "confidence": "Sikkerhet",
           "alternative": "Alternativ", "command": "Kommando",
           "none": "Ingen usikre koblinger."},
    "en": {"title": "To review", "what": "Decided", "confidence": "Confidence",
           "alternative": "Alternative", "command": "Command",
           "none": "No doubtful links."},
}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _what(text: str, lang: str) -> str:
    """What was decided, the last word of each decision (a link kind or a trace status; one
    item may join several, "…(removed); …(added)") in the report's words."""
    return "; ".join(_one(part, lang) for part in text.split("; "))


def _one(text: str, lang: str) -> str:
    head, _, last = text.rpartition(" ")
    if last.startswith("(") and last.endswith(")") and last[1:-1] in KINDS[lang]:
        return f"{head} ({KINDS[lang][last[1:-1]]})"
    if last in KINDS[lang]:
        return f"{head} {KINDS[lang][last]}"
    if last in STATUSES[lang] or last.startswith("dropped_at_"):
        return f"{head} {status_name(last, lang)}"
    return text


def review_markdown(items: tuple[ReviewItem, ...], lang: str = "nb", of: str = ""
                    ) -> list[str]:
    """Lines of a Markdown section listing the queue, most doubtful first (`of`: what it is
    the queue of, added to the heading)."""
    t = TEXT[lang]
    lines = [f"## {t['title']}" + (f": {of}" if of else ""), ""]
    if not items:
        return lines + [t["none"], ""]
    lines += [f"| {t['what']} | {t['confidence']} | {t['alternative']} | {t['command']} |",
              "|---|---:|---|---|"]
    lines += [f"| {_cell(_what(r.what, lang))} | {r.confidence:.2f} | {_cell(r.alternative)} | "
              f"`{r.command}` |" for r in items]
    return lines + [""]
