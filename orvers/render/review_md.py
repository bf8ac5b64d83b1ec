"""The review queue as Markdown: doubtful links and statuses, each with the command that
would settle it for its alternative."""

from __future__ import annotations

from ..model import ReviewItem
from .queue import TEXT, what_text


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


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
    lines += [f"| {_cell(what_text(r.what, lang))} | {r.confidence:.2f} | "
              f"{_cell(r.alternative)} | `{r.command}` |" for r in items]
    return lines + [""]
