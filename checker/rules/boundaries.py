"""Sentence-boundary rules (WC212-WC214, artefacts): full stops lost, glued or misplaced
when a page was scraped or a sentence was cut in translation.

The lower-case abbreviations a sentence may continue after ("approx.", "bzw.") and the
words that open a sentence and hardly ever stand inside one ("It", "Il", "El", "Er")
come from the ``boundaries`` table of ``checker/rules/langdata/<lang>.toml``.
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

# "Russia.Q: Will", "euro.The": a sentence end with no space before the next sentence.
_NO_SPACE = regex.compile(
    r"(?<![\p{L}.])(?P<prev>\p{L}*\p{Ll}\p{Ll})(?P<stop>[.!?])"
    r"(?P<next>\p{Lu}(?:\p{Ll}+|(?=[:\s,])))"
)
# What every _NO_SPACE match holds: most texts have none, and this is quicker to rule out.
_NO_SPACE_HINT = regex.compile(r"(?<=\p{Ll})[.!?]\p{Lu}")
# An address or file name, where "word.Word" is not a sentence end.
_ADDRESS = regex.compile(
    r"[/@\\]|www\.|\.(?:com|org|net|gov|edu|info|io|ai|fr|de|es|uk|it|eu|ch|be|at|co|us|ru"
    r"|cn|in|ca|au|pt|nl|html?|php|aspx?|pdf)\b",
    regex.IGNORECASE,
)
# "a massacre. clear, unambiguous": a lower-case word after a full stop, on the same
# line or at the start of the next line or paragraph.
_LOWER_AFTER_STOP = regex.compile(
    r"(?<![\p{L}\p{N}.'’\-])(?P<prev>\p{Ll}{2,})(?P<stop>\.)[\"”»’)]?"
    r"(?P<gap>[ \t]+|[ \t]*\n\s*)"
    r"(?P<next>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?![\p{L}\p{N}@/]|\.\p{L})"
)
# What every _LOWER_AFTER_STOP match holds (its gap is white space), and every match of
# WC202's pattern too; starting at the full stop, it is quick to rule out.
STOP_THEN_LOWER = regex.compile(r"\.[\"”»’)]?\s+\p{Ll}")
# A paragraph that starts with a lower-case word (its capital, or its first half, lost).
_LOWER_PARAGRAPH = regex.compile(
    r"(?:\A|\n[ \t]*\n)[ \t]*(?P<next>\p{Ll}[\p{Ll}'’\-]*\p{Ll})(?=[ \t,;])"
    r"(?P<rest>[^\n]*)"
)
_BEFORE_NAME = regex.compile(r"\s+\p{Lu}")
_NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "van", "von", "der",
                             "den", "la", "le", "al", "el", "bin", "ibn", "dos", "das", "ter"})


class _BoundaryRule(Rule):
    """Reads the language's ``boundaries`` table once per language."""

    languages = langdata.languages_with("boundaries")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self._tables: dict[str, Mapping[str, Any]] = {}
        self._abbreviations: dict[str, frozenset[str]] = {}

    def table(self, lang: str) -> Mapping[str, Any]:
        if lang not in self._tables:
            self._tables[lang] = langdata.section(lang, "boundaries")
        return self._tables[lang]

    def abbreviations(self, lang: str) -> frozenset[str]:
        known = self._abbreviations.get(lang)
        if known is None:
            extra = [
                a.rstrip(".") for a in self.options.get("abbreviations", []) if isinstance(a, str)
            ]
            words = [*self.table(lang).get("abbreviations", []), *extra]
            known = self._abbreviations[lang] = frozenset(w.lower() for w in words)
        return known


def _lower_line_start(text: str) -> bool:
    """Whether a line of ``text`` starts (after spaces and tabs) with a lower-case letter:
    what every :data:`_LOWER_PARAGRAPH` match holds. Most texts have none."""
    return any(line.lstrip(" \t")[:1].islower() for line in text.split("\n"))


def _chunk_around(text: str, start: int, end: int) -> str:
    """The run of non-space characters around ``text[start:end]``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_space = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(right_space) if right_space else len(text)]


class MissingSpaceAfterStop(_BoundaryRule):
    """Finds a sentence end with no space before the next sentence ("Russia.Q: Will").

    A lower-case word, a full stop (or ! or ?) and a capitalised word with no space
    between them. Abbreviations with a capital before the stop ("U.S.", "Ph.D") and
    addresses ("gouvernement.fr", "Booking.com", "ASP.NET") are left alone.

    ## Why it matters
    Scrapers that drop paragraph or line breaks glue the end of one sentence to the
    start of the next, often at a question-and-answer turn or a subheading.

    ## Example
    `the minister discussed relations with Russia.Q: Will you travel to Moscow?`

    ## Use instead
    `the minister discussed relations with Russia. Q: Will you travel to Moscow?`
    """

    code = "WC212"
    name = "missing-space-after-stop"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Insert the space (or the line break) after the full stop"
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        if not _NO_SPACE_HINT.search(text):
            return
        abbreviations = self.abbreviations(story.lang)
        for match in _NO_SPACE.finditer(text):
            if match.group("prev").lower() in abbreviations:
                continue
            if _ADDRESS.search(_chunk_around(text, match.start(), match.end())):
                continue
            stop = match.group("stop")
            yield Hit(
                match.start("prev"), match.end("next"),
                f"no space after '{stop}': two sentences run together",
                suggestion=f"{match.group('prev')}{stop} {match.group('next')}",
            )


class LowercaseAfterStop(_BoundaryRule):
    """Finds a sentence that starts in lower case after a full stop ("a massacre. clear").

    A lower-case word, a full stop and a lower-case word, on the same line or across a
    line or paragraph break: a sentence cut in two by a stray full stop, or the start of
    a sentence whose capital was lost. Lower-case abbreviations of the target language
    ("approx.", "etc.", "bzw.") and initials ("p.m.") are left alone; so are brands that
    start in lower case ("iPhone") and name particles before a name ("de Gaulle").

    ## Why it matters
    The engine closed a sentence too early (the rest reads as a fragment), or the page
    lost the capital of a new sentence; either way the copy needs a person to rejoin it.

    A paragraph that starts with a lower-case word (four words or more) is reported too,
    unless the paragraph before ends with a colon or a comma (a list).

    ## Example
    `The commission recognised it was a massacre. clear, unambiguous and documented.`

    ## Use instead
    `The commission recognised it was a clear, unambiguous and documented massacre.`

    ## Options
    `abbreviations = ["approx."]`: more lower-case abbreviations a sentence may go on after.
    """

    code = "WC213"
    name = "lowercase-after-stop"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Remove the stray full stop, or capitalise the new sentence"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        abbreviations = self.abbreviations(story.lang)
        matches = _LOWER_AFTER_STOP.finditer(text) if STOP_THEN_LOWER.search(text) else ()
        for match in matches:
            prev, nxt = match.group("prev"), match.group("next")
            if prev.lower() in abbreviations:
                continue
            if nxt in _NAME_PARTICLES and _BEFORE_NAME.match(text, match.end()):
                continue
            yield Hit(
                match.start("prev"), match.end("next"),
                f"'{nxt}' starts a sentence in lower case after '{prev}.': a stray full "
                "stop, or a lost capital",
            )
        if not _lower_line_start(text):
            return
        for match in _LOWER_PARAGRAPH.finditer(text):
            nxt, rest = match.group("next"), match.group("rest")
            if nxt in _NAME_PARTICLES or len(rest.split()) < 4:
                continue
            before = text[: match.start("next")].rstrip()
            if not before or before.endswith((".", ":", ",", ";")):
                continue  # the first paragraph, a list after a colon, or the case above
            yield Hit(
                match.start("next"), match.end("next"),
                f"the paragraph starts in lower case ('{nxt}'): a lost capital, or a "
                "sentence split across paragraphs",
            )


class RunOnSentence(_BoundaryRule):
    """Finds a sentence that runs into the next without its full stop.

    A word, then a capitalised word that opens sentences and hardly ever stands inside
    one ("It", "This", "The" in English; "Il", "Le" in French; "El", "Los" in Spanish;
    "Er", "Es" in German), then a lower-case word: "the ministry This evening the
    minister...". Titles ("The Times", "Le Monde", "El País") are left alone because a
    capitalised word follows; German "Sie" (polite "you") is never a sentence opener.

    ## Why it matters
    A full stop lost with a link or a line break; the two sentences read as one and the
    second loses its subject.

    ## Example
    `The report was sent to the ministry This evening the minister will reply.`

    ## Use instead
    `The report was sent to the ministry. This evening the minister will reply.`
    """

    code = "WC214"
    name = "run-on-sentence"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Restore the full stop between the sentences"
    fix_applicability = "unsafe"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _run_on_pattern)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        text = story.text
        for match in pattern.finditer(text):
            gap = match.start("starter") - 1  # the space or tab before the starter
            before = text.rfind(" ", 0, gap) + 1
            prev = text[max(before, text.rfind("\n", 0, gap) + 1) : gap]
            starter = match.group("starter")
            yield Hit(
                gap - len(prev), match.end(),
                f"'{starter}' opens a new sentence after '{prev}' with no full stop between",
                suggestion=f"{prev}. {text[match.start('starter') : match.end()]}",
            )


class CutAtLineEnd(_BoundaryRule):
    """Finds a line that ends on a word no sentence ends on ("Authorities are probing a").

    A line of two words or more that ends, with no punctuation, on an article, a
    preposition, a conjunction or an auxiliary of the target language ("a", "the", "of",
    "has"; "de", "le"; "el", "del"; "der", "und"), followed by more text: the sentence
    was cut, usually where a link or an embedded element was removed from the page.

    ## Why it matters
    The rest of the sentence (often a name: the link text) is missing or has moved to
    another line; the copy cannot be published as it is.

    ## Example
    ```
    Authorities are probing a
    In the post, the minister shared an article by the broadcaster.
    ```

    ## Use instead
    Restore the missing words from the source page, or remove the cut sentence.
    """

    code = "WC215"
    name = "sentence-cut-at-line-end"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Restore the rest of the sentence"
    fix_applicability = "none"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _dangling_pattern)
        self.endings = langdata.PerLanguage(self.languages, _dangling_endings)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        text = story.text
        endings = self.endings[story.lang]
        if not any(line.rstrip(" \t").endswith(endings) for line in text.split("\n")[:-1]):
            return  # every match ends a line (one followed by another) on a dangling word
        for match in pattern.finditer(text):
            line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            if not line.split():
                continue
            word = match.group("word")
            yield Hit(
                match.start("word"), match.end("word"),
                f"the line ends on '{word}': the sentence was cut (a link or an embed "
                "removed?)",
            )


def _run_on_pattern(lang: str) -> regex.Pattern[str] | None:
    """A lower-case word, a space and a sentence starter: WC214's candidates. The space
    is looked behind from the starter, which the search finds faster than a space."""
    starters = langdata.section(lang, "boundaries").get("starters", [])
    if not starters:
        return None
    return regex.compile(
        r"(?<=\p{Ll}[\"”»’]?[ \t])(?P<starter>"
        + langdata.alternation(starters)
        + r")[ \t]+\p{Ll}[\p{Ll}'’\-]*(?![\p{L}\p{N}])"
    )


def _dangling_pattern(lang: str) -> regex.Pattern[str] | None:
    """A word that cannot end a sentence, at the end of a line: WC215's candidates."""
    words = langdata.section(lang, "boundaries").get("dangling", [])
    if not words:
        return None
    return regex.compile(
        r"(?<=\p{L}[,;]?[ \t]+)(?P<word>" + langdata.alternation(words) + r")[ \t]*(?=\n\s*\S)"
    )


def _dangling_endings(lang: str) -> tuple[str, ...]:
    """How a line with a WC215 match ends, before its spaces: the last part of a word."""
    words = langdata.section(lang, "boundaries").get("dangling", [])
    return tuple(w.split()[-1] for w in words if w.split())
