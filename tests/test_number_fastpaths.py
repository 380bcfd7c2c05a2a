"""The number finder's fast paths give exactly what the slow paths give.

``tests/number_reference.py`` keeps the finder as it was before them; these tests read
many texts both ways (the fixtures, the clean corpora and random strings of figures,
separators, units, scale words, months, times and number words in en/fr/es/de) and
compare every field of every mention.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput
from checker.number_calendar import calendar_cue, dates, decades, times
from checker.number_words import _tables, cues, lexicon, number_prefixes
from checker.numbers import (
    _ASCII_FOLDS,
    _SAFE_LENGTH,
    NumberMention,
    find_numbers,
    matches_itself,
    mention,
)
from checker.rules.numbers import _clearly_missing, _compare_numbers, _unmatched
from tests import number_reference as reference

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "fr", "es", "de")

_PIECES = [
    "5", "12", "2023", "1990", "53", "07", "1,500", "1.500", "1 500", "1\u00a0500", "1’500",
    "2,5", "2.5", "1.500.000", "1,500,000", "4.6", "0", "1", "3½", "½", "100", "44", "9.7",
    "$", "US$", "€", "£", "EUR", "GBP", "m", "bn", "k", "M€", "Md€", "mrd€", "million",
    "millions", "Millionen", "Milliarden", "milliards", "millones", "mil millones", "mill.",
    "percent", "per cent", "%", "Prozent", "pour cent", "por ciento", "km", "miles", "kg",
    "°F", "°C", "Pfund", "dollars", "euros", "de", "d'", "March", "mars", "März", "marzo",
    "May", "Sept", "p.m.", "a.m.", "pm", "Uhr", "h", "horas", "heures", "o'clock", "GMT",
    "s", "er", "er-Jahre", "années", "años", "década de", "the", "to", "bis", "à", "y",
    "and", "or", "oder", "twenty-five", "fünfundzwanzig", "ten", "zehn", "dix", "diez",
    "hundred", "dozens", "une dizaine", "cientos", "Dutzende", "a dozen", "first", "third",
    "zweiten", "troisième", "st", "th", "ème", "º", "ª", "e", "-", "–", "/", ".", ",", ":",
    "'", "’", "Rabat", "rose", "A", "Z", "ſ", "K", "٣",
]
_GLUE = ["", "", " ", " ", " ", "\u00a0", "-", ".", ",", "/", ":", "\u202f"]


def _random_texts(seed: int, count: int) -> list[str]:
    chance = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(chance.randint(1, 12)):
            parts += [chance.choice(_PIECES), chance.choice(_GLUE)]
        texts.append("".join(parts))
    return texts


@cache
def _corpus() -> tuple[str, ...]:
    """Lines of the fixtures and clean corpora, and random strings of number pieces."""
    lines: list[str] = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".jsonl", ".xml", ".xlf", ".toml"):
            lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    for lang in LANGS:
        lines += (ROOT / "tests" / "data" / "clean" / f"{lang}.txt").read_text().splitlines()
    return tuple(dict.fromkeys([*lines, *_random_texts(7, 3000)]))


def _fields(mentions: list[NumberMention]) -> list[tuple[object, ...]]:
    return [tuple(getattr(m, f.name) for f in dataclasses.fields(m)) for m in mentions]


def _outcome(find: Callable[[str, str, bool], list[NumberMention]], *args: Any) -> object:
    """The mentions' fields, or the error raised (both paths fail alike on "5 248,49")."""
    try:
        return _fields(find(*args))
    except ValueError as error:
        return repr(error)


def _safely(find: Callable[..., list[NumberMention]], *args: Any) -> list[NumberMention]:
    try:
        return find(*args)
    except ValueError:
        return []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("strict", [False, True])
def test_find_numbers_agrees_with_the_slow_path(lang: str, strict: bool) -> None:
    for text in _corpus():
        assert _outcome(find_numbers, text, lang, strict) == _outcome(
            reference.find_numbers, text, lang, strict
        ), (text, lang, strict)


@pytest.mark.parametrize("lang", LANGS)
def test_cues_agree_with_their_definition(lang: str) -> None:
    for text in _corpus():
        assert cues(text, lang) == reference.word_cues(text, lang), text


@pytest.mark.parametrize("lang", LANGS)
def test_same_as_and_unmatched_agree_with_the_slow_path(lang: str) -> None:
    texts = _corpus()
    found = [(_safely(find_numbers, t, lang, True), _safely(find_numbers, t, lang, False))
             for t in texts]
    pairs = 0
    for (strict, _), (_, loose) in zip(found, [*found[1:], *found[:3]], strict=False):
        for a in strict:
            for b in loose:
                assert a.same_as(b) == reference.same_as(a, b), (a, b)
                pairs += 1
        assert _unmatched(strict, loose) == reference.unmatched(strict, loose)
        assert _unmatched(loose, strict) == reference.unmatched(loose, strict)
    assert pairs > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_clearly_missing_agrees_with_the_slow_path(lang: str) -> None:
    texts = _corpus()
    for text, mt_text in zip(texts, [*texts[5:], *texts[:5]], strict=True):
        mt = _safely(find_numbers, mt_text, lang, False)
        for wanted in _safely(find_numbers, text, lang, True):
            assert _clearly_missing(wanted, mt_text, mt, lang) == reference.clearly_missing(
                wanted, mt_text, mt, lang
            )


@pytest.mark.parametrize("lang", LANGS)
def test_number_prefixes_agree_with_the_slow_path(lang: str) -> None:
    for text in [*_corpus(), "zwölfsekündige zehnfachen tenfold twelve-second dix-huitième"]:
        assert number_prefixes(text, lang) == reference.number_prefixes(text, lang), text


def test_the_quick_mention_equals_the_dataclass() -> None:
    for lang in LANGS:
        for text in _corpus()[::7]:
            for slow in _safely(reference.find_numbers, text, lang):
                fields = {f.name: getattr(slow, f.name) for f in dataclasses.fields(slow)}
                del fields["year_like"]
                quick = mention(**fields)
                assert quick == slow and hash(quick) == hash(slow) and repr(quick) == repr(slow)
                assert vars(quick) == vars(slow)


@pytest.mark.parametrize("lang", LANGS)
def test_calendar_cue_never_hides_a_date_decade_or_time(lang: str) -> None:
    seen = 0
    for text in _corpus():
        if calendar_cue(lang).search(text) is None:
            assert dates(text, lang, [], named=False) == [], text
            assert decades(text, lang, []) == [] and times(text, lang, []) == [], text
        else:
            seen += 1
    assert seen > 100  # the corpus does hold dates, decades and times


def test_ascii_folds_are_all_the_non_ascii_letters_that_fold_to_ascii() -> None:
    pattern = regex.compile(r"[a-z]", regex.IGNORECASE)
    folds = [chr(c) for c in range(0x80, 0x110000) if pattern.fullmatch(chr(c))]
    assert "".join(folds) == _ASCII_FOLDS


def test_lexicon_words_found_ignoring_case_are_found_in_lower_case() -> None:
    """A text free of ``_ASCII_FOLDS`` finds no month or rough quantity that its table
    (keyed in lower case, and read without a default) lacks: every character that matches
    a letter of theirs ignoring case lowers alike."""
    letters = set()
    for lang in LANGS:
        data = lexicon(lang)
        for table in ("months", "approx"):
            letters |= {ch for word in data.get(table, {}) for ch in word if ch.isalpha()}
    any_letter = regex.compile(
        "[" + "".join(regex.escape(ch) for ch in sorted(letters)) + "]", regex.IGNORECASE
    )
    candidates = [chr(c) for c in range(0x110000) if any_letter.fullmatch(chr(c))]
    for letter in sorted(letters):
        pattern = regex.compile(regex.escape(letter), regex.IGNORECASE)
        for char in candidates:
            if char not in _ASCII_FOLDS and pattern.fullmatch(char):  # Kelvin lowers to k
                assert char.lower() == letter.lower(), (letter, char)


def test_number_words_cannot_overflow_a_safe_text() -> None:
    """The bound behind ``_SAFE_LENGTH``: a word worth a hundred (the only one that
    multiplies what precedes it) has four letters or more, and no word or scale is worth
    more than a trillion, so 250 characters read as at most 1e250 times two scales."""
    assert _SAFE_LENGTH == 250
    for lang in LANGS:
        words, _, ordinals = _tables(lang)
        assert all(len(w) >= 4 for w, v in words.items() if v == 100), lang
        assert max([*words.values(), *ordinals.values()]) <= 1e12
        assert max(float(v) for v in lexicon(lang).get("scales", {}).values()) <= 1e12
        for low, high in lexicon(lang).get("approx", {}).values():
            assert low <= high  # a rough quantity overlaps itself


@pytest.mark.parametrize("lang", LANGS)
def test_a_text_read_strictly_and_loosely_pairs_off(lang: str) -> None:
    checked = 0
    for text in _corpus():
        if not matches_itself(text):
            continue
        strict = _safely(find_numbers, text, lang, True)
        loose = _safely(find_numbers, text, lang, False)
        assert _unmatched(strict, loose) == [] and _unmatched(loose, strict) == [], text
        checked += bool(strict)
    assert checked > 500


def test_long_or_unusual_texts_are_read() -> None:
    assert not matches_itself("1" * 400)  # float("1" * 400) is infinite: unmatched
    assert _unmatched(find_numbers("1" * 400, "en", True), find_numbers("1" * 400, "en"))
    assert not matches_itself("le 5 ſeptembre")
    assert not matches_itself("٣ km")
    assert not matches_itself("5 248,49 dollars")  # reading it fails (as it always did)
    with pytest.raises(ValueError):
        reference.find_numbers("5 248,49 dollars", "en")
    assert matches_itself("Le chômage a atteint 7,4 % en mars.")


def _stories(lang: str, seed: int) -> list[StoryInput]:
    """Reference-mode stories whose MT keeps some paragraphs of the reference as they
    are and changes the others (a figure, a word, a paragraph dropped)."""
    chance = random.Random(seed)
    lines = (ROOT / "tests" / "data" / "clean" / f"{lang}.txt").read_text().splitlines()
    lines = [line for line in lines if line.strip()]
    lines += _random_texts(seed, 40)
    stories = []
    for number in range(6):
        ref = chance.sample(lines, min(len(lines), 14))
        mt = []
        for line in ref:
            roll = chance.random()
            if roll < 0.4:
                mt.append(line)
            elif roll < 0.7:
                mt.append(regex.sub(r"\d", lambda m: chance.choice("0123456789"), line))
            elif roll < 0.9:
                mt.append(" ".join(w for w in line.split() if chance.random() > 0.2))
        stories.append(StoryInput(id=f"{lang}{number}", mt="\n\n".join(mt), mt_path="mt.txt",
                                  ref="\n\n".join(ref), ref_path="ref.txt", lang=lang))
    return stories


@pytest.mark.parametrize("lang", LANGS)
def test_compare_numbers_agrees_with_the_slow_path(lang: str) -> None:
    checker = Checker(Settings(lang=lang))
    same = 0
    for story in _stories(lang, seed=LANGS.index(lang)):
        context = checker.context(story)
        same += sum(u.mt == u.ref for u in context.units)
        assert _compare_numbers(context) == _compare_numbers(context, fast=False)
    assert same > 10  # the fast path was taken


def test_compare_numbers_agrees_on_the_fixtures() -> None:
    from checker.reading import read_feed

    checker = Checker(Settings())
    feed = ROOT / "fixtures" / "feed"
    for story in read_feed(feed / "mt", feed / "ref", feed / "src", None):
        context = checker.context(story)
        assert _compare_numbers(context) == _compare_numbers(context, fast=False)
