"""The garble search over one text: candidate terms per capitalised word, then a word-by-
word check of each (:mod:`checker.glossary.verify`; see :mod:`checker.glossary.garble`
for what is certain and what only possible).

An index of the terms' content words (pairs of words, and single-edit neighbours of
each word) proposes candidate terms for windows that start on a capitalised word; each
candidate is then checked word by word and scored with rapidfuzz. The work per window
depends on how many terms share its words, not on how many terms the glossary holds.
A capitalised word that is near no first word of a term pair starts no window at all
(most of them), and what depends only on a word (its near content words, the pair keys
it may start, two words written as one) is kept on the language index across texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker import lexicon
from checker.glossary.evidence import near_words, window
from checker.glossary.verify import MAX_WORD_EDITS, Garble, GarbleSettings, WordCheck
from checker.memo import remember

if TYPE_CHECKING:
    from checker.glossary.matcher import LanguageIndex, TextTerms

__all__ = [
    "MAX_WORD_EDITS", "MIN_FUZZY_LENGTH", "PREFIX", "Garble", "GarbleSearch", "GarbleSettings",
]

MIN_FUZZY_LENGTH = 5
"""Words shorter than this match only exactly (``bank`` is not a misspelt ``band``), unless
one letter shorter and no word of the language (``Bnak``)."""
_JOINS = ("-", "‐", "‑", " ")
"""The gaps across which two words may be one written apart (``Zentral-Bank``)."""
PREFIX = "\0"
"""Marks a pair-index key made of a first word's first three letters."""


class GarbleSearch(WordCheck):
    """The garble search over one text: candidate terms per anchor, then word-by-word checks.

    A candidate window starts on a capitalised word (the *anchor*) that is the term's
    first content word, one edit from it, or (for a changed first word) shares its first
    three letters; some later word of the window must be another content word of the
    term. The pair index makes this a handful of dictionary look-ups per window.
    """

    def __init__(self, analysed: TextTerms, index: LanguageIndex, settings: GarbleSettings):
        self.text = analysed.text
        self.tokens = analysed.tokens
        self.index = index
        self.language = index.language
        self.settings = settings
        assert analysed.index is not None
        self.concept_words = analysed.index.concept_words
        self.matches = analysed.matches
        self.stems = (
            analysed.normals if analysed.normals is not None
            else [self.language.normal(t) for t in self.tokens]
        )
        self._near: list[frozenset[str] | None] = [None] * len(self.tokens)
        self._joined: dict[int, str | None] = {}
        self._others: dict[int, tuple[str, ...]] = {}

    def near(self, j: int) -> frozenset[str]:
        """Content words equal to or one edit from token ``j``; a four-letter word too
        when the token is no word of the language (``Bnak`` for ``Bank``)."""
        found = self._near[j]
        if found is None:
            key = self.stems[j]
            found = self._near_key(key, MIN_FUZZY_LENGTH)
            if len(key) == MIN_FUZZY_LENGTH - 1 and key not in self.index.vocab:
                # The frequency list is asked only when the answer can change the result.
                loose = self._near_key(key, MIN_FUZZY_LENGTH - 1)
                if loose != found and self.unknown(j):
                    found = loose
            self._near[j] = found
        return found

    def _near_key(self, key: str, shortest: int) -> frozenset[str]:
        """:func:`near_words` of ``key``, cached on the language index across texts."""
        cache = self.index.near_cache
        found = cache.get((key, shortest))
        if found is None:
            found = remember(cache, (key, shortest), near_words(key, self.index, shortest))
        return found

    def unknown(self, j: int) -> bool:
        """Whether token ``j`` is a word no frequency list of the language knows."""
        token = self.tokens[j]
        if not token.text.isalpha():
            return False
        code = self.language.code
        if code not in lexicon.supported():  # a language wordfreq has no list for
            return False
        return lexicon.zipf(token.key, code) == 0.0

    def joined(self, j: int) -> str | None:
        """Token ``j`` and the next one written as one word (``Zentral-Bank``), when that
        is a content word of the language's terms."""
        if j in self._joined:
            return self._joined[j]
        found = None
        if j + 1 < len(self.tokens):
            a, b = self.tokens[j], self.tokens[j + 1]
            if a.is_word and b.is_word and b.gap in _JOINS:
                written = a.key + b.key
                cache = self.index.joined_cache
                if written in cache:
                    found = cache[written]
                else:
                    word = self.language.stem(self.language.spell(written))
                    found = remember(cache, written, word if word in self.index.vocab else None)
        self._joined[j] = found
        return found

    def anchors(self) -> list[int]:
        """The tokens a candidate window may start on: capitalised words."""
        return [i for i, t in enumerate(self.tokens) if t.is_word and t.text[:1].isupper()]

    def candidates(self, i: int) -> set[int]:
        live = self.live(i)
        found: set[int] = set()
        if not live:
            return found
        pairs, tokens, known = self.index.pairs, self.tokens, self._others
        for j in window(tokens, i + 1, 12):
            if not tokens[j].is_word:
                continue
            others = known.get(j)
            if others is None:
                others = self.others(j)
            for first in live:
                for other in others:
                    found.update(pairs.get((first, other), ()))
        return found

    def live(self, i: int) -> tuple[str, ...]:
        """:meth:`firsts` of token ``i`` when it may start a window (a capitalised word, no
        connector), else nothing: a function of the token's text, kept across texts."""
        token = self.tokens[i]
        cache = self.index.live_cache
        found = cache.get(token.text)
        if found is None:
            capitalised = token.capitalised and token.key not in self.language.connectors
            found = remember(cache, token.text, self.firsts(i) if capitalised else ())
        return found

    def firsts(self, i: int) -> tuple[str, ...]:
        """The first keys of term pairs the word ``i`` may stand for: its near words, the
        head nouns of its group, its first three letters.

        Only those can start a candidate: most capitalised words have none, and their
        window is never read.
        """
        near = self.near(i)
        key = self.stems[i]
        cache = self.index.firsts_cache
        found = cache.get((key, near))
        if found is None:
            firsts = set(near)
            for group in self.language.heads:  # a swapped head noun first ("Organisation
                if key in group:  # internationale de l'énergie atomique")
                    firsts.update(group)
            if len(key) >= 4:
                firsts.add(PREFIX + key[:3])
            found = remember(cache, (key, near), tuple(f for f in firsts if f in self.index.firsts))
        return found

    def others(self, j: int) -> tuple[str, ...]:
        """The content words token ``j`` may stand for as a later word of a candidate
        window: its near words and its join with the next token, those that are a later
        word of some term pair."""
        found = self._others.get(j)
        if found is None:
            # A function of the word as written and the key of a next word it may join
            # (see :meth:`joined`): kept across texts.
            tokens, a = self.tokens, self.tokens[j]
            b = tokens[j + 1] if j + 1 < len(tokens) else None
            joins = b is not None and a.is_word and b.is_word and b.gap in _JOINS
            key = (a.text, b.key if joins else None)
            found = self.index.others_cache.get(key)
            if found is None:
                near = set(self.near(j))
                joined = self.joined(j)
                if joined:
                    near.add(joined)
                seconds = self.index.seconds
                found = remember(
                    self.index.others_cache, key, tuple(w for w in near if w in seconds)
                )
            self._others[j] = found
        return found
