"""Time-stamp rule (WC302): the page's date and time lines, in any format.

Time-stamp words (keywords such as "posted", "updated", month and day names, relative
days) come from the ``timestamp`` table of ``checker/rules/langdata/<lang>.toml`` for the
target language and, when known, the source language; the shapes (times, numeric and
ISO dates, metadata fields, a byline before a stamp) are the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule
from checker.rules.boilerplate import (
    MAX_CHROME_LINE,
    extra_patterns,
    story_languages,
    stripped_lines,
)

_TIME = (
    r"\d{1,2}\s?(?::|h|\.)\s?\d{2}(?!\d)(?:\s?[ap]\.?\s?m\.?)?"
    r"|\d{1,2}\s?[ap]\.?\s?m\.?(?!\p{L})"
    r"|\d{1,2}\s?h(?!\p{L})"
)
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?!\d)|\d{1,2}\.\d{1,2}\.(?!\d)"
# ISO 8601 / database stamps: "2022-08-11T16:27:15.495Z", "2023-08-20 08:00:00".
_ISO = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_YEAR = regex.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
# Fields of a metadata line: "| blog, France | January 14, 2016", "date / time / Updated".
_FIELD_SEPARATOR = regex.compile(r"\s+[|/·•]\s+|^[|·•]\s+|\s+[|·•]$")
_FIELD_MARKS = "|/·•"
"""Every field separator holds one of these."""
_DIGIT = regex.compile(r"\d")
_TIME_ANYWHERE = regex.compile(_TIME, regex.IGNORECASE)
# A byline before a time stamp: "Claire Lee 11:37 a.m., December 07, 2023".
_BYLINE_STAMP = regex.compile(
    r"(?:By\s+|Par\s+|Por\s+|Von\s+)?\p{Lu}[\p{L}'’.-]+(?:,?\s+[\p{L}'’.-]+){1,9}"
    r"[\s,|–—-]+(?P<stamp>\d.*)"
)
_BYLINE_PARTICLES = frozenset(
    ["de", "da", "del", "di", "du", "van", "von", "der", "le", "la", "y", "e", "et", "and", "und",
     "with", "avec", "con", "mit", "edited", "by", "par", "por", "von"]
)
MAX_LABEL_WORDS = 6
MAX_TIMESTAMP_WORDS = 16
_NUMBER = r"\d{1,4}(?:st|nd|rd|th|er|e|º|ª|\.)?(?![\p{L}\d])"


@dataclass(frozen=True)
class TimestampPatterns:
    """Compiled time-stamp patterns for one language."""

    filler: regex.Pattern[str]
    keyword: regex.Pattern[str]
    dated: regex.Pattern[str]
    relative: regex.Pattern[str]
    month_day: regex.Pattern[str]

    @classmethod
    def of(cls, lang: str) -> TimestampPatterns:
        data = langdata.section(lang, "timestamp")
        keywords = data.get("keywords", [])
        words = [*keywords, *data.get("words", []), *data.get("relative", []),
                 *data.get("months", []), *data.get("weekdays", [])]
        word = r"(?<![\p{L}])" + langdata.alternation(words) + r"\.?(?![\p{L}])"
        months = langdata.alternation(data.get("months", []))
        relative = langdata.alternation(data.get("relative", []))
        flags = regex.IGNORECASE
        return cls(
            filler=regex.compile(f"{_ISO}|{_TIME}|{_DATE}|{word}|{_NUMBER}", flags),
            keyword=regex.compile(
                r"^\W*" + langdata.alternation(keywords) + r"(?![\p{L}])", flags
            ),
            dated=regex.compile(f"{_ISO}|{_TIME}|{_DATE}", flags),
            relative=regex.compile(rf"(?<![\p{{L}}]){relative}(?![\p{{L}}])", flags),
            month_day=regex.compile(
                rf"(?<![\p{{L}}]){months}\.?\s+\d{{1,2}}(?!\d)|\d{{1,2}}\.?\s+(?:de\s+)?{months}(?![\p{{L}}])",
                flags,
            ),
        )

    def matches_meta(self, line: str) -> bool:
        """Whether ``line`` is a time stamp with metadata: fields split by ``|`` or ``/``
        of which one is a time stamp and the others short labels ("| blog, France |
        January 14, 2016"), or a byline followed by a date and a time."""
        if any(mark in line for mark in _FIELD_MARKS):  # else the line is one field
            fields = [f.strip(" ,|") for f in _FIELD_SEPARATOR.split(line)]
            fields = [f for f in fields if f]
            if len(fields) > 1 and any(self.matches(f) for f in fields):
                return all(
                    self.matches(f)
                    or (len(f.split()) <= MAX_LABEL_WORDS and not f.endswith((".", "!", "?")))
                    for f in fields
                )
        if len(line) > MAX_CHROME_LINE or _DIGIT.search(line) is None:
            return False  # too long for a byline, or no time stamp (it starts with a digit)
        byline = _BYLINE_STAMP.fullmatch(line)
        if byline is None:
            return False
        names = line[: byline.start("stamp")].replace(",", " ").split()
        if any(w[:1].islower() and w not in _BYLINE_PARTICLES for w in names):
            return False
        stamp = byline.group("stamp")
        return (
            self.matches(stamp)
            and bool(_TIME_ANYWHERE.search(stamp))
            and bool(_YEAR.search(stamp))
        )

    def matches(self, line: str) -> bool:
        """Whether ``line`` is only a time stamp (with a time, date or relative day)."""
        if len(line) > MAX_CHROME_LINE or len(line.split()) > MAX_TIMESTAMP_WORDS:
            return False
        digits = any(map(str.isdigit, line))
        dated = digits and bool(self.dated.search(line))
        # A full date with a year ("Sunday, June 24, 2018") is a time stamp on its own.
        dated = dated or bool(digits and self.month_day.search(line) and _YEAR.search(line))
        if not (dated or (digits and self.month_day.search(line)) or self.relative.search(line)):
            return False
        if any(ch.isalnum() for ch in self.filler.sub(" ", line)):
            return False
        return dated or bool(self.keyword.search(line))


class TimestampLine(Rule):
    """Finds page time stamps: "Posted at 12:01 p.m.", "Publié le 14/03/2024 à 18h20".

    A line is a time stamp when it holds nothing but time-stamp words of the target (or
    source) language ("posted", "updated", "on", "at", month and day names), times,
    dates and numbers, with at least one time, date or relative day ("yesterday"). A
    line of only a date and time ("14.03.2024, 18:20 Uhr") counts too. Feeds add
    patterns with `extra-patterns = ["^Dernière heure.*$"]`.

    ## Why it matters
    The time stamp belongs to the web page the story was scraped from, not to the story;
    published in wire copy it is wrong (and usually in the wrong time zone).

    ## Example
    `Posted at 12:01 p.m.` on a line between the standfirst and the byline.
    `Publicado el 14/03/2024 a las 18:20`, `Veröffentlicht am 14.03.2024 um 18:20 Uhr`.

    ## Use instead
    Delete the line.

    ## Options
    `extra-patterns = ["Dernière heure.*"]`: regular expressions (case-insensitive) that a
    whole line must match to be a time stamp.
    """

    code = "WC302"
    name = "timestamp-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_title = "Delete the line"
    fix_applicability = "safe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(
            langdata.languages_with("timestamp"), TimestampPatterns.of
        )
        self.extra = extra_patterns(self)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        patterns = [self.patterns[lang] for lang in story_languages(story) if lang in self.patterns]
        text = story.text
        for start, end in stripped_lines(text):
            line = text[start:end]
            if any(p.fullmatch(line) for p in self.extra) or any(
                p.matches(line) or p.matches_meta(line) for p in patterns
            ):
                yield Hit(start, end, f"page time stamp '{line}'", suggestion="")
