"""Words as the glossary compares them: per-language keys, stems and spelling variants.

Texts and terms are compared as *token keys*: words lower-cased, punctuation kept as
tokens, hyphens and apostrophes dropped (``France-Presse`` and ``France Presse`` are the
same key), dotted acronyms joined (``U.N.`` is ``UN``). Per-language data (connectors,
inflection endings, spelling variants, articles, swappable head nouns) lives in
``languages.toml`` beside this module.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from itertools import accumulate
from operator import add
from typing import NamedTuple

from checker.memo import trim

# A dotted acronym (U.N., U.S.) is one word, so that it matches its undotted form.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[^\w\s\-‐‑'’ʼ]|_")
_SOFT = " \t\u00a0\u202f-‐‑'’ʼ"
# A token and the gap before it: what no token starts with (spaces, hyphens, apostrophes;
# ``ʼ`` is a letter), so the pairs cover the text up to its last token.
_GAPPED = re.compile(r"([\s\-‐‑'’]*)(" + _TOKEN.pattern + ")")


@cache
def _language_data() -> dict[str, dict]:
    raw = resources.files("checker.glossary").joinpath("languages.toml").read_text("utf-8")
    return tomllib.loads(raw)


@dataclass(frozen=True)
class Language:
    """How terms of one language are compared: its connectors and inflection endings."""

    code: str
    connectors: frozenset[str]
    suffixes: tuple[str, ...] = ()
    min_stem: int = 3
    spelling: tuple[tuple[str, str], ...] = ()
    endings: tuple[str, ...] = ()
    articles: tuple[tuple[str, str], ...] = ()
    """Articles and contractions with the word each folds to (``""``: dropped)."""
    heads: tuple[frozenset[str], ...] = ()
    """Groups of head nouns (normal keys) that stand in for one another in names."""
    head_first: bool = False
    """Whether names put their head noun first (``Banque centrale européenne``)."""

    @classmethod
    @cache
    def of(cls, code: str) -> Language:
        data = _language_data()
        table = data.get(code)
        if table is None:
            every = frozenset(w for t in data.values() for w in t.get("connectors", ()))
            return cls(code, every)
        plain = cls(
            code,
            frozenset(table.get("connectors", ())),
            tuple(table.get("suffixes", ())),
            int(table.get("min_stem", 3)),
            tuple((a, b) for a, b in table.get("spelling", ())),
            tuple(a for a, _ in table.get("spelling", ())),
            tuple((a, b) for a, b in table.get("articles", ())),
        )
        heads = tuple(
            frozenset(plain.stem(plain.spell(w)) for w in group)
            for group in table.get("heads", ())
        )
        return replace(plain, heads=heads, head_first=bool(table.get("head_first", False)))

    @property
    def inflects(self) -> bool:
        return bool(self.suffixes)

    def stem(self, key: str) -> str:
        """``key`` without its inflectional endings (unchanged in non-inflecting languages).

        Up to two endings go, so that a genitive and its nominative meet whatever their
        own endings (``Hauses`` -> ``Haus`` -> ``Hau``, ``Haus`` -> ``Hau``).
        """
        for _ in range(2):
            for suffix in self.suffixes:
                if key.endswith(suffix) and len(key) - len(suffix) >= self.min_stem:
                    key = key[: -len(suffix)]
                    break
            else:
                break
        return key

    @cached_property
    def folds(self) -> dict[str, str]:
        """Each article or contraction and its folded form (``du`` -> ``de``, ``la`` ->
        ``""``)."""
        return dict(self.articles)

    def swappable(self, a: str, b: str) -> bool:
        """Whether normal keys ``a`` and ``b`` are head nouns of one group
        (``organization`` / ``agency``)."""
        return a != b and any(a in group and b in group for group in self.heads)

    def spell(self, key: str) -> str:
        """``key`` in one spelling of the language's variants (``organisation`` ->
        ``organization``, ``defence`` -> ``defense``), so they compare equal."""
        if not self.spelling or not key.endswith(self.endings):
            return key
        for ending, replacement in self.spelling:
            if key.endswith(ending) and (key == ending or len(key) - len(ending) >= 3):
                return key[: -len(ending)] + replacement
        return key

    def normal(self, token: Token) -> str:
        """The key a token is compared by: spelling unified, then stemmed."""
        return self.stem(self.spell(token.key)) if token.is_word else token.key


class Token(NamedTuple):
    """A word or punctuation mark of a text: ``text[start:end]`` (a tuple: texts and
    50,000-term glossaries make many of them)."""

    start: int
    end: int
    text: str
    key: str
    """Lower-cased text (punctuation marks are their own key)."""
    is_word: bool
    gap: str
    """The text between the previous token and this one."""

    @property
    def line_break(self) -> bool:
        return "\n" in self.gap

    @property
    def capitalised(self) -> bool:
        return self.is_word and self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks of ``text``; spaces, hyphens and apostrophes separate.

    A dotted acronym is one word keyed without its dots (``U.N.`` -> ``un``).
    """
    # One pass in C: ["", gap, token, "", gap, token, ..., the text after the last token]
    # (no tuple per token, so less work for the garbage collector).
    parts = _GAPPED.split(text)
    gaps, words = parts[1::3], parts[2::3]
    known = trim(_DESCRIBED)
    for word in set(words).difference(known):
        known[word] = _describe(word)
    ends = accumulate(map(add, map(len, gaps), map(len, words)))
    make = tuple.__new__  # Token's own __new__ is a Python call per token
    return [
        make(Token, (end - len(word), end, word, *known[word], gap))
        for gap, word, end in zip(gaps, words, ends, strict=True)
    ]


_DESCRIBED: dict[str, tuple[str, bool]] = {}


def _describe(word: str) -> tuple[str, bool]:
    """The key of a token's text and whether it is a word."""
    is_word = word[:1].isalnum()
    key = word.lower() if is_word else word
    if is_word and word.endswith("."):
        key = key.replace(".", "")
    return key, is_word


def next_word(tokens: Sequence[Token], last: int) -> int | None:
    """The word right after token ``last``, when only spaces, hyphens or apostrophes
    separate them (``pour l'environnement``), on the same line."""
    j = last + 1
    if j < len(tokens) and tokens[j].is_word and soft_gap(tokens[j].gap):
        return j
    return None


def soft_gap(gap: str) -> bool:
    return "\n" not in gap and not gap.strip(_SOFT)


def single_deletions(word: str) -> set[str]:
    """``word`` without one of its letters, in every way (a SymSpell neighbourhood)."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
