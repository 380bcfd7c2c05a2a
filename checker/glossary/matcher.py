"""Finding glossary terms in text: exact forms, inflected forms and garbled near misses.

Texts and terms are compared as *token keys*: words lower-cased, punctuation kept as
tokens, hyphens and apostrophes dropped (``France-Presse`` and ``France Presse`` are the
same key, ``U.S.`` keeps its dots). Three searches run over a story:

* **exact**: one pyahocorasick automaton over every term of every language finds all
  known forms in one pass over the text's key string; acronyms (``WHO``, ``UN``) must
  also match in case;
* **inflected**: for languages whose names inflect (German), a second automaton over
  stemmed keys finds ``der Europäischen Zentralbank`` for ``Europäische Zentralbank``;
* **garbled**: an index of the terms' content words (pairs of words, and single-edit
  neighbours of each word) proposes candidate terms for windows that start on a
  capitalised word; each candidate is checked word by word and scored with rapidfuzz.
  The work per window depends on how many terms share its words, not on how many terms
  the glossary holds.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import ahocorasick
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from checker.glossary.model import Glossary, Status, Term
from checker.text import normalise

_TOKEN = re.compile(r"[^\W_]+|[^\w\s\-‐‑'’ʼ]|_")
_DETACHED_HYPHEN = re.compile(r"(?:^|\s)[-‐‑](?=\w)|(?<=\w)[-‐‑](?:\s|$)")
MIN_FUZZY_LENGTH = 5
DEPRECATED_PENALTY = 10.0
_SOFT = " \t\u00a0\u202f-‐‑'’ʼ"
_PREFIX = "\0"
"""Words shorter than this match only exactly (``bank`` is not a misspelt ``band``)."""


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

    @classmethod
    @cache
    def of(cls, code: str) -> Language:
        data = _language_data()
        table = data.get(code)
        if table is None:
            every = frozenset(w for t in data.values() for w in t.get("connectors", ()))
            return cls(code, every)
        return cls(
            code,
            frozenset(table.get("connectors", ())),
            tuple(table.get("suffixes", ())),
            int(table.get("min_stem", 3)),
            tuple((a, b) for a, b in table.get("spelling", ())),
        )

    @property
    def inflects(self) -> bool:
        return bool(self.suffixes)

    def stem(self, key: str) -> str:
        """``key`` without its inflectional ending (unchanged in non-inflecting languages)."""
        for suffix in self.suffixes:
            if key.endswith(suffix) and len(key) - len(suffix) >= self.min_stem:
                return key[: -len(suffix)]
        return key

    def spell(self, key: str) -> str:
        """``key`` in one spelling of the language's variants (``organisation`` ->
        ``organization``, ``defence`` -> ``defense``), so they compare equal."""
        for ending, replacement in self.spelling:
            if key.endswith(ending) and (key == ending or len(key) - len(ending) >= 3):
                return key[: -len(ending)] + replacement
        return key

    def normal(self, token: Token) -> str:
        """The key a token is compared by: spelling unified, then stemmed."""
        return self.stem(self.spell(token.key)) if token.is_word else token.key


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of a text: ``text[start:end]``."""

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
    """Words and punctuation marks of ``text``; spaces, hyphens and apostrophes separate."""
    tokens = []
    previous = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        is_word = word[:1].isalnum()
        tokens.append(
            Token(match.start(), match.end(), word, word.lower() if is_word else word, is_word,
                  text[previous : match.start()])
        )
        previous = match.end()
    return tokens


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


@dataclass(frozen=True)
class Garble:
    """A stretch of text close to, but not equal to, a term: ``text[start:end]``."""

    start: int
    end: int
    first: int
    last: int
    term: IndexedTerm
    score: float
    damage: tuple[str, ...]
    """What differs, in words: ``word dropped``, ``'Reunification' for 'Unification'``..."""

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
    _garbles: dict[GarbleSettings, list[Garble]] = field(default_factory=dict, repr=False)

    def in_language(self, lang: str | None = None) -> list[TermMatch]:
        """Known forms of terms of ``lang`` (default: the text's language)."""
        lang = lang or self.lang
        return [m for m in self.matches if m.term.lang == lang]

    def garbled(self, settings: GarbleSettings | None = None) -> list[Garble]:
        """Garbled forms of terms of the text's language (computed once per settings)."""
        settings = settings or GarbleSettings()
        if settings not in self._garbles:
            assert self.index is not None
            self._garbles[settings] = self.index.find_garbles(self, settings)
        return self._garbles[settings]


@dataclass
class _LanguageIndex:
    """Per-language structures for inflected and fuzzy search, built on first use."""

    language: Language
    stemmed: ahocorasick.Automaton | None
    vocab: frozenset[str]
    deletions: dict[str, frozenset[str]]
    pairs: dict[tuple[str, str], tuple[int, ...]]
    """``(first content word, other content word)`` -> terms, for garble candidates."""


@dataclass(frozen=True)
class GarbleSettings:
    """Thresholds of the garble search (rule options of WC103)."""

    min_score: float = 60.0
    """Lowest rapidfuzz score (0-100) of a span against the term."""
    changed_word: float = 80.0
    """Lowest rapidfuzz ratio between a replaced word and the term's word."""


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
        self._languages: dict[str, _LanguageIndex] = {}
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
        return IndexedTerm(
            len(self.terms), concept, term, tuple(t.text for t in tokens), raw, keys, stems,
            content,
            tuple(t.is_word and term.exact_case(t.text) for t in tokens),
        )

    def language(self, code: str) -> _LanguageIndex:
        found = self._languages.get(code)
        if found is None:
            found = self._languages[code] = self._build_language(code)
        return found

    def _build_language(self, code: str) -> _LanguageIndex:
        language = Language.of(code)
        terms = [t for t in self.terms if t.lang == code]
        stemmed = None
        if language.inflects:
            patterns: dict[str, list[int]] = defaultdict(list)
            for t in terms:
                patterns[_pattern(t.stems)].append(t.index)
            stemmed = _automaton(patterns)
        vocab: set[str] = set()
        deletions: dict[str, set[str]] = defaultdict(set)
        pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        shortest = MIN_FUZZY_LENGTH
        for t in terms:
            words = t.content
            if len(set(words)) < 2:
                continue
            for word in words:
                if word not in vocab:
                    vocab.add(word)
                    if len(word) >= shortest:
                        for variant in _deletions(word):
                            deletions[variant].add(word)
            first = words[0]
            for other in dict.fromkeys(words[1:]):
                if other != first:
                    pairs[(first, other)].append(t.index)
                    if len(first) >= 4:  # a changed first word keeps its first letters
                        pairs[(_PREFIX + first[:3], other)].append(t.index)
        return _LanguageIndex(
            language,
            stemmed,
            frozenset(vocab),
            {k: frozenset(v) for k, v in deletions.items()},
            {k: tuple(v) for k, v in pairs.items()},
        )

    # -- exact and inflected forms -------------------------------------------------------
    def analyse(self, text: str, lang: str) -> TextTerms:
        """Known forms of every term in ``text`` (a text in ``lang``); garbles on demand."""
        tokens = tokenize(text)
        language = Language.of(lang)
        starts, keystring = _keystring(
            tokens, [language.spell(t.key) if t.is_word else t.key for t in tokens]
        )
        found: dict[tuple[int, int, int], TermMatch] = {}
        for first, last, index in _search(self._exact, keystring, starts):
            self._accept(found, tokens, first, last, self.terms[index], inflected=False)
        if self.terms and language.inflects:
            index = self.language(lang)
            if index.stemmed is not None:
                starts, keystring = _keystring(tokens, [language.normal(t) for t in tokens])
                for first, last, term in _search(index.stemmed, keystring, starts):
                    self._accept(found, tokens, first, last, self.terms[term], inflected=True)
        matches = sorted(found.values(), key=lambda m: (m.start, -m.end, m.term.index))
        return TextTerms(text, lang, tokens, matches, index=self)

    def _accept(
        self,
        found: dict[tuple[int, int, int], TermMatch],
        tokens: Sequence[Token],
        first: int,
        last: int,
        term: IndexedTerm,
        inflected: bool,
    ) -> None:
        key = (first, last, term.index)
        if key in found:
            return
        span = tokens[first : last + 1]
        if any(term.exact_case) and not _same_case(span, term):
            return
        variant = not inflected and tuple(t.key for t in span) != term.raw_keys
        found[key] = TermMatch(
            span[0].start, span[-1].end, first, last, term, inflected, variant
        )

    # -- garbled forms ---------------------------------------------------------------------
    def find_garbles(
        self, analysed: TextTerms, settings: GarbleSettings | None = None
    ) -> list[Garble]:
        """Stretches of the text close to a term of its language but not a known form."""
        settings = settings or GarbleSettings()
        if not self.terms:
            return []
        index = self.language(analysed.lang)
        if not index.pairs:
            return []
        search = _GarbleSearch(analysed, index, settings)
        candidates: list[Garble] = []
        for i in range(len(analysed.tokens)):
            for term in search.candidates(i):
                garble = search.verify(i, self.terms[term])
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
            if any(_overlaps(garble, c) for c in chosen):
                continue
            if any(_blocks(m, garble) for m in analysed.matches):
                continue
            chosen.append(garble)
        return sorted(chosen, key=lambda g: g.start)


class _GarbleSearch:
    """The garble search over one text: candidate terms per anchor, then word-by-word checks.

    A candidate window starts on a capitalised word (the *anchor*) that is the term's
    first content word, one edit from it, or (for a changed first word) shares its first
    three letters; some later word of the window must be another content word of the
    term. The pair index makes this a handful of dictionary look-ups per window.
    """

    def __init__(self, analysed: TextTerms, index: _LanguageIndex, settings: GarbleSettings):
        self.text = analysed.text
        self.tokens = analysed.tokens
        self.index = index
        self.language = index.language
        self.settings = settings
        assert analysed.index is not None
        self.concept_words = analysed.index.concept_words
        self.stems = [self.language.normal(t) for t in self.tokens]
        self._near: dict[str, frozenset[str]] = {}

    def near(self, j: int) -> frozenset[str]:
        """Content words equal to or one edit from token ``j``."""
        key = self.stems[j]
        found = self._near.get(key)
        if found is None:
            found = self._near[key] = _near_words(key, self.index, MIN_FUZZY_LENGTH)
        return found

    def joined(self, j: int) -> str | None:
        """Token ``j`` and the next one written as one word (``Zentral-Bank``), when that
        is a content word of the language's terms."""
        if j + 1 >= len(self.tokens):
            return None
        a, b = self.tokens[j], self.tokens[j + 1]
        if not (a.is_word and b.is_word) or b.gap not in ("-", "‐", "‑", " "):
            return None
        word = self.language.stem(self.language.spell(a.key + b.key))
        return word if word in self.index.vocab else None

    def candidates(self, i: int) -> set[int]:
        token = self.tokens[i]
        if not token.capitalised or token.key in self.language.connectors:
            return set()
        firsts = set(self.near(i))
        key = self.stems[i]
        if len(key) >= 4:
            firsts.add(_PREFIX + key[:3])
        found: set[int] = set()
        pairs = self.index.pairs
        for j in _window(self.tokens, i + 1, 12):
            if not self.tokens[j].is_word:
                continue
            others = set(self.near(j))
            joined = self.joined(j)
            if joined:
                others.add(joined)
            for first in firsts:
                for other in others:
                    found.update(pairs.get((first, other), ()))
        return found

    def verify(self, anchor: int, term: IndexedTerm) -> Garble | None:
        """Whether the words from ``anchor`` on are a damaged form of ``term``."""
        tokens, stems, settings = self.tokens, self.stems, self.settings
        language = Language.of(term.lang)
        content = term.content
        size = len(content)
        placed: dict[int, int] = {}  # content word -> token
        changed: dict[int, int] = {}
        split: list[int] = []
        if content[0] == stems[anchor] or content[0] in self.near(anchor):
            placed[0] = anchor
        elif self.likeness(anchor, term, 0) >= settings.changed_word:
            changed[0] = anchor
        else:
            return None
        unmatched: list[int] = []
        last = anchor
        limit = sum(1 for k in term.keys if k[:1].isalnum()) + 2
        words_seen = 1
        skip = -1
        for j in _window(tokens, anchor + 1, len(term.keys) + 2):
            token = tokens[j]
            if not token.is_word or j == skip:
                continue
            words_seen += 1
            if words_seen > limit or len(placed) + len(changed) == size:
                break
            if token.key in language.connectors:
                continue
            free = [c for c in range(size) if c not in placed and c not in changed]
            hit = next((c for c in free if content[c] == stems[j]), None)
            if hit is None:
                close = self.near(j)
                hit = next((c for c in free if content[c] in close), None)
            if hit is None:
                joined = self.joined(j)
                hit = next((c for c in free if content[c] == joined), None)
                if hit is not None:
                    split.append(j)
                    skip = j + 1
            if hit is None:
                unmatched.append(j)
                continue
            placed[hit] = j
            last = skip if skip > j else j
        if not placed:
            return None
        missing = [c for c in range(size) if c not in placed and c not in changed]
        spare = [j for j in unmatched if j < last] + self._following(last, term, missing)
        for c in missing:
            best, best_score = None, 0.0
            for j in spare:
                if j in changed.values():
                    continue
                score = self.likeness(j, term, c)
                if score > best_score:
                    best, best_score = j, score
            if best is not None and best_score >= settings.changed_word:
                changed[c] = best
        last = max([last, *changed.values()])
        dropped = [c for c in missing if c not in changed]
        extras = [j for j in unmatched if j < last and j not in changed.values()]
        if len(dropped) + len(changed) > (1 if size < 7 else 2):
            return None
        if any(c in (0, size - 1) for c in dropped):
            return None  # a shorter name, not a damaged one
        span = tokens[anchor : last + 1]
        raw = self.text[span[0].start : span[-1].end]
        order = [c for c, _ in sorted({**placed, **changed}.items(), key=lambda kv: kv[1])]
        reordered = order != sorted(order)
        term_marks = sorted(k for k in term.keys if not k[:1].isalnum())
        marks = sorted(t.key for t in span if not t.is_word)
        stray = marks != term_marks or bool(_DETACHED_HYPHEN.search(raw))
        if len(extras) > 1 or (extras and not (reordered or stray or dropped)):
            return None
        damage = [
            f"{tokens[j].text!r} for {_surface(term, c, language)!r}"
            for c, j in sorted(changed.items())
        ]
        if split:
            damage.append("word split in two")
        if dropped:
            damage.append("word dropped" if len(dropped) == 1 else "words dropped")
        if reordered:
            damage.append("words out of order")
        if stray:
            damage.append("stray punctuation")
        if extras:
            damage.append(f"extra word {tokens[extras[0]].text!r}")
        if not damage:
            if [stems[j] for j in range(anchor, last + 1)] == list(term.stems):
                return None  # the same name in other capitals
            damage.append("wording differs")
        lowered = sum(
            1 for c, j in {**placed, **changed}.items()
            if not tokens[j].text[:1].isupper() and _surface(term, c, language)[:1].isupper()
        )
        if not tokens[anchor].capitalised or lowered > 1:
            return None
        if _continues(tokens, anchor, last, language, through_connectors=bool(dropped)):
            return None
        score = max(
            fuzz.ratio(raw, term.term.text, processor=default_process),
            fuzz.token_sort_ratio(raw, term.term.text, processor=default_process),
        )
        if score < settings.min_score:
            return None
        return Garble(span[0].start, span[-1].end, anchor, last, term, score, tuple(damage))

    def likeness(self, j: int, term: IndexedTerm, content_index: int) -> float:
        """How well token ``j`` stands in for a content word of ``term`` (0-100): the
        rapidfuzz ratio of the two, or 100 for the concept's word in another language."""
        key = self.tokens[j].key
        if key in self.concept_words.get(term.concept, ()) and key not in term.raw_keys:
            return 100.0
        return fuzz.ratio(self.stems[j], term.content[content_index])

    def _following(self, last: int, term: IndexedTerm, missing: list[int]) -> list[int]:
        """Words right after the matched ones that may be changed forms of missing words.

        As many content words as are missing, passing connectors (``pour l'``) but not
        punctuation or a line break; a word written in capitals only where the term's
        missing word is.
        """
        if not missing:
            return []
        language = Language.of(term.lang)
        capital = any(_surface(term, c, language)[:1].isupper() for c in missing)
        found: list[int] = []
        j = last
        while len(found) < len(missing):
            nxt = _next_word(self.tokens, j)
            if nxt is None:
                break
            token = self.tokens[nxt]
            j = nxt
            if token.key in language.connectors:
                continue
            if capital and not token.capitalised:
                break
            found.append(nxt)
        return found


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


def _pattern(keys: Iterable[str]) -> str:
    return " " + " ".join(keys) + " "


def _automaton(patterns: dict[str, list[int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for pattern, indexes in patterns.items():
        automaton.add_word(pattern, (len(pattern), tuple(indexes)))
    if patterns:
        automaton.make_automaton()
    return automaton


def _keystring(tokens: Sequence[Token], keys: Sequence[str]) -> tuple[list[int], str]:
    """The key string searched by the automata, and where each token's key starts in it.

    Keys are joined by one space; a line break between tokens becomes ``" \\n "`` so no
    term matches across lines.
    """
    parts = [" "]
    starts = []
    length = 1
    for number, (token, key) in enumerate(zip(tokens, keys, strict=True)):
        if number and token.line_break:
            parts.append("\n ")
            length += 2
        starts.append(length)
        parts.append(key)
        parts.append(" ")
        length += len(key) + 1
    return starts, "".join(parts)


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


def _same_case(span: Sequence[Token], term: IndexedTerm) -> bool:
    """The capitals of a term's case-sensitive words: equal words identical, inflected
    ones alike (same first letter, both or neither in capitals)."""
    for token, word, exact in zip(span, term.words, term.exact_case, strict=False):
        if not exact:
            continue
        if token.text.lower() == word.lower():
            if token.text != word:
                return False
        elif token.text[:1] != word[:1] or token.text.isupper() != word.isupper():
            return False
    return True


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _near_words(key: str, index: _LanguageIndex, shortest: int) -> frozenset[str]:
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
        for variant in _deletions(key):
            if variant in index.vocab and len(variant) >= shortest:
                found.add(variant)
            found.update(index.deletions.get(variant, ()))
    return frozenset(found)


def _window(tokens: Sequence[Token], start: int, size: int) -> Iterable[int]:
    """Token indexes from ``start`` on, up to ``size`` tokens, not crossing a line break."""
    for j in range(start, min(len(tokens), start + size * 2)):
        if j > start and tokens[j].line_break:
            return
        yield j


def _next_word(tokens: Sequence[Token], last: int) -> int | None:
    """The word right after token ``last``, when only spaces, hyphens or apostrophes
    separate them (``pour l'environnement``), on the same line."""
    j = last + 1
    if j < len(tokens) and tokens[j].is_word and _soft(tokens[j].gap):
        return j
    return None


def _soft(gap: str) -> bool:
    return "\n" not in gap and not gap.strip(_SOFT)


def _continues(
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
    after = _next_word(tokens, last)
    while (
        through_connectors
        and after is not None
        and tokens[after].key in language.connectors
        and not tokens[after].capitalised
    ):
        after = _next_word(tokens, after)
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
            and _soft(here.gap)
        ):
            return True
    return False


def _surface(term: IndexedTerm, content_index: int, language: Language) -> str:
    """The written word of ``term`` behind its ``content_index``-th content word."""
    seen = -1
    for word, key in zip(term.words, term.keys, strict=True):
        if key[:1].isalnum() and key not in language.connectors:
            seen += 1
            if seen == content_index:
                return word
    return ""


def _overlaps(a: Garble | TermMatch, b: Garble | TermMatch) -> bool:
    return a.start < b.end and b.start < a.end


def _blocks(match: TermMatch, garble: Garble) -> bool:
    """Whether a known form rules a garble out: it covers the garble or overlaps it and
    reaches beyond it (``Council of the European`` inside ``Council of the European
    Union`` is no garbled ``European Council``). Names inside a garble do not count:
    ``Nations unies`` is part of the damaged ``Programme des Nations unies pour
    l'environment``."""
    if not _overlaps(match, garble):
        return False
    return not (garble.start <= match.start and match.end <= garble.end) or (
        match.start == garble.start and match.end == garble.end
    )
