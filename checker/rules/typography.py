"""Typography rules (WC6xx): the source language's typography leaking into the target.

What is correct differs per target language and comes from
``checker/rules/langdata/<lang>.toml``: tables ``punctuation`` (which marks take no space
before them), ``quotes`` (accepted and foreign quotation-mark pairs) and ``numbers``
(decimal mark, thousands separator, words that make a number a quantity).
"""

from __future__ import annotations

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
    """Finds a space before `,` `;` `:` `!` `?` where the target language puts none.

    French sets a (narrow) no-break space before `:` `;` `!` `?`; English, Spanish,
    German, Portuguese and Italian do not, and no language spaces a comma. Engines
    translating from French keep the space ("Related News :"). Ratios and scores
    ("3 : 1") are left alone. Which marks take no space comes from the language's data
    (`punctuation.no_space_before`).

    ## Why it matters
    The space is a visible French convention in English or Spanish copy, and a line
    break can fall inside it, leaving the mark alone at the start of a line.

    ## Example
    `Related News :`, `«¿Qué pasará ? Sencillamente no sabemos…»`

    ## Use instead
    `Related News:`, `«¿Qué pasará? Sencillamente no sabemos…»`
    """

    code = "WC601"
    name = "space-before-punctuation"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Remove the space"
    languages = langdata.languages_with("punctuation")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns: dict[str, regex.Pattern[str]] = {}
        for lang in self.languages:
            marks = langdata.section(lang, "punctuation").get("no_space_before", "")
            if marks:
                self.patterns[lang] = regex.compile(
                    rf"(?<=\S)(?P<space>[{_SPACES}]+)(?P<mark>[{regex.escape(marks)}]+)"
                    rf"(?=[\s\"”’»)\]]|\Z)"
                )

    def check(self, story: StoryContext) -> Iterator[Hit]:
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        text = story.text
        for match in pattern.finditer(text):
            start = match.start()
            mark = match.group("mark")
            before = text[start - 1]
            if before in _OPENING_BRACKETS:
                continue
            after = text[match.end() :].lstrip(_SPACES)[:1]
            if mark == ":" and before.isdigit() and after.isdigit():
                continue  # a score or ratio: "3 : 1"
            yield Hit(start, match.end(), f"space before '{mark}'", suggestion=mark)


# -- WC602 ---------------------------------------------------------------------------------
def _pairs(value: Any, origin: str, path: str | None = None) -> frozenset[tuple[str, str]]:
    pairs = set()
    for pair in value or []:
        is_pair = isinstance(pair, list) and len(pair) == 2
        if not (is_pair and all(isinstance(m, str) for m in pair)):
            raise ConfigError(path, f"{origin}: quotation marks must be [opening, closing] pairs")
        pairs.add((pair[0], pair[1]))
    return frozenset(pairs)


@dataclass(frozen=True)
class QuoteStyle:
    """A language's quotation marks: accepted and foreign pairs, and what a fix writes."""

    accepted: frozenset[tuple[str, str]]
    foreign: frozenset[tuple[str, str]]
    primary: tuple[str, str]
    inner_space: str

    @classmethod
    def of(cls, lang: str, extra_accepted: frozenset[tuple[str, str]]) -> QuoteStyle:
        data = langdata.section(lang, "quotes")
        accepted = _pairs(data.get("accepted"), f"{lang}.toml quotes") | extra_accepted
        foreign = _pairs(data.get("foreign"), f"{lang}.toml quotes") - accepted
        primary = tuple(data.get("primary", ("“", "”")))
        return cls(accepted, foreign, (primary[0], primary[1]), data.get("inner_space", ""))

    @property
    def marks(self) -> frozenset[str]:
        return frozenset(m for pair in self.accepted | self.foreign for m in pair)

    def rewrite(self, inner: str) -> str:
        body = inner.strip(_SPACES)
        pad = self.inner_space
        return f"{self.primary[0]}{pad}{body}{pad}{self.primary[1]}"


class ForeignQuotationMarks(Rule):
    """Finds quotation marks of another language: « » in English, “ ” in German.

    Quotation marks are paired line by line; a pair that the target language does not use
    is flagged with the whole quotation, and rewritten with the language's own marks.
    Accepted: English “ ” and " "; French « » (and “ ” inside them); Spanish, Portuguese
    and Italian « » and “ ”; German „ “ and » « (books, magazines). Flagged: German
    low-high „ “ outside German, French guillemets in English or German, English “ ” in
    German, and a closing mark the language never uses (” in German). Feeds whose style
    differs (Swiss German « ») add pairs with `accept = [["«", "»"]]`.

    ## Why it matters
    Quotation marks are the most visible sign of a translated text; in German “…” reads
    as English and ”…“ as an error.

    ## Example
    German copy: `“Die EZB hat ihren Fokus eindeutig verlagert”, sagte Marcus Wendt.`

    ## Use instead
    `„Die EZB hat ihren Fokus eindeutig verlagert“, sagte Marcus Wendt.`

    ## Options
    `accept = [["«", "»"]]`: more (opening, closing) pairs the feed accepts.
    """

    code = "WC602"
    name = "foreign-quotation-marks"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Use the target language's quotation marks"
    languages = langdata.languages_with("quotes")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        extra = _pairs(
            self.options.get("accept"), f"[rules.{self.code}] accept", settings.config_path
        )
        self.styles = {lang: QuoteStyle.of(lang, extra) for lang in self.languages}

    def check(self, story: StoryContext) -> Iterator[Hit]:
        style = self.styles.get(story.lang)
        if style is None:
            return
        text = story.text
        marks = style.marks
        pairs = style.accepted | style.foreign
        openers = {o for o, _ in pairs}
        accepted_marks = {m for pair in style.accepted for m in pair}
        closing_only = {c for _, c in pairs} - openers
        start = 0
        for line in text.split("\n"):
            stack: list[tuple[int, str]] = []
            for index, char in enumerate(line):
                if char not in marks:
                    continue
                pos = start + index
                if stack and (stack[-1][1], char) in pairs:
                    open_pos, open_char = stack.pop()
                    if (open_char, char) in style.foreign:
                        inner = text[open_pos + 1 : pos]
                        yield Hit(
                            open_pos, pos + 1,
                            f"quotation marks {open_char}…{char} are not used in "
                            f"'{story.lang}' copy",
                            suggestion=style.rewrite(inner),
                        )
                elif char in openers:
                    stack.append((pos, char))
                elif char not in accepted_marks:
                    replacement = style.primary[1] if char in closing_only else style.primary[0]
                    yield Hit(
                        pos, pos + 1,
                        f"quotation mark {char} is not used in '{story.lang}' copy",
                        suggestion=replacement,
                    )
            start += len(line) + 1


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
    languages = langdata.languages_with("numbers")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        decimal = self.options.get("decimal")
        if decimal is not None and decimal not in (".", ","):
            raise ConfigError(
                settings.config_path, f"[rules.{self.code}] decimal must be '.' or ','"
            )
        self.patterns = {lang: NumberPatterns.of(lang, decimal) for lang in self.languages}

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
