"""The cheap proofs that a text holds no number word, month or unit are never wrong.

Each prefilter skips detailed parsing only when it proves the skipped search could not
match; these tests check the proofs against the searches they stand in for.
"""

from __future__ import annotations

import pytest
import regex

from checker.number_calendar import _time_cue, times
from checker.number_tails import _ASCII, _tail_pattern, ascii_cases, may_have_tail
from checker.number_words import MONTH, NUMBER_WORD, ROUGH, cues, find_word_numbers
from checker.numbers import find_numbers


def test_ascii_cases_agree_with_the_regex_engine() -> None:
    for char in [*_ASCII, "K", "ſ", "€", "ä"]:  # Kelvin sign and long s fold to ASCII
        pattern = regex.compile(regex.escape(char), regex.IGNORECASE)
        assert ascii_cases(char) == tuple(a for a in _ASCII if pattern.fullmatch(a)), char


@pytest.mark.parametrize(
    ("text", "lang", "bits"),
    [
        ("Officials met in Geneva on Tuesday.", "en", 0),
        ("Twenty-Five people came.", "en", NUMBER_WORD),
        ("DOZENS of people came.", "en", ROUGH),
        ("They met on 5 MARCH.", "en", MONTH),
        ("Une DIZAINE de personnes.", "fr", NUMBER_WORD | ROUGH),  # "une" is one
        ("Fünfundzwanzig Menschen kamen.", "de", NUMBER_WORD),
        ("Llegaron el 5 de marzo.", "es", MONTH),
        ("", "en", 0),
    ],
)
def test_cues(text: str, lang: str, bits: int) -> None:
    assert cues(text, lang) == bits


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # case variants of number words, rough quantities and months
        ("FIVE HUNDRED people", "en", [500.0]),
        ("Zweihundert Menschen", "de", [200.0]),
        ("DOZENS of people", "en", [20.0]),
        ("on 5 MARCH", "en", [305.0]),
        # a number word claimed by a figure's scale is not read twice
        ("4.6 million dollars", "en", [4.6e6]),
        # a word that only holds a number word inside it is no number
        ("the someone who went", "en", []),
        ("nothing here at all", "en", []),
    ],
)
def test_find_numbers_after_the_cues(text: str, lang: str, expected: list[float]) -> None:
    assert [min(m.values) for m in find_numbers(text, lang)] == expected


def test_rough_quantity_after_a_number_word_elsewhere() -> None:
    text = "two reports said a dozen people were hurt"
    found = list(find_word_numbers(text, "en", []))
    assert [(w.low, w.high) for w in found] == [(10.0, 15.0), (2.0, 2.0)]


@pytest.mark.parametrize(
    ("text", "end"),
    [("44 Millionen Pfund", 2), ("52 percent", 2), ("12%", 2), ("3 M€", 1), ("7 km", 1)],
)
def test_tail_filter_lets_units_through(text: str, end: int) -> None:
    assert may_have_tail(text, end, "de" if "Millionen" in text else "en")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de"])
def test_tail_filter_never_hides_a_unit(lang: str) -> None:
    pattern = _tail_pattern(lang)
    for a in _ASCII:
        for b in "ABMPcdekmnpst %-$":
            text = f"5{a}{b}x"
            match = pattern.match(text, 1)
            if match and (match["scale"] or match["mark"]):
                assert may_have_tail(text, 1, lang), text


@pytest.mark.parametrize(
    ("text", "lang", "minutes"),
    [("at 3 p.m.", "en", 900.0), ("um 15 Uhr", "de", 900.0), ("à 15h30", "fr", 930.0),
     ("a las 15.00 horas", "es", 900.0)],
)
def test_time_cue_keeps_times(text: str, lang: str, minutes: float) -> None:
    assert _time_cue(lang).search(text)
    assert [min(v) for _, _, _, v, _ in times(text, lang, [])] == [minutes]


def test_time_cue_skips_plain_figures() -> None:
    assert not _time_cue("en").search("prices rose 4.6 percent in 2023")
