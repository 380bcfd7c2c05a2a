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
    from checker.glossary.matcher import TermMatch, TextTerms

__all__ = [
    "MAX_WORD_EDITS", "MIN_FUZZY_LENGTH", "PREFIX", "Garble", "GarbleSearch", "GarbleSettings",
    "find_garbles", "miscapitalised",
]

DEPRECATED_PENALTY = 10.0
"""How much a near miss of a deprecated form counts less than one of an accepted term."""


def find_garbles(analysed: TextTerms, settings: GarbleSettings | None = None) -> list[Garble]:
    """Stretches of the text close to a term of its language but not a known form."""
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
        for term in search.candidates(i):
            garble = search.verify(i, glossary.terms[term])
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
