"""Dated glossary terms (WC112): names out of use since a date the story is later than.

Places and organisations get renamed (``Kiev`` is ``Kyiv`` in English wire style since
2019; ``Swaziland`` became ``Eswatini`` in 2018): the old name is right in a story
written before the change and wrong after it. Glossaries give the date a term goes out
of use (TBX ``withdrawal`` transaction or ``validUntil`` note, CSV ``valid_until``
column; see :mod:`checker.glossary.tbx` and :mod:`checker.glossary.tabular`), and this
rule compares it with the story's date.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import StoryContext
from checker.glossary.matcher import TermMatch
from checker.glossary.model import Concept, Term
from checker.model import Category, Severity
from checker.rules.base import Hit
from checker.rules.glossary import GlossaryRule, mt_terms


def story_day(story: StoryContext) -> str | None:
    """The story's ISO date: its file's, else the run's ``story-date``; ``None`` without."""
    return story.story.date or story.settings.story_date


def current_term(concept: Concept, lang: str, day: str) -> Term | None:
    """The concept's term to use in ``lang`` on ``day``: preferred first, in use that day."""
    usable = [t for t in concept.accepted(lang)
              if t.current(day) and (t.valid_from is None or t.valid_from <= day)]
    return usable[0] if usable else None


class OutdatedTerm(GlossaryRule):
    """Finds glossary terms the story uses after the date they went out of use.

    A glossary term may carry the date from which it is no longer used (a renamed city,
    country or organisation). When the story has a date (NewsML-G2 `versionCreated`,
    NITF `date.issue`, XLIFF 1.2 `<file date>`, a JSON Lines `date` field, or
    `--story-date` / `story-date` in the configuration for plain text) on or after
    that date, the old name is reported with the concept's term in use on that day.
    Stories without a date get no finding: the rule cannot tell an archive story from
    today's, and every wire format carries a date. A form inside a longer accepted
    glossary term (`chicken Kiev`) is not reported; inflected forms are reported
    without a suggestion.

    ## Why it matters
    An outdated official name reads as a political statement or as carelessness, and
    machine translation reproduces whatever name its training data used most: usually
    the old one.

    ## Example
    A story dated 2023-05-02: `Air raid sirens sounded in Kiev overnight.`

    ## Use instead
    `Air raid sirens sounded in Kyiv overnight.`
    """

    code = "WC112"
    name = "outdated-term"
    category = Category.GLOSSARY
    severity = Severity.WARNING
    fix_title = "Use the name in use on the story's date"
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        day = story_day(story)
        if day is None:
            return
        found = mt_terms(story, self.index).in_language(story.lang)
        dated = [m for m in found if not m.term.term.current(day)]
        if not dated:
            return
        current = [m for m in found if m.term.term.current(day) and m.term.status.accepted]
        for match in dated:
            if _inside(match, current):
                continue
            yield self._hit(story, match, day)

    def _hit(self, story: StoryContext, match: TermMatch, day: str) -> Hit:
        term = match.term.term
        concept = self.index.glossary.concept(match.concept)
        use = current_term(concept, story.lang, day) if concept is not None else None
        written = story.text[match.start : match.end]
        suggestion = use.text if use is not None and not match.inflected else None
        if suggestion is not None and written.isupper() and len(written) > 1:
            suggestion = suggestion.upper()  # a dateline in capitals: KIEV -> KYIV
        advice = f"; use {suggestion or use.text!r}" if use is not None else ""
        return Hit(
            match.start, match.end,
            f"{written!r} is out of use since {term.valid_until} (story dated {day}){advice}",
            suggestion=suggestion, concept=match.concept,
        )


def _inside(match: TermMatch, current: list[TermMatch]) -> bool:
    """Whether ``match`` lies inside a longer term still in use (``chicken Kiev``)."""
    return any(
        other.start <= match.start and match.end <= other.end
        and (other.end - other.start) > (match.end - match.start)
        for other in current
    )
