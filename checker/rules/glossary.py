"""Glossary rules (WC1xx): key terms not rendered, forbidden terms, garbled terms.

The three rules share one loaded glossary (:func:`checker.glossary.load_index` caches
it) and, per story, one search of the MT text (kept in ``story.memo``). Every finding
carries the concept id in ``Finding.concept`` so reports can group by concept.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from checker.config import Settings
from checker.context import StoryContext
from checker.glossary.garble import GarbleSettings
from checker.glossary.load import describe, load_index
from checker.glossary.matcher import GlossaryIndex, TermMatch, TextTerms, outermost
from checker.glossary.model import Status
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule


def mt_terms(story: StoryContext, index: GlossaryIndex) -> TextTerms:
    """The glossary search of the story's MT text, computed once per story and glossary."""
    key = f"glossary:{id(index)}:mt"
    found = story.memo.get(key)
    if not isinstance(found, TextTerms):
        found = index.analyse(story.text, story.lang)
        story.memo[key] = found
    return found


def src_terms(story: StoryContext, index: GlossaryIndex) -> TextTerms | None:
    """The glossary search of the story's source text, when it has one in a known language."""
    if story.src is None or not story.src_lang:
        return None
    key = f"glossary:{id(index)}:src"
    found = story.memo.get(key)
    if not isinstance(found, TextTerms):
        found = index.analyse(story.src.text, story.src_lang)
        story.memo[key] = found
    return found


@cache
def _signature(index: GlossaryIndex) -> str:
    """Files merged and a hash of the merged content (hashing 50,000 terms takes a while,
    so once per index)."""
    return f"{describe(index.glossary) or 'none'}|{index.glossary.digest()}"


class GlossaryRule(Rule):
    """Base of the glossary rules: loads the run's glossary once, in ``__init__``."""

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.index = load_index(settings)

    def signature(self) -> dict[str, str]:
        return {"glossary": _signature(self.index)}

    def suggestion(self, concept_id: str, lang: str) -> str | None:
        concept = self.index.glossary.concept(concept_id)
        term = concept.preferred(lang) if concept else None
        return term.text if term else None


class KeyTermNotRendered(GlossaryRule):
    """Finds glossary terms of the source that the aligned MT segment does not render.

    For every glossary term found in a source segment, the MT segment aligned to it must
    contain one of the concept's preferred or admitted terms in the target language
    (inflected forms count). Needs a source. When the segment holds a deprecated or
    garbled form of the concept instead, this rule stays silent: `forbidden-term` or
    `garbled-term` reports it. Concepts the glossary has no target-language term for are
    skipped.

    ## Why it matters
    An institution dropped or renamed in translation changes who said or did what;
    readers and search engines look for the established name.

    ## Example
    Source `selon la Banque centrale européenne` translated as `according to the
    central bank`.

    ## Use instead
    `according to the European Central Bank`
    """

    code = "WC101"
    name = "key-term-not-rendered"
    category = Category.GLOSSARY
    severity = Severity.WARNING
    fix_title = "Use the glossary's term for the concept"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        source = src_terms(story, self.index)
        if source is None or not story.units:
            return
        target = mt_terms(story, self.index)
        found = target.in_language(story.lang)
        damaged = [
            (m.start, m.end, m.concept) for m in found if m.term.status is Status.DEPRECATED
        ] + [(g.start, g.end, g.concept) for g in target.garbled()]
        in_source = outermost(source.in_language(story.src_lang))
        for unit in story.units:
            if None in (unit.src_start, unit.src_end, unit.mt_start, unit.mt_end):
                continue
            assert unit.src_start is not None and unit.src_end is not None
            assert unit.mt_start is not None and unit.mt_end is not None
            mentioned: dict[str, TermMatch] = {}
            for m in in_source:
                if unit.src_start <= m.start and m.end <= unit.src_end:
                    mentioned.setdefault(m.concept, m)
            for concept_id, match in mentioned.items():
                expected = self.suggestion(concept_id, story.lang)
                if expected is None:
                    continue
                rendered = any(
                    m.concept == concept_id
                    and m.term.status.accepted
                    and unit.mt_start <= m.start
                    and m.end <= unit.mt_end
                    for m in found
                )
                if rendered or any(
                    c == concept_id and s < unit.mt_end and unit.mt_start < e
                    for s, e, c in damaged
                ):
                    continue
                term = source.text[match.start : match.end]
                yield Hit(
                    unit.mt_start,
                    unit.mt_end,
                    f"source term {term!r} is not rendered; expected {expected!r} "
                    f"(concept {concept_id})",
                    suggestion=expected,
                    concept=concept_id,
                    unit=unit.index,
                )


class ForbiddenTerm(GlossaryRule):
    """Finds terms the glossary marks as deprecated in the MT text.

    A deprecated term is a known wrong form of a concept: a calque (`France-Presse
    Agency`), an acronym left in the source language (`OMS` in English), a misspelling
    the glossary owner has seen before. A deprecated form inside a longer accepted term
    is not reported, nor is another spelling of a deprecated term (`Organization` for
    `Organisation`), which may well be the preferred one.

    ## Why it matters
    Wrong institution names are the most visible translation errors in wire copy, and
    a deprecated form is a known one: it should never reach a client.

    ## Example
    `a spokesman for France-Presse Agency said`

    ## Use instead
    `a spokesman for Agence France-Presse said`
    """

    code = "WC102"
    name = "forbidden-term"
    category = Category.GLOSSARY
    severity = Severity.ERROR
    fix_title = "Replace it with the glossary's preferred term"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        found = mt_terms(story, self.index).in_language(story.lang)
        accepted = [m for m in found if m.term.status.accepted]
        for m in found:
            if m.term.status is not Status.DEPRECATED or m.variant:
                continue
            if any(
                a.start <= m.start and m.end <= a.end and (a.end - a.start) > (m.end - m.start)
                for a in accepted
            ):
                continue
            expected = self.suggestion(m.concept, story.lang)
            use = f"; use {expected!r}" if expected else ""
            yield Hit(
                m.start,
                m.end,
                f"{story.text[m.start : m.end]!r} is a deprecated term{use} (concept {m.concept})",
                suggestion=expected,
                concept=m.concept,
            )


class GarbledTerm(GlossaryRule):
    """Finds names that are close to, but not equal to, a glossary term.

    Works without a source. A stretch of MT starting on a capitalised word is compared
    with the glossary terms of the target language that share most of its words: a
    dropped or changed word, a misspelling, words out of order or stray punctuation
    inside the name make it a garbled term, reported with the nearest term as the
    suggestion. Known forms (any status, inflected forms included) are never flagged,
    nor is the same name in other capitals (`AGENCE FRANCE-PRESSE`), nor a different
    name the glossary knows (`European Union` is not a garbled `European Council`).

    Options: `min-score` (default 60), the lowest rapidfuzz score of the stretch against
    the term; `changed-word` (default 80), how close a replaced word must be to the
    term's word.

    ## Why it matters
    Machine translation mangles long names in ways no spell checker sees: every word is
    a real word, but the institution does not exist.

    ## Example
    `an analyst at the Korea Institute for National Reunification`

    ## Use instead
    `an analyst at the Korea Institute for National Unification`
    """

    code = "WC103"
    name = "garbled-term"
    category = Category.GLOSSARY
    severity = Severity.ERROR
    fix_title = "Write the name as the glossary has it"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        defaults = GarbleSettings()
        self.garble = GarbleSettings(
            min_score=float(self.options.get("min-score", defaults.min_score)),
            changed_word=float(self.options.get("changed-word", defaults.changed_word)),
        )

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for garble in mt_terms(story, self.index).garbled(self.garble):
            term = garble.term.term
            expected = term.text if term.status.accepted else None
            expected = expected or self.suggestion(garble.concept, story.lang) or term.text
            yield Hit(
                garble.start,
                garble.end,
                f"{story.text[garble.start : garble.end]!r} looks like a garbled "
                f"{expected!r} ({', '.join(garble.damage)}; concept {garble.concept})",
                suggestion=expected,
                concept=garble.concept,
            )
