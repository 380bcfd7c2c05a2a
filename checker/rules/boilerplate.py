"""Boilerplate rules (WC3xx): page chrome a scraper kept and the engine translated.

Each rule looks at whole lines of the MT text. Related-content prompts come from
``checker/rules/langdata/<lang>.toml`` (table ``related``) for the target language and,
when known, the source language (a scraped page often keeps prompts the engine did not
translate). Feeds add their own patterns with ``extra-patterns`` (regular expressions
matched against the whole line). The time-stamp rule lives in
:mod:`checker.rules.timestamps`, the other page-chrome rules in :mod:`checker.rules.chrome`
and :mod:`checker.rules.repeats`; this module holds the helpers they share.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule

MAX_CHROME_LINE = 160
"""Longer lines are story text, never chrome."""


@functools.lru_cache(maxsize=4)
def stripped_lines(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every non-blank line, surrounding white space excluded.

    A dozen line rules ask for the same story's lines: the last few texts are cached.
    """
    spans = []
    start = 0
    for line in text.split("\n"):
        content = line.strip()
        if content:
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(content)))
        start += len(line) + 1
    return tuple(spans)


def story_languages(story: StoryContext) -> tuple[str, ...]:
    """The target language, then the source language when known and different."""
    if story.src_lang and story.src_lang != story.lang:
        return (story.lang, story.src_lang)
    return (story.lang,)


def extra_patterns(rule: Rule) -> list[regex.Pattern[str]]:
    return langdata.compile_patterns(
        rule.options.get("extra-patterns"),
        f"[rules.{rule.code}] extra-patterns",
        rule.settings.config_path,
    )


class PunctuationOnlyLine(Rule):
    """Finds lines that hold punctuation but no letter or digit (a lone "-", "***").

    Scraped pages leave separators, bullets and list markers on lines of their own; the
    engine passes them through. Lines listed in the `allow` option (for a feed whose house
    style uses a separator such as `* * *`) are accepted.

    ## Why it matters
    A lone dash or asterisk line is visible junk in the published story.

    ## Example
    A line holding only `-` between the last quote and `Related News :`.

    ## Use instead
    Delete the line.

    ## Options
    `allow = ["* * *"]`: lines the feed's house style uses as separators.
    """

    code = "WC301"
    name = "punctuation-only-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_title = "Delete the line"
    fix_applicability = "safe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        allowed = self.options.get("allow", [])
        self.allowed = frozenset(a.strip() for a in allowed if isinstance(a, str))

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        for start, end in stripped_lines(text):
            line = text[start:end]
            if any(ch.isalnum() for ch in line) or line in self.allowed:
                continue
            yield Hit(start, end, f"line '{line}' has no letter or digit", suggestion="")


# -- WC303 ---------------------------------------------------------------------------------
_SEPARATORS = r"[\s|·•/,]+"


@dataclass(frozen=True)
class RelatedPatterns:
    """Compiled related-content and share prompts for one language."""

    prompt: regex.Pattern[str]
    opener: regex.Pattern[str]
    share: regex.Pattern[str]
    glued: regex.Pattern[str]

    @classmethod
    def of(cls, lang: str) -> RelatedPatterns:
        data = langdata.section(lang, "related")
        buttons = [*langdata.common().get("social", []), *data.get("share", [])]
        lines = langdata.alternation(data.get("lines", []))
        # Prompts long enough not to start a name ("SharePoint"), glued to a headline.
        long_prompts = [p for p in data.get("lines", []) if " " in p or len(p) >= 7]
        openers = langdata.alternation(data.get("openers", []))
        flags = regex.IGNORECASE
        return cls(
            prompt=regex.compile(
                rf"[\W_]*{lines}(?:[ \t\u00a0\u202f]*[:.>»…]?[ \t]*|[ \t\u00a0\u202f]*:.*)", flags
            ),
            opener=regex.compile(rf"[\W_]*{openers}(?![\p{{L}}]).*", flags),
            share=_share_line(buttons),
            glued=regex.compile(
                rf"[\W_]*(?P<prompt>{langdata.alternation(long_prompts)})(?P<gap>[ \t]*)"
                r"(?P<next>\p{L})",
                flags,
            ),
        )

    def matches(self, line: str) -> bool:
        return bool(
            self.prompt.fullmatch(line)
            or self.opener.fullmatch(line)
            or self.share.fullmatch(line)
            or self.glued_prompt(line)
        )

    def glued_prompt(self, line: str) -> bool:
        """A prompt glued to the linked headline: "Read alsoStrike at the port…"."""
        match = self.glued.match(line)
        if match is None or not match.group("next").isupper() or len(line.split()) < 3:
            return False
        if match.group("gap"):  # "See also  Fierce fighting: …", a short headline
            return " " in match.group("prompt") and len(line.split()) <= 20 and (
                not line.endswith(".")
            )
        return match.group("prompt")[-1:].islower()


def _share_line(words: Iterable[str]) -> regex.Pattern[str]:
    """A line made of at least two social-network or share words ("Facebook Twitter Email")."""
    token = langdata.alternation(words) + r"(?![\p{L}\-])"
    return regex.compile(rf"{token}(?:{_SEPARATORS}{token})+[\s|·•/,]*", regex.IGNORECASE)


class RelatedContentPrompt(Rule):
    """Finds related-content, share and advertising prompts: "Related News :", "Lire aussi :".

    A line that is only a prompt of the target (or source) language ("Read also",
    "Noticias relacionadas", "Mehr zum Thema", "Advertisement"), such a prompt followed
    by a colon and the linked headline ("Lire aussi : COP29 : …"), a call to action
    ("Follow us on …"), or a row of share buttons ("Facebook Twitter Email"). Feeds add
    patterns with `extra-patterns`.

    ## Why it matters
    The prompt and its headline point to a web page that the wire client does not have;
    the teaser headline reads as part of the story.

    ## Example
    `Related News :` as the last line; `Mehr zum Thema: Was die Zinssenkung für Sparer
    bedeutet` between two paragraphs.

    ## Use instead
    Delete the line.

    ## Options
    `extra-patterns = [">>.*live blog.*"]`: regular expressions (case-insensitive) that a
    whole line must match to be a prompt.
    """

    code = "WC303"
    name = "related-content-prompt"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_title = "Delete the line"
    fix_applicability = "safe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(langdata.languages_with("related"), RelatedPatterns.of)
        self.share = _share_line(langdata.common().get("social", []))
        """Rows of social-network buttons, for languages without data."""
        self.extra = extra_patterns(self)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        patterns = [self.patterns[lang] for lang in story_languages(story) if lang in self.patterns]
        text = story.text
        for start, end in stripped_lines(text):
            line = text[start:end]
            if len(line) > MAX_CHROME_LINE:
                continue
            if (
                any(p.fullmatch(line) for p in self.extra)
                or any(p.matches(line) for p in patterns)
                or self.share.fullmatch(line)
            ):
                yield Hit(start, end, f"related-content or share prompt '{line}'", suggestion="")


# -- WC304 ---------------------------------------------------------------------------------
_DOMAIN = regex.compile(
    r"(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*"
    r"\.(?:com|net|org|info|news|fr|es|de|it|pt|ch|be|at|ca|uk|eu|tv|io|co)(?![\p{L}\d])",
    regex.IGNORECASE,
)
# "DayFR": lower case followed by two or more capitals ending the word.
_MIXED_CAPS = regex.compile(r"\p{Ll}\p{Lu}{2,}(?![\p{L}])")
MAX_SITE_WORDS = 5
_SITE_SEPARATORS = frozenset("|-–—·•/")


class SiteNameLine(Rule):
    """Finds the scraped site's name on the first line of the story ("DayFR Euro").

    The first non-blank line is a site name when it is short (at most five words, none
    of them lower-case, no sentence punctuation), more text follows, and it looks like
    one: a domain name ("lemonde.fr"), a word with trailing capitals ("DayFR"), or a
    known aggregator name.
    Names listed in the feed's `site-names` option are found on any line.

    ## Why it matters
    The site name is not the story's; published, it sits above the headline as if it
    were a kicker, and it names a competitor or an aggregator.

    ## Example
    `DayFR Euro` above the headline `Sending North Korean troops to Russia…`.

    ## Use instead
    Delete the line.

    ## Options
    `site-names = ["La Gazette du Soir"]`: names found as a whole line anywhere in a story.
    """

    code = "WC304"
    name = "site-name-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fix_title = "Delete the line"
    fix_applicability = "unsafe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        configured = self.options.get("site-names", [])
        self.configured = frozenset(
            n.strip().casefold() for n in configured if isinstance(n, str) and n.strip()
        )
        self.known = frozenset(n.casefold() for n in langdata.common().get("site_names", []))

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        lines = stripped_lines(text)
        for index, (start, end) in enumerate(lines):
            line = text[start:end]
            if line.casefold() in self.configured:
                yield Hit(start, end, f"site name '{line}'", suggestion="")
            elif index == 0 and len(lines) > 1 and self._looks_like_site(line):
                yield Hit(start, end, f"first line '{line}' looks like a site name", suggestion="")

    def _looks_like_site(self, line: str) -> bool:
        words = [w for w in line.split() if w not in _SITE_SEPARATORS]
        if len(words) > MAX_SITE_WORDS or line[-1] in ".!?:;,":
            return False
        if line.casefold() in self.known:
            return True
        # A headline has lower-case words ("Amazon.com beats forecasts"); a name has none.
        if any(w[:1].islower() and not _DOMAIN.match(w) for w in words):
            return False
        return bool(_DOMAIN.search(line) or _MIXED_CAPS.search(line))
