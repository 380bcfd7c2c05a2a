"""Typography rules (WC6xx): the source language's typography leaking into the target.

What is correct differs per target language and comes from
``checker/rules/langdata/<lang>.toml``: tables ``punctuation`` (which marks take no space
before them) and ``numbers`` (decimal mark, thousands separator, words that make a number
a quantity). Quotation marks have their own module, :mod:`checker.rules.quotes`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.errors import ConfigError
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule

_SPACES = " \t\u00a0\u202f"
_OPENING_BRACKETS = "([{«“„‘‹¿¡"


class SpaceBeforePunctuation(Rule):
    """Finds a space before `.` `,` `;` `:` `!` `?` where the target language puts none.

    French sets a (narrow) no-break space before `:` `;` `!` `?`; English, Spanish,
    German, Portuguese and Italian do not, and no language spaces a comma or a full stop.
    Engines translating from French keep the space ("Related News :"), and stripped
    markup leaves one before a full stop ("Defense ."); a spaced repeat of the mark
    before it ("statement. .") is deleted. Ratios and scores ("3 : 1") and spaced
    ellipses ("wait ...") are left alone. Which marks take no space comes from the
    language's data (`punctuation.no_space_before`).

    ## Why it matters
    The space is a visible French convention in English or Spanish copy, and a line
    break can fall inside it, leaving the mark alone at the start of a line.

    ## Example
    `Related News :`, `«¿Qué pasará ? Sencillamente no sabemos…»`, `the Ministry of
    Defense .`

    ## Use instead
    `Related News:`, `«¿Qué pasará? Sencillamente no sabemos…»`, `the Ministry of Defense.`
    """

    code = "WC601"
    name = "space-before-punctuation"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Remove the space"
    fix_applicability = "safe"
    languages = langdata.languages_with("punctuation")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _space_pattern)
        self.hints = langdata.PerLanguage(self.languages, _space_hint)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        text = story.text
        if self.hints[story.lang].search(text) is None:
            return
        for match in pattern.finditer(text):
            start = match.start()
            mark = match.group("mark")
            before = text[start - 1]
            if before in _OPENING_BRACKETS:
                continue
            after = text[match.end() :].lstrip(_SPACES)[:1]
            if mark == ":" and before.isdigit() and after.isdigit():
                continue  # a score or ratio: "3 : 1"
            around = (text[match.end() : match.end() + 2], text[start - 2 : start])
            if mark.startswith("..") or (mark == "." and " ." in around):
                continue  # a spaced ellipsis ("wait ...", "wait . . .") is a style
            if before == mark:  # "statement. .": the second mark is a duplicate
                yield Hit(start, match.end(), f"repeated '{mark}'", suggestion="")
                continue
            yield Hit(start, match.end(), f"space before '{mark}'", suggestion=mark)


def _space_pattern(lang: str) -> regex.Pattern[str]:
    # No language spaces a full stop ("Defense ."); the data lists the others.
    marks = langdata.section(lang, "punctuation").get("no_space_before", "") + "."
    return regex.compile(
        rf"(?<=\S)(?P<space>[{_SPACES}]+)(?P<mark>[{regex.escape(marks)}]+)"
        rf"(?=[\s\"”’»)\]]|\Z)"
    )


def _space_hint(lang: str) -> regex.Pattern[str]:
    """A space right before a mark: what every :func:`_space_pattern` match holds, which
    rules most texts out faster than the pattern itself."""
    marks = langdata.section(lang, "punctuation").get("no_space_before", "") + "."
    return regex.compile(rf"[{_SPACES}][{regex.escape(marks)}]")


# -- WC603 ---------------------------------------------------------------------------------
_NOT_BEFORE = r"(?<![\d.,'’])"
_NOT_AFTER = r"(?![\d.,]\d|\d)"


@dataclass(frozen=True)
class NumberPatterns:
    """Numbers written with the other convention, for a language with a given decimal mark."""

    decimal: str
    thousands: str
    wrong_decimal: regex.Pattern[str]
    wrong_thousands: regex.Pattern[str]

    @classmethod
    def of(cls, lang: str, decimal: str | None) -> NumberPatterns:
        data = langdata.section(lang, "numbers")
        native = data.get("decimal", ".")
        decimal = decimal or native
        thousands = data.get("thousands", ",") if decimal == native else ""
        thousands = thousands or ("," if decimal == "." else ".")
        other = "," if decimal == "." else "."
        unit = (
            r"(?=[ \u00a0\u202f]?" + langdata.alternation(data.get("units", []))
            + r"(?![\p{L}]))"
        )
        money = r"(?<=[$€£¥]\s?)"
        esc = regex.escape(other)
        return cls(
            decimal,
            thousands,
            wrong_decimal=regex.compile(
                rf"{_NOT_BEFORE}(?:(?P<n>\d{{1,3}}{esc}(?:\d{{1,2}}|\d{{4,}})){_NOT_AFTER}{unit}"
                rf"|{money}(?P<m>\d{{1,3}}{esc}\d{{1,2}}){_NOT_AFTER})",
                regex.IGNORECASE,
            ),
            # Thousands grouped with the decimal mark: two groups, or one "…00" group
            # before a unit ("4.700 million" in English, "1,500 Millionen" in German).
            wrong_thousands=regex.compile(
                rf"{_NOT_BEFORE}(?P<n>[1-9]\d{{0,2}}(?:{regex.escape(decimal)}\d{{3}}){{2,}}"
                rf"|[1-9]\d{{0,2}}{regex.escape(decimal)}\d00(?={_NOT_AFTER}{unit})){_NOT_AFTER}",
                regex.IGNORECASE,
            ),
        )


class DecimalSeparator(Rule):
    """Finds decimal and thousands marks of the wrong convention: "2.5 Prozent", "3,2 percent".

    English writes `2.5` and `4,700`; French, Spanish, German, Portuguese and Italian
    write `2,5` and `4.700` (French `4 700`). Engines often copy the source's marks. To
    stay clear of dates, times, versions and scores, a decimal is flagged only before a
    unit word of the language (percent, million, euros…, from `numbers.units`) or after a
    currency sign, and a thousands group only when there are two groups, or one group
    ending in `00` before a unit ("4.700 million"). A feed whose house style differs
    (Mexican Spanish writes `2.5`) sets `decimal = "."`.

    ## Why it matters
    In English "4.700 million" is four point seven million, not 4,700 million; the
    number changes by a factor of a thousand.

    ## Example
    English `3,2 percent`, `4.700 million`; German `2.5 Prozent`.

    ## Use instead
    English `3.2 percent`, `4,700 million`; German `2,5 Prozent`.

    ## Options
    `decimal = "."` or `","`: the feed's decimal mark, overriding the language's.
    """

    code = "WC603"
    name = "decimal-separator"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Use the target language's decimal and thousands marks"
    fix_applicability = "unsafe"
    languages = langdata.languages_with("numbers")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        decimal = self.options.get("decimal")
        if decimal is not None and decimal not in (".", ","):
            raise ConfigError(
                settings.config_path, f"[rules.{self.code}] decimal must be '.' or ','"
            )
        self.patterns = langdata.PerLanguage(
            self.languages, functools.partial(NumberPatterns.of, decimal=decimal)
        )

    def check(self, story: StoryContext) -> Iterator[Hit]:
        patterns = self.patterns.get(story.lang)
        if patterns is None:
            return
        text = story.text
        decimal = patterns.decimal
        other = "," if decimal == "." else "."
        for match in patterns.wrong_decimal.finditer(text):
            group = "n" if match.group("n") else "m"
            number = match.group(group)
            yield Hit(
                match.start(group), match.end(group),
                f"decimal mark '{other}' in '{number}': '{story.lang}' copy writes '{decimal}'",
                suggestion=number.replace(other, decimal),
            )
        for match in patterns.wrong_thousands.finditer(text):
            number = match.group("n")
            yield Hit(
                match.start("n"), match.end("n"),
                f"thousands grouped with '{decimal}' in '{number}', the decimal mark of "
                f"'{story.lang}' copy",
                suggestion=number.replace(decimal, patterns.thousands),
            )
