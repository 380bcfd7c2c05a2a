"""The keys the glossary automata search: per-token keys of a text, joined into one string.

A text's tokens become keys (spelling unified; for the inflected search, stemmed with
articles folded or dropped, see :func:`loose_keys`), joined by spaces into the string
the pyahocorasick automata of :mod:`checker.glossary.matcher` run over; a line break
stays in that string so that no term matches across lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate, count

import ahocorasick

from checker.glossary.tokens import Language, Token
from checker.memo import trim


def _pattern(keys: Iterable[str]) -> str:
    return " " + " ".join(keys) + " "


def _automaton(patterns: dict[str, list[int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for pattern, indexes in patterns.items():
        automaton.add_word(pattern, (len(pattern), tuple(indexes)))
    if patterns:
        automaton.make_automaton()
    return automaton


def loose_keys(
    tokens: Sequence[Token], language: Language, normals: Sequence[str] | None = None
) -> tuple[list[int], list[str]]:
    """The loose keys of ``tokens`` and the token behind each: words stemmed, articles and
    contractions folded (``du`` -> ``de``) or dropped (``las``). ``normals`` are the
    tokens' :meth:`Language.normal` keys, when already known."""
    if normals is None:
        normals = [language.normal(t) for t in tokens]
    articles = language.folds
    if not articles:
        return list(range(len(tokens))), list(normals)
    dropped = {word for word, folded in articles.items() if not folded}
    kept = [n for n, t in enumerate(tokens) if not (t.is_word and t.key in dropped)]
    keys = [
        articles.get(tokens[n].key, normals[n]) if tokens[n].is_word else normals[n]
        for n in kept
    ]
    return kept, keys


def word_keys(tokens: Sequence[Token], language: Language) -> tuple[list[str], list[str]]:
    """Each token's key with spelling variants unified, and its :meth:`Language.normal`
    key (each distinct word worked out once per language: texts repeat their words)."""
    forms = trim(_WORD_FORMS.setdefault(language, {}))
    for key in {t.key for t in tokens if t.is_word}.difference(forms):
        spelling = language.spell(key)
        forms[key] = (spelling, language.stem(spelling))
    found = [forms[t.key] if t.is_word else (t.key, t.key) for t in tokens]
    return [f[0] for f in found], [f[1] for f in found]


_WORD_FORMS: dict[Language, dict[str, tuple[str, str]]] = {}


def _keystring(
    keys: Sequence[str], breaks: Sequence[bool], kept: Sequence[int] | None = None
) -> tuple[list[int], str]:
    """The key string searched by the automata, and where each key starts in it.

    ``keys`` belong to the tokens whose line breaks (a line break before the token) are
    ``breaks``, or to the tokens numbered in ``kept``. Keys are joined by one space; a
    line break between tokens (a dropped token's included) becomes ``" \\n "`` so no
    term matches across lines.
    """
    if kept is None:
        before = breaks
    else:
        before = []
        pending = False
        at = 0
        for number in kept:
            while at <= number:
                pending = pending or breaks[at]
                at += 1
            before.append(pending)
            pending = False
    if not keys:
        return [], " "
    pieces = ["\n " + key if broken else key for key, broken in zip(keys, before, strict=True)]
    pieces[0] = keys[0]  # no line break before the first key
    # Piece n ends at 1 + (its and earlier pieces' lengths) + n spaces; its key ends there.
    starts = [
        total + number - len(key)
        for total, number, key in zip(accumulate(map(len, pieces)), count(1), keys)
    ]
    return starts, " " + " ".join(pieces) + " "


def _search(
    automaton: ahocorasick.Automaton, keystring: str, starts: list[int]
) -> Iterable[tuple[int, int, int]]:
    """``(first token, last token, term index)`` of every pattern found in ``keystring``."""
    if len(automaton) == 0 or not starts:
        return
    for end, (length, indexes) in automaton.iter(keystring):
        begin = end - length + 1
        first = bisect.bisect_left(starts, begin + 1)
        last = bisect.bisect_right(starts, end - 1) - 1
        for index in indexes:
            yield first, last, index
