"""Garbled terms: stretches of text close to, but not equal to, a glossary term.

The search is :class:`checker.glossary.search.GarbleSearch`; this module runs it over a
text, picks the best garble where candidates overlap and adds known forms broken by a
word in lower case (``German press Agency``).

Each garble is *certain* or only *possible*. Certain: stray punctuation inside the name
(``Agence France -Presse``, ``Analysis. defense``), a misspelt word that is no word of
the language (``World Bnak``), one changed word in a name of three or more words, a
word of the concept's name in another language (``Banco of Spain``), one word dropped
from a name that keeps four or more, a lower-case word inside a capitalised name, the
name's own acronym in brackets right after it (``... Organisation (IAEA)``). Possible:
a head noun swapped for another (``International Atomic Energy Organisation``), the
words in another order (``Organisation of the North Atlantic Treaty``), a word dropped
from a shorter name, another ending of a word (``Analysis`` for ``Analyses``).
Too little evidence is no garble at all: a generic phrase (``a UN agency``, ``the
Agency``) keeps fewer than three of a name's words, or writes in lower case a word the
name capitalises; a name whose content words all match but whose small words or
commas differ (``aux réfugiés`` for ``pour les réfugiés``) is a variant, not damage; a
plural (``Federal Reserve Banks``) or a title built on the head noun (``Minister of
Economy, Trade and Industry``) is another thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.glossary.evidence import blocks, lowered_word, overlaps
from checker.glossary.search import (
    MAX_WORD_EDITS,
    MIN_FUZZY_LENGTH,
    PREFIX,
    Garble,
    GarbleSearch,
    GarbleSettings,
)

if TYPE_CHECKING:
    from checker.glossary.matcher import IndexedTerm, TermMatch, TextTerms

__all__ = [
    "MAX_WORD_EDITS", "MIN_FUZZY_LENGTH", "PREFIX", "Garble", "GarbleSearch", "GarbleSettings",
    "find_garbles", "miscapitalised",
]

DEPRECATED_PENALTY = 10.0
"""How much a near miss of a deprecated form counts less than one of an accepted term."""


def find_garbles(
    analysed: TextTerms, settings: GarbleSettings | None = None, prefilter: bool = True
) -> list[Garble]:
    """Stretches of the text close to a term of its language but not a known form.

    ``prefilter=False`` verifies every candidate (the slow path :class:`Reach` skips
    work of, kept for the tests that compare the two)."""
    settings = settings or GarbleSettings()
    glossary = analysed.index
    if glossary is None or not glossary.terms:
        return []
    index = glossary.language(analysed.lang)
    if not index.pairs:
        return []
    search = GarbleSearch(analysed, index, settings)
    candidates: list[Garble] = []
    for i in search.anchors():
        found = search.candidates(i)
        if not found:
            continue
        reach = Reach(search, i)
        for term in found:
            entry = glossary.terms[term]
            if prefilter and not reach.may_place(entry):
                continue  # too few of its words in reach: verify would say no
            garble = search.verify(i, entry)
            if garble is not None:
                candidates.append(garble)
    chosen: list[Garble] = []
    # A near miss of a deprecated form counts for less than one of an accepted term.
    candidates.sort(
        key=lambda g: (
            -(g.score - (0 if g.term.status.accepted else DEPRECATED_PENALTY)),
            g.start,
            g.start - g.end,
        )
    )
    for garble in candidates:
        if any(overlaps(garble, c) for c in chosen):
            continue
        if any(blocks(m, garble, analysed.text) for m in analysed.matches):
            continue
        chosen.append(garble)
    for match in analysed.in_language():
        garble = miscapitalised(analysed, match)
        if garble is not None and not any(overlaps(garble, c) for c in chosen):
            chosen.append(garble)
    return sorted(chosen, key=lambda g: g.start)


class Reach:
    """The content words the tokens from an anchor on may stand for (their own normal
    key, their near words, their join with the next token), gathered at least as far as
    a term's window needs (further only lets more terms through): an exact test that
    :meth:`GarbleSearch.verify` cannot place enough of a term's words.

    ``verify`` places a content word only on a token of its window (the anchor and up to
    twice the term's tokens and two more, not past a line break) that is, is near or
    joins into that word, and rejects a term with more than one word (two from seven
    words on) neither placed there nor changed: so fewer such words in reach is a no.
    """

    def __init__(self, search: GarbleSearch, anchor: int) -> None:
        self.search = search
        self.anchor = anchor
        self.words: set[str] = set()
        self.upto = anchor
        """Tokens ``anchor .. upto - 1`` are in :attr:`words`."""
        self.closed = False
        """A line break ended the window: no later token is ever in reach."""

    def may_place(self, term: IndexedTerm) -> bool:
        """Whether enough of ``term``'s content words are in reach of its window."""
        tokens = self.search.tokens
        stop = min(len(tokens), self.anchor + 1 + 2 * (len(term.keys) + 2))
        search, words = self.search, self.words
        while self.upto < stop and not self.closed:
            j = self.upto
            if j > self.anchor + 1 and tokens[j].line_break:
                self.closed = True
                break
            words.add(search.stems[j])
            words.update(search.near(j))
            joined = search.joined(j)
            if joined:
                words.add(joined)
            self.upto += 1
        content = term.content
        size = len(content)
        return sum(1 for c in content if c in words) >= size - (1 if size < 7 else 2)


def miscapitalised(analysed: TextTerms, match: TermMatch) -> Garble | None:
    """A known form broken by a word in lower case (see :func:`evidence.lowered_word`),
    with its repair: the same text, that word capitalised."""
    if not match.term.status.accepted:
        return None
    span = analysed.tokens[match.first : match.last + 1]
    number = lowered_word(span, match.term)
    if number is None:
        return None
    wrong, text = span[number], analysed.text
    fixed = (
        text[match.start : wrong.start] + wrong.text[:1].upper()
        + text[wrong.start + 1 : match.end]
    )
    damage = (f"{wrong.text!r} for {match.term.words[number]!r}",)
    return Garble(
        match.start, match.end, match.first, match.last, match.term, 100.0, damage, True, fixed
    )
