"""Wording rules (WC703, WC704): titles and articles calqued from the source's house style.

The titles come from the ``honorifics`` table of ``checker/rules/langdata/<lang>.toml``,
the agency names that take no article from its ``agency_article`` table; the byline and
dateline rules are in :mod:`checker.rules.style`.
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
from checker.rules.style import quoted_spans

_LAST_WORD = regex.compile(r"(\p{L}+)[ \t]*$")


class CalquedHonorific(Rule):
    """Finds courtesy titles calqued from the source: "Mr. Hong" for French "M. Hong".

    French papers write "M. Hong" on second reference; AP, Reuters and AFP English use
    the surname alone, as do Spanish and German agencies ("el señor Hong", "Herr Hong"
    are calques). Titles inside direct quotations, titles used as an address
    ("Mr. President") and German "Frau"/"Herr" after an article ("eine Frau") are left
    alone. For houses that use courtesy titles (or French copy, where they are
    customary) the rule is silent; `honorifics = true` says so for a feed, and
    `honorifics = false` turns the rule on for French.

    ## Why it matters
    The title is a visible calque and breaks the wire's second-reference style.

    ## Example
    `…in the security on the peninsula, Mr. Hong said.`

    ## Use instead
    `…in the security on the peninsula, Hong said.`

    ## Options
    `honorifics = true`: the house uses courtesy titles (silences the rule);
    `honorifics = false`: it does not (turns the rule on for French copy).
    """

    code = "WC703"
    name = "calqued-honorific"
    category = Category.STYLE
    severity = Severity.INFO
    fix_title = "Use the surname alone"
    fix_applicability = "unsafe"
    languages = langdata.languages_with("honorifics")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.data = {lang: langdata.section(lang, "honorifics") for lang in self.languages}
        self.patterns = langdata.PerLanguage(self.languages, _honorific_pattern)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        data = self.data.get(story.lang)
        if data is None or self.options.get("honorifics", data.get("customary", False)):
            return
        text = story.text
        not_names = frozenset(data.get("not_names", []))
        not_after = frozenset(data.get("not_after", []))
        quotes = quoted_spans(text)
        for match in self.patterns[story.lang].finditer(text):
            name = match.group("name")
            if name in not_names:
                continue
            if any(s < match.start() < e for s, e in quotes):
                continue
            before = text[max(0, match.start() - 30) : match.start()]
            previous = _LAST_WORD.search(before)
            if previous and previous.group(1).lower() in not_after:
                continue
            yield Hit(
                match.start(), match.end(),
                f"courtesy title '{match.group('title')}' before '{name}'",
                suggestion=name,
            )


def _honorific_pattern(lang: str) -> regex.Pattern[str]:
    """A title of ``lang``'s honorifics before a capitalised name."""
    titles = list(langdata.section(lang, "honorifics").get("titles", []))
    titles += [t[:1].upper() + t[1:] for t in titles]
    return regex.compile(
        r"(?<![\p{L}])(?P<title>" + langdata.alternation(titles) + r")"
        r"[ \t\u00a0]+(?P<name>\p{Lu}[\p{L}'’\-]*\p{L})(?![\p{L}])"
    )


class AgencyArticle(Rule):
    """Finds an article before an agency name that takes none: "told the AFP".

    English names AFP, Reuters, EFE, dpa and most agencies without an article; "the AFP"
    is a calque of French "l'AFP" or Spanish "la AFP". The article is fine when it belongs
    to a noun after the name ("the AFP photographer", "the Reuters tally"), so the pair is
    flagged only before punctuation or a word that cannot be that noun ("on", "that",
    "said", a weekday: `agency_article.followers`). French, Spanish
    and German use the article correctly, so the rule applies only to languages with an
    `agency_article` table (English).

    ## Why it matters
    A reader of English wire copy spots the calque at once.

    ## Example
    `…at the Korea Institute for Defense Analyses, to the AFP.`

    ## Use instead
    `…at the Korea Institute for Defense Analyses, told AFP.` (the fix drops the article:
    `to AFP`).
    """

    code = "WC704"
    name = "agency-article"
    category = Category.STYLE
    severity = Severity.WARNING
    fix_title = "Drop the article"
    fix_applicability = "safe"
    languages = langdata.languages_with("agency_article")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _agency_article)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        compiled = self.patterns.get(story.lang)
        if compiled is None:
            return
        pattern, followers = compiled
        for match in pattern.finditer(story.text):
            following = match.group("next")
            if match.group("after"):
                continue  # "the AFP's correspondent"
            if following is not None and following.casefold() not in followers:
                continue  # "the AFP photographer", "the Reuters Institute"
            agency = match.group("agency")
            yield Hit(
                match.start(), match.end("agency"),
                f"'{agency}' takes no article in English",
                suggestion=agency,
            )


def _agency_article(lang: str) -> tuple[regex.Pattern[str], frozenset[str]]:
    """An article before an agency name in ``lang``, and the words that may follow it."""
    data = langdata.section(lang, "agency_article")
    weekdays = langdata.section(lang, "timestamp").get("weekdays", [])
    followers = frozenset(w.casefold() for w in [*data.get("followers", []), *weekdays])
    articles = langdata.alternation(data.get("articles", []))
    agencies = langdata.alternation(data.get("agencies", []))
    pattern = regex.compile(
        rf"(?<![\p{{L}}])(?i:{articles})\s+(?P<agency>{agencies})(?![\p{{L}}\d\-])"
        r"(?P<after>(?:['’]s)?)[ \t]*(?P<next>[\p{L}]+)?"
    )
    return pattern, followers
