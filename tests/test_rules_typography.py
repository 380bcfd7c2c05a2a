"""Typography rules (WC601-WC603): source typography leaking into each target language."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.errors import ConfigError
from checker.model import Finding, StoryInput
from tests.conftest import check


def found(text: str, lang: str, code: str) -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False)
    return [f for f in result.findings if f.rule == code]


def found_with(text: str, lang: str, code: str, options: dict) -> list[Finding]:
    settings = Settings(select=(code,), default_glossary=False, rule_options={code: options})
    story = StoryInput(id="t", mt=text, mt_path="t.txt", lang=lang)
    return [f for f in Checker(settings).check(story).findings if f.rule == code]


def fixed(text: str, findings: list[Finding]) -> str:
    """Accept every fix, last first so earlier offsets stay valid."""
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        assert f.suggestion is not None
        text = text[: f.start] + f.suggestion + text[f.end :]
    return text


# -- WC601 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Related News :", "Related News:"),
        ("en", "Why now ? The answer, officials said , lies in Moscow !", "Why now? The answer, officials said, lies in Moscow!"),
        ("en", "Three options remain : talks ; sanctions ; or war.", "Three options remain: talks; sanctions; or war."),
        ("es", "«¿Qué pasará ? Sencillamente no sabemos cómo funcionará», dijo Renaud.", "«¿Qué pasará? Sencillamente no sabemos cómo funcionará», dijo Renaud."),
        ("de", "Die Frage lautet : Wer zahlt die Rechnung ?", "Die Frage lautet: Wer zahlt die Rechnung?"),
        ("fr", "Les pays riches , selon l'ONU, doivent payer.", "Les pays riches, selon l'ONU, doivent payer."),
        ("it", "La domanda è : chi paga ?", "La domanda è: chi paga?"),
        ("pt", "A pergunta é : quem paga ?", "A pergunta é: quem paga?"),
        ("ar", "قال الوزير ، إن المحادثات ستستأنف ؟", "قال الوزير، إن المحادثات ستستأنف؟"),
    ],
)
def test_space_before_punctuation_is_removed(lang: str, text: str, expected: str) -> None:
    hits = found(text, lang, "WC601")
    assert hits
    assert fixed(text, hits) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Lire aussi : COP29 : à Bakou, les pays pauvres haussent le ton !"),
        ("fr", "« Quoi qu'il arrive ? Rien ne change ; rien. »"),
        ("fr", "Pourquoi\u202f? Parce que\u00a0: personne ne sait\u202f!"),
        ("en", "Read also: Heat pumps - what homeowners need to know now"),
        ("en", "Leverkusen won 3 : 1 in the final."),
        ("en", "“Why now?” she asked, and the room fell silent: nobody knew."),
        ("es", "«¿Qué pasará? ¡Nadie lo sabe!», dijo Renaud."),
        ("de", "Die Frage lautet: Wer zahlt?"),
    ],
)
def test_correct_spacing_is_kept(lang: str, text: str) -> None:
    assert found(text, lang, "WC601") == []


def test_span_is_the_space_and_the_mark() -> None:
    (finding,) = found("Related News :", "en", "WC601")
    assert (finding.text, finding.suggestion) == (" :", ":")


# -- WC602 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "“Die EZB hat ihren Fokus eindeutig verlagert”, sagte Marcus Wendt.",
            "„Die EZB hat ihren Fokus eindeutig verlagert“, sagte Marcus Wendt.",
        ),
        (
            "de",
            "„Die Tür steht weit offen”, sagte Jonas Albers.",
            "„Die Tür steht weit offen“, sagte Jonas Albers.",
        ),
        (
            "de",
            "«Wir bleiben wachsam», sagte die Ministerin.",
            "„Wir bleiben wachsam“, sagte die Ministerin.",
        ),
        (
            "en",
            "« We are not asking for charity », said Fatou Diallo.",
            "“We are not asking for charity”, said Fatou Diallo.",
        ),
        (
            "en",
            "„The door is wide open“, said Jonas Albers.",
            "“The door is wide open”, said Jonas Albers.",
        ),
        (
            "fr",
            "„La porte est grande ouverte“, a déclaré Jonas Albers.",
            "«\u00a0La porte est grande ouverte\u00a0», a déclaré Jonas Albers.",
        ),
        (
            "es",
            "„La puerta está abierta“, dijo Albers.",
            "«La puerta está abierta», dijo Albers.",
        ),
    ],
)
def test_foreign_quotation_marks_are_rewritten(lang: str, text: str, expected: str) -> None:
    hits = found(text, lang, "WC602")
    assert len(hits) == 1
    assert fixed(text, hits) == expected


def test_stray_closing_mark_german() -> None:
    text = "Sie sprach von einer Wende” und ging."
    (finding,) = found(text, "de", "WC602")
    assert (finding.text, finding.suggestion) == ("”", "“")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "“It will be automatic,” he told AFP. \"We are ready,\" she said."),
        ("en", "The so-called ‘quiet diplomacy’ failed, he said, calling it “naive.”"),
        ("fr", "« Nous ne demandons pas la charité. Nous demandons “les moyens de survivre” », a-t-elle dit."),
        ("fr", "Il a parlé d'un \"tournant\" dans les négociations."),
        ("es", "«Un sistema común se hace esperar», dijo. “Debe construirse sobre el derecho”, añadió."),
        ("de", "„Wir erwarten eine Senkung im Dezember“, sagte er. »Das ist klar«, schrieb die Zeitung."),
        ("de", "»Die Lage bleibt ernst«, sagte sie. »Wir handeln«, fügte sie hinzu."),
        ("pt", "«Não vamos recuar», disse. “É um passo importante”, acrescentou."),
        ("it", "«Non ci fermeremo», ha detto. “È un passo importante”, ha aggiunto."),
    ],
)
def test_native_quotation_marks_are_kept(lang: str, text: str) -> None:
    assert found(text, lang, "WC602") == []


def test_feed_can_accept_swiss_guillemets() -> None:
    text = "«Wir bleiben wachsam», sagte die Ministerin in Bern."
    assert len(found(text, "de", "WC602")) == 1
    assert found_with(text, "de", "WC602", {"accept": [["«", "»"]]}) == []


def test_bad_accept_option() -> None:
    with pytest.raises(ConfigError, match="pairs"):
        found_with("x", "de", "WC602", {"accept": ["«»"]})


# -- WC603 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "number", "suggestion"),
    [
        ("en", "General inflation will stand at 3,2 percent on average this year.", "3,2", "3.2"),
        ("en", "Wind output decreased by 2,5 percent due to the weaker wind year.", "2,5", "2.5"),
        ("en", "Tourism brought in 4.700 million euros in the first quarter.", "4.700", "4,700"),
        ("en", "The fund holds 1.250.000 shares.", "1.250.000", "1,250,000"),
        ("en", "A coffee now costs €3,50 in the centre.", "3,50", "3.50"),
        ("de", "Die Inflation werde in diesem Jahr durchschnittlich 2.5 Prozent betragen.", "2.5", "2,5"),
        ("de", "Der Euro fiel auf 1.0830 Dollar.", "1.0830", "1,0830"),
        ("de", "Das Paket kostet 1,500 Millionen Euro.", "1,500", "1.500"),
        ("fr", "La croissance atteindra 1.5 % cette année.", "1.5", "1,5"),
        ("fr", "Le plan coûtera 4,700 millions d'euros.", "4,700", "4\u00a0700"),
        ("es", "El PIB crecerá un 2.5 por ciento en 2024.", "2.5", "2,5"),
        ("pt", "A inflação ficou em 4.2 % em maio.", "4.2", "4,2"),
        ("it", "Il PIL è cresciuto dello 0.7 per cento.", "0.7", "0,7"),
    ],
)
def test_wrong_decimal_or_thousands_mark(lang: str, text: str, number: str, suggestion: str) -> None:
    (finding,) = found(text, lang, "WC603")
    assert (finding.text, finding.suggestion) == (number, suggestion)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Bank of Spain raised its forecast to 2.5%, with 4.25% rates and 1,600 million euros in aid."),
        ("en", "The conflict lasted from 1950 to 1953; 1,500 soldiers are stationed there."),
        ("en", "The company raised $2.125 billion; the index rose 0.250 points; options 1,2 and 3 remain."),
        ("en", "The meeting is at 10.30 and the report is on page 4.5 of volume 2,3."),
        ("de", "Der Einlagensatz sinkt auf 3,25 Prozent; 3.000 Menschen und 20.000 Euro."),
        ("de", "Am 14.03.2024 um 18.30 Uhr begann die Sitzung, Version 2.5 der Software."),
        ("fr", "Un réchauffement de 2,6 à 3,1 degrés, 1 300 milliards de dollars, 489 000 personnes."),
        ("es", "Más de 3.000 personas murieron; la economía crecerá un 2,5 % y 1.500 millones."),
        ("es", "La reunión comenzará a las 18.30 en Madrid."),
    ],
)
def test_native_numbers_are_kept(lang: str, text: str) -> None:
    assert found(text, lang, "WC603") == []


def test_house_decimal_option() -> None:
    text = "La inflación en México fue de 4.5 por ciento en mayo."
    assert len(found(text, "es", "WC603")) == 1
    assert found_with(text, "es", "WC603", {"decimal": "."}) == []
    with pytest.raises(ConfigError, match="decimal"):
        found_with(text, "es", "WC603", {"decimal": ";"})


def test_house_decimal_option_changes_the_thousands_mark() -> None:
    text = "Las remesas sumaron 1.250.000 dólares."
    (finding,) = found_with(text, "es", "WC603", {"decimal": "."})
    assert (finding.text, finding.suggestion) == ("1.250.000", "1,250,000")
