"""Garbled terms: stretches of text close to, but not equal to, a glossary term.

An index of the terms' content words (pairs of words, and single-edit neighbours of
each word) proposes candidate terms for windows that start on a capitalised word; each
candidate is then checked word by word and scored with rapidfuzz. The work per window
depends on how many terms share its words, not on how many terms the glossary holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from checker.glossary.tokens import Language, Token, next_word, single_deletions, soft_gap

if TYPE_CHECKING:
    from checker.glossary.matcher import IndexedTerm, LanguageIndex, TermMatch, TextTerms

_DETACHED_HYPHEN = re.compile(r"(?:^|\s)[-‐‑](?=\w)|(?<=\w)[-‐‑](?:\s|$)")
MIN_FUZZY_LENGTH = 5
"""Words shorter than this match only exactly (``bank`` is not a misspelt ``band``)."""
DEPRECATED_PENALTY = 10.0
MAX_WORD_EDITS = 2
"""Words added, dropped or changed (connectors included) in a quietly damaged name."""
PREFIX = "\0"
"""Marks a pair-index key made of a first word's first three letters."""


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


@dataclass(frozen=True)
class GarbleSettings:
    """Thresholds of the garble search (rule options of WC103)."""

    min_score: float = 60.0
    """Lowest rapidfuzz score (0-100) of a span against the term."""
    changed_word: float = 80.0
    """Lowest rapidfuzz ratio between a replaced word and the term's word."""


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
    for i in range(len(analysed.tokens)):
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
        if any(_overlaps(garble, c) for c in chosen):
            continue
        if any(_blocks(m, garble) for m in analysed.matches):
            continue
        chosen.append(garble)
    return sorted(chosen, key=lambda g: g.start)


class GarbleSearch:
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
        self.stems = [self.language.normal(t) for t in self.tokens]
        self._near: dict[str, frozenset[str]] = {}

    def near(self, j: int) -> frozenset[str]:
        """Content words equal to or one edit from token ``j``."""
        key = self.stems[j]
        found = self._near.get(key)
        if found is None:
            found = self._near[key] = near_words(key, self.index, MIN_FUZZY_LENGTH)
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
            firsts.add(PREFIX + key[:3])
        found: set[int] = set()
        pairs = self.index.pairs
        for j in window(self.tokens, i + 1, 12):
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
        for j in window(tokens, anchor + 1, len(term.keys) + 2):
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
        # An unknown word in place of a missing one is another name ("Federal Network
        # Agency" is no "Federal Energy Agency"); an extra word needs stray punctuation
        # ("World Organisation for Animal Health" is no "World Health Organisation").
        if len(extras) > 1 or (extras and (dropped or not stray)):
            return None
        if not (reordered or stray):
            words = [stems[j] for j in range(anchor, last + 1) if tokens[j].is_word]
            own = [
                stem for stem, key in zip(term.stems, term.keys, strict=True) if key[:1].isalnum()
            ]
            if Levenshtein.distance(words, own) > MAX_WORD_EDITS:
                return None  # too many small differences: a name of its own
        misspelt = {c: j for c, j in placed.items() if stems[j] != content[c] and j not in split}
        damage = [
            f"{tokens[j].text!r} for {_surface(term, c, language)!r}"
            for c, j in sorted({**changed, **misspelt}.items())
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
            nxt = next_word(self.tokens, j)
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
            found.update(index.deletions.get(variant, ()))
    return frozenset(found)


def window(tokens: Sequence[Token], start: int, size: int) -> Iterable[int]:
    """Token indexes from ``start`` on, up to ``size`` tokens, not crossing a line break."""
    for j in range(start, min(len(tokens), start + size * 2)):
        if j > start and tokens[j].line_break:
            return
        yield j


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
