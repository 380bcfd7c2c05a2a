"""The core rules (input, untranslated, number, score): true and false positives."""

from __future__ import annotations

import pytest

from tests.conftest import check, codes


def only(result, code: str):
    return [f for f in result.findings if f.rule == code]


# -- WC0xx input -------------------------------------------------------------------------
def test_missing_reference_and_source_when_expected() -> None:
    result = check("Rain fell on Madrid.", select=("WC0",), expects_ref=True, expects_src=True)
    assert codes(result) == ["WC001", "WC002"]
    assert {f.severity for f in result.findings} == {"warning"}


def test_nothing_missing_when_nothing_was_asked_for() -> None:
    assert codes(check("Rain fell on Madrid.", select=("WC0",))) == []


def test_empty_translation_of_a_real_source() -> None:
    result = check("  \n\n", select=("WC0",), src="Il a plu sur Madrid.", src_lang="fr")
    assert codes(result) == ["WC003"]
    assert codes(check("", select=("WC0",))) == []  # nothing to translate, nothing missing


# -- WC401 untranslated ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Le gouvernement a refusé de commenter ces informations publiées lundi par la presse.",
            "en",
        ),
        ("El Banco de España prevé que la inflación se modere durante el segundo semestre.", "en"),
        ("Die Bundesregierung will die Hilfen für energieintensive Betriebe verlängern.", "en"),
        (
            "The government declined to comment on the reports published on Monday by the press.",
            "fr",
        ),
    ],
)
def test_sentence_in_another_language_is_flagged(text: str, lang: str) -> None:
    story = f"SEOUL (AFP) -\n\n{text}\n"
    (finding,) = only(check(story, lang=lang, select=("WC401",)), "WC401")
    assert finding.text == text
    assert finding.severity == "error"


def test_message_names_the_source_language_when_known() -> None:
    text = "Le gouvernement a refusé de commenter ces informations publiées lundi par la presse."
    (finding,) = only(check(text, select=("WC401",), src=text, src_lang="fr"), "WC401")
    assert "the source language" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Claire LEE",  # a byline: too short to identify
        "Kim Jong-un, Vladimir Putin",
        "PHOTO SOUTH KOREAN NATIONAL INTELLIGENCE SERVICE/AGENCE FRANCE-PRESSE",
        "The Paris daily Le Monde reported the talks had stalled over the weekend.",
        "He quoted the motto “liberté, égalité, fraternité” in a speech to the assembly.",
        "Relations between the two Koreas are at their lowest point in years.",
    ],
)
def test_english_and_short_text_is_not_flagged(text: str) -> None:
    assert only(check(text, select=("WC401",), src_lang="fr"), "WC401") == []


# -- WC501 / WC502 numbers -----------------------------------------------------------------
SRC = (
    "El banco prestó 1.500 millones de euros a la región. "
    "El paro alcanzó el 7,4 % en marzo, frente al 2,5 % de 2020."
)


def test_changed_number_points_at_the_mt_figure() -> None:
    mt = "The bank lent 1,600 million euros to the region. Unemployment hit 7.4% in March, up from 2.5% in 2020."
    (finding,) = only(check(mt, select=("WC5",), src=SRC, src_lang="es"), "WC501")
    assert finding.text == "1,600 million"
    assert "1.500 millones" in finding.message


def test_dropped_number_is_reported_on_its_unit() -> None:
    mt = "The bank lent 1.5 billion euros to the region. Unemployment peaked in March, up from 2.5% in 2020."
    result = check(mt, select=("WC5",), src=SRC, src_lang="es")
    assert codes(result) == ["WC502"]
    assert "'7,4'" in result.findings[0].message
    assert result.findings[0].text.startswith("Unemployment peaked")


def test_locale_formats_of_the_same_numbers_are_fine() -> None:
    mt = "The bank lent 1,500 million euros to the region. Unemployment reached 7.4 percent in March, against 2.5 percent in 2020."
    assert codes(check(mt, select=("WC5",), src=SRC, src_lang="es")) == []


def test_reference_figure_is_the_suggestion() -> None:
    ref = "North Korea sent 1,500 soldiers, officials said."
    mt = "North Korea sent 1,300 soldiers, officials said."
    (finding,) = check(mt, select=("WC501",), ref=ref).findings
    assert (finding.text, finding.suggestion) == ("1,300", "1,500")


def test_spelled_out_small_numbers_are_not_compared() -> None:
    src = "Trois soldats ont été blessés et 2 civils tués lors de l'attaque de 2024."
    mt = "Three soldiers were wounded and two civilians killed in the 2024 attack."
    assert codes(check(mt, select=("WC5",), src=src, src_lang="fr")) == []


# -- WC801 low chrF --------------------------------------------------------------------------
def test_mistranslated_unit_far_from_its_reference_is_flagged() -> None:
    ref = (
        "The minister announced she would step down next month.\n\nMarkets closed higher on Friday."
    )
    garbled = "Yesterday fish bicycle the quietly orange was.\n\nMarkets closed higher."
    (finding,) = check(garbled, select=("WC801",), ref=ref).findings
    assert finding.text == "Yesterday fish bicycle the quietly orange was."
    assert finding.unit == 0 and "below 20" in finding.message


def test_close_translation_has_no_low_score() -> None:
    mt = "The minister announced that she would step down next month."
    ref = "The minister announced she would step down next month."
    assert codes(check(mt, select=("WC801",), ref=ref)) == []
