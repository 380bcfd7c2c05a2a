"""Numbers compare equal across locales, scale words, words, units, times and dates."""

from __future__ import annotations

import pytest

from checker.numbers import find_numbers


def only(text: str, lang: str):
    (mention,) = find_numbers(text, lang)
    return mention


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b"),
    [
        # locale formats and scale words
        ("1 500 soldats", "fr", "1,500 soldiers", "en"),
        ("1.500 soldados", "es", "1,500 soldiers", "en"),
        ("4.700 millones", "es", "4.7 billion", "en"),
        ("4,7 milliards", "fr", "4,700 million", "en"),
        ("1,5 Mrd. Euro", "de", "1.5 billion euros", "en"),
        # currencies, symbols and abbreviations
        ("£44m", "en", "44 Millionen Pfund", "de"),
        ("$4.7bn", "en", "4,7 milliards de dollars", "fr"),
        ("€3.5 billion", "en", "3.500 Millionen Euro", "de"),
        ("3 M€", "fr", "3 millones de euros", "es"),
        ("4,7 Md€", "fr", "4.700 millones de euros", "es"),
        ("£52k", "en", "52.000 £", "de"),
        ("2,3 Mio. Dollar", "de", "$2.3m", "en"),
        # unit conversions within rounding, both ways
        ("5 miles", "en", "8 km", "de"),
        ("8 kilomètres", "fr", "5 miles", "en"),
        ("200 lb", "en", "91 kg", "fr"),
        ("90 kilos", "es", "198 pounds", "en"),
        ("70°F", "en", "21 °C", "es"),
        ("38 Grad Celsius", "de", "100 degrees Fahrenheit", "en"),
        ("6 ft", "en", "1,83 m", "de"),
        ("12 feet", "en", "4 mètres", "fr"),
        ("10 acres", "en", "4 hectares", "fr"),
        ("40 hectáreas", "es", "100 acres", "en"),
        # numbers in words
        ("ten", "en", "zehn", "de"),
        ("vingt-cinq", "fr", "25", "en"),
        ("fünfundzwanzig", "de", "veinticinco", "es"),
        ("quatre-vingt-dix", "fr", "90", "de"),
        ("dos mil", "es", "2,000", "en"),
        ("zweieinhalb Millionen", "de", "2.5 million", "en"),
        ("three and a half", "en", "3,5", "fr"),
        # rough quantities
        ("a dozen", "en", "une dizaine", "fr"),
        ("cientos", "es", "hundreds", "en"),
        ("Dutzende", "de", "dozens", "en"),
        ("une centaine", "fr", "100", "en"),
        # times of day
        ("3 p.m.", "en", "15 Uhr", "de"),
        ("3 p.m.", "en", "15h", "fr"),
        ("à 12 h 01", "fr", "at 12:01 p.m.", "en"),
        ("a las 15.00 horas", "es", "at 3pm", "en"),
        ("a las 3 de la tarde", "es", "um 15 Uhr", "de"),
        # dates in each language's order
        ("5 March", "en", "March 5", "en"),
        ("March 5", "en", "5. März", "de"),
        ("le 5 mars", "fr", "5 de marzo", "es"),
        ("1er mars", "fr", "March 1st", "en"),
        # ordinals
        ("the 10th summit", "en", "le 10e sommet", "fr"),
        ("la 10.ª cumbre", "es", "der zehnte Gipfel", "de"),
        # decades
        ("the 1990s", "en", "les années 1990", "fr"),
        ("die 1990er Jahre", "de", "los años 90", "es"),
        ("the '90s", "en", "die 90er", "de"),
        # percentages
        ("2,5 %", "fr", "2.5%", "en"),
        ("2,5 Prozent", "de", "2.5 percent", "en"),
        ("2,5 por ciento", "es", "2,5 %", "fr"),
    ],
)
def test_same_quantity_in_two_locales(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert only(a, lang_a).same_as(only(b, lang_b))


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b"),
    [
        ("1.500 millones", "es", "1,600 million", "en"),
        ("1 500", "fr", "1,600", "en"),
        ("4.7 billion", "en", "4,7 Millionen", "de"),
        ("2,5 %", "fr", "25%", "en"),
        ("32", "en", "23", "de"),
        ("trois", "fr", "dos", "es"),
        ("4 700", "fr", "470", "en"),
        ("5 miles", "en", "5 km", "de"),
        ("200 lb", "en", "200 kg", "es"),
        ("70°F", "en", "70 °C", "fr"),
        ("3 p.m.", "en", "3 Uhr", "de"),
        ("at 1.30pm", "en", "um 1.30 Uhr", "de"),
        ("à 15 h 12", "fr", "at 3:12 a.m.", "en"),
        ("5 March", "en", "5. Mai", "de"),
        ("the 1990s", "en", "les années 1980", "fr"),
        ("ten", "en", "elf", "de"),
    ],
)
def test_different_quantities(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert not only(a, lang_a).same_as(only(b, lang_b))


def test_a_changed_currency_is_noticed() -> None:
    assert only("£52,000", "en").currency_differs(only("52.000 €", "de"))
    assert not only("£52,000", "en").currency_differs(only("52.000 Pfund", "de"))
    assert not only("$4.7bn", "en").currency_differs(only("4,7 milliards de dollars", "fr"))


def test_numbers_inside_names_are_not_numbers() -> None:
    assert find_numbers("COVID-19 and the G7 met in 2021.", "en")[0].text == "2021"
    assert [m.text for m in find_numbers("from 1950 to 1953", "en")] == ["1950", "1953"]


def test_a_short_range_end_is_also_the_full_year() -> None:
    first, second = find_numbers("the 1950-53 war", "en")
    assert first.same_as(only("1950", "fr")) and second.same_as(only("1953", "fr"))


def test_range_start_takes_the_scale_and_unit_of_its_end() -> None:
    low, high = find_numbers("between 2 and 3 million euros", "en")
    assert low.same_as(only("2 millions d'euros", "fr"))
    assert high.same_as(only("3 Millionen Euro", "de"))


def test_span_covers_the_scale_word() -> None:
    text = "a deficit of 4,7 milliards d'euros"
    mention = only(text, "fr")
    assert text[mention.start : mention.end] == "4,7 milliards"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Ein Soldat", "de"), ("un soldat", "fr"), ("one of them", "en"), ("uno de ellos", "es")],
)
def test_articles_and_one_are_never_compared(text: str, lang: str) -> None:
    from checker.numbers import is_trivial

    assert all(is_trivial(m) for m in find_numbers(text, lang))


def test_a_number_with_an_afternoon_word_is_a_time() -> None:
    assert only("um 3 Uhr nachmittags", "de").same_as(only("3 p.m.", "en"))
    assert only("à 8 heures du soir", "fr").same_as(only("20:00", "de"))
