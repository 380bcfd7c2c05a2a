"""Word frequencies per language, from wordfreq, cached for the rules that ask often.

wordfreq gives every word a Zipf frequency (log10 of occurrences per billion words, plus
9): about 7 for "the", 4 for "commission", 1 for a rare word and 0 for a word it has never
seen. Rules use it to tell a word of the target language from a word of another one,
and a known word from two words glued together.

The target language's full list ("best": down to Zipf 1) loads once per process (about
a second); other languages are asked only whether a word is common there (Zipf 3 or
more), which wordfreq's small lists answer in a tenth of the time and memory.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from itertools import chain, repeat

from wordfreq import available_languages, cB_to_freq, get_frequency_list, top_n_list

NEWS_LANGUAGES = ("en", "fr", "es", "de")
"""The languages whose words glue and fragment checks compare by default."""
COMMON = 3.0
"""The lowest Zipf frequency :func:`common_zipf` can tell from zero."""


@cache
def supported() -> frozenset[str]:
    """Languages wordfreq has a word list for."""
    return frozenset(available_languages())


@cache
def _table(lang: str, wordlist: str) -> dict[str, float]:
    """Each word of the list with its Zipf frequency: ``_zipf`` of wordfreq's
    ``get_frequency_dict`` value, worked out once per band of the list rather than once
    per word (a word listed twice keeps its last band, as there)."""
    if lang not in supported():
        return {}
    bands = get_frequency_list(lang, wordlist)
    values = [_zipf(cB_to_freq(-index)) for index in range(len(bands))]
    return dict(
        zip(chain.from_iterable(bands), chain.from_iterable(map(repeat, values, map(len, bands))),
            strict=True)
    )


def _key(word: str) -> str:
    """wordfreq's form of a plain word: case-folded, with a straight apostrophe."""
    return word.casefold().replace("’", "'")


def _zipf(frequency: float | None) -> float:
    return round(math.log10(frequency) + 9, 2) if frequency else 0.0


@lru_cache(maxsize=262_144)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (any case) in ``lang``; 0.0 when unknown or unsupported."""
    return _table(lang, "best").get(_key(word), 0.0)


@lru_cache(maxsize=262_144)
def common_zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` when it is at least :data:`COMMON`, else 0.0."""
    return _table(lang, "small").get(_key(word), 0.0)


def best_common_zipf(word: str, langs: tuple[str, ...] = NEWS_LANGUAGES) -> float:
    """The highest :func:`common_zipf` of ``word`` over ``langs``: common anywhere?"""
    return max((common_zipf(word, lang) for lang in langs), default=0.0)


@cache
def top_words(lang: str, count: int = 200) -> frozenset[str]:
    """The ``count`` most frequent words of ``lang`` (function words, common verbs)."""
    if lang not in supported():
        return frozenset()
    return frozenset(w for w in top_n_list(lang, count, wordlist="small") if w.isalpha())
