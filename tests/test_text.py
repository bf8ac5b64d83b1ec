"""join_lines: wrapped lines joined, line-end hyphens mended or kept as Norwegian writes them."""

from __future__ import annotations

import pytest
from conftest import corpus_file

from orvers.api import load
from orvers.text import join_lines


@pytest.mark.parametrize(("lines", "joined"), [
    # a plain word broken at the margin
    (["styrke kunnskaps-", "nivået i regionen"], "styrke kunnskapsnivået i regionen"),
    (["Kunnskaps-", "nivået øker"], "Kunnskapsnivået øker"),
    (["utveksling av data/informasjons-", "tjenester"], "utveksling av data/informasjonstjenester"),
    # the word before already has a hyphen: the break is at a real hyphen
    (["gruppe (ad-hoc-", "gruppe får en rolle)"], "gruppe (ad-hoc-gruppe får en rolle)"),
    (["et nord-sør-", "samarbeid"], "et nord-sør-samarbeid"),
    # uppercase or a digit after the break
    (["samarbeid i Oslo-", "Akershus"], "samarbeid i Oslo-Akershus"),
    (["planperioden 2025-", "2028"], "planperioden 2025-2028"),
    (["planperioden 2025–", "2028"], "planperioden 2025–2028"),
    # names and the ikke- prefix keep their hyphen
    (["Gjennomføre EU-", "prosjektet SEADITO"], "Gjennomføre EU-prosjektet SEADITO"),
    (["kobling mot Geo4Water-", "prosjektet"], "kobling mot Geo4Water-prosjektet"),
    (["Deltagelse i Interreg-", "prosjekt ORBIFY"], "Deltagelse i Interreg-prosjekt ORBIFY"),
    (["avskaffelser og ikke-", "skaffelser"], "avskaffelser og ikke-skaffelser"),
    # the first part of a compound list
    (["innsatsområdene By-", "og regionutvikling"], "innsatsområdene By- og regionutvikling"),
    (["bidra til mål-", "eller resultatoppnåelse"], "bidra til mål- eller resultatoppnåelse"),
    # a dash standing alone is not a hyphen
    (["Klima 100 -", "Areal 50"], "Klima 100 - Areal 50"),
    (["tiltak -", "samarbeid"], "tiltak - samarbeid"),
])
def test_line_end_hyphens(lines, joined):
    assert join_lines(lines) == joined


def test_blank_lines_and_spaces_collapse():
    assert join_lines(["  Styrke  samarbeid ", "", "\tom   klima "]) == "Styrke samarbeid om klima"
    assert join_lines(["", "  "]) == ""


def test_corpus_titles_keep_their_real_hyphens():
    draft, workshop = load(corpus_file("utkast")), load(corpus_file("workshop"))
    assert "(ad-hoc-gruppe får en mer permanent rolle)" in draft.measure("4.4.3").title
    texts = " ".join(m.text for m in workshop.measures)
    assert "ikke-skaffelser" in texts and "ikkeskaffelser" not in texts
    assert "by- og stedsutvikling" in texts
