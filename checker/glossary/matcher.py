"""Finding glossary terms in text: exact forms, inflected forms and (via
:mod:`checker.glossary.garble`) garbled near misses.

* **exact**: one pyahocorasick automaton over every term of every language finds all
  known forms in one pass over the text's key string; acronyms (``WHO``, ``UN``) must
  also match in case;
* **inflected**: a second automaton per language over *loose* keys (stemmed where the
  language inflects, articles and contractions folded: ``du`` is ``de``, ``las`` is
  dropped) finds ``des Weißen Hauses`` for ``Weißes Haus`` and ``Alto Comisionado de
  Naciones Unidas`` for ``... de las Naciones Unidas``;
* **garbled**: see :mod:`checker.glossary.garble`; its word indexes are built here, per
  language, on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import ahocorasick

from checker.glossary.garble import (
    MIN_FUZZY_LENGTH,
    PREFIX,
    Garble,
    GarbleSettings,
    find_garbles,
)
from checker.glossary.keys import (
    _automaton,
    _keystring,
    _pattern,
    _search,
    loose_keys,
    word_keys,
)
from checker.glossary.model import Glossary, Status, Term
from checker.glossary.tokens import Language, Token, single_deletions, tokenize
from checker.text import normalise


@dataclass(frozen=True)
class IndexedTerm:
    """A glossary term with the keys it is matched by."""

    index: int
    concept: str
    term: Term
    words: tuple[str, ...]
    """Surface text of each token of the term."""
    raw_keys: tuple[str, ...]
    """Lower-cased tokens, as written."""
    keys: tuple[str, ...]
    """Lower-cased tokens, spelling variants unified."""
    stems: tuple[str, ...]
    content: tuple[str, ...]
    """Stemmed keys of the content words (connectors and punctuation left out), in order."""
    exact_case: tuple[bool, ...]
    """Per token: must the text write it with the same capitals (acronyms)."""
    loose: tuple[str, ...] = ()
    """Stemmed keys with articles folded or dropped (see :func:`loose_keys`)."""
    loose_at: tuple[int, ...] = ()
    """The token of the term behind each loose key."""

    @property
    def lang(self) -> str:
        return self.term.lang

    @property
    def status(self) -> Status:
        return self.term.status


@dataclass(frozen=True)
class TermMatch:
    """A known form of a term found in a text, at ``text[start:end]``."""

    start: int
    end: int
    first: int
    last: int
    """Token indexes of the first and last token of the match."""
    term: IndexedTerm
    inflected: bool = False
    variant: bool = False
    """Found only once spelling variants were unified (``Organisation`` for a term
    written ``Organization``)."""

    @property
    def concept(self) -> str:
        return self.term.concept


@dataclass
class TextTerms:
    """What the glossary finds in one text: tokens, known forms and, on demand, garbles."""

    text: str
    lang: str
    tokens: list[Token]
    matches: list[TermMatch]
    index: GlossaryIndex | None = field(default=None, repr=False)
    normals: list[str] | None = field(default=None, repr=False)
    """Each token's :meth:`Language.normal` key in the text's language, when known."""
    _garbles: dict[GarbleSettings, list[Garble]] = field(default_factory=dict, repr=False)

    def in_language(self, lang: str | None = None) -> list[TermMatch]:
        """Known forms of terms of ``lang`` (default: the text's language)."""
        lang = lang or self.lang
        return [m for m in self.matches if m.term.lang == lang]

    def garbled(self, settings: GarbleSettings | None = None) -> list[Garble]:
        """Garbled forms of terms of the text's language (computed once per settings)."""
        settings = settings or GarbleSettings()
        if settings not in self._garbles:
            self._garbles[settings] = find_garbles(self, settings)
        return self._garbles[settings]


@dataclass
class LanguageIndex:
    """Per-language structures for inflected and fuzzy search, built on first use."""

    language: Language
    stemmed: ahocorasick.Automaton | None
    """The loose automaton (stemmed keys, articles folded)."""
    vocab: frozenset[str]
    deletions: dict[str, frozenset[str]]
    pairs: dict[tuple[str, str], tuple[int, ...]]
    """``(first content word, other content word)`` -> terms, for garble candidates."""
    firsts: frozenset[str] = frozenset()
    """The first keys of ``pairs``: a window whose anchor is near none has no candidate."""
    seconds: frozenset[str] = frozenset()
    """The other keys of ``pairs``."""
    near_cache: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict, repr=False)
    """Content words near a key (see :func:`checker.glossary.evidence.near_words`), kept
    across texts: news repeats its words (bounded, see :mod:`checker.memo`)."""
    joined_cache: dict[str, str | None] = field(default_factory=dict, repr=False)
    """Two keys written together -> the content word they make, if any (bounded too)."""
    firsts_cache: dict[tuple[str, frozenset[str]], tuple[str, ...]] = field(
        default_factory=dict, repr=False
    )
    """A capitalised word (its normal key and near words) -> the first keys of ``pairs``
    it may stand for (bounded too)."""
    others_cache: dict[tuple[str, str | None], tuple[str, ...]] = field(
        default_factory=dict, repr=False
    )
    """A word as written and the key of the next word it may join -> the later words of
    ``pairs`` it may stand for (bounded too)."""
    live_cache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    """A word as written -> the first keys of ``pairs`` it may start a window on (none
    for a word in lower case or a connector; bounded too)."""


class GlossaryIndex:
    """Every term of a glossary, indexed for exact, inflected and fuzzy search."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.terms: list[IndexedTerm] = []
        patterns: dict[str, list[int]] = defaultdict(list)
        for concept in glossary:
            for term in concept.terms:
                entry = self._index_term(concept.id, term)
                if entry is None:
                    continue
                self.terms.append(entry)
                patterns[_pattern(entry.keys)].append(entry.index)
        self._exact = _automaton(patterns)
        self._languages: dict[str, LanguageIndex] = {}
        self._accepted: dict[tuple[str, str], frozenset[tuple[str, ...]]] | None = None
        words: dict[str, set[str]] = defaultdict(set)
        for entry in self.terms:
            words[entry.concept].update(
                k for k in entry.raw_keys if len(k) >= 3 and k.isalpha()
            )
        self.concept_words = {c: frozenset(w) for c, w in words.items()}
        """Every word of every term of a concept, in any language: a word of another
        language's name (``Banco`` in ``Banco of Spain``) is a half-translated name."""

    def _index_term(self, concept: str, term: Term) -> IndexedTerm | None:
        language = Language.of(term.lang)
        tokens = tokenize(normalise(term.text))
        if not tokens:
            return None
        raw = tuple(t.key for t in tokens)
        keys = tuple(language.spell(t.key) if t.is_word else t.key for t in tokens)
        stems = tuple(language.normal(t) for t in tokens)
        content = tuple(
            stem for t, stem in zip(tokens, stems, strict=True)
            if t.is_word and t.key not in language.connectors
        )
        loose_at, loose = loose_keys(tokens, language, stems)
        return IndexedTerm(
            len(self.terms), concept, term, tuple(t.text for t in tokens), raw, keys, stems,
            content,
            tuple(t.is_word and term.exact_case(t.text) for t in tokens),
            tuple(loose), tuple(loose_at),
        )

    def accepted_forms(self, concept: str, lang: str) -> frozenset[tuple[str, ...]]:
        """The keys (as written, lower-cased) of a concept's accepted terms in ``lang``."""
        if self._accepted is None:
            forms: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
            for t in self.terms:
                if t.status.accepted:
                    forms[(t.concept, t.lang)].add(t.raw_keys)
            self._accepted = {k: frozenset(v) for k, v in forms.items()}
        return self._accepted.get((concept, lang), frozenset())

    def language(self, code: str) -> LanguageIndex:
        found = self._languages.get(code)
        if found is None:
            found = self._languages[code] = self._build_language(code)
        return found

    def _build_language(self, code: str) -> LanguageIndex:
        language = Language.of(code)
        terms = [t for t in self.terms if t.lang == code]
        stemmed = None
        patterns: dict[str, list[int]] = defaultdict(list)
        for t in terms:
            if t.loose:
                patterns[_pattern(t.loose)].append(t.index)
        if patterns:
            stemmed = _automaton(patterns)
        vocab: set[str] = set()
        deletions: dict[str, set[str]] = defaultdict(set)
        pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        shortest = MIN_FUZZY_LENGTH - 1  # four-letter words for unknown tokens ("Bnak")
        for t in terms:
            words = t.content
            if len(set(words)) < 2:
                continue
            for word in words:
                if word not in vocab:
                    vocab.add(word)
                    if len(word) >= shortest:
                        for variant in single_deletions(word):
                            deletions[variant].add(word)
            first = words[0]
            for other in dict.fromkeys(words[1:]):
                if other != first:
                    pairs[(first, other)].append(t.index)
                    if len(first) >= 4:  # a changed first word keeps its first letters
                        pairs[(PREFIX + first[:3], other)].append(t.index)
            head = words[-1]
            if len(words) >= 3:  # the head noun first: "Organisation of the North Atlantic..."
                for other in dict.fromkeys(words[:-1]):
                    if other != head:
                        pairs[(head, other)].append(t.index)
        return LanguageIndex(
            language,
            stemmed,
            frozenset(vocab),
            {k: frozenset(v) for k, v in deletions.items()},
            {k: tuple(v) for k, v in pairs.items()},
            frozenset(first for first, _ in pairs),
            frozenset(other for _, other in pairs),
        )

    # -- exact and inflected forms -------------------------------------------------------
    def analyse(self, text: str, lang: str) -> TextTerms:
        """Known forms of every term in ``text`` (a text in ``lang``); garbles on demand."""
        tokens = tokenize(text)
        language = Language.of(lang)
        spelled, normals = word_keys(tokens, language)
        breaks = ["\n" in t.gap for t in tokens]
        starts, keystring = _keystring(spelled, breaks)
        found: dict[tuple[int, int, int], TermMatch] = {}
        for first, last, index in _search(self._exact, keystring, starts):
            self._accept(found, tokens, first, last, self.terms[index], inflected=False)
        if self.terms:
            index = self.language(lang)
            if index.stemmed is not None:
                kept, keys = loose_keys(tokens, language, normals)
                starts, keystring = _keystring(keys, breaks, kept)
                for first, last, term in _search(index.stemmed, keystring, starts):
                    self._accept(
                        found, tokens, kept[first], kept[last], self.terms[term],
                        inflected=True, kept=kept[first : last + 1],
                    )
        matches = sorted(found.values(), key=lambda m: (m.start, -m.end, m.term.index))
        return TextTerms(text, lang, tokens, matches, index=self, normals=normals)

    def _accept(
        self,
        found: dict[tuple[int, int, int], TermMatch],
        tokens: Sequence[Token],
        first: int,
        last: int,
        term: IndexedTerm,
        inflected: bool,
        kept: Sequence[int] | None = None,
    ) -> None:
        key = (first, last, term.index)
        if key in found:
            return
        span = tokens[first : last + 1]
        if any(term.exact_case):
            if kept is None:
                same = _same_case(span, term)
            else:
                same = _same_case(
                    [tokens[k] for k in kept], term, [term.words[i] for i in term.loose_at],
                    [term.exact_case[i] for i in term.loose_at],
                )
            if not same:
                return
        variant = not inflected and tuple(t.key for t in span) != term.raw_keys
        found[key] = TermMatch(
            span[0].start, span[-1].end, first, last, term, inflected, variant
        )


def outermost(matches: Sequence[TermMatch]) -> list[TermMatch]:
    """Matches not inside a longer match of another concept (``ONU`` inside ``Conseil de
    sécurité de l'ONU`` names the Security Council, not the United Nations)."""
    kept = []
    for m in matches:
        inside = any(
            o.concept != m.concept
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in matches
        )
        if not inside:
            kept.append(m)
    return kept


def mentions(matches: Sequence[TermMatch]) -> list[TermMatch]:
    """One match per mention of a concept: matches inside a longer one (of any concept)
    and repeats of the same span dropped, accepted terms preferred on a tie."""
    ranked = sorted(
        matches, key=lambda m: (m.start, m.start - m.end, not m.term.status.accepted, m.variant)
    )
    kept: list[TermMatch] = []
    for m in ranked:
        if any(k.start <= m.start and m.end <= k.end for k in kept):
            continue
        kept.append(m)
    return kept


def _same_case(
    span: Sequence[Token],
    term: IndexedTerm,
    words: Sequence[str] | None = None,
    exact_case: Sequence[bool] | None = None,
) -> bool:
    """The capitals of a term's case-sensitive words: equal words identical, inflected
    ones alike (same first letter, both or neither in capitals). ``words`` and
    ``exact_case`` default to the term's own (other lists for loose matches)."""
    words = term.words if words is None else words
    exact_case = term.exact_case if exact_case is None else exact_case
    for token, word, exact in zip(span, words, exact_case, strict=False):
        if not exact:
            continue
        if token.text.lower() == word.lower():
            if token.text != word:
                return False
        elif token.text[:1] != word[:1] or token.text.isupper() != word.isupper():
            return False
    return True
