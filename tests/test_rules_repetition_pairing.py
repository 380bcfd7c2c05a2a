"""Repeated words and spaces (WC620-WC621), brackets and questions (WC622-WC623)."""

from __future__ import annotations

from functools import cache

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput


@cache
def checker(*codes: str) -> Checker:
    return Checker(Settings(select=codes, default_glossary=False))


def check(code: str, mt: str, lang: str, src: str | None = None,
          src_lang: str | None = None) -> list[Finding]:
    story = StoryInput("s", mt, "s.txt", src=src, lang=lang, src_lang=src_lang)
    return list(checker(code).check(story).findings)


# -- WC620 repeated-word --------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "mt", "flagged"),
    [
        ("en", "The minister said the the plan would be ready by May.", "the the"),
        ("en", "It was a a decision taken in haste, officials said.", "a a"),
        ("fr", "Le ministre a annoncé un plan de de relance pour l'industrie.", "de de"),
        ("es", "El Gobierno aprobó el el decreto este martes.", "el el"),
        ("de", "Die Regierung hat hat den Haushalt beschlossen.", "hat hat"),
        ("en", "The talks resumed in\nin Geneva on Tuesday.", "in\nin"),
    ],
)
def test_repeated_word_is_found(lang: str, mt: str, flagged: str) -> None:
    found = check("WC620", mt, lang)
    assert [f.text for f in found] == [flagged]
    assert found[0].suggestion == flagged.split()[0]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("en", "He said that that decision had had consequences nobody foresaw."),
        ("en", "What the problem is is the lack of money, the mayor said."),
        ("en", "The couple honeymooned in Bora Bora and Walla Walla."),
        ("en", "The plan, the minister said, is dead. The, um, plan."),
        ("fr", "Nous nous sommes réunis lundi, et vous vous êtes engagés à voter."),
        ("es", "«No, no y no», repitió el alcalde ante los periodistas."),
        ("de", "Die Frau, die die Rede hielt, ist Ministerin. Der Mann, der der Partei beitrat."),
        ("de", "Er sagte, dass sie sie am Montag treffen werde."),
        ("en", "The minister spoke.\n\nThe minister then left."),
    ],
)
def test_grammatical_repetitions_are_not_flagged(lang: str, mt: str) -> None:
    assert check("WC620", mt, lang) == []


# -- WC621 repeated-space -------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("en", "The ministry said  on Monday that talks would resume."),
        ("fr", "Le ministère a indiqué  lundi que les discussions reprendraient."),
        ("es", "El ministerio dijo el lunes  que las conversaciones seguirían."),
        ("de", "Das Ministerium teilte am  Montag mit, die Gespräche gingen weiter."),
    ],
)
def test_doubled_space_inside_a_sentence_is_found(lang: str, mt: str) -> None:
    found = check("WC621", mt, lang)
    assert [(f.text, f.suggestion) for f in found] == [("  ", " ")]


@pytest.mark.parametrize(
    "mt",
    [
        "Talks ended on Monday.  They resume next week.",  # after a sentence
        "  Indented first line of a wire story.",  # indentation
        "Team      W  D  L\nArsenal   5  1  0",  # a table
        "Prices rose.\n\nWages fell.",
    ],
)
def test_accepted_spacing_is_not_flagged(mt: str) -> None:
    assert check("WC621", mt, "en") == []


# -- WC622 unpaired-bracket -----------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "mt", "mark"),
    [
        ("en", "The European Central Bank (ECB raised its rate on Thursday.", "("),
        ("fr", "La Banque centrale européenne BCE) a relevé son taux jeudi.", ")"),
        ("es", "El Banco de España [BdE publicó el informe el lunes.", "["),
        ("de", "Die Bundesbank (Frankfurt teilte am Montag mit, die Inflation sinke.", "("),
    ],
)
def test_unpaired_bracket_is_found(lang: str, mt: str, mark: str) -> None:
    found = check("WC622", mt, lang)
    assert [f.text for f in found] == [mark]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("en", "Options (a) and (b) were discussed; the IMF (founded in 1944) agreed."),
        ("en", "The agenda: 1) rates 2) jobs 3) housing."),
        ("en", "(From L) the presidents of Nigeria, Senegal and Ghana pose for a photo."),
        ("fr", "Le Fonds monétaire international (FMI) a salué la réforme [du régime]."),
        ("es", "El Instituto Nacional de Estadística (INE) publicó los datos."),
        ("de", "Die Europäische Zentralbank (EZB) hob den Leitzins an :)"),
    ],
)
def test_paired_brackets_and_list_markers_are_not_flagged(lang: str, mt: str) -> None:
    assert check("WC622", mt, lang) == []


def test_brackets_do_not_pair_across_paragraphs() -> None:
    found = check("WC622", "The bank (ECB\n\nsaid) nothing.", "en")
    assert [f.text for f in found] == ["(", ")"] or [f.text for f in found] == [")", "("]


# -- WC623 question-mismatch ----------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "mt", "src", "src_lang"),
    [
        ("en", "The ECB will raise rates in July.", "¿Subirá el BCE los tipos en julio?", "es"),
        ("fr", "Le cessez-le-feu tiendra.", "Will the ceasefire hold?", "en"),
        ("es", "¿Dimitirá el ministro?", "Le ministre va démissionner.", "fr"),
        ("de", "Die Waffenruhe wird halten.", "Le cessez-le-feu va-t-il tenir ?", "fr"),
    ],
)
def test_question_turned_statement_is_found(lang: str, mt: str, src: str, src_lang: str) -> None:
    found = check("WC623", mt, lang, src=src, src_lang=src_lang)
    assert len(found) == 1
    assert found[0].text in ".?"


@pytest.mark.parametrize(
    ("lang", "mt", "src", "src_lang"),
    [
        ("en", "Will the ECB raise rates in July?", "¿Subirá el BCE los tipos en julio?", "es"),
        ("fr", "« Le cessez-le-feu tiendra-t-il ? »", "“Will the ceasefire hold?”", "en"),
        ("es", "¡El ministro dimite!", "Le ministre démissionne.", "fr"),
        ("de", "Die Waffenruhe hält", "Le cessez-le-feu tient.", "fr"),
    ],
)
def test_matching_endings_are_not_flagged(lang: str, mt: str, src: str, src_lang: str) -> None:
    assert check("WC623", mt, lang, src=src, src_lang=src_lang) == []
