"""Page-chrome rules (WC305, WC306, WC308, WC309): the furniture of a web page, kept by a
scraper (photo credits, WC307, are in :mod:`checker.rules.credits`).

The rules recognise chrome by what it is rather than by one site's wording: its place
(a line of its own, the top of the page, the end of a teaser), its shape (a machine
time stamp, a credit ending in ``AGENCY/Name``, a line seen twice) and each language's
interface vocabulary from the ``chrome`` table of ``checker/rules/langdata/<lang>.toml``
(target language first, then the source language: pages keep untranslated buttons).
Every suggestion deletes exactly the chrome line or fragment, never story text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule
from checker.rules.boilerplate import story_languages, stripped_lines

BODY_WORDS = 20
"""A line with at least this many words is story text: the page's chrome header ends."""

_ISO_STAMP = regex.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_STOP_WORDS = (
    "a an the to of on in at for and or by with our your this my us me i we you it is are "
    "le la les l de du des un une et à au aux en sur pour par notre votre ce cet cette je "
    "el los las lo del y o para por con nuestro nuestra su tu este esta "
    "der die das den dem des ein eine und oder zu zum zur im am auf für mit von unser ihr"
)
_STOP = frozenset(_STOP_WORDS.split())


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")


_LETTERS = regex.compile(r"\p{L}+")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def more_words_than(count: int) -> regex.Pattern[str]:
    """A pattern matching the start of a line that has more than ``count`` :func:`_words`
    (each word taken whole, as ``findall`` does): quicker than counting them all."""
    return regex.compile(
        r"(?:[^\p{L}\p{N}]*+[\p{L}\p{N}][\p{L}\p{N}'’.-]*+)" + f"{{{count + 1}}}"
    )


def leading_letters(words: Iterable[str]) -> frozenset[str] | None:
    """The case-folded letters each of ``words`` starts with, up to its first non-letter;
    None when one of them does not start with a letter."""
    leads = set()
    for word in words:
        match = _LETTERS.match(word.strip())
        if match is None:
            return None
        leads.add(match.group().casefold())
    return frozenset(leads)


@dataclass(frozen=True)
class ChromeVocabulary:
    """One language's chrome words, compiled."""

    interface: regex.Pattern[str]
    interface_leads: frozenset[str] | None
    """How the interface words start (see :func:`leading_letters`): a line holds one of
    them only if one of its runs of letters, case-folded, is one of these."""
    label: regex.Pattern[str]
    sections: frozenset[str]
    reading: regex.Pattern[str]
    reading_word: regex.Pattern[str]
    more: regex.Pattern[str]
    more_end: regex.Pattern[str]
    """``more`` without its gap, searched from the end of the line: it matches a line
    exactly when ``more`` does, and fails at once on most lines."""
    credit: regex.Pattern[str]
    relative: regex.Pattern[str]
    """Relative days ("today"), which a page counter ends with."""

    @classmethod
    def of(cls, langs: Iterable[str]) -> ChromeVocabulary:
        data: dict[str, list[str]] = {}
        for lang in langs:
            for key, value in langdata.section(lang, "chrome").items():
                data.setdefault(key, []).extend(value)
        social = list(langdata.common().get("social", []))
        flags = regex.IGNORECASE
        units = langdata.alternation(data.get("units", []))
        reading = langdata.alternation(data.get("reading", []))
        more = (r"(?:" + langdata.alternation(data.get("more", []))
                + r")[ \t]*(?:»|›|→|>>|\.\.\.|…)?")
        words = r"(?<![\p{L}])" + langdata.alternation(data.get("interface", []) + social)
        return cls(
            interface=regex.compile(words + r"(?![\p{L}])", flags),
            interface_leads=leading_letters(data.get("interface", []) + social),
            label=regex.compile(
                r"(?:" + langdata.alternation(data.get("labels", [])) + r")[ \t]*:[ \t]*"
                r"(?P<value>[^.!?]{1,80})",
                flags,
            ),
            sections=frozenset(s.casefold() for s in data.get("sections", [])),
            reading=regex.compile(
                rf"(?<![\p{{L}}])(?:~|ca\.?|approx\.?|about|environ|unos|etwa)?\s*\d+(?:[.,]\d+)?"
                rf"\s*{units}\.?(?![\p{{L}}])",
                flags,
            ),
            reading_word=regex.compile(rf"(?<![\p{{L}}]){reading}(?![\p{{L}}])", flags),
            more=regex.compile(r"(?P<gap>[ \t\u00a0]*)(?P<prompt>" + more + r")$", flags),
            more_end=regex.compile(r"(?r)" + more + r"$", flags),
            credit=regex.compile(langdata.alternation(data.get("credit", [])), flags),
            relative=regex.compile(
                r"(?<![\p{L}])" + langdata.alternation(
                    [w for lang in langs for w in langdata.section(lang, "timestamp").get(
                        "relative", [])]
                ) + r"(?![\p{L}])",
                flags,
            ),
        )


@cache
def vocabulary(langs: tuple[str, ...]) -> ChromeVocabulary:
    return ChromeVocabulary.of(langs)


def _is_leftover_free(line: str, *patterns: regex.Pattern[str]) -> bool:
    """Whether nothing but stop words, numbers and punctuation remains of ``line`` once
    every match of ``patterns`` is removed."""
    rest = line
    for pattern in patterns:
        rest = pattern.sub(" ", rest)
    return all(w.casefold() in _STOP or w.isdigit() for w in _words(rest))


def _may_hold(leads: frozenset[str] | None, line: str) -> bool:
    """Whether ``line`` may hold a word that starts with one of ``leads`` (see
    :func:`leading_letters`; None: any word)."""
    return leads is None or any(w.casefold() in leads for w in _LETTERS.findall(line))


def _may_end_with(prompt: regex.Pattern[str], line: str) -> bool:
    """Whether ``prompt`` (a reverse pattern anchored at the end) matches ``line``."""
    return prompt.search(line) is not None


def header_end(text: str, lines: Sequence[tuple[int, int]]) -> int:
    """Offset where the page's header ends: the first line long enough to be story text."""
    for start, end in lines:
        if len(text[start:end].split()) >= BODY_WORDS:
            return start
    return len(text)


class ChromeRule(Rule):
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_title = "Delete the line"
    fix_applicability = "unsafe"


class MachineTimestampPrefix(ChromeRule):
    """Finds a machine time stamp glued to the start of a paragraph ("2023-08-20 08:00:00 The…").

    A teaser or a feed item often starts with the item's ISO 8601 time stamp
    (`2022-08-11T16:27:15.495Z`, `2023-08-20 08:00:00`), which the scraper glued to the
    first sentence. Only the time stamp is flagged.

    ## Why it matters
    The time stamp is page metadata; published, it opens the story with a string of
    digits no reader expects.

    ## Example
    `2023-08-20 08:00:00 The government will launch a mission…`

    ## Use instead
    `The government will launch a mission…`
    """

    code = "WC305"
    name = "machine-timestamp-prefix"
    fix_title = "Delete the time stamp"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        for start, end in stripped_lines(text):
            match = _ISO_STAMP.match(text, start, end)
            if match is None:
                continue
            gap = match.end()
            while gap < end and text[gap] in " \t\u00a0":
                gap += 1
            if gap == match.end() or gap >= end or not text[gap].isalpha():
                continue  # a stamp alone on its line is WC302's; one glued to a word is not ISO
            yield Hit(
                start, gap, f"machine time stamp '{match.group()}' before the text", suggestion=""
            )


class ReadingTimeLine(ChromeRule):
    """Finds reading-time lines: "1 Min Read", "Reading time: 3 minutes", "Lesezeit: 4 Min.".

    A line is a reading time when it holds a number with a time unit and a reading word
    of the target (or source) language, and nothing else but separators.

    ## Why it matters
    The estimate belongs to the web page; in wire copy it is meaningless.

    ## Example
    `1 Min Read` between the headline and the photo caption.

    ## Use instead
    Delete the line.
    """

    code = "WC306"
    name = "reading-time-line"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        vocab = vocabulary(story_languages(story))
        text = story.text
        for start, end in stripped_lines(text):
            line = text[start:end]
            if len(line) > 60 or not vocab.reading.search(line):
                continue
            if vocab.reading_word.search(line) and _is_leftover_free(
                line, vocab.reading, vocab.reading_word
            ):
                yield Hit(start, end, f"reading-time line '{line}'", suggestion="")


class InterfaceTextLine(ChromeRule):
    """Finds web-page interface text: "Enlarge image", "Text size", "Subscribe", "Tags: …".

    A short line (at most 16 words) is interface text when, once the interface words of
    the target (or source) language and social-network names are removed, only stop
    words, numbers and punctuation remain ("Leave a Reply", "x: opens new window",
    "Je m'abonne"); or when it is a metadata label and its value ("Tags: Europe",
    "Schlagwörter: EZB, Zinsen"). Above the story's first paragraph, a line that is
    only a section name ("World News") counts too.

    ## Why it matters
    Buttons and notices are not part of the story; published, they read as nonsense.

    ## Example
    `Enlarge image`, `Download the app`, `Your email address will not be published.`

    ## Use instead
    Delete the line.
    """

    code = "WC308"
    name = "interface-text-line"
    fix_applicability = "safe"
    MAX_WORDS = 16

    def check(self, story: StoryContext) -> Iterator[Hit]:
        vocab = vocabulary(story_languages(story))
        agencies = {a["name"].casefold() for a in langdata.agencies()}
        text = story.text
        lines = stripped_lines(text)
        body_start = header_end(text, lines)
        leads = vocab.interface_leads
        for start, end in lines:
            line = text[start:end]
            if _TOO_MANY_WORDS.match(line):
                continue
            words = _words(line)
            if not words or len(words) > self.MAX_WORDS:
                continue
            interface = _may_hold(leads, line) and vocab.interface.search(line)
            if interface and _is_leftover_free(line, vocab.interface):
                yield Hit(start, end, f"interface text '{line}'", suggestion="")
            elif line[0].isdigit() and interface and _is_leftover_free(
                line, vocab.interface, vocab.relative
            ):  # a counter: "105 total views, 1 today"
                yield Hit(start, end, f"page counter '{line}'", suggestion="")
            elif vocab.label.fullmatch(line) and len(words) <= 10:
                yield Hit(start, end, f"metadata label line '{line}'", suggestion="")
            elif start < body_start and self._section(line, words, vocab.sections, agencies):
                yield Hit(start, end, f"section name '{line}' above the story", suggestion="")

    @staticmethod
    def _section(
        line: str, words: list[str], sections: frozenset[str], agencies: set[str]
    ) -> bool:
        if len(words) > 3 or line.endswith((".", ":", "?", "!")):
            return False
        rest = [w for w in words if w.casefold() not in agencies]
        return bool(rest) and " ".join(rest).casefold() in sections


_TOO_MANY_WORDS = more_words_than(InterfaceTextLine.MAX_WORDS)


class ReadMorePrompt(ChromeRule):
    """Finds a read-more prompt ending a teaser: "… Read more", "Lire la suite", "Weiterlesen".

    Listing pages cut each teaser and append a link; the scraper keeps the link text at
    the end of the paragraph. Only the prompt is flagged, and only after a cut (an
    ellipsis) or a sentence end, so "read more" in a sentence is left alone.

    ## Why it matters
    The link goes to a page the wire client does not have; published, the prompt reads as
    part of the story.

    ## Example
    `…and buried far from … Read more`

    ## Use instead
    Delete the prompt (and rewrite the cut sentence from the source).
    """

    code = "WC309"
    name = "read-more-prompt"
    fix_title = "Delete the prompt"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        vocab = vocabulary(story_languages(story))
        text = story.text
        for start, end in stripped_lines(text):
            line = text[start:end]
            if not _may_end_with(vocab.more_end, line):
                continue  # the prompt must end the line: one look from the end rules it out
            match = vocab.more.search(line)
            if match is None:
                continue
            before = line[: match.start()].rstrip()
            if not before or not before.endswith(("…", "...", ".", "!", "?", "”", "\"", "»")):
                continue
            if not match.group("gap") and before[-1].isalnum():
                continue
            yield Hit(
                start + match.start(), end, f"read-more prompt '{match.group('prompt')}'",
                suggestion="",
            )
