"""Glossary data: concepts, their terms per language, and each term's status.

A :class:`Glossary` is what every reader (TBX, CSV, TSV) produces and what
:mod:`checker.glossary.load` merges: concepts keyed by id, each holding terms in any
number of languages. Language codes are reduced to their base (``en-GB`` -> ``en``),
because stories are identified by base language only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from checker.langtags import language


class Status(StrEnum):
    """How a glossary rates a term: the form to use, an accepted one, or a known wrong one."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"

    @property
    def accepted(self) -> bool:
        return self is not Status.DEPRECATED


# Spellings of a status found in TBX and in CSV files: ISO 12620 administrativeStatus
# and normativeAuthorization values (with or without TBX's "-admn-sts" suffix),
# TBX-Basic/TBX-Min usageStatus values, and the words terminology tools export
# (Weblate marks "forbidden" and "obsolete" terms).
_STATUS_NAMES = {
    "preferred": Status.PREFERRED,
    "preferredterm": Status.PREFERRED,
    "standardizedterm": Status.PREFERRED,
    "legalterm": Status.PREFERRED,
    "regulatedterm": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "admittedterm": Status.ADMITTED,
    "normativelyrestrictedterm": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "deprecatedterm": Status.DEPRECATED,
    "supersededterm": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "forbidden": Status.DEPRECATED,
}


def parse_status(value: str | None) -> Status | None:
    """The status a TBX or CSV value names; ``None`` for an unknown value.

    An empty value means "admitted": a term listed without a status is acceptable.
    Case, ``-``/``_``/spaces and TBX's ``-admn-sts`` suffix do not matter.
    """
    key = (value or "").strip().lower().removesuffix("-admn-sts")
    key = key.replace("_", "").replace("-", "").replace(" ", "")
    if not key:
        return Status.ADMITTED
    return _STATUS_NAMES.get(key)


def base_language(tag: str) -> str | None:
    """``en-GB`` / ``pt_BR`` / ``DE`` -> ``en`` / ``pt`` / ``de``; None if not a language."""
    return language(tag)


@dataclass(frozen=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: Status = Status.ADMITTED
    case_sensitive: bool | None = None
    """``None``: decided from the term (acronyms such as ``WHO`` or ``UN`` are)."""
    part_of_speech: str | None = None
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    valid_from: str | None = None
    """ISO date the term is in use from (informative: an earlier story is not flagged)."""
    valid_until: str | None = None
    """ISO date from which the term is out of use (``Kiev`` from 2019-08-14 in English
    wire style): a term with such a date is accepted until then, and WC112 reports it
    in stories dated that day or later."""

    def current(self, day: str | None) -> bool:
        """Whether the term is still in use on ``day`` (ISO); ``None``: the newest usage."""
        if self.valid_until is None:
            return True
        return day is not None and day < self.valid_until

    def exact_case(self, word: str) -> bool:
        """Whether ``word`` (a word of this term) must be written with the same capitals.

        With ``case_sensitive`` unset, only acronyms must (words with two or more capitals:
        ``UN`` in ``UN refugee agency``, ``BoE``), so ``who`` is not ``WHO`` while
        ``AGENCE FRANCE-PRESSE`` is ``Agence France-Presse``.
        """
        if self.case_sensitive is not None:
            return self.case_sensitive
        rest = word[1:]
        return rest != rest.lower() and sum(1 for ch in word if ch.isupper()) >= 2


@dataclass
class Concept:
    """A named thing (an institution, an agency) and its terms in every language."""

    id: str
    terms: list[Term] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    origin: str = ""
    """The file (and line) the concept was first read from."""

    def terms_in(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    def accepted(self, lang: str) -> list[Term]:
        """Preferred then admitted terms of ``lang``."""
        terms = [t for t in self.terms_in(lang) if t.status.accepted]
        return sorted(terms, key=lambda t: t.status is not Status.PREFERRED)

    def preferred(self, lang: str) -> Term | None:
        """The term to suggest in ``lang``: the preferred one, else the first admitted one."""
        accepted = self.accepted(lang)
        return accepted[0] if accepted else None

    def label(self, lang: str = "en") -> str:
        """A readable name for reports: the preferred term in ``lang``, else any term."""
        term = self.preferred(lang) or next((t for t in self.terms if t.status.accepted), None)
        return term.text if term else self.id

    def add(self, term: Term) -> None:
        """Add ``term``; a term already listed (same language and text) takes the new status."""
        for index, old in enumerate(self.terms):
            if old.lang == term.lang and old.text == term.text:
                self.terms[index] = term
                return
        self.terms.append(term)


@dataclass
class Glossary:
    """Concepts by id, plus the files they came from (with content hashes)."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)
    """``(path, sha256 prefix)`` of every file merged in, in order."""
    warnings: list[tuple[str, int, str]] = field(default_factory=list)
    """``(path, line, problem)`` of what a reader skipped (an empty term, say)."""

    def warn(self, path: str, line: int, problem: str) -> None:
        self.warnings.append((path, line, problem))

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def concept(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def add(self, concept_id: str, term: Term, origin: str = "") -> None:
        concept = self.concepts.get(concept_id)
        if concept is None:
            concept = self.concepts[concept_id] = Concept(concept_id, origin=origin)
        concept.add(term)

    def merge(self, other: Glossary) -> None:
        """Add ``other``'s concepts: same id, same concept; later files win on a term's status."""
        for concept in other:
            mine = self.concepts.get(concept.id)
            if mine is None:
                mine = self.concepts[concept.id] = Concept(
                    concept.id, notes=dict(concept.notes), origin=concept.origin
                )
            else:
                mine.notes.update(concept.notes)
            for term in concept.terms:
                mine.add(term)
        self.sources.extend(other.sources)
        self.warnings.extend(other.warnings)

    def languages(self) -> set[str]:
        return {t.lang for c in self for t in c.terms}

    def term_count(self) -> int:
        return sum(len(c.terms) for c in self)

    def digest(self) -> str:
        """A short hash of the merged content, for run signatures."""
        h = hashlib.sha256()
        for concept in sorted(self, key=lambda c: c.id):
            h.update(concept.id.encode())
            for t in concept.terms:
                h.update(f"\0{t.lang}\0{t.text}\0{t.status}\0{t.case_sensitive}".encode())
                if t.valid_from or t.valid_until:
                    h.update(f"\0{t.valid_from}\0{t.valid_until}".encode())
        return h.hexdigest()[:12]


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]
