"""The words every report uses for kinds of change and trace statuses, per language."""

from __future__ import annotations

KINDS = {
    "nb": {"unchanged": "uendret", "reworded": "omformulert", "split": "delt",
           "merged": "slått sammen", "added": "nytt", "removed": "fjernet"},
    "en": {"unchanged": "unchanged", "reworded": "reworded", "split": "split",
           "merged": "merged", "added": "added", "removed": "removed"},
}
STATUSES = {
    "nb": {"adopted": "videreført", "partial": "delvis videreført",
           "dropped_at_draft": "falt ut i utkastet", "dropped_at_board": "falt ut i styret"},
    "en": {"adopted": "adopted", "partial": "partly adopted",
           "dropped_at_draft": "dropped in the draft", "dropped_at_board": "dropped by the board"},
}
OVERRIDDEN = {"nb": "manuell kobling", "en": "manual link"}  # a link set by `orvers link`
_DROPPED_AT = {"nb": "falt ut i", "en": "dropped at"}


def status_name(status: str, lang: str = "nb", places: dict[str, str] | None = None) -> str:
    """A trace status in words; dropped_at_<label> names the version (PLACES may rename it)."""
    if status in STATUSES[lang]:
        return STATUSES[lang][status]
    place = status.removeprefix("dropped_at_")
    return f"{_DROPPED_AT[lang]} {(places or {}).get(place, place)}"
