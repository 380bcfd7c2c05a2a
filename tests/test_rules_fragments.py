"""Source-language fragments (WC402) and short target-language lines (WC401)."""

from __future__ import annotations

import pytest

from tests.conftest import check


def found(text: str, lang: str, select: tuple[str, ...] = ("WC402",), **kwargs) -> set[str]:
    result = check(text, lang=lang, select=select, default_glossary=False, **kwargs)
    return {f.text for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "He thanked the Minister of la Défense for the ceremony.", "la Défense"),
        ("en", "She praised sa presence at the ceremony on Monday.", "sa"),
        ("en", "The talks will go on next week, poursuivra à l’Assemblée nationale avec la "
               "majorité, the minister said.", "poursuivra à l’Assemblée nationale avec la majorité"),
        ("en", "The mayor said the works were delayed por la lluvia on Monday.", "por la lluvia"),
        ("fr", "Le ministre a parlé with the press lundi soir.", "with the"),
        ("fr", "Il a remercié el presidente del gobierno pour son soutien.",
         "el presidente del gobierno"),
        ("es", "El ministro dijo que the government will not resign por ahora.",
         "the government will not resign"),
        ("de", "Der Minister sagte, dass the government nicht zurücktreten werde.",
         "the government"),
    ],
)
def test_fragments_are_found(lang: str, text: str, expected: str) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ursula von der Leyen met de Gaulle's heirs; Le Monde and El País reported it."),
        ("en", "People die every day, the study by Smith et al. found, de facto and vice versa."),
        ("en", "Most pollen that causes hay fever comes from plants that use the wind."),
        ("en", "He joined a coup d'état in the café, a fait accompli, per the report."),
        ("en", "She listened to the programme \"Pascal Praud et vous\" on Monday."),
        ("fr", "Le Wall Street Journal et le New York Times ont publié l'enquête lundi."),
        ("es", "El Real Madrid fichó al jugador, según The Guardian y Der Spiegel."),
        ("de", "Der Cornwall Council und die Bank of England äußerten sich am Montag."),
        ("en", "The Spanish economy minister Luis de la Fuente met Pedro Sánchez in Madrid."),
        ("fr", "Le président autrichien Alexander Van der Bellen a reçu le ministre lundi."),
    ],
)
def test_names_titles_and_loanwords_are_left_alone(lang: str, text: str) -> None:
    assert found(text, lang) == set()


def test_a_known_source_language_narrows_the_comparison() -> None:
    text = "The minister thanked el presidente del gobierno for his help."
    assert found(text, "en", src_lang="es") == {"el presidente del gobierno"}
    assert found(text, "en", src_lang="de") == set()


def test_whole_sentences_in_the_source_language_are_left_to_wc401() -> None:
    text = "Le gouvernement a refusé de commenter ces informations dans la soirée."
    assert found(text, "en", select=("WC401", "WC402")) == {text}
    result = check(text, lang="en", select=("WC401", "WC402"), default_glossary=False)
    assert [f.rule for f in result.findings] == ["WC401"]


@pytest.mark.parametrize(
    "headline",
    [
        "Ukraine: Kyiv says Russian strikes hit power grid",
        "Germany skeptical about new all-male interim Taliban government",
        "Spain fires intelligence chief amid phone hacking scandals",
    ],
)
def test_short_native_lines_are_not_untranslated(headline: str) -> None:
    assert found(headline, "en", select=("WC4",)) == set()


def test_a_name_at_the_start_of_a_sentence_is_not_a_fragment() -> None:
    assert found("Le Monde reported the deal on Monday.", "en") == set()
    assert found("Agence -Presse", "en") == set()
    assert found("Avec la majorité, the government passed the law.", "en") == {"Avec la majorité"}


def test_a_short_native_headline_is_detected_as_its_language() -> None:
    from checker.config import Settings
    from checker.engine import Checker
    from checker.model import StoryInput

    checker = Checker(Settings(select=("WC4",), default_glossary=False))
    story = StoryInput("h", "Ukraine: Kyiv says Russian strikes hit power grid", "h.txt")
    result = checker.check(story)
    assert (result.lang, result.findings) == ("en", ())
