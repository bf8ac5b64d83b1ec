"""The review queue in the report's words, for every format: its headings, each decision as
the reports name links and statuses, and the link or proposal each decision is about (so a
page can mark its row)."""

from __future__ import annotations

from ..model import ReviewItem
from .terms import KINDS, STATUSES, status_name

TEXT = {
    "nb": {"title": "Til gjennomgang", "what": "Avgjort", "confidence": "Sikkerhet",
           "alternative": "Alternativ", "command": "Kommando",
           "none": "Ingen usikre koblinger.", "count": "til gjennomgang",
           "mark": "Usikker: se nr. {n} til gjennomgang (sikkerhet {confidence:.2f})",
           "show": "vis raden i tabellen"},
    "en": {"title": "To review", "what": "Decided", "confidence": "Confidence",
           "alternative": "Alternative", "command": "Command",
           "none": "No doubtful links.", "count": "to review",
           "mark": "Doubtful: see no. {n} to review (confidence {confidence:.2f})",
           "show": "show the row in the table"},
}

Key = tuple[str | None, ...]  # a link (old id, new id) or a proposal (id,)


def what_text(what: str, lang: str) -> str:
    """What was decided, the last word of each decision (a link kind or a trace status; one
    item may join several, "…(removed); …(added)") in the report's words."""
    return "; ".join(_one(part, lang) for part in what.split("; "))


def _one(text: str, lang: str) -> str:
    head, _, last = text.rpartition(" ")
    if last.startswith("(") and last.endswith(")") and last[1:-1] in KINDS[lang]:
        return f"{head} ({KINDS[lang][last[1:-1]]})"
    if last in KINDS[lang]:
        return f"{head} {KINDS[lang][last]}"
    if last in STATUSES[lang] or last.startswith("dropped_at_"):
        return f"{head} {status_name(last, lang)}"
    return text


def decided(part: str) -> Key:
    """The link or proposal one decision of an item's `what` is about: "OLD:a → NEW:b (kind)"
    (orvers/match/confidence.py) is the link (a, b), "–" a side it lacks (None);
    "SOURCE:W1 status" (orvers/trace/confidence.py) is the proposal (W1,)."""
    head = part.rpartition(" ")[0]
    ids = (side.rpartition(":")[2] for side in head.split(" → "))
    return tuple(None if i == "–" else i for i in ids)


def queue(items: tuple[ReviewItem, ...], lang: str = "nb",
          subjects: dict[Key, str] | None = None) -> tuple[list[dict], dict[Key, dict]]:
    """The queue as a page shows it, and the marks of the rows it is about.

    Each item: its number `n` (most doubtful first), `parts` (each decision in words, the id
    of its row's mark and what it is about: its text in SUBJECTS, e.g. a measure's title),
    confidence, alternative and command. Each mark, by the link or proposal it marks: the
    `id` the queue links to, the number `n` of the first item about it and a `title` saying
    so."""
    rows: list[dict] = []
    marks: dict[Key, dict] = {}
    for n, item in enumerate(items, 1):
        parts = []
        for m, part in enumerate(item.what.split("; "), 1):
            mark = marks.setdefault(decided(part), {
                "id": f"review-{n}-{m}", "n": n,
                "title": TEXT[lang]["mark"].format(n=n, confidence=item.confidence)})
            parts.append((_one(part, lang), mark["id"],
                          (subjects or {}).get(decided(part), "")))
        rows.append({"n": n, "parts": parts, "confidence": item.confidence,
                     "alternative": item.alternative, "command": item.command})
    return rows, marks
