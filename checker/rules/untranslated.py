"""Untranslated rules (WC4xx): text left in the source language, or in no target language."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

import regex

from checker.context import StoryContext
from checker.langid import (
    confident_language,
    letters,
    stopword_votes,
    stopwords,
    vote_winner,
)
from checker.lexicon import NEWS_LANGUAGES, common_zipf, supported, top_words, zipf
from checker.memo import MEMO_SIZE, trim
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
        return _segment_language(text, target)


@lru_cache(maxsize=8192)
def _segment_language(text: str, target: str) -> str | None:
    """:meth:`UntranslatedSegment._language`, once per segment (WC402 asks again)."""
    votes = stopword_votes(text)
    quick = vote_winner(votes)
    if quick == target:
        return None
    if quick is None and votes.get(target, 0) >= 3:
        return None
    if quick is not None and target_share(text, target, quick) >= TARGET_SHARE:
        # Only langdetect agreeing with the stop words could make it another language,
        # and the words are the target's whatever langdetect says: no need to ask it.
        return None
    # langdetect must be at least 90% sure of another language.
    found = confident_language(text, CONFIDENCE, target)
    if found is None:
        return None
    lang = found[0].split("-")[0]
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
LOAN_ZIPF = 1.9
"""A source-language word at least this frequent (Zipf) in the target language is used
there ("déjà" 2.7, "noire" 2.7, "lait" 2.2 in English), not only met in names and quotes
("Défense" 1.7, "gouvernement" 1.8, "martes" 1.8)."""
SETTLED_ZIPF = 3.0
"""...and this frequent, an everyday word of English ("vie" 3.4, "est" 4.1)."""
LOAN_WORDS = 3
"""Loan phrases are short: "pièce de résistance", "joie de vivre", "c'est la vie"."""
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


@cache
def _foreign_memo(target: str, source: str) -> dict[str, bool]:
    return {}


def _flags(lows: list[str], target: str, source: str) -> list[bool]:
    """:func:`_foreign` of each lower-case word, through a plain dictionary per language
    pair (cheaper than a three-argument cache for the words of every sentence)."""
    memo = _foreign_memo(target, source)
    flags = list(map(memo.get, lows))
    if None in flags:
        trim(memo)
        for i, flag in enumerate(flags):
            if flag is None:
                flags[i] = memo[lows[i]] = _foreign(lows[i], target, source)
    return flags


@cache
def _plain_words(target: str, sources: tuple[str, ...]) -> set[str]:
    """Words (as written) seen so far that are foreign in none of ``sources``."""
    return set()


def _any_foreign(
    raw: list[str], lows: list[str], target: str, sources: tuple[str, ...], plain: set[str]
) -> bool:
    """Whether any of the words ``raw`` (``lows`` in lower case) is foreign in one of
    ``sources`` (:func:`_flags`); the others join ``plain``."""
    flags = [_flags(lows, target, source) for source in sources]
    if len(plain) >= MEMO_SIZE:
        plain.clear()
    plain.update(word for word, *foreign in zip(raw, *flags, strict=True) if not any(foreign))
    return any(map(any, flags))


def fragments(
    text: str, words: list[Word], target: str, source: str, lows: list[str] | None = None
) -> Iterator[tuple[int, int]]:
    """Spans of ``source``-language fragments among the ``words`` of a target sentence
    (``lows``: the words in lower case, when the caller has them already)."""
    flags = _flags(lows if lows is not None else [w.text.lower() for w in words], target, source)
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
            if ok and loan_phrase(text, words, run, target, source):
                ok = False  # "déjà vu", "café au lait", "bête noire": the target uses them
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


def _joined(text: str, left: Word, right: Word) -> bool:
    return bool(_JOINERS.fullmatch(text[left.end : right.start]))


def loan_phrase(text: str, words: list[Word], run: list[int], target: str, source: str) -> bool:
    """Whether the run of source-language ``words[run]`` is a phrase the target language
    has borrowed ("déjà vu", "café au lait", "joie de vivre") rather than a fragment the
    engine left untranslated ("la Défense", "este martes", "the government").

    A borrowed phrase is short, and each of its words (beyond the source's stop words
    and particles) is a word of the target language too, at a frequency names and quotes
    alone do not give it. Then one of two things must show the borrowing: a spelling the
    target took over with its accents, more frequent in the source than in the target
    ("déjà", "café"), in the phrase or joined to it; a hyphenated compound
    ("savoir-faire"); or, in English, only everyday words ("c'est la vie").
    """
    run_words = [words[i] for i in run]
    if sum(len(w.text) > 1 for w in run_words) > LOAN_WORDS:
        return False
    stops = stopwords().get(source, frozenset())
    content = [
        w for w in run_words
        if len(w.text) > 1 and w.text.lower() not in stops and w.text.lower() not in _PARTICLES
    ]
    if not content:
        return False  # only articles and prepositions: "with the", "sa", "por la"
    frequencies = [zipf(w.text, target) for w in content]
    if min(frequencies) < LOAN_ZIPF:
        return False
    around = list(run_words)
    if run[0] > 0 and _joined(text, words[run[0] - 1], run_words[0]):
        around.append(words[run[0] - 1])
    if run[-1] + 1 < len(words) and _joined(text, run_words[-1], words[run[-1] + 1]):
        around.append(words[run[-1] + 1])
    for word in around:
        if word.text.isascii():
            continue
        in_target = zipf(word.text, target)
        if in_target >= LOAN_ZIPF and common_zipf(word.text, source) > in_target:
            return True
    if len(content) > 1 and all(
        text[a.end : b.start] == "-" for a, b in pairwise(run_words)
    ):
        return True  # one hyphenated compound of target words: "savoir-faire"
    return target == "en" and min(frequencies) >= SETTLED_ZIPF


class SourceLanguageFragment(Rule):
    """Finds a few words of another language inside a sentence of the target language.

    Words are judged one by one with wordfreq: a word is foreign when it is much more
    frequent in the source language (or, without a source, in another of en, fr, es, de)
    than in the target ("sa", "avec", "poursuivra"). A run of two or more foreign words
    is reported ("la Défense", "mon entretien dans le"), and so is a lone function word
    of the source before a word the source language also has ("sa presence"). Runs of
    capitalised words are names ("Le Monde", "El País"), and so are particles before a
    name ("von der Leyen", "de Gaulle"); a German target needs a source function word
    in the run, since its nouns are capitalised. Phrases the target language has
    borrowed are left alone: short runs whose words the target's own word list knows,
    with a borrowed accented spelling ("déjà vu", "café au lait"), a hyphenated compound
    ("savoir-faire") or, in English, only everyday words ("c'est la vie"). Quoted titles
    ("Pascal Praud et vous") are left alone, and whole sentences in another language are
    WC401's.

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
        plain = _plain_words(target, sources)
        for sentence in story.mt.sentences:
            raw = _WORDS.findall(text, sentence.start, sentence.end)
            if plain.issuperset(raw):
                continue  # no word of any source language: nothing to look at closely
            lows = [w.lower() for w in raw]
            if not _any_foreign(raw, lows, target, sources, plain):
                continue
            segment = text[sentence.start : sentence.end]
            words = sentence_words(text, sentence.start, sentence.end)
            titles = [m.span(1) for m in _QUOTED_TITLE.finditer(text, sentence.start, sentence.end)]
            for source in sources:
                spans = [
                    (start, end) for start, end in fragments(text, words, target, source, lows)
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
