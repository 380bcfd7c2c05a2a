"""What tells a garbled name from prose and from other names, for :mod:`checker.glossary.garble`.

Word neighbourhoods (single-edit look-ups), the token window a name may span, where a
name goes on beyond a span, which punctuation inside a name is damage, and when a known
form of a term rules a garble out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from checker import lexicon
from checker.glossary.tokens import Language, Token, next_word, single_deletions, soft_gap

if TYPE_CHECKING:
    from checker.glossary.garble import Garble
    from checker.glossary.matcher import IndexedTerm, LanguageIndex, TermMatch

DETACHED_HYPHEN = re.compile(r"(?:^|\s)[-‐‑](?=\w)|(?<=\w)[-‐‑](?:\s|$)")
_SPACED_MARK = re.compile(r"\w\s+[.,;:!?](?:\s|$)")


def near_words(key: str, index: LanguageIndex, shortest: int) -> frozenset[str]:
    """Content words of the language's terms equal to ``key`` or one edit away from it.

    Single-deletion neighbourhoods (as in SymSpell) find insertions, deletions,
    substitutions and swaps of neighbouring letters with a few dictionary look-ups.
    """
    found = set()
    if key in index.vocab:
        found.add(key)
    if len(key) >= shortest - 1:
        found.update(w for w in index.deletions.get(key, ()) if len(w) >= shortest)
    if len(key) >= shortest:
        for variant in single_deletions(key):
            if variant in index.vocab and len(variant) >= shortest:
                found.add(variant)
            found.update(w for w in index.deletions.get(variant, ()) if len(w) >= shortest)
    return frozenset(found)


def damage_marks(raw: str, span: Sequence[Token]) -> bool:
    """Whether punctuation inside a name (``raw``, the text of the tokens ``span``) is
    damage rather than prose: a detached hyphen (``France -Presse``), a space before a
    mark (``Defense .``), or a full stop followed by a lower-case word (``Analysis.
    defense``; the dots of ``U.N. agency`` are part of a word)."""
    if DETACHED_HYPHEN.search(raw) or _SPACED_MARK.search(raw):
        return True
    return any(
        not a.is_word and a.key in ".!?" and b.is_word and b.text[:1].islower()
        for a, b in pairwise(span)
    )


def window(tokens: Sequence[Token], start: int, size: int) -> Iterable[int]:
    """Token indexes from ``start`` on, up to ``size`` tokens, not crossing a line break."""
    for j in range(start, min(len(tokens), start + size * 2)):
        if j > start and tokens[j].line_break:
            return
        yield j


def continues(
    tokens: Sequence[Token],
    first: int,
    last: int,
    language: Language,
    through_connectors: bool = False,
) -> bool:
    """Whether the name goes on beyond the span: a capitalised word right before or after.

    ``Council of the European`` inside ``Council of the European Union`` is not a garbled
    ``European Council``; the longer name is some other body. With
    ``through_connectors``, connectors after the span are passed over too: a name with a
    dropped word (``International Organization``) followed by ``for Standardization``
    is a different, longer name.
    """
    after = next_word(tokens, last)
    while (
        through_connectors
        and after is not None
        and tokens[after].key in language.connectors
        and not tokens[after].capitalised
    ):
        after = next_word(tokens, after)
    if after is not None:
        word = tokens[after]
        if word.capitalised and word.key not in language.connectors:
            return True
    if first > 0:
        before = tokens[first - 1]
        here = tokens[first]
        if (
            before.is_word
            and before.capitalised
            and before.key not in language.connectors
            and soft_gap(here.gap)
        ):
            return True
    return False


def surface(term: IndexedTerm, content_index: int, language: Language) -> str:
    """The written word of ``term`` behind its ``content_index``-th content word."""
    seen = -1
    for word, key in zip(term.words, term.keys, strict=True):
        if key[:1].isalnum() and key not in language.connectors:
            seen += 1
            if seen == content_index:
                return word
    return ""


def overlaps(a: Garble | TermMatch, b: Garble | TermMatch) -> bool:
    return a.start < b.end and b.start < a.end


def blocks(match: TermMatch, garble: Garble, text: str) -> bool:
    """Whether a known form rules a garble out: it covers the garble or overlaps it and
    reaches beyond it (``Council of the European`` inside ``Council of the European
    Union`` is no garbled ``European Council``). Names inside a garble do not count:
    ``Nations unies`` is part of the damaged ``Programme des Nations unies pour
    l'environment``; nor does a known form broken by a detached hyphen (``Agence France
    -Presse``), which is the garble itself."""
    if not overlaps(match, garble):
        return False
    if DETACHED_HYPHEN.search(text[match.start : match.end]):
        return False
    return not (garble.start <= match.start and match.end <= garble.end) or (
        match.start == garble.start and match.end == garble.end
    )


def head(term: IndexedTerm, language: Language) -> int:
    """The content word that names what kind of body a term is: the first in languages
    that put it first (``Banque centrale européenne``), else the one before the first
    connector (``Ministry of ...``, ``Korea Institute for ...``), else the last (``World
    Health Organization``, ``Europäische Zentralbank``)."""
    if language.head_first:
        return 0
    keys = [k for k in term.keys if k[:1].isalnum()]
    seen = -1
    for key in keys:
        if key in language.connectors:
            return max(seen, 0)
        seen += 1
    return len(term.content) - 1


def lowered_word(span: Sequence[Token], term: IndexedTerm) -> int | None:
    """The capitalised word of ``term`` that ``span`` (a known form of it) writes in lower
    case between two capitalised ones (``German press Agency``): a broken name, whatever
    the case rules. A name in lower case from its start or after some point
    (``organisation des Nations unies``, ``European central bank``) is left alone: that
    may be a house style or a description; so are acronyms, capitalised anyway."""
    if len(span) != len(term.words):
        return None
    seen_capital = False
    lowered = None
    for number, (token, word) in enumerate(zip(span, term.words, strict=True)):
        if not (token.is_word and word[:1].isupper()) or term.exact_case[number]:
            continue
        if token.text[:1].islower():
            if seen_capital and lowered is None:
                lowered = number
        elif lowered is not None:
            return lowered
        else:
            seen_capital = True
    return None


def derived(key: str, stem: str, word: str, word_stem: str, lang: str) -> bool:
    """Whether ``key`` (a text word, ``stem`` its normal key) and ``word`` (a term's word)
    are two words of the language with one root and other endings (``Minister`` /
    ``Ministry``, ``Analysis`` / ``Analyses``): another word, not a misspelling."""
    if stem == word_stem or min(len(stem), len(word_stem)) < 5:
        return False
    shorter = min(len(stem), len(word_stem))
    shared = next((n for n in range(shorter) if stem[n] != word_stem[n]), shorter)
    if shared < max(4, 0.6 * shorter):
        return False
    tail = next((n for n in range(shorter) if stem[-1 - n] != word_stem[-1 - n]), shorter)
    if shared < shorter and shared + tail >= shorter:
        return False  # a letter more or less inside the word: a misspelling
    # Dictionary look-ups only: wordfreq's tokenizers for zh/ja/ko need extra packages.
    return lexicon.zipf(key, lang) >= 2.5 <= lexicon.zipf(word, lang)
