"""Language identification: a cheap stop-word vote first, langdetect when it is unsure.

langdetect is slow (milliseconds per call) and unreliable on short text, so the core
asks it only when the stop-word vote cannot decide, and seeds it so that results are
the same on every run.
"""

from __future__ import annotations

import re
import string
import tomllib
from functools import cache, lru_cache
from importlib import resources

from langdetect import DetectorFactory

from checker import fastlangid
from checker.lexicon import NEWS_LANGUAGES, common_zipf
from checker.memo import trim

DetectorFactory.seed = 0
SHORT = 200
"""Paragraphs with fewer letters are too short for langdetect alone."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = tomllib.loads(resources.files("checker.data").joinpath("stopwords.toml").read_text())
    return {lang: frozenset(words) for lang, words in data.items()}


_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)


def letters(text: str) -> int:
    """How many letters ``text`` has (``str.isalpha``: in ASCII, a to z either case)."""
    if text.isascii():
        return len(text) - len(text.translate(_ASCII_LETTERS))
    return sum(map(str.isalpha, text))


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages that list it."""
    found: dict[str, list[str]] = {}
    for lang, words in _stopwords().items():
        for word in words:
            found.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in found.items()}


def stopword_votes_slow(text: str) -> dict[str, int]:
    """:func:`stopword_votes` word by word (the reference its tests compare with)."""
    votes = dict.fromkeys(_stopwords(), 0)
    languages = _stopword_languages()
    for word in _WORD.findall(text):
        for lang in languages.get(word.lower().replace("’", "'"), ()):
            votes[lang] += 1
    return votes


_VOTERS: dict[str, tuple[str, ...]] = {}
"""Each word as written (any case, either apostrophe) seen so far, with the languages
whose stop word it is (empty for most words)."""


def stopword_votes(text: str) -> dict[str, int]:
    """How many of the words of ``text`` are stop words of each known language."""
    votes = dict.fromkeys(_stopwords(), 0)
    words = _WORD.findall(text)
    found = list(map(_VOTERS.get, words))
    if None in found:
        languages = _stopword_languages()
        trim(_VOTERS)
        for i, langs in enumerate(found):
            if langs is None:
                word = words[i]
                found[i] = _VOTERS[word] = languages.get(word.lower().replace("’", "'"), ())
    for langs in filter(None, found):
        for lang in langs:
            votes[lang] += 1
    return votes


def quick_language(text: str) -> str | None:
    """A language when the stop-word vote is clear (two or more, double the runner-up)."""
    return vote_winner(stopword_votes(text))


def vote_winner(votes: dict[str, int]) -> str | None:
    """:func:`quick_language` from votes already counted by :func:`stopword_votes`."""
    # The two largest counts decide; a winner is alone at the top (``top > second``).
    second, top = sorted(votes.values())[-2:]
    if top >= 2 and top >= 2 * second + 1:
        return next(lang for lang, count in votes.items() if count == top)
    return None


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[tuple[str, float], ...]:
    """langdetect's (language, probability) pairs, best first; empty if it cannot tell
    (computed by :mod:`checker.fastlangid`, which gives langdetect's very numbers)."""
    return fastlangid.detect_langs(text)


@lru_cache(maxsize=4096)
def best_language(text: str) -> str | None:
    """The base code of langdetect's best language for ``text`` (``detect(text)[0]``);
    None if it cannot tell. Cheaper than :func:`detect` when one language leads."""
    found = fastlangid.best_language(text)
    return found.split("-")[0] if found else None


@lru_cache(maxsize=4096)
def confident_language(text: str, confidence: float, besides: str) -> tuple[str, float] | None:
    """langdetect's best (language, probability) for ``text`` (``detect(text)[0]``, full
    code) when that language is not ``besides`` (a base code) and at least
    ``confidence`` sure; None otherwise. Much cheaper than :func:`detect` when the text
    is plainly in ``besides``."""
    return fastlangid.confident_language(text, confidence, besides)


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
    count = letters(text)
    if count == 0:
        return None
    found = best_language(text[:5000])
    if found:
        return found
    return quick_language(text) if count < 200 else None


def target_language(text: str, exclude: str | None = None) -> str | None:
    """The language most of a translation is in, by letters per paragraph.

    Paragraphs left in the source language (``exclude``) do not vote, so a story with a
    large untranslated block is still recognised as a translation into its target.
    """
    paragraphs = [(p, w) for p in text.split("\n\n") if (w := letters(p)) >= 20]
    found_langs: list[str | None] = []
    pending: list[int] = []
    for index, (paragraph, weight) in enumerate(paragraphs):
        lang = quick_language(paragraph)
        if lang is None and weight < SHORT:
            lang = frequent_word_language(paragraph)
        if lang is None:
            pending.append(index)
        found_langs.append(lang)
    # langdetect only for the paragraphs the cheap votes left open, and only while they
    # could still change the winner (largest first: they settle it soonest).
    open_weight = sum(paragraphs[i][1] for i in pending)
    for index in sorted(pending, key=lambda i: -paragraphs[i][1]):
        leader = _safe_leader(_tally(paragraphs, found_langs, exclude), open_weight)
        if leader is not None:
            return leader
        found_langs[index] = best_language(paragraphs[index][0])
        open_weight -= paragraphs[index][1]
    votes = _tally(paragraphs, found_langs, exclude)
    if votes:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return story_language(text)


def _tally(
    paragraphs: list[tuple[str, int]], langs: list[str | None], exclude: str | None
) -> dict[str, int]:
    """Letters per language, in paragraph order (the order breaks ties)."""
    votes: dict[str, int] = {}
    for (_, weight), lang in zip(paragraphs, langs, strict=True):
        if lang is not None and lang != exclude:
            votes[lang] = votes.get(lang, 0) + weight
    return votes


def _safe_leader(votes: dict[str, int], open_weight: int) -> str | None:
    """The language that wins whatever the undecided paragraphs (``open_weight`` letters)
    turn out to be: ahead of the runner-up by more than all of them; else None."""
    if not votes:
        return None
    ranked = sorted(votes.values(), reverse=True)
    runner_up = ranked[1] if len(ranked) > 1 else 0
    if ranked[0] > runner_up + open_weight:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return None


def stopwords() -> dict[str, frozenset[str]]:
    """The stop-word list of each language that has one (``checker/data/stopwords.toml``)."""
    return _stopwords()
