"""Consistency: one name, one spelling (WC110); one source, one rendering (WC111)."""

from __future__ import annotations

from functools import cache

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput


@cache
def checker(code: str) -> Checker:
    return Checker(Settings(select=(code,), default_glossary=False))


def check(code: str, mt: str, lang: str, src: str | None = None,
          src_lang: str | None = None) -> list[Finding]:
    story = StoryInput("s", mt, "s.txt", src=src, lang=lang, src_lang=src_lang)
    return list(checker(code).check(story).findings)


@pytest.mark.parametrize(
    ("lang", "mt", "flagged", "suggested"),
    [
        ("en", "Kim Jong Un met Putin on Friday.\n\nLater Kim Jong-un said the pact was "
               "solid, and Kim Jong Un left for Pyongyang.", "Kim Jong-un", "Kim Jong Un"),
        ("en", "President Volodymyr Zelensky spoke in Kyiv. Zelenskyy said the front held. "
               "Zelensky thanked the allies.", "Zelenskyy", "Zelensky"),
        ("fr", "Al-Qaida a revendiqué l'attaque. Selon les experts, al Qaida reste active. "
               "Al-Qaida n'a pas commenté.", "al Qaida", "Al-Qaida"),
        ("es", "El presidente Volodímir Zelenski habló el lunes. Zelenskiy pidió más ayuda. "
               "Zelenski viajará a Bruselas.", "Zelenskiy", "Zelenski"),
        ("de", "Die Europäische Zentralbank hob den Zins. Die Europäische Zentral-Bank "
               "begründete dies mit der Inflation. Die Europäische Zentralbank tagt erneut.",
         "Europäische Zentral-Bank", "Europäische Zentralbank"),
    ],
)
def test_a_name_spelled_two_ways_is_found(lang: str, mt: str, flagged: str, suggested: str) -> None:
    found = check("WC110", mt, lang)
    assert [(f.text, f.suggestion) for f in found] == [(flagged, suggested)]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        # Capitalised at the start of a sentence, lower-case particle elsewhere.
        ("en", "De Gaulle led the Free French. Historians say de Gaulle distrusted them."),
        # A possessive is not a plural.
        ("en", "Korea's economy grew. Both Koreas claim the islands."),
        # Two different people.
        ("en", "Boris Johnson met Ian Johnston, and Johnson later left."),
        ("en", "Kim Jong Il ruled before Kim Jong Un took over."),
        # All-capital byline and headline.
        ("fr", "KIM JONG-UN EN RUSSIE\n\nKim Jong Un s'est rendu à Vladivostok."),
        ("es", "Pedro Sánchez y Alberto Núñez Feijóo debatieron. Sánchez ganó."),
        ("de", "Olaf Scholz traf Friedrich Merz. Scholz sagte, Merz irre sich."),
    ],
)
def test_consistent_or_different_names_are_not_flagged(lang: str, mt: str) -> None:
    assert check("WC110", mt, lang) == []


@pytest.mark.parametrize(
    ("lang", "mt", "src", "src_lang"),
    [
        ("en",
         "“We will not give in,” the mayor said on Monday.\n\nThe strike continued.\n\n"
         "“We will not yield,” the mayor said on Monday.",
         "« Nous ne céderons pas », a déclaré lundi le maire.\n\nLa grève a continué.\n\n"
         "« Nous ne céderons pas », a déclaré lundi le maire.", "fr"),
        ("de",
         "Die Preise steigen weiter, sagte die Ministerin.\n\nDie Gewerkschaft protestierte.\n\n"
         "Die Preise steigen weiter, sagte die Ministerin.",
         "Prices keep rising, the minister said.\n\nThe union protested.\n\n"
         "Prices are still going up, the minister said.", "en"),
    ],
)
def test_inconsistent_rendering_is_found(lang: str, mt: str, src: str, src_lang: str) -> None:
    found = check("WC111", mt, lang, src=src, src_lang=src_lang)
    assert len(found) == 1
    assert found[0].start > mt.index("\n\n")


@pytest.mark.parametrize(
    ("lang", "mt", "src", "src_lang"),
    [
        ("es",
         "«No cederemos», dijo el alcalde el lunes.\n\nLa huelga continuó.\n\n"
         "«No cederemos», dijo el alcalde el lunes.",
         "“We will not give in,” the mayor said on Monday.\n\nThe strike continued.\n\n"
         "“We will not give in,” the mayor said on Monday.", "en"),
        ("fr",
         "Les prix augmentent, a dit la ministre.\n\nLe syndicat a protesté.",
         "Prices rise, the minister said.\n\nThe union protested.", "en"),
    ],
)
def test_consistent_rendering_is_not_flagged(lang: str, mt: str, src: str, src_lang: str) -> None:
    assert check("WC111", mt, lang, src=src, src_lang=src_lang) == []


@pytest.mark.parametrize("lang", ["zh", "ja", "ko"])
def test_every_rule_runs_on_languages_wordfreq_cannot_tokenize(lang: str) -> None:
    """wordfreq needs jieba/MeCab to tokenize zh/ja/ko; the rules must only look words up."""
    text = {"zh": "新华社北京电 部长周一表示，该计划将继续推进。Kim Jong Un 和 Kim Jong-un。",
            "ja": "大臣は月曜日、計画を進めると述べた。Kim Jong Un と Kim Jong-un。",
            "ko": "장관은 월요일에 계획을 추진하겠다고 말했다. Kim Jong Un 과 Kim Jong-un."}[lang]
    story = StoryInput("s", text, "s.txt", lang=lang,
                       src="The minister said on Monday the plan would go ahead.", src_lang="en")
    Checker(Settings()).check(story)
    back = StoryInput("t", "The minister said on Monday the plan would go ahead.", "t.txt",
                      lang="en", src=text, src_lang=lang)
    Checker(Settings()).check(back)
