"""Numbers compare equal across locale formats and scale words."""

from __future__ import annotations

import pytest

from checker.numbers import find_numbers


def only(text: str, lang: str):
    (mention,) = find_numbers(text, lang)
    return mention


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b"),
    [
        ("1 500 soldats", "fr", "1,500 soldiers", "en"),
        ("1.500 soldados", "es", "1,500 soldiers", "en"),
        ("2,5 %", "fr", "2.5%", "en"),
        ("2,5 Prozent", "de", "2.5 percent", "en"),
        ("4.700 millones", "es", "4.7 billion", "en"),
        ("4,7 milliards", "fr", "4,700 million", "en"),
        ("1,5 Mrd. Euro", "de", "1.5 billion euros", "en"),
        ("à 12 h 01", "fr", "at 12:01 p.m.", "en"),
        ("à 15 h 12", "fr", "at 3:12 p.m.", "en"),
    ],
)
def test_same_quantity_in_two_locales(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert only(a, lang_a).same_as(only(b, lang_b))


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b"),
    [
        ("1.500 millones", "es", "1,600 million", "en"),
        ("2,5 %", "fr", "25%", "en"),
        ("4 700", "fr", "470", "en"),
        ("à 15 h 12", "fr", "at 3:12 a.m.", "en"),
    ],
)
def test_different_quantities(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert not only(a, lang_a).same_as(only(b, lang_b))


def test_numbers_inside_names_are_not_numbers() -> None:
    assert find_numbers("COVID-19 and the G7 met in 2021.", "en")[0].text == "2021"
    assert [m.text for m in find_numbers("from 1950 to 1953", "en")] == ["1950", "1953"]


def test_span_covers_the_scale_word() -> None:
    text = "a deficit of 4,7 milliards d'euros"
    mention = only(text, "fr")
    assert text[mention.start : mention.end] == "4,7 milliards"
