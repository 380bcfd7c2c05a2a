"""Style rules (WC701-WC704): house-style breaks, their fixes and their per-feed switches."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput
from checker.rules.style import title_case
from tests.conftest import check

HEADLINE = "Floods cut off villages in the south\n\n"


def found(text: str, lang: str, code: str) -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False)
    return [f for f in result.findings if f.rule == code]


def found_with(text: str, lang: str, code: str, options: dict) -> list[Finding]:
    settings = Settings(select=(code,), default_glossary=False, rule_options={code: options})
    story = StoryInput(id="t", mt=text, mt_path="t.txt", lang=lang)
    return [f for f in Checker(settings).check(story).findings if f.rule == code]


def apply(text: str, finding: Finding) -> str:
    assert finding.suggestion is not None
    return text[: finding.start] + finding.suggestion + text[finding.end :]


# -- WC701 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "line", "name", "suggestion"),
    [
        ("en", "Claire LEE", "Claire LEE", "Claire Lee"),
        ("en", "By Jean-Luc DUPONT", "Jean-Luc DUPONT", "Jean-Luc Dupont"),
        ("en", "Lee SANG-MIN / AFP", "Lee SANG-MIN", "Lee Sang-Min"),
        ("en", "Sean O'BRIEN (AFP)", "Sean O'BRIEN", "Sean O'Brien"),
        ("es", "Por María DE LA CRUZ", "María DE LA CRUZ", "María de la Cruz"),
        ("de", "Von Anna MÜLLER", "Anna MÜLLER", "Anna Müller"),
        ("pt", "Por João SILVA", "João SILVA", "João Silva"),
        ("it", "Di Marco ROSSI", "Marco ROSSI", "Marco Rossi"),
    ],
)
def test_capitalised_byline(lang: str, line: str, name: str, suggestion: str) -> None:
    (finding,) = found(HEADLINE + line + "\n\nThe text follows.", lang, "WC701")
    assert (finding.text, finding.suggestion) == (name, suggestion)
    assert finding.severity == "warning"


@pytest.mark.parametrize(
    "line",
    [
        "PHOTO SOUTH KOREAN NATIONAL INTELLIGENCE SERVICE/AGENCE FRANCE-PRESSE",
        "Claire Lee",
        "Biden Meets NATO",
        "Trump Slams CNN",
        "Photo AFP",
        "Agence -Presse",
        "It could also be an attempt by Kim Jong-un, said Lee SANG-MIN, a researcher in Seoul.",
    ],
)
def test_not_a_capitalised_byline(line: str) -> None:
    assert found(HEADLINE + line + "\n\nThe text follows.", "en", "WC701") == []


def test_french_agency_style_keeps_capitals_and_the_headline_is_skipped() -> None:
    assert found(HEADLINE + "Par Claire LEE\n\nLe texte suit.", "fr", "WC701") == []
    assert found("Claire LEE\n\nThe text follows.", "en", "WC701") == []
    text = HEADLINE + "Claire LEE\n\nThe text follows."
    assert found_with(text, "en", "WC701", {"allow-capitals": True}) == []


@pytest.mark.parametrize(
    ("surname", "expected"),
    [("LEE", "Lee"), ("MCDONALD", "McDonald"), ("DE LA CRUZ", "de la Cruz"),
     ("D'ALEMA", "D'Alema"), ("MÜLLER-LÜDENSCHEIDT", "Müller-Lüdenscheidt")],
)
def test_title_case(surname: str, expected: str) -> None:
    assert title_case(surname) == expected


# -- WC702 -------------------------------------------------------------------------------
SEOUL = (
    "Sending North Korean troops to Russia confirms alliance\n\n"
    "(Seoul) North Korea’s decision to deploy thousands of soldiers seals the alliance.\n\n"
    "“It will be automatic,” he told AFP.\n"
)


def test_parenthesised_dateline_with_agency_from_the_story() -> None:
    (finding,) = found(SEOUL, "en", "WC702")
    assert finding.text == "(Seoul)"
    assert finding.suggestion == "SEOUL (AFP) -"
    assert finding.severity == "info"
    assert apply(SEOUL, finding).splitlines()[2].startswith("SEOUL (AFP) - North Korea’s")


def test_parenthesised_dateline_without_known_agency_has_no_fix() -> None:
    text = SEOUL.replace("he told AFP", "he said")
    (finding,) = found(text, "en", "WC702")
    assert finding.text == "(Seoul)"
    assert finding.suggestion is None


def test_dateline_options() -> None:
    text = SEOUL.replace("he told AFP", "he said")
    (finding,) = found_with(text, "en", "WC702", {"agency": "Reuters"})
    assert finding.suggestion == "SEOUL (Reuters) -"
    options = {"house-dateline": "{City}, Korea ({agency}) —"}
    (finding,) = found_with(SEOUL, "en", "WC702", options)
    assert finding.suggestion == "Seoul, Korea (AFP) —"
    assert found_with(SEOUL, "en", "WC702", {"parenthesised-city": True}) == []
    efe = HEADLINE + "Madrid, Jun 18 (EFE).- The Bank of Spain raised its forecast."
    (finding,) = found_with(efe, "en", "WC702", {"spanish-agency-style": False})
    assert (finding.text, finding.suggestion) == ("Madrid, Jun 18 (EFE).-", "MADRID (EFE) -")


@pytest.mark.parametrize(
    ("lang", "text", "span", "suggestion"),
    [
        ("de", "Madrid, 18. Juni (EFE).- Die spanische Notenbank hebt ihre Prognose an.", "Madrid, 18. Juni (EFE).-", "Madrid (EFE) -"),
        ("de", "(Berlin) Die Bundesregierung will den Ausbau beschleunigen, sagte ein dpa-Sprecher der dpa.", "(Berlin)", "Berlin (dpa) -"),
        ("es", "(Ginebra) La agencia de la ONU para los refugiados pidió a la UE… (AP)", "(Ginebra)", "Ginebra (AP).-"),
    ],
)
def test_source_style_datelines(lang: str, text: str, span: str, suggestion: str) -> None:
    (finding,) = found(HEADLINE + text, lang, "WC702")
    assert (finding.text, finding.suggestion) == (span, suggestion)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "GENEVA (AFP) - The World Health Organization on Wednesday triggered its highest alert."),
        ("en", "(AP) The agency said the rescue took hours."),
        ("en", "(Updated) The ministry revised its figures."),
        ("en", "(CNN) The ministry revised its figures."),
        ("en", "Rain fell for days.\n\nMore text.\n\nMore text.\n\nMore text.\n\n(Seoul) A late paragraph."),
        ("fr", "(Séoul) La décision de la Corée du Nord de déployer des milliers de soldats scelle l'alliance."),
        ("es", "Madrid, 18 jun (EFE).- El Banco de España ha elevado su previsión de crecimiento."),
        ("en", "Madrid, Jun 18 (EFE).- The Bank of Spain raised its growth forecast to 2.5%."),
        ("en", "“(The agreement) establishes a structure,” he told AFP."),
    ],
)
def test_house_style_datelines_are_kept(lang: str, text: str) -> None:
    assert found(HEADLINE + text, lang, "WC702") == []


# -- WC703 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "span", "suggestion"),
    [
        ("en", "…which could result in a significant change on the peninsula, Mr. Hong said.", "Mr. Hong", "Hong"),
        ("en", "Mrs Kabongo, who heads a humanitarian group, called for more vaccines.", "Mrs Kabongo", "Kabongo"),
        ("es", "El señor Renaud explicó que el procedimiento durará doce semanas.", "El señor Renaud", "Renaud"),
        ("es", "Según dijo la Sra. Quesada, la inflación tardará en moderarse.", "la Sra. Quesada", "Quesada"),
        ("de", "Das sei ein wichtiger Schritt, sagte Herr Wendt am Donnerstag.", "Herr Wendt", "Wendt"),
        ("de", "Frau Albers rechnet mit einer weiteren Senkung.", "Frau Albers", "Albers"),
    ],
)
def test_calqued_honorific(lang: str, text: str, span: str, suggestion: str) -> None:
    (finding,) = found(text, lang, "WC703")
    assert (finding.text, finding.suggestion) == (span, suggestion)
    assert finding.severity == "info"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "“Thank you, Mr. Hong, for coming,” the moderator said."),
        ("en", "Mr. President, the committee is ready, the speaker said."),
        ("en", "Hong said the agreement would make Russian support automatic."),
        ("de", "Eine Frau Mitte 30 wurde verletzt, der Herr der Lage war die Polizei."),
        ("de", "„Herr Wendt hat recht“, sagte sie."),
        ("fr", "M. Hong a estimé que l'accord rendait le soutien russe automatique."),
    ],
)
def test_not_a_calqued_honorific(lang: str, text: str) -> None:
    assert found(text, lang, "WC703") == []


def test_honorifics_option() -> None:
    text = "…on the peninsula, Mr. Hong said."
    assert found_with(text, "en", "WC703", {"honorifics": True}) == []
    french = "M. Hong a estimé que l'accord était solide."
    (finding,) = found_with(french, "fr", "WC703", {"honorifics": False})
    assert (finding.text, finding.suggestion) == ("M. Hong", "Hong")


# -- WC704 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("said Lee Sang-min, a researcher, to the AFP.", "the AFP", "said Lee Sang-min, a researcher, to AFP."),
        ("The spokesman told the Reuters on Friday that talks had stalled.", "the Reuters", "The spokesman told Reuters on Friday that talks had stalled."),
        ("She told the EFE news conference… no, she told the EFE.", "the EFE", "She told the EFE news conference… no, she told EFE."),
        ("The AFP said the figures were preliminary.", "The AFP", "AFP said the figures were preliminary."),
        ("The minister told the AFP Friday that talks had stalled.", "the AFP", "The minister told AFP Friday that talks had stalled."),
    ],
)
def test_agency_article(text: str, span: str, fixed: str) -> None:
    (finding,) = found(text, "en", "WC704")
    assert finding.text == span
    assert apply(text, finding) == fixed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "South Korea’s intelligence agency told AFP it would be inappropriate to comment."),
        ("en", "An AFP photographer saw the convoy; the AFP tally rose to 12; the AFP’s bureau closed."),
        ("en", "The Reuters Institute published its report; the AP reported the same figure."),
        ("en", "He said so in an interview with the Xinhua news agency."),
        ("en", "According to the AFP factcheck team, the video was altered; the AFP and AP news agencies agreed."),
        ("fr", "« C'est solide », a-t-il déclaré à l'AFP."),
        ("es", "«Es inapropiado», dijo a la AFP un portavoz."),
        ("de", "Das sagte er der dpa in Berlin."),
    ],
)
def test_no_agency_article_finding(lang: str, text: str) -> None:
    assert found(text, lang, "WC704") == []
