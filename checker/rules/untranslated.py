"""Untranslated rules (WC4xx): text left in the source language, or in no target language."""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import StoryContext
from checker.langid import detect, letters, quick_language, stopword_votes
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule

CONFIDENCE = 0.90


class UntranslatedSegment(Rule):
    """Finds MT segments that are not in the target language (often left in the source).

    A segment is checked only when it has enough letters for language identification to
    be trustworthy (`min-detect-chars`, default 40): names, datelines and short quotes are
    never flagged. A quick stop-word vote settles most segments; langdetect (seeded, so
    results repeat) decides the rest and must be at least 90% sure of another language.

    ## Why it matters
    Engines skip sentences they fail on, and pass quotes, captions and lists through
    untouched; readers get a paragraph in another language in the middle of the story.

    ## Example
    English MT containing: `Le gouvernement a refusé de commenter ces informations.`

    ## Use instead
    Translate the segment: `The government declined to comment on the reports.`
    """

    code = "WC401"
    name = "untranslated-segment"
    category = Category.UNTRANSLATED
    severity = Severity.ERROR
    fix_title = "Translate the segment"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        minimum = int(self.options.get("min-detect-chars", self.settings.min_detect_chars))
        target = story.lang
        for sentence in story.mt.sentences:
            text = story.text[sentence.start : sentence.end]
            if letters(text) < minimum:
                continue
            found = self._language(text, target)
            if found is None or found == target:
                continue
            where = "the source language" if found == story.src_lang else f"'{found}'"
            yield Hit(
                sentence.start,
                sentence.end,
                f"segment is in {where}, not in the target language '{target}'",
            )

    @staticmethod
    def _language(text: str, target: str) -> str | None:
        """The segment's language when clearly not ``target``; None when unsure or fine."""
        quick = quick_language(text)
        if quick == target:
            return None
        votes = stopword_votes(text)
        if quick is None and votes.get(target, 0) >= 3:
            return None
        found = detect(text)
        if not found:
            return None
        lang, prob = found[0]
        lang = lang.split("-")[0]
        if lang == target or prob < CONFIDENCE:
            return None
        # langdetect and the stop-word vote must not disagree about the target language.
        if quick is not None and quick != lang:
            return None
        return lang
