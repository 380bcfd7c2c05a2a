"""WC402 leaves established loan phrases alone and still reports left-over fragments."""

from __future__ import annotations

import pytest

from checker.rules.untranslated import Word, loan_phrase, sentence_words
from tests.conftest import check


def found(text: str, lang: str, **kwargs) -> set[str]:
    result = check(text, lang=lang, select=("WC402",), default_glossary=False, **kwargs)
    return {f.text for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "She ordered a café au lait before the briefing began."),
        ("en", "Traders felt a strong sense of déjà vu as the bond market fell again."),
        ("en", "The mayor lost the vote and shrugged: c'est la vie, he told reporters."),
        ("en", "Negotiating with both camps takes a certain savoir-faire, she said."),
        ("en", "The chef's pièce de résistance arrived at the end of the dinner."),
        ("en", "The strike was the coup de grâce for the ailing airline."),
        ("es", "La caída de la bolsa dejó una sensación de déjà vu entre los inversores."),
        ("de", "Der Kurssturz weckte bei vielen Anlegern ein déjà vu, sagte der Analyst."),
        ("fr", "Le sélectionneur a salué le fair-play des deux équipes dimanche soir."),
        ("de", "Der Kanzler setzt in der Außenpolitik auf Realpolitik und Geduld."),
    ],
)
def test_loan_phrases_are_not_fragments(lang: str, text: str) -> None:
    assert found(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "He thanked the Minister of la Défense for the ceremony.", "la Défense"),
        ("en", "The mayor said le gouvernement would pay for the repairs.", "le gouvernement"),
        ("en", "The vice president did not speak este martes about the budget.", "este martes"),
        ("en", "The minister will meet el presidente del gobierno in Madrid.",
         "el presidente del gobierno"),
        ("fr", "Il a déclaré que the government était prêt à négocier.", "the government"),
        ("es", "El ministro dijo que the government will not resign por ahora.",
         "the government will not resign"),
        ("de", "Der Minister sagte, dass the government nicht zurücktreten werde.",
         "the government"),
    ],
)
def test_fragments_next_to_loans_rules_are_still_found(lang: str, text: str, expected: str) -> None:
    assert expected in found(text, lang)


def _run(text: str, phrase: str) -> tuple[list[Word], list[int]]:
    words = sentence_words(text, 0, len(text))
    start = text.index(phrase)
    end = start + len(phrase)
    return words, [i for i, w in enumerate(words) if start <= w.start and w.end <= end]


@pytest.mark.parametrize(
    ("text", "phrase", "target", "source", "borrowed"),
    [
        ("a sense of déjà vu today", "déjà vu", "en", "fr", True),
        ("a café au lait today", "au lait", "en", "fr", True),  # "café" joined to it
        ("a certain savoir-faire today", "savoir-faire", "en", "fr", True),
        ("it is c'est la vie now", "est la vie", "en", "fr", True),
        ("of la Défense today", "la Défense", "en", "fr", False),  # rare in English
        ("with le gouvernement today", "le gouvernement", "en", "fr", False),
        ("que the government était", "the government", "fr", "en", False),  # no cue
        ("sagte the government nicht", "the government", "de", "en", False),
        ("spoke with the press", "with the", "fr", "en", False),  # stop words only
        ("the minister a mon entretien dans le journal", "mon entretien dans le", "en", "fr",
         False),  # too long
    ],
)
def test_loan_phrase_signal(
    text: str, phrase: str, target: str, source: str, borrowed: bool
) -> None:
    words, run = _run(text, phrase)
    assert loan_phrase(text, words, run, target, source) is borrowed
