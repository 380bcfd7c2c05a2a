"""User-defined checks (WCU000-WCU999) as rules, built from the run's settings.

The checks themselves are declared in configuration and validated by
:mod:`checker.userchecks`; this module matches them. Each check becomes one
:class:`UserRule` instance with its own code, so ``--select``/``--ignore``,
``severity`` overrides, baselines and review dismissals treat it like a built-in rule.
Every match runs under a time limit, so a pathological pattern cannot hang a run: a
piece of text whose match times out is skipped (and the run goes on).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category
from checker.rules.base import Hit, Rule
from checker.userchecks import MATCH_TIMEOUT, UserCheck


class UserRule(Rule):
    """Finds what a user-defined check in the configuration describes.

    The code, name, message, severity and suggestion are the check's own (see the
    README's "User-defined checks"). A plain check reports every match of its pattern
    in the MT text; a pair check reports aligned units whose source matches
    `source-pattern` and whose MT text does not match (`must-match`) or does match
    (`must-not-match`) `pattern`.
    """

    category = Category.CUSTOM

    def __init__(self, settings: Settings, check: UserCheck) -> None:
        super().__init__(settings, {})
        self.check_def = check
        self.code = check.code  # type: ignore[misc]
        self.name = check.name  # type: ignore[misc]
        self.severity = check.severity  # type: ignore[misc]
        self.fix_title = "Apply the house rule" if check.suggestion is not None else None  # type: ignore[misc]
        self.languages = frozenset(check.languages) or None  # type: ignore[misc]
        self.pattern = check.compile(check.pattern)
        self.source = check.compile(check.source_pattern) if check.source_pattern else None

    def summary(self) -> str:  # type: ignore[override]
        return self.check_def.description or self.check_def.message

    def signature(self) -> dict[str, str]:
        return {f"check:{self.code}": self.check_def.fingerprint()}

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if self.source is not None:
            yield from self._pairs(story)
            return
        text = story.text
        for match in _matches(self.pattern, text, 0, len(text)):
            suggestion = None
            if self.check_def.suggestion is not None:
                suggestion = match.expand(self.check_def.suggestion)
            yield Hit(match.start(), match.end(), self.check_def.message, suggestion)

    def _pairs(self, story: StoryContext) -> Iterator[Hit]:
        assert self.source is not None
        for unit in story.units:
            if not unit.src or unit.mt_start is None or unit.mt_end is None:
                continue
            if _search(self.source, unit.src, 0, len(unit.src)) is None:
                continue
            found = _search(self.pattern, story.text, unit.mt_start, unit.mt_end)
            if self.check_def.must_match and found is None:
                yield Hit(unit.mt_start, unit.mt_end, self.check_def.message, unit=unit.index)
            elif not self.check_def.must_match and found is not None:
                yield Hit(found.start(), found.end(), self.check_def.message, unit=unit.index)


def _matches(
    pattern: regex.Pattern[str], text: str, start: int, end: int
) -> Iterable[regex.Match[str]]:
    try:
        yield from pattern.finditer(text, start, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return


def _search(
    pattern: regex.Pattern[str], text: str, start: int, end: int
) -> regex.Match[str] | None:
    try:
        return pattern.search(text, start, end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return None


def user_rules(settings: Settings, select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """The configured user checks that ``select``/``ignore`` leave in, in code order."""
    from checker.rules import is_selected

    select, ignore = list(select), list(ignore)
    return [
        UserRule(settings, check)
        for check in sorted(settings.checks, key=lambda c: c.code)
        if is_selected(check.code, select, ignore)
    ]


__all__ = ["UserRule", "user_rules"]
