"""Repetition rules (WC620-WC621): a word or a space typed twice.

Every translation QA tool checks these: a doubled word ("the the") is left behind when an
engine or an editor joins two fragments, and a doubled space inside a sentence when a
word was deleted. Words that a language may correctly repeat ("that that", "had had",
German "die die", French "nous nous") come from ``repetition.allowed`` in the language's
data, and a repeated capitalised word is a name ("Bora Bora", "Baden Baden").
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

# A word, then the same word (case-insensitively) after white space that stays inside
# the paragraph: spaces, or a single line break.
_REPEATED = regex.compile(
    r"(?<![\w'’-])(?P<first>\p{L}+)(?P<gap>[ \t\u00a0]+|[ \t]*\n(?!\s*\n)[ \t]*)"
    r"(?P<second>(?i:(?P=first)))(?![\w'’-])",
    regex.V1,
)
# Two or more spaces between two non-space characters, where neither side ends a
# sentence ("end.  Next" is an accepted typing habit, invisible once published).
_SPACES = regex.compile(r"(?<=[^\s.!?:;…])(?P<run>[ \u00a0]{2,})(?=[^\s])")
_SPACE_PAIRS = ("  ", " \u00a0", "\u00a0 ", "\u00a0\u00a0")
_LETTERS = regex.compile(r"\p{L}+")


def may_repeat(text: str) -> bool:
    """Whether two neighbouring runs of letters of ``text`` are one word in any case: what
    every :data:`_REPEATED` match holds (its two words are whole runs, only white space
    between). Most texts have none, and this is quicker to rule out."""
    words = [w.casefold() for w in _LETTERS.findall(text)]
    return any(map(str.__eq__, words, words[1:]))


class RepeatedWord(Rule):
    """Finds a word written twice in a row: "the the", "a a", "de de".

    Grammatical repetitions are left alone: a word the target language may repeat
    (English "that that", "had had", "what it is is"; German "die die", "der der";
    French "nous nous", "vous vous"), reduplications of speech ("no no", "bye bye"),
    and capitalised pairs, which are names ("Bora Bora", "Walla Walla"). The lists are
    `repetition.allowed` in each language's data; every list applies to every story,
    since quotes are often left in their own language. The rule option `allowed` adds
    words.

    ## Why it matters
    A doubled word is the commonest trace of a join or an edit gone wrong, and a reader
    sees it at once.

    ## Example
    `The minister said the the plan would be announced.`

    ## Use instead
    `The minister said the plan would be announced.`
    """

    code = "WC620"
    name = "repeated-word"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Delete the repeated word"
    fix_applicability = "unsafe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        # Every language's list applies to every story: quotes are often left in their
        # own language ("Nous nous sommes trompés" in English copy).
        words = {w.casefold() for w in self.options.get("allowed", [])}
        for lang in langdata.available():
            words |= {w.casefold() for w in langdata.section(lang, "repetition").get("allowed", [])}
        self.allowed = frozenset(words)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        allowed = self.allowed
        text = story.text
        if not may_repeat(text):
            return
        for match in _REPEATED.finditer(text):
            first, second = match.group("first"), match.group("second")
            if first.casefold() in allowed:
                continue
            if second[:1].isupper():
                continue  # a name ("Bora Bora") or a sentence run into a title
            if not first.isalpha() or (len(first) == 1 and first.casefold() not in "ay"):
                continue  # initials and list letters ("b b"), except English "a a"/"y y"
            yield Hit(
                match.start(), match.end(),
                f"'{first}' is written twice", suggestion=first,
            )


class RepeatedSpace(Rule):
    """Finds two or more spaces between the words of a sentence.

    Spaces after a full stop, question or exclamation mark, colon or semicolon are
    left alone (two spaces after a sentence is a typing habit that publishing
    collapses), and so is white space at the start or end of a line. Lines laid out
    as a table (three or more runs of spaces) are skipped.

    ## Why it matters
    A doubled space inside a sentence usually marks a word that was deleted or a
    fragment that was joined; in fixed-width and plain-text feeds it shows.

    ## Example
    `The ministry said  on Monday that talks would resume.`

    ## Use instead
    `The ministry said on Monday that talks would resume.`
    """

    code = "WC621"
    name = "repeated-space"
    category = Category.TYPOGRAPHY
    severity = Severity.INFO
    fix_title = "Use one space"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        if not any(pair in text for pair in _SPACE_PAIRS):
            return  # every run holds two of these side by side
        for start, end in story.mt_lines():
            runs = list(_SPACES.finditer(text, start, end))
            if not runs or len(runs) >= 3:
                continue
            for match in runs:
                yield Hit(match.start(), match.end(), "more than one space", suggestion=" ")
