"""Language identification: a cheap stop-word vote first, langdetect when it is unsure.

langdetect is slow (milliseconds per call) and unreliable on short text, so the core
asks it only when the stop-word vote cannot decide, and seeds it so that results are
the same on every run.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from checker.lexicon import NEWS_LANGUAGES, common_zipf

DetectorFactory.seed = 0
SHORT = 200
"""Paragraphs with fewer letters are too short for langdetect alone."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = tomllib.loads(resources.files("checker.data").joinpath("stopwords.toml").read_text())
    return {lang: frozenset(words) for lang, words in data.items()}


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def stopword_votes(text: str) -> dict[str, int]:
    """How many of the words of ``text`` are stop words of each known language."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return {lang: sum(1 for w in words if w in stops) for lang, stops in _stopwords().items()}


def quick_language(text: str) -> str | None:
    """A language when the stop-word vote is clear (two or more, double the runner-up)."""
    votes = sorted(stopword_votes(text).items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = votes[0], votes[1]
    if top >= 2 and top >= 2 * second + 1:
        return best
    return None


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[tuple[str, float], ...]:
    """langdetect's (language, probability) pairs, best first; empty if it cannot tell."""
    try:
        return tuple((r.lang, r.prob) for r in detect_langs(text))
    except LangDetectException:
        return ()


def frequent_word_language(text: str) -> str | None:
    """The news language (en, fr, es, de) whose common words make up at least three
    quarters of ``text``, clearly more than any other's; None when none does.

    langdetect misreads short lines ("Kyiv says Russian strikes hit power grid" is
    Afrikaans to it); wordfreq's lists of common words do not.
    """
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    if not words:
        return None
    shares = sorted(
        ((sum(common_zipf(w, lang) > 0 for w in words) / len(words), lang)
         for lang in NEWS_LANGUAGES),
        reverse=True,
    )
    (best, lang), (second, _) = shares[0], shares[1]
    return lang if best >= 0.75 and best - second >= 0.25 else None


def story_language(text: str) -> str | None:
    """The language of a whole story: langdetect over the text, its base code only."""
    if letters(text) == 0:
        return None
    quick = quick_language(text) if letters(text) < 200 else None
    found = detect(text[:5000])
    if found:
        return found[0][0].split("-")[0]
    return quick


def target_language(text: str, exclude: str | None = None) -> str | None:
    """The language most of a translation is in, by letters per paragraph.

    Paragraphs left in the source language (``exclude``) do not vote, so a story with a
    large untranslated block is still recognised as a translation into its target.
    """
    votes: dict[str, int] = {}
    for paragraph in text.split("\n\n"):
        weight = letters(paragraph)
        if weight < 20:
            continue
        lang = quick_language(paragraph)
        if lang is None and weight < SHORT:
            lang = frequent_word_language(paragraph)
        if lang is None:
            found = detect(paragraph)
            lang = found[0][0].split("-")[0] if found else None
        if lang is not None and lang != exclude:
            votes[lang] = votes.get(lang, 0) + weight
    if votes:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return story_language(text)


def stopwords() -> dict[str, frozenset[str]]:
    """The stop-word list of each language that has one (``checker/data/stopwords.toml``)."""
    return _stopwords()
