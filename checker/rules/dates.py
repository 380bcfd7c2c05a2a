"""Date rule (WC705): a date written in the source language's way.

German (and the Nordic languages) write the day as an ordinal with a full stop
("am 7. Dezember"); an engine that keeps the stop gives "on 7. December" in English or
"le 7. décembre" in French. Which languages write dates how comes from the ``dates``
table of the target language's data: ``day_month`` (the form a fix writes) and
``before`` (words that may stand before a date), with month names from ``timestamp``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule

_CAPITALISED_MONTHS = frozenset({"en"})
"""Languages whose month names are capitalised (so "may" stays a verb)."""


def _full_names(months: list[str]) -> list[str]:
    """Month names without their abbreviations ("sept" is a prefix of "septiembre")."""
    return [m for m in months if not any(o != m and o.startswith(m) for o in months)]


class SourceDateFormat(Rule):
    """Finds a day written with an ordinal full stop before a month: "on 7. December".

    The date must follow a word that introduces dates in the target language ("on",
    "the", "from", "le", "el"...), another such date ("the 2. and 3. June"), or a
    month ("January 7. December", a garbled date). A number that ends a sentence
    before a month at the start of the next is not matched, and neither is a
    numbered list item at the start of a line. Applies to languages whose data has a
    `dates` table (not German, which writes dates this way).

    ## Why it matters
    The stop turns the date into a German ordinal that English, French or Spanish
    readers parse as the end of a sentence; it is one of the commonest traces of MT
    from German.

    ## Example
    `The party congress on 7. December will choose a new leader.`

    ## Use instead
    `The party congress on 7 December will choose a new leader.` (or the house style's
    "December 7").
    """

    code = "WC705"
    name = "source-date-format"
    category = Category.STYLE
    severity = Severity.WARNING
    fix_title = "Write the date the target language's way"
    fix_applicability = "safe"
    languages = langdata.languages_with("dates")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _date_pattern)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        compiled = self.patterns.get(story.lang)
        if compiled is None:
            return
        pattern, template = compiled
        for match in pattern.finditer(story.text):
            date = match.group("date")
            if "." in date[date.index(".") + 1 :]:
                # "2. and 3. June": drop every ordinal stop, keep the words between.
                fixed = regex.sub(r"(\d)\.(?=[^\S\n])", r"\1", date)
            else:
                fixed = template.format(day=match.group("day"), month=match.group("month"))
            yield Hit(
                match.start("date"), match.end("date"),
                f"'{date}' keeps the ordinal stop of a German date",
                suggestion=fixed,
            )


def _date_pattern(lang: str) -> tuple[regex.Pattern[str], str] | None:
    """Dates with a German ordinal stop in ``lang``, and how ``lang`` writes them."""
    dates = langdata.section(lang, "dates")
    months = _full_names(langdata.section(lang, "timestamp").get("months", []))
    if not months:
        return None
    capitalised = lang in _CAPITALISED_MONTHS
    flags = regex.V1 if capitalised else regex.V1 | regex.IGNORECASE
    month_names = [m.capitalize() for m in months] if capitalised else months
    month = "|".join(regex.escape(m) for m in sorted(month_names, key=len, reverse=True))
    before = "|".join(regex.escape(w) for w in dates.get("before", []))
    pattern = regex.compile(
        rf"(?<=(?:^|[^\n\S]|\()(?:(?i:{before})|{month})[^\S\n]+)"
        rf"(?P<date>(?P<day>[0-3]?\d)\.(?:[^\S\n]+(?i:{before})[^\S\n]+[0-3]?\d\.)*"
        rf"[^\S\n]+(?P<month>{month}))\b",
        flags,
    )
    return pattern, dates.get("day_month", "{day} {month}")
