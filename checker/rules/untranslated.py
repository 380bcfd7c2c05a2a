"""Untranslated rules (WC4xx): text left in the source language, or in no target language."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from checker.context import StoryContext
from checker.langid import detect, letters, quick_language, stopword_votes, stopwords
from checker.lexicon import NEWS_LANGUAGES, common_zipf, supported, top_words, zipf
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule

_WORDS = regex.compile(r"\p{L}+")
CONFIDENCE = 0.90
TARGET_SHARE = 0.75
"""A segment whose words are this often frequent target-language words is in the target
language, whatever langdetect says of it (short lines: "Kyiv says Russian strikes hit
power grid")."""


def target_share(text: str, target: str, other: str) -> float:
    """Share of the words of ``text`` that are frequent target-language words, at least as
    frequent there as in ``other`` (when wordfreq knows ``other``)."""
    words = [w.lower() for w in _WORDS.findall(text) if len(w) > 1]
    if not words or target not in supported():
        return 0.0
    known = other in supported()
    home = 0
    for word in words:
        in_target = zipf(word, target)
        if in_target >= SOURCE_WORD and (
            not known or in_target >= common_zipf(word, other) - 0.5
        ):
            home += 1
    return home / len(words)


class UntranslatedSegment(Rule):
    """Finds MT segments that are not in the target language (often left in the source).

    A segment is checked only when it has enough letters for language identification to
    be trustworthy (`min-detect-chars`, default 40): names, datelines and short quotes are
    never flagged. A quick stop-word vote settles most segments; langdetect (seeded, so
    results repeat) decides the rest and must be at least 90% sure of another language,
    and wordfreq must agree: a segment whose words are mostly frequent words of the
    target language ("Ukraine: Kyiv says Russian strikes hit power grid", which
    langdetect reads as Afrikaans) is in the target language.

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
    fix_applicability = "none"

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
        if target_share(text, target, lang) >= TARGET_SHARE:
            return None  # langdetect misread a short line of target words
        # langdetect and the stop-word vote must not disagree about the target language.
        if quick is not None and quick != lang:
            return None
        return lang


# -- fragments: a few source-language words inside a target sentence -------------------

# A short quoted title ("Pascal Praud et vous"): kept in its language on purpose.
_QUOTED_TITLE = regex.compile(r"[\"“«„]\s?(\p{Lu}[^\"“”«»„\n]{0,60}?)\s?[\"”»“]")
_JOINERS = regex.compile(r"[ \t]*(?:['’\-][ \t]*)?")
FOREIGN = 2.0
"""A word is foreign when this much more frequent (Zipf) in a source language than in
the target, and common there (``SOURCE_WORD``, wordfreq's small lists)."""
FOREIGN_FUNCTION = 1.8
"""...or this much, for a function word of the source language."""
SOURCE_WORD = 3.0
COMMON_NOUN = 4.0
"""A capitalised word this frequent in the source language is a word, not a name."""
SINGLE_MAX = 4.5
"""A lone function word is foreign only when rarer than this in the target language."""
_PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "van", "von", "der", "den",
                        "la", "le", "les", "al", "el", "bin", "ibn", "dos", "das", "ter", "y"})


class Word(NamedTuple):
    start: int
    end: int
    text: str
    capitalised: bool
    """Capitalised, and not the first word of its sentence (where a capital says nothing)
    unless the next word is capitalised too."""


@cache
def _function_words(lang: str) -> frozenset[str]:
    return stopwords().get(lang, frozenset()) | top_words(lang, 150)


@lru_cache(maxsize=131_072)
def _foreign(low: str, target: str, source: str) -> bool:
    """Whether the lower-case word ``low`` is a word of ``source`` rather than ``target``."""
    in_source = common_zipf(low, source)
    if in_source < SOURCE_WORD:
        return False
    gap = in_source - zipf(low, target)
    if low in _function_words(source) and low not in _function_words(target):
        return gap >= FOREIGN_FUNCTION
    return gap >= FOREIGN


def _runs(words: list[Word], text: str, flags: list[bool]) -> Iterator[list[int]]:
    """Indexes of maximal runs of flagged words separated only by spaces or elisions."""
    run: list[int] = []
    for i, flagged in enumerate(flags):
        if flagged and run and not _JOINERS.fullmatch(text[words[run[-1]].end : words[i].start]):
            yield run
            run = []
        if flagged:
            run.append(i)
        elif run:
            yield run
            run = []
    if run:
        yield run


def sentence_words(text: str, start: int, end: int) -> list[Word]:
    """The words of the sentence ``text[start:end]``."""
    matches = list(_WORDS.finditer(text, start, end))
    upper = [m.group()[:1].isupper() for m in matches]
    # The first word's capital says nothing, unless the next word is capitalised too:
    # then the two start a name ("Le Monde reported...").
    return [
        Word(m.start(), m.end(), m.group(), upper[i] and (i > 0 or upper[1:2] == [True]))
        for i, m in enumerate(matches)
    ]


def fragments(text: str, words: list[Word], target: str, source: str) -> Iterator[tuple[int, int]]:
    """Spans of ``source``-language fragments among the ``words`` of a target sentence."""
    flags = [_foreign(w.text.lower(), target, source) for w in words]
    if not any(flags):
        return
    source_functions = _function_words(source)
    nouns_capitalised = target == "de"
    for run in _runs(words, text, flags):
        run_words = [words[i] for i in run]
        lower = [w for w in run_words if not w.capitalised]
        content = [w for w in lower if w.text.lower() not in _PARTICLES]
        common = [
            w for w in run_words if w.capitalised and common_zipf(w.text, source) >= COMMON_NOUN
        ]
        if sum(len(w.text) > 1 for w in run_words) >= 2:
            if nouns_capitalised:
                ok = any(w.text.lower() in source_functions for w in lower)
            else:
                ok = bool(content) or (bool(lower) and bool(common))
            if ok and not content and run[0] > 0 and words[run[0] - 1].text[:1].isupper():
                ok = False  # particles between names: "Luis de la Fuente", "Van der Bellen"
            if ok:
                yield run_words[0].start, run_words[-1].end
            continue
        word = run_words[0]
        low = word.text.lower()
        if len(low) < 2 or word.text[:1].isupper() or low not in source_functions:
            continue
        if len(low) > 3 and low not in stopwords().get(source, frozenset()):
            continue  # a content word alone ("fait accompli") is a loanword more often
        if low in _PARTICLES or zipf(low, target) >= SINGLE_MAX:
            continue
        if not 0 < run[0] < len(words) - 1:
            continue
        gap_before = text[words[run[0] - 1].end : word.start]
        gap_after = text[word.end : words[run[0] + 1].start]
        if gap_before.strip() or gap_after.strip():
            continue  # next to punctuation: a quote, a list, an abbreviation
        if not common_zipf(words[run[0] + 1].text, source):
            continue  # "hay fever": the next word is no word of the source language
        yield word.start, word.end


class SourceLanguageFragment(Rule):
    """Finds a few words of another language inside a sentence of the target language.

    Words are judged one by one with wordfreq: a word is foreign when it is much more
    frequent in the source language (or, without a source, in another of en, fr, es, de)
    than in the target ("sa", "avec", "poursuivra"). A run of two or more foreign words
    is reported ("la Défense", "mon entretien dans le"), and so is a lone function word
    of the source before a word the source language also has ("sa presence"). Runs of
    capitalised words are names ("Le Monde", "El País"), and so are particles before a
    name ("von der Leyen", "de Gaulle"); a German target needs a source function word
    in the run, since its nouns are capitalised. Quoted titles ("Pascal Praud et vous")
    are left alone, and whole sentences in another language are WC401's.

    ## Why it matters
    Engines leave untranslated what they do not recognise: an article or a possessive
    copied from the source, a ministry's name, the end of a sentence after a quote.

    ## Example
    `He thanked the Minister of la Défense for sa presence at the ceremony.`

    ## Use instead
    `He thanked the Minister of the Armed Forces for his presence at the ceremony.`
    """

    code = "WC402"
    name = "source-language-fragment"
    category = Category.UNTRANSLATED
    severity = Severity.WARNING
    fix_title = "Translate the fragment"
    fix_applicability = "none"
    languages = frozenset(NEWS_LANGUAGES)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        target = story.lang
        if story.src_lang in supported() and story.src_lang != target:
            sources: tuple[str, ...] = (story.src_lang,)
        else:
            sources = tuple(lang for lang in NEWS_LANGUAGES if lang != target)
        minimum = int(self.options.get("min-detect-chars", self.settings.min_detect_chars))
        text = story.text
        for sentence in story.mt.sentences:
            segment = text[sentence.start : sentence.end]
            words = sentence_words(text, sentence.start, sentence.end)
            titles = [m.span(1) for m in _QUOTED_TITLE.finditer(text, sentence.start, sentence.end)]
            for source in sources:
                spans = [
                    (start, end) for start, end in fragments(text, words, target, source)
                    if not any(a <= start and end <= b for a, b in titles)
                ]
                if spans and letters(segment) >= minimum and (
                    UntranslatedSegment._language(segment, target)
                ):
                    break  # a whole sentence in another language: WC401 reports it
                for start, end in spans:
                    yield Hit(
                        start, end,
                        f"'{text[start:end]}' reads as {source!r}, not as the target "
                        f"language {target!r}: a fragment left untranslated",
                    )
                if spans:
                    break
