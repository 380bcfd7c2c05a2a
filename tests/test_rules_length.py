"""Length outliers (WC802): units far from the story's own length ratio."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput

SRC = {
    "en": [
        "The government approved a new budget on Tuesday after weeks of negotiations.",
        "The plan raises spending on hospitals and schools by four percent next year.",
        "Opposition parties said the figures relied on optimistic growth forecasts.",
        "The finance minister defended the plan in a speech to parliament on Wednesday.",
        "Unions welcomed the extra money for hospitals but asked for higher wages too.",
        "A final vote on the budget is expected before the end of the month, officials said.",
    ],
}
FR = [
    "Le gouvernement a approuvé mardi un nouveau budget après des semaines de négociations.",
    "Le plan augmente de quatre pour cent les dépenses pour les hôpitaux et les écoles l'an prochain.",
    "Les partis d'opposition ont estimé que les chiffres reposaient sur des prévisions de croissance optimistes.",
    "Le ministre des Finances a défendu le plan mercredi dans un discours devant le Parlement.",
    "Les syndicats ont salué les fonds supplémentaires pour les hôpitaux mais réclament aussi des hausses de salaire.",
    "Un vote final sur le budget est attendu avant la fin du mois, selon des responsables.",
]
DE = [
    "Die Regierung hat am Dienstag nach wochenlangen Verhandlungen einen neuen Haushalt gebilligt.",
    "Der Plan erhöht die Ausgaben für Krankenhäuser und Schulen im nächsten Jahr um vier Prozent.",
    "Oppositionsparteien erklärten, die Zahlen beruhten auf optimistischen Wachstumsprognosen.",
    "Der Finanzminister verteidigte den Plan am Mittwoch in einer Rede vor dem Parlament.",
    "Die Gewerkschaften begrüßten das zusätzliche Geld für Krankenhäuser, forderten aber auch höhere Löhne.",
    "Eine abschließende Abstimmung über den Haushalt wird bis Ende des Monats erwartet, hieß es.",
]
ES = [
    "El Gobierno aprobó el martes un nuevo presupuesto tras semanas de negociaciones.",
    "El plan aumenta un cuatro por ciento el gasto en hospitales y escuelas el próximo año.",
    "Los partidos de la oposición dijeron que las cifras se basaban en previsiones de crecimiento optimistas.",
    "El ministro de Finanzas defendió el plan el miércoles en un discurso ante el Parlamento.",
    "Los sindicatos celebraron el dinero adicional para hospitales, pero también pidieron subidas salariales.",
    "Se espera una votación final sobre el presupuesto antes de fin de mes, según fuentes oficiales.",
]
MT = {"fr": FR, "de": DE, "es": ES}


def check(mt: list[str], src: list[str], lang: str) -> list[Finding]:
    story = StoryInput("s", "\n\n".join(mt), "s.txt", src="\n\n".join(src), lang=lang, src_lang="en" if lang != "en" else "fr")
    return list(Checker(Settings(select=("WC802",))).check(story).findings)


@pytest.mark.parametrize("lang", ["fr", "de", "es"])
def test_a_faithful_story_has_no_outlier(lang: str) -> None:
    assert check(MT[lang], SRC["en"], lang) == []


@pytest.mark.parametrize("lang", ["fr", "de", "es"])
def test_a_truncated_unit_is_found(lang: str) -> None:
    mt = list(MT[lang])
    mt[2] = mt[2].split(" ")[0] + " " + mt[2].split(" ")[1] + "."
    found = check(mt, SRC["en"], lang)
    assert len(found) == 1
    assert "shorter" in found[0].message
    assert found[0].text == mt[2]


def test_an_addition_is_found_in_english() -> None:
    src = FR
    mt = [
        "The government approved a new budget on Tuesday after weeks of negotiations.",
        "The plan raises spending on hospitals and schools by four percent next year.",
        "Opposition parties said the figures relied on optimistic growth forecasts, and they "
        "added that the government had ignored every warning from the central bank, the "
        "audit office and the independent fiscal council over the past three years.",
        "The finance minister defended the plan in a speech to parliament on Wednesday.",
        "Unions welcomed the extra money for hospitals but asked for higher wages too.",
        "A final vote on the budget is expected before the end of the month, officials said.",
    ]
    found = check(mt, src, "en")
    assert [("longer" in f.message) for f in found] == [True]


def test_short_stories_are_not_measured() -> None:
    mt = ["Le gouvernement a approuvé.", FR[1], FR[2]]
    assert check(mt, SRC["en"][:3], "fr") == []
