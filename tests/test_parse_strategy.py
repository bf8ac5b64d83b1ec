"""The strategy parser on the real strategic guidelines 2025–2028 (strategiske føringer)."""

from __future__ import annotations

from orvers.api import load


def test_areas_are_sections_and_strategies_items():
    from conftest import corpus_file
    programme = load(corpus_file("strategi"))
    assert programme.layout == "strategy"
    assert [s.id for s in programme.sections] == [
        "Fra visjon til overordnede strategier", "Innsatsområdene",
        "Konkurransekraft og næringsutvikling", "Klima, miljø og natur", "Transport og mobilitet",
        "By- og regionutvikling", "Tverrgående temaer", "Sirkulærøkonomi",
        "Grønn næringstransport", "Kraft og energi",
        "Miljøtilstanden i Oslofjorden, vann og vassdrag", "Internasjonal profilering"]
    # 7 overall strategies, 2 + 3 + 3 + 4 under the four innsatsområder (counted in the text)
    assert [m.id for m in programme.measures] == [f"S{i}" for i in range(1, 20)]
    assert all(m.title.startswith("Ved ") for m in programme.measures)
    assert programme.measure("S8").title == "Ved å satse på kunnskapsbasert næring og innovasjon"
    assert programme.measure("S8").section == "Konkurransekraft og næringsutvikling"
    assert programme.measure("S10").title == (
        "Ved å styrke arbeidet med klimaledelse, som klimabudsjett og andre styringsverktøy som "
        "bidrar til å redusere direkte og indirekte utslipp og bevaring av karbonlagre")
    assert programme.measure("S19").section == "By- og regionutvikling"
    assert any("delmål" in w for w in programme.warnings)
