"""The words a programme labels a measure's fields with, in one place, for every reader: the
labels of label blocks, of an outline's fields and of a form's rows ("Partnere:"), and the
header words of a table's columns.

A programme may say a field in bokmål or nynorsk, shorter or longer: "Samarbeidspartnere:",
"Partnarar:", "Aktører:" for "Partnere:"; "Resultat:", "Mål for resultat:",
"Resultatmål 2026:" for "Resultatmål:"; "Effekt:", "Mål for effekt:", "Effektmål
2026–2028:" for "Effektmål:". A label as an OCR layer may read it (Resultatmal:, Partnerc:)
is found as the word it stands for.
"""

from __future__ import annotations

import re

from ..ocr.nearest import budget, ocr_cost, unique
from ..text import fold

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "title": ("tiltak",),
    "result": ("resultatmål", "resultat"),
    "effect": ("effektmål", "effekt"),
    "partners": ("partnere", "partner", "samarbeidspartnere", "samarbeidspartner",
                 "partnarar", "samarbeidspartnarar", "aktører", "aktørar"),
}
# words (folded) labelling what is no field of a measure: who is responsible, when, its status,
# cost or priority, a remark ("Ansvar:", "Frist:", a table's "Status" column)
OTHER_WORDS = frozenset((
    "ansvar", "ansvarlig", "frist", "tidsplan", "tidsperiode", "tidsramme", "periode",
    "tidspunkt", "nar", "oppstart", "status", "budsjett", "kostnad", "kostnader", "okonomi",
    "ressurser", "finansiering", "prioritet", "ar", "merknad", "merknader", "kommentar",
    "kommentarer"))

# the partners' header word folded (text.fold: ø → o), as the table readers look for it
PARTNER_HEADER = r"(?:samarbeids)?partn(?:ere|er|arar)|aktor(?:er|ar)"
PARTNER_HEADER_RE = re.compile(rf"(?:{PARTNER_HEADER})\b")

YEARS = r"\s+\d{4}(?:\s*[-–]\s*\d{2,4})?"  # "Resultatmål 2026:", "Effektmål 2026–2028:"
# a word (after "Mål for"), the number a measure's label may carry ("Tiltak 4:",
# "Tiltak nr. 4:"), a target's years, a colon, and the text after it
_LABEL_RE = re.compile(rf"^\s*(m[åa]l\s+for\s+)?([^\W\d_]+)"
                       rf"(?:\s+(?:nr\.?\s*)?(\d{{1,3}}(?:\.\d{{1,3}})*))?({YEARS})?\s*:\s*(.*)$",
                       re.IGNORECASE)


def field_of(word: str) -> str | None:
    """The field ("title", "result", "effect", "partners") a label's word names, also as an
    OCR layer may have read it; None for another word or one too near two fields."""
    folded = word.casefold()
    costs = [(min(cost), name) for name, words in FIELD_WORDS.items()
             if (cost := [c for w in words if (c := ocr_cost(folded, w)) <= budget(w)])]
    return unique(sorted(costs))


def other_label(segment: str) -> str | None:
    """The label word as printed where a segment opens with a label naming no field of a
    measure ("Ansvar: Sekretariatet" → "Ansvar"), else None."""
    m = _LABEL_RE.match(segment)
    if not m or m.group(1) or m.group(3) or fold(m.group(2)) not in OTHER_WORDS:
        return None
    return m.group(2)


def left_out_notes(left_out: dict[str, list[str]], measures: int) -> list[str]:
    """One note per label naming no field: its lines left out, and the measures they were
    under ({"Ansvar": ["1.1", "1.2"]}; measures: how many the programme has)."""
    notes = []
    for word, ids in left_out.items():
        under = list(dict.fromkeys(ids))
        where = (f"under each of the {measures} measures" if len(under) == measures else
                 f"{'measure' if len(under) == 1 else 'measures'} {', '.join(under)}")
        notes.append(f"lines labelled '{word}' name no field of a measure: left out ({where})")
    return notes


def label(segment: str) -> tuple[str, str, str | None] | None:
    """The field a segment's label names, the text after the label and the number the label
    carries ("Tiltak 4: …" → "4"); None where the segment opens with no field's label."""
    m = _LABEL_RE.match(segment)
    if not m:
        return None
    name = field_of(m.group(2))
    if name is None or ((m.group(1) or m.group(4)) and name not in ("result", "effect")):
        return None  # "Mål for" and a year name a target ("Tiltak 2025:" heads a table)
    if m.group(3) and name != "title":
        return None  # only a measure's label carries its number
    return name, m.group(5), m.group(3)
