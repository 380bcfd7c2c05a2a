"""The word-by-word check of one candidate: is the text from an anchor on a damaged form
of a term (see :mod:`checker.glossary.garble` for what is certain and what only possible)?

:class:`WordCheck` is the half of :class:`checker.glossary.search.GarbleSearch` that
compares a window of the text with one term, word by word, and scores it with
rapidfuzz; the other half proposes the candidates. :class:`Garble` is what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from checker.glossary.evidence import (
    DETACHED_HYPHEN,
    continues,
    damage_marks,
    derived,
    head,
    surface,
    window,
)
from checker.glossary.tokens import Language, Token, next_word

if TYPE_CHECKING:
    from checker.glossary.matcher import IndexedTerm, TermMatch

MAX_WORD_EDITS = 2
"""Words added, dropped or changed (connectors included) in a quietly damaged name."""


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
    certain: bool = True
    """Whether the damage is certain (see the module docstring) or only possible."""
    replacement: str | None = None
    """The text to put in place of ``text[start:end]`` when it is not the term itself (a
    name repaired in its own inflected form)."""

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


class WordCheck:
    """The word-by-word check of a candidate term against the text from an anchor on.

    A base of :class:`checker.glossary.search.GarbleSearch`, which holds the text's
    tokens and keys and answers the word look-ups (:meth:`near`, :meth:`joined`,
    :meth:`unknown`) the check asks.
    """

    text: str
    tokens: list[Token]
    stems: list[str]
    language: Language
    settings: GarbleSettings
    matches: list[TermMatch]
    concept_words: dict[str, frozenset[str]]

    def near(self, j: int) -> frozenset[str]:
        raise NotImplementedError

    def joined(self, j: int) -> str | None:
        raise NotImplementedError

    def unknown(self, j: int) -> bool:
        raise NotImplementedError

    def verify(self, anchor: int, term: IndexedTerm) -> Garble | None:
        """Whether the words from ``anchor`` on are a damaged form of ``term``."""
        tokens, stems, settings = self.tokens, self.stems, self.settings
        language = Language.of(term.lang)
        content = term.content
        size = len(content)
        placed: dict[int, int] = {}  # content word -> token
        changed: dict[int, int] = {}
        swapped: set[int] = set()  # content words replaced by another head noun
        split: list[int] = []
        close = self.near(anchor)
        if content[0] == stems[anchor] or content[0] in close:
            placed[0] = anchor
        elif size >= 3 and (content[-1] == stems[anchor] or content[-1] in close):
            placed[size - 1] = anchor  # the head noun first, as Romance languages put it
        elif size >= 3 and language.swappable(stems[anchor], content[0]):
            changed[0] = anchor
            swapped.add(0)
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
                near = self.near(j)
                hit = next((c for c in free if content[c] in near), None)
            if hit is None:
                joined = self.joined(j)
                hit = next((c for c in free if content[c] == joined), None)
                if hit is not None:
                    split.append(j)
                    skip = j + 1
            if hit is None:
                hit = next((c for c in free if language.swappable(stems[j], content[c])), None)
                if hit is not None:
                    changed[hit] = j
                    swapped.add(hit)
                    last = j
                    continue
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
                if language.swappable(stems[j], content[c]):
                    best, best_score = j, 100.0
                    swapped.add(c)
                    break
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
        stray = marks != term_marks or bool(DETACHED_HYPHEN.search(raw))
        added = damage_marks(raw, span)
        # An unknown word in place of a missing one is another name ("Federal Network
        # Agency" is no "Federal Energy Agency"); an extra word needs punctuation that is
        # damage ("World Organisation for Animal Health" is no "World Health
        # Organisation", "European level, the Commission" no "European Commission").
        if len(extras) > 1 or (extras and (dropped or not added)):
            return None
        if not (reordered or stray):
            words = [stems[j] for j in range(anchor, last + 1) if tokens[j].is_word]
            own = [
                stem for stem, key in zip(term.stems, term.keys, strict=True) if key[:1].isalnum()
            ]
            if Levenshtein.distance(words, own) > MAX_WORD_EDITS:
                return None  # too many small differences: a name of its own
        misspelt = {c: j for c, j in placed.items() if stems[j] != content[c] and j not in split}
        respelt = {c: j for c, j in {**changed, **misspelt}.items() if c not in swapped}
        if any(stems[j] in (content[c] + "s", content[c] + "es") for c, j in respelt.items()):
            return None  # a plural names several bodies ("the Federal Reserve Banks")
        derived = [c for c, j in respelt.items() if self.derived(j, term, c)]
        if head(term, language) in derived:
            return None  # a title built on the name ("Minister of Economy, Trade and ...")
        damage = [
            f"{tokens[j].text!r} for {surface(term, c, language)!r}"
            for c, j in sorted({**changed, **misspelt}.items())
        ]
        if split:
            damage.append("word split in two")
        if dropped:
            damage.append("word dropped" if len(dropped) == 1 else "words dropped")
        if reordered:
            damage.append("words out of order")
        if added:
            damage.append("stray punctuation")
        if extras:
            damage.append(f"extra word {tokens[extras[0]].text!r}")
        if not damage:
            return None  # the same name in other capitals, small words or commas
        lowered = sum(
            1 for c, j in {**placed, **changed}.items()
            if not tokens[j].text[:1].isupper() and surface(term, c, language)[:1].isupper()
        )
        if not tokens[anchor].capitalised or lowered > (1 if added else 0):
            return None  # a generic phrase ("a UN agency"), not a name
        kept = size - len(dropped)
        if swapped and any(
            m.concept == term.concept and span[0].start <= m.start and m.end <= span[-1].end
            for m in self.matches
        ):
            return None  # a known name and another noun ("United Nations Office")
        if not added and (
            (dropped and kept < 3)
            or (reordered and size < 3)
            or (swapped and kept - len(swapped) < 2)
        ):
            return None  # too few of the name's words to say which name it was
        if continues(tokens, anchor, last, language, through_connectors=bool(dropped)):
            return None
        score = max(
            fuzz.ratio(raw, term.term.text, processor=default_process),
            fuzz.token_sort_ratio(raw, term.term.text, processor=default_process),
        )
        if score < settings.min_score:
            return None
        certain = added or self.confirmed(last, term) or (
            not (reordered or swapped or extras or derived)
            and (not dropped or (kept >= 4 and not respelt))
            and all(self.clear_misspelling(j, term, c) for c, j in respelt.items())
        )
        return Garble(
            span[0].start, span[-1].end, anchor, last, term, score, tuple(damage), certain
        )

    def confirmed(self, last: int, term: IndexedTerm) -> bool:
        """Whether the text names the concept right after the span, in brackets
        (``International Atomic Energy Organisation (IAEA)``): then the name is certainly
        the concept's, and the suggestion cannot name another institution."""
        tokens = self.tokens
        if last + 2 >= len(tokens) or tokens[last + 1].key not in ("(", "["):
            return False
        at = tokens[last + 2].start
        return any(
            m.start == at and m.concept == term.concept and m.term.status.accepted
            for m in self.matches
        )

    def clear_misspelling(self, j: int, term: IndexedTerm, content_index: int) -> bool:
        """Whether token ``j`` in place of a content word of ``term`` is certainly damage:
        no word of the language (``Bnak``), a word of the concept's name in another
        language (``Banco``), or one changed word in a name of three or more."""
        key = self.tokens[j].key
        if key in self.concept_words.get(term.concept, ()) and key not in term.raw_keys:
            return True
        return len(term.content) >= 3 or self.unknown(j)

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
        capital = any(surface(term, c, language)[:1].isupper() for c in missing)
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

    def derived(self, j: int, term: IndexedTerm, content_index: int) -> bool:
        """Whether token ``j`` is another word of the root of the term's word
        (``Minister`` / ``Ministry``): see :func:`evidence.derived`."""
        word = surface(term, content_index, Language.of(term.lang)).lower()
        return derived(
            self.tokens[j].key, self.stems[j], word, term.content[content_index],
            self.language.code,
        )
