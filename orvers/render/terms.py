"""The words every report uses for kinds of change and trace statuses, per language."""

from __future__ import annotations

from ..model import EVENT_KINDS

KINDS = {
    "nb": {"unchanged": "uendret", "reworded": "omformulert", "split": "delt",
           "merged": "slått sammen", "added": "nytt", "removed": "fjernet"},
    "en": {"unchanged": "unchanged", "reworded": "reworded", "split": "split",
           "merged": "merged", "added": "added", "removed": "removed"},
}
_AMENDED = {"nb": "samme tittel, annet innhold", "en": "same title, content changed"}
EVENTS = {  # what a report counts, in EVENT_KINDS order: a split or merge once per event
    lang: {k: KINDS[lang].get(k) or _AMENDED[lang] for k in EVENT_KINDS} for lang in KINDS}
CHANGED = {  # link.changed, in words
    "nb": {"title": "tittel omformulert", "result_targets": "resultatmål endret",
           "effect_targets": "effektmål endret", "partners": "partnere endret"},
    "en": {"title": "title reworded", "result_targets": "result targets changed",
           "effect_targets": "effect targets changed", "partners": "partners changed"},
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


def changed_text(fields: tuple[str, ...] | list[str], lang: str = "nb") -> str:
    """What changed in a linked pair, in words ("resultatmål endret, partnere endret")."""
    return ", ".join(CHANGED[lang][f] for f in fields)


def event_counts_text(events: dict[str, int], lang: str = "nb") -> str:
    """A comparison's events as one line ("delt 1, slått sammen 1, nytt 3"), zeros left out."""
    return ", ".join(f"{EVENTS[lang][k]} {n}" for k, n in events.items() if n)


def link_label(kind: str, changed: tuple[str, ...] | list[str], lang: str = "nb") -> str:
    """A link as a report names it: its event, and what changed beside the title (whose
    change the word diff shows): "samme tittel, annet innhold: resultatmål endret";
    "uendret" only when nothing changed."""
    event = "amended" if kind == "unchanged" and changed else kind
    detail = changed_detail(kind, changed, lang)
    return EVENTS[lang][event] + (f": {detail}" if detail else "")


def changed_detail(kind: str, changed: tuple[str, ...] | list[str], lang: str = "nb") -> str:
    """What changed beside the title (whose change a word diff shows), in words."""
    return changed_text([f for f in changed if f != "title" or kind == "unchanged"], lang)
