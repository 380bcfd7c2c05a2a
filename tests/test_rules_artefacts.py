"""Artefact rules (WC201 stray attribution fragment, WC202 broken join), per language."""

from __future__ import annotations

import pytest

from checker.model import Finding
from tests.conftest import check


def found(text: str, lang: str, code: str, **kwargs) -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False, **kwargs)
    return [f for f in result.findings if f.rule == code]


def apply(text: str, finding: Finding) -> str:
    """What "accept fix" makes of the text."""
    assert finding.suggestion is not None
    return text[: finding.start] + finding.suggestion + text[finding.end :]


# -- WC201 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "fragment", "fixed"),
    [
        (
            "en",
            "“North Korea offers considerable and unexplored potential,” he said. -he declared to AFP.",
            " -he declared to AFP.",
            "“North Korea offers considerable and unexplored potential,” he said.",
        ),
        (
            "en",
            "“We cannot lower our guard,” said Marta Quesada at the press conference. -he said.",
            " -he said.",
            "“We cannot lower our guard,” said Marta Quesada at the press conference.",
        ),
        (
            "en",
            "The talks will resume in Geneva next week, the envoy told reporters. -has he added.",
            " -has he added.",
            "The talks will resume in Geneva next week, the envoy told reporters.",
        ),
        (
            "fr",
            "« Le reste du monde ne peut pas rester immobile », a déclaré Lars Henriksen. -a-t-il ajouté.",
            " -a-t-il ajouté.",
            "« Le reste du monde ne peut pas rester immobile », a déclaré Lars Henriksen.",
        ),
        (
            "fr",
            "« Nous ne céderons pas », a affirmé la ministre devant les députés. -il a dit.",
            " -il a dit.",
            "« Nous ne céderons pas », a affirmé la ministre devant les députés.",
        ),
        (
            "es",
            "«Debe construirse sobre el derecho de asilo», dijo Mathilde Renaud en Ginebra. -dijo él.",
            " -dijo él.",
            "«Debe construirse sobre el derecho de asilo», dijo Mathilde Renaud en Ginebra.",
        ),
        (
            "es",
            "«La inflación seguirá bajando», afirmó el gobernador del banco central. -añadió.",
            " -añadió.",
            "«La inflación seguirá bajando», afirmó el gobernador del banco central.",
        ),
        (
            "de",
            "„Die Tür steht weit offen“, sagte Jonas Albers, Ökonom bei Nordbank Research. -erklärte er.",
            " -erklärte er.",
            "„Die Tür steht weit offen“, sagte Jonas Albers, Ökonom bei Nordbank Research.",
        ),
    ],
)
def test_fragment_after_an_attribution_is_deleted(
    lang: str, text: str, fragment: str, fixed: str
) -> None:
    (finding,) = found(text, lang, "WC201")
    assert finding.text == fragment
    assert finding.severity == "error"
    assert apply(text, finding) == fixed


def test_glued_dash_on_the_only_attribution_loses_the_dash() -> None:
    text = "“We will not back down,” -she said on Monday."
    (finding,) = found(text, "en", "WC201")
    assert finding.text == "-she said"
    assert apply(text, finding) == "“We will not back down,” she said on Monday."


def test_attribution_repeated_as_a_sentence() -> None:
    text = "“The border will stay closed,” the minister said. He declared to AFP."
    (finding,) = found(text, "en", "WC201")
    assert finding.text == " He declared to AFP."
    assert apply(text, finding) == "“The border will stay closed,” the minister said."


def test_fragment_alone_on_a_line() -> None:
    text = "“We will rebuild,” the mayor said.\n\n-he declared to AFP.\n\nRain is forecast."
    (finding,) = found(text, "en", "WC201")
    assert finding.text == "-he declared to AFP."
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He declared a state of emergency in the province on Tuesday."),
        ("en", "North Korean leader Kim Jong-un met Russian President Vladimir Putin in 2023."),
        ("en", "The 2010-2011 season was cut short, he said."),
        ("en", "“Reinforcing troops could help Moscow,” he added. “It will be automatic,” he continued."),
        ("en", "Read also: Heat pumps - what homeowners need to know now"),
        ("en", "- He said the plan would be presented to parliament in May.\n- She said it would fail."),
        ("en", "“Why now?” she asked. “Because we must,” he said."),
        ("en", "The minister, who declared his assets last year, said he had nothing to hide."),
        ("fr", "« La physique n'attend pas les élections », a-t-il ajouté."),
        ("fr", "Jean-Luc Mélenchon a-t-il dit la vérité ? Les négociations de 2010-2011 avaient échoué."),
        ("es", "«Es un paso importante», dijo el portavoz, que añadió que la ayuda llegará en mayo."),
        ("es", "—Vamos a seguir —dijo él— hasta el final."),
        ("de", "„Wir erwarten eine weitere Senkung“, sagte er. Das erklärte er am 12. Dezember."),
        ("de", "Die Zentrale in Baden-Württemberg erklärte, sie sehe keinen Grund zur Sorge."),
    ],
)
def test_legitimate_text_has_no_fragment(lang: str, text: str) -> None:
    assert found(text, lang, "WC201") == []


def test_portuguese_and_italian_fragments() -> None:
    pt = "«Não vamos recuar», disse o ministro aos jornalistas. -disse ele."
    it = "«Non ci fermeremo», ha detto il ministro ai giornalisti. -ha aggiunto."
    assert [f.text for f in found(pt, "pt", "WC201")] == [" -disse ele."]
    assert [f.text for f in found(it, "it", "WC201")] == [" -ha aggiunto."]


def test_rule_is_limited_to_languages_with_attribution_data() -> None:
    text = "قال الوزير إن المحادثات ستستأنف. -he said."
    assert found(text, "ar", "WC201") == []


# -- WC202 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        (
            "en",
            "said Lee Sang-min, a researcher at the Korea Institute of Economic Analysis. defense, to the AFP.",
            "Analysis. defense",
        ),
        ("en", "The World Health Organization. the agency said on Wednesday.", "Organization. the"),
        ("fr", "a indiqué l'Agence internationale de l'Énergie. atomique, lundi à Vienne.", "Énergie. atomique"),
        ("es", "según el Instituto Nacional de Estadística. datos, publicados el martes.", "Estadística. datos"),
        ("de", "teilte das Statistische Bundesamt. mit, die Preise seien gestiegen.", "Bundesamt. mit"),
    ],
)
def test_lowercase_fragment_after_a_name(lang: str, text: str, span: str) -> None:
    (finding,) = found(text, lang, "WC202")
    assert finding.text == span
    assert finding.suggestion is None
    assert finding.severity == "warning"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Apple Inc. said on Monday it would open a plant in Texas."),
        ("en", "The meeting starts at 9 a.m. local time, Gen. Smith said."),
        ("en", "He moved to Seattle, Wash. last year. iPhone sales fell in the USA. eBay rose."),
        ("en", "Shares of Acme Corp. fell 3 percent after the Jan. election."),
        ("en", "Kim Jong-un visited the site. The visit lasted two hours."),
        ("fr", "M. le ministre a reçu Mme. la présidente et Dr. med. Martin."),
        ("es", "El Sr. del Río y la Dra. de la Fuente llegaron a las 10 h."),
        ("de", "Am 3. Oktober sprach Prof. em. Müller in der Str. des 17. Juni, Nr. drei."),
    ],
)
def test_abbreviations_and_brands_are_not_broken_joins(lang: str, text: str) -> None:
    assert found(text, lang, "WC202") == []


def test_feed_abbreviations_option() -> None:
    from checker.config import Settings
    from checker.engine import Checker
    from checker.model import StoryInput

    text = "The Acme Intl. subsidiary said profits rose."
    story = StoryInput(id="t", mt=text, mt_path="t.txt", lang="en")
    plain = Checker(Settings(select=("WC202",), default_glossary=False)).check(story)
    assert [f.text for f in plain.findings] == ["Intl. subsidiary"]
    settings = Settings(
        select=("WC202",), default_glossary=False,
        rule_options={"WC202": {"abbreviations": ["Intl."]}},
    )
    assert Checker(settings).check(story).findings == ()


def test_fragment_that_runs_on_has_no_automatic_fix() -> None:
    text = (
        "“We will rebuild,” the mayor said. -he declared to the reporters gathered outside "
        "the ministry in the rain on Tuesday evening"
    )
    (finding,) = found(text, "en", "WC201")
    assert finding.text == "-he declared"
    assert finding.suggestion is None
