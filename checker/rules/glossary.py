"""Glossary rules (WC1xx): key terms not rendered, forbidden terms, garbled terms.

The rules share one loaded glossary (:func:`checker.glossary.load_index` caches
it) and, per story, one search of the MT text (kept in ``story.memo``). Every finding
carries the concept id in ``Finding.concept`` so reports can group by concept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from checker.config import Settings
from checker.context import StoryContext
from checker.glossary.garble import Garble, GarbleSettings
from checker.glossary.load import describe, load_index
from checker.glossary.matcher import GlossaryIndex, TermMatch, TextTerms, mentions, outermost
from checker.glossary.model import Status
from checker.model import Category, Severity
from checker.rules import langdata
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
    (inflected forms count: `des Weißen Hauses`, `du Fonds monétaire international`,
    `Alto Comisionado de Naciones Unidas`). Needs a source. When the segment holds a
    deprecated or garbled form of the concept instead, this rule stays silent:
    `forbidden-term` or `garbled-term` reports it. A term the MT renders in the
    neighbouring segment (the sentence moved) is not missing, nor is one the story names
    at least as often as the source does (an attribution "told AFP" folded into another
    sentence). Concepts the glossary has no target-language term for are skipped. The
    finding spans the whole segment, so it carries no automatic fix: where the name goes
    is for the editor to decide.

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
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        source = src_terms(story, self.index)
        if source is None or not story.units:
            return
        target = mt_terms(story, self.index)
        found = target.in_language(story.lang)
        named = [(m.start, m.end, m.concept) for m in found if m.term.status.accepted]
        damaged = [
            (m.start, m.end, m.concept) for m in found if m.term.status is Status.DEPRECATED
        ] + [(g.start, g.end, g.concept) for g in target.garbled()]
        counted = [(m.start, m.end, m.concept) for m in mentions(found)] + [
            (g.start, g.end, g.concept) for g in target.garbled()
        ]
        in_source = outermost(source.in_language(story.src_lang))
        said = _speech_words(story.src_lang)
        units = [u for u in story.units if u.mt_start is not None and u.mt_end is not None]
        for number, unit in enumerate(units):
            if unit.src_start is None or unit.src_end is None:
                continue
            assert unit.mt_start is not None and unit.mt_end is not None
            mentioned: dict[str, TermMatch] = {}
            for m in in_source:
                if unit.src_start <= m.start and m.end <= unit.src_end:
                    mentioned.setdefault(m.concept, m)
            window = units[max(0, number - 1) : number + 2]
            for concept_id, match in mentioned.items():
                expected = self.suggestion(concept_id, story.lang)
                if expected is None:
                    continue
                if _named(named + damaged, concept_id, unit.mt_start, unit.mt_end):
                    continue
                # A sentence moved across a segment boundary: the neighbours name the
                # concept more often than their source does.
                in_mt = sum(
                    _named(counted, concept_id, u.mt_start, u.mt_end, count=True)
                    for u in window
                )
                in_src = sum(
                    1 for m in mentions(in_source)
                    if m.concept == concept_id and any(
                        u.src_start is not None and u.src_end is not None
                        and u.src_start <= m.start and m.end <= u.src_end for u in window
                    )
                )
                if in_mt >= in_src:
                    continue
                # "a-t-il déclaré à l'AFP" rendered "he said" where the story names AFP
                # elsewhere: the channel of a quote, not a missing institution.
                if _after_speech(source.text, match.start, said) and any(
                    c == concept_id for _, _, c in named + damaged
                ):
                    continue
                term = source.text[match.start : match.end]
                yield Hit(
                    unit.mt_start,
                    unit.mt_end,
                    f"source term {term!r} is not rendered in this segment; expected "
                    f"{expected!r} (concept {concept_id})",
                    concept=concept_id,
                    unit=unit.index,
                )


def _named(
    spans: Sequence[tuple[int, int, str]],
    concept: str,
    start: int | None,
    end: int | None,
    count: bool = False,
) -> int:
    """How many of ``spans`` name ``concept`` inside ``start:end`` (with ``count``), or
    whether any does."""
    if start is None or end is None:
        return 0
    inside = sum(1 for s, e, c in spans if c == concept and start <= s and e <= end)
    return inside if count else int(inside > 0)


@cache
def _speech_words(lang: str) -> frozenset[str]:
    """Speech verbs of ``lang`` (its attribution data), lower-cased, one word each."""
    data = langdata.section(lang, "attribution")
    words = [*data.get("verbs", []), *data.get("present", [])]
    return frozenset(w.lower() for w in words if " " not in w)


_WORD = re.compile(r"[^\W\d_]+")


def _after_speech(text: str, start: int, said: frozenset[str]) -> bool:
    """Whether a speech verb stands at most three words before ``start`` in its sentence
    (``a déclaré à l'AFP``, ``told AFP``, ``sagte der dpa``)."""
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(mark) for mark in ".!?\n")
    words = _WORD.findall(before[cut + 1 :])[-4:]
    return any(w.lower() in said for w in words)


class ForbiddenTerm(GlossaryRule):
    """Finds terms the glossary marks as deprecated in the MT text.

    A deprecated term is a known wrong form of a concept: a calque (`France-Presse
    Agency`), an acronym left in the source language (`OMS` in English), a misspelling
    the glossary owner has seen before. Other spellings count (`Organisation of the
    North Atlantic Treaty` for a deprecated `Organization of ...`), unless that spelling
    is itself one of the concept's accepted terms. A deprecated form inside a longer
    accepted term is not reported.

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
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        analysed = mt_terms(story, self.index)
        found = analysed.in_language(story.lang)
        accepted = [m for m in found if m.term.status.accepted]
        for m in found:
            if m.term.status is not Status.DEPRECATED:
                continue
            written = tuple(t.key for t in analysed.tokens[m.first : m.last + 1])
            if m.variant and written in self.index.accepted_forms(m.concept, story.lang):
                continue  # the other spelling is the accepted term itself
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
    """Finds names that are certainly a damaged glossary term.

    Works without a source. A stretch of MT starting on a capitalised word is compared
    with the glossary terms of the target language that share most of its words. It is
    reported here when the damage is certain: stray punctuation inside the name
    (`Agence France -Presse`), a misspelt word that is no word of the language (`World
    Bnak`), one changed word in a name of three or more words, a word of the concept's
    name in another language (`Banco of Spain`), a word split in two, one word dropped
    from a name that keeps four or more, a word in lower case inside a capitalised name
    (`German press Agency`), the name's own acronym in brackets after a near miss
    (`International Atomic Energy Organisation (IAEA)`). The suggestion is the nearest
    term in the story's language (for a lower-case word, the same text capitalised).
    Known forms (any status, inflected forms included) are never flagged, nor is the
    same name in other capitals (`AGENCE FRANCE-PRESSE`), nor a different name the
    glossary knows (`European Union` is not a garbled `European Council`), nor a
    generic phrase (`a UN agency`, `the Agency`). Near misses that may be another
    institution are `possible-garbled-term`'s.

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
    fix_applicability = "safe"
    certain = True

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        defaults = GarbleSettings()
        self.garble = GarbleSettings(
            min_score=float(self.options.get("min-score", defaults.min_score)),
            changed_word=float(self.options.get("changed-word", defaults.changed_word)),
        )

    def garbles(self, story: StoryContext) -> list[Garble]:
        found = mt_terms(story, self.index).garbled(self.garble)
        return [g for g in found if g.certain is self.certain]

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for garble in self.garbles(story):
            term = garble.term.term
            expected = term.text if term.status.accepted else None
            expected = garble.replacement or expected or self.suggestion(
                garble.concept, story.lang
            )
            name = expected or term.text
            yield Hit(
                garble.start,
                garble.end,
                f"{story.text[garble.start : garble.end]!r} looks like a garbled "
                f"{name!r} ({', '.join(garble.damage)}; concept {garble.concept})",
                suggestion=expected,
                concept=garble.concept,
            )


class PossibleGarbledTerm(GarbledTerm):
    """Finds names that may be a damaged glossary term, or may be another institution.

    The near misses `garbled-term` leaves out because the evidence is not certain: a
    head noun swapped for another (`International Atomic Energy Organisation` for
    `... Agency`), the name's words in another order (`Organisation of the North
    Atlantic Treaty`, the word order of the French or Spanish name), one word dropped
    from a shorter name (`Ministry of Economy and Industry`), another ending of one of
    its words (`Korea Institute for Defense Analysis`). Each could be a different
    body the glossary does not list, so the finding names the glossary term in its
    message but carries no automatic fix. Generic phrases (`a UN agency`, `the
    institute`) and names keeping fewer than three of a term's words are never reported.
    Takes the options of `garbled-term`.

    ## Why it matters
    A half-translated name sends readers to an institution that does not exist, but
    replacing it blindly could name the wrong one: an editor should check the source.

    ## Example
    `inspectors of the International Atomic Energy Organisation`

    ## Use instead
    `inspectors of the International Atomic Energy Agency`, if the source names it.
    """

    code = "WC104"
    name = "possible-garbled-term"
    category = Category.GLOSSARY
    severity = Severity.WARNING
    fix_title = "Check the name against the source and the glossary"
    fix_applicability = "none"
    certain = False

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for garble in self.garbles(story):
            term = garble.term.term
            name = (term.text if term.status.accepted else None) or self.suggestion(
                garble.concept, story.lang
            ) or term.text
            yield Hit(
                garble.start,
                garble.end,
                f"{story.text[garble.start : garble.end]!r} may be a garbled {name!r} "
                f"({', '.join(garble.damage)}; concept {garble.concept}); check the source",
                concept=garble.concept,
            )
