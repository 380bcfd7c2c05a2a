"""Quotation-mark rules (WC602, WC604, WC605): marks of the wrong language, misplaced
spaces, glued marks and mixed pairs.

Each target language's accepted and foreign (opening, closing) pairs, the pair a fix
writes (``primary``) and the space French sets inside guillemets (``inner_space``) come
from the ``quotes`` table of ``checker/rules/langdata/<lang>.toml``. A feed's house style
overrides them with the WC602 options, which the other quotation-mark rules follow too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.errors import ConfigError
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule

_SPACES = " \t\u00a0\u202f"
_CURLY = "“”„«»‹›"
"""Marks whose role (opening or closing) the pair tells; straight quotes are left alone."""


def _pair_list(value: Any, origin: str, path: str | None = None) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for pair in value or []:
        is_pair = isinstance(pair, list) and len(pair) == 2
        if not (is_pair and all(isinstance(m, str) and len(m) == 1 for m in pair)):
            raise ConfigError(path, f"{origin}: quotation marks must be [opening, closing] pairs")
        if (pair[0], pair[1]) not in pairs:
            pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def _pairs(value: Any, origin: str, path: str | None = None) -> frozenset[tuple[str, str]]:
    return frozenset(_pair_list(value, origin, path))


def _by_language(value: Any, origin: str, path: str | None) -> dict[str, Any]:
    """An option that is a list for every language, or a table of lists by language."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - set(langdata.available()))
        if unknown:
            raise ConfigError(path, f"{origin}: no language data for {', '.join(unknown)}")
        return dict(value)
    return {lang: value for lang in langdata.available()}


@cache
def known_pairs() -> frozenset[tuple[str, str]]:
    """Every pair some language uses, accepted or foreign: a pair outside it is mixed."""
    pairs: set[tuple[str, str]] = set()
    for lang in langdata.languages_with("quotes"):
        data = langdata.section(lang, "quotes")
        pairs |= _pairs(data.get("accepted"), lang) | _pairs(data.get("foreign"), lang)
    return frozenset(pairs)


def quote_styles(rule: Rule) -> dict[str, QuoteStyle]:
    """Each language's quotation style with the feed's WC602 options applied.

    The options are read from WC602's table even when another rule asks, so a house
    style is configured once: ``accept`` adds pairs, ``quotes`` replaces the accepted
    pairs (both take a list for every language or a table by language).
    """
    settings = rule.settings
    options = settings.options_for(ForeignQuotationMarks.code, ForeignQuotationMarks.name)
    path = settings.config_path
    origin = f"[rules.{ForeignQuotationMarks.code}]"
    accept = _by_language(options.get("accept"), f"{origin} accept", path)
    house = _by_language(options.get("quotes"), f"{origin} quotes", path)
    return {
        lang: QuoteStyle.of(
            lang,
            _pairs(accept.get(lang), f"{origin} accept", path),
            _pair_list(house.get(lang), f"{origin} quotes", path),
        )
        for lang in langdata.languages_with("quotes")
    }


@dataclass(frozen=True)
class QuoteStyle:
    """A language's quotation marks: accepted and foreign pairs, and what a fix writes."""

    accepted: frozenset[tuple[str, str]]
    foreign: frozenset[tuple[str, str]]
    primary: tuple[str, str]
    inner_space: str

    @classmethod
    def of(
        cls,
        lang: str,
        extra_accepted: frozenset[tuple[str, str]] = frozenset(),
        house: tuple[tuple[str, str], ...] = (),
    ) -> QuoteStyle:
        """The language's style, with pairs the feed also accepts, or replaced by the
        feed's house style (``house``: the accepted pairs, the first one written by fixes;
        the language's other pairs then count as foreign)."""
        data = langdata.section(lang, "quotes")
        default = _pairs(data.get("accepted"), f"{lang}.toml quotes")
        primary = tuple(data.get("primary", ("“", "”")))
        inner_space = data.get("inner_space", "")
        accepted = default | extra_accepted
        if house:
            accepted = frozenset(house) | extra_accepted
            if house[0] != (primary[0], primary[1]):
                inner_space = ""
            primary = house[0]
        foreign = (_pairs(data.get("foreign"), f"{lang}.toml quotes") | default) - accepted
        return cls(accepted, foreign, (primary[0], primary[1]), inner_space)

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
    German, and a closing mark the language never uses (” in German). A feed's house
    style is one line of configuration (see Options); the quotation-mark rules WC604 and
    WC605 follow it too.

    ## Why it matters
    Quotation marks are the most visible sign of a translated text; in German “…” reads
    as English and ”…“ as an error.

    ## Example
    German copy: `“Die EZB hat ihren Fokus eindeutig verlagert”, sagte Marcus Wendt.`

    ## Use instead
    `„Die EZB hat ihren Fokus eindeutig verlagert“, sagte Marcus Wendt.`

    ## Options
    `quotes.de = [["«", "»"]]`: the feed's house style for a language: the pairs it
    accepts, the first one written by fixes; the language's other pairs are then flagged.
    `accept = [["«", "»"]]` (or `accept.de = …`): pairs accepted besides the language's.
    Defaults per language: en “ ” " "; fr « » “ ” " " (fixes write « » with no-break
    spaces); es, it, pt « » “ ” " "; de „ “ » « " ".
    """

    code = "WC602"
    name = "foreign-quotation-marks"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Use the target language's quotation marks"
    fix_applicability = "safe"
    languages = langdata.languages_with("quotes")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.styles = quote_styles(self)

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
        find_marks = _mark_finder(marks).finditer
        start = 0
        for line in text.split("\n"):
            stack: list[tuple[int, str]] = []
            for found in find_marks(line):  # the marks of the line, in order
                index, char = found.start(), found.group()
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




@cache
def _mark_finder(marks: frozenset[str]) -> regex.Pattern[str]:
    """A pattern matching any one character of ``marks``."""
    chars = "".join(sorted(m for m in marks if len(m) == 1))
    return regex.compile("[" + regex.escape(chars) + "]" if chars else "(?!)")


# -- WC604 ---------------------------------------------------------------------------------
def _quotation(openers: str, closers: str) -> regex.Pattern[str]:
    """An innermost quotation: an opening mark, text without marks, a closing mark."""
    marks = regex.escape(_CURLY)
    return regex.compile(
        rf"(?P<open>[{regex.escape(openers)}])(?P<inner>[^{marks}\n]{{1,600}}?)"
        rf"(?P<close>[{regex.escape(closers)}])"
    )


class MisplacedQuoteSpace(Rule):
    """Finds spaces inside quotation marks and marks glued to the words outside them.

    Within a quotation that uses one of the language's accepted pairs, the opening mark
    must not be followed by a space, nor the closing mark preceded by one (“ a priori ”;
    French sets a no-break space inside « » and is exempt), and neither mark may touch the
    word outside it ("the management«plan»", "area. ”It can"). The fix moves or deletes
    the space. Straight quotes (") are left alone: their role cannot be told.

    ## Why it matters
    Stripped markup and engines leave these spaces; a line break can then fall between a
    mark and its quotation, and a glued mark reads as a typo.

    ## Example
    `says: “Of course, kissing is nice. ”It can be that easy`

    ## Use instead
    `says: “Of course, kissing is nice.” It can be that easy`
    """

    code = "WC604"
    name = "misplaced-quote-space"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Move the space outside the quotation marks"
    fix_applicability = "safe"
    languages = langdata.languages_with("quotes")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.styles = quote_styles(self)
        self.patterns: dict[str, regex.Pattern[str]] = {}
        for lang, style in self.styles.items():
            pairs = [(o, c) for o, c in style.accepted if o in _CURLY and c in _CURLY]
            if pairs:
                self.patterns[lang] = _quotation(
                    "".join(o for o, _ in pairs), "".join(c for _, c in pairs)
                )

    def check(self, story: StoryContext) -> Iterator[Hit]:
        style = self.styles.get(story.lang)
        pattern = self.patterns.get(story.lang)
        if style is None or pattern is None:
            return
        text = story.text
        for match in pattern.finditer(text):
            if (match.group("open"), match.group("close")) not in style.accepted:
                continue
            yield from self._opening(text, match, style)
            yield from self._closing(text, match, style)

    @staticmethod
    def _opening(text: str, match: regex.Match[str], style: QuoteStyle) -> Iterator[Hit]:
        start, mark = match.start("open"), match.group("open")
        inner = match.group("inner")
        gap = len(inner) - len(inner.lstrip(_SPACES))
        if gap and not style.inner_space and inner.strip(_SPACES):
            yield Hit(start, start + 1 + gap, f"space after the opening mark {mark}",
                      suggestion=mark)
        elif start and text[start - 1].isalnum():
            yield Hit(start, start + 1, f"opening mark {mark} glued to the word before it",
                      suggestion=f" {mark}")

    @staticmethod
    def _closing(text: str, match: regex.Match[str], style: QuoteStyle) -> Iterator[Hit]:
        end, mark = match.end("close"), match.group("close")
        inner = match.group("inner")
        gap = len(inner) - len(inner.rstrip(_SPACES))
        glued = end < len(text) and text[end].isalnum()
        if gap and not style.inner_space and inner.strip(_SPACES):
            yield Hit(
                end - 1 - gap, end, f"space before the closing mark {mark}",
                suggestion=mark + (" " if glued else ""),
            )
        elif glued:
            yield Hit(end - 1, end, f"closing mark {mark} glued to the word after it",
                      suggestion=f"{mark} ")


# -- WC605 ---------------------------------------------------------------------------------
_MARKS = regex.escape(_CURLY)
# An innermost quotation in opening and closing position (the marks' roles are told by
# where they stand, not by which they are): "“ a priori “", "“…»".
_POSITIONED = regex.compile(
    rf"(?<=^|[\s(\[—–-])(?P<open>[{_MARKS}])(?P<inner>[^{_MARKS}\n]{{1,600}}?)"
    rf"(?P<close>[{_MARKS}])(?=$|[\s.,;:!?)\]…—–-])"
)
_GUILLEMETS = "«»"


def _has_guillemet(text: str) -> bool:
    return any(mark in text for mark in _GUILLEMETS)


class MismatchedQuotationMarks(Rule):
    """Finds a quotation opened with one style and closed with another ("“…»", "“ … “").

    A quotation whose opening and closing marks form a pair that no language uses (“…»,
    «…”, “…“) is flagged and rewritten with the target language's marks. In a language
    whose copy never uses guillemets (English), a lone « or » with no partner on its
    line is flagged too ("the management« specified"): it is left from the source.

    ## Why it matters
    A reader cannot tell where the quotation ends, and the mixed marks show the copy was
    not edited.

    ## Example
    `the commission considers it “ a priori “ acceptable`, `«We will not give in”`

    ## Use instead
    `the commission considers it “a priori” acceptable`, `“We will not give in”`
    """

    code = "WC605"
    name = "mismatched-quotation-marks"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Use one pair of quotation marks"
    fix_applicability = "safe"
    languages = langdata.languages_with("quotes")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.styles = quote_styles(self)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        style = self.styles.get(story.lang)
        if style is None:
            return
        text = story.text
        known = known_pairs()
        covered: set[int] = set()
        for match in _POSITIONED.finditer(text):
            pair = (match.group("open"), match.group("close"))
            if pair in known:
                continue
            covered.update((match.start(), match.end() - 1))
            yield Hit(
                match.start(), match.end(),
                f"quotation opened with {pair[0]} and closed with {pair[1]}",
                suggestion=style.rewrite(match.group("inner")),
            )
        if any(m in _GUILLEMETS for pair in style.accepted for m in pair):
            return
        if not _has_guillemet(text):
            return
        start = 0
        for line in text.split("\n"):
            found = [i for i, ch in enumerate(line) if ch in _GUILLEMETS]
            if len(found) == 1 and start + found[0] not in covered:
                pos = start + found[0]
                yield Hit(pos, pos + 1, f"stray guillemet {line[found[0]]} with no partner")
            start += len(line) + 1
