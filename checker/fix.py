"""Applying suggestions to a story's text: ``wirecheck check --fix`` and accepted fixes.

Plain data in, plain data out. A fix replaces exactly the finding's span with its
suggestion; a deletion may also take the white space it leaves stranded (the blank lines
around a deleted line, the space before a deleted fragment), never anything else.
Overlapping fixes are not applied together: :func:`apply_fixes` keeps the first of each
overlapping group, and :func:`fix_story` checks the new text again and repeats, for a
bounded number of passes.

Whether a rule's fix is applied without ``--unsafe-fixes`` is the rule's own declaration
(:attr:`checker.rules.base.Rule.fix_applicability`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Literal

from checker.model import Finding, StoryInput, StoryResult

if TYPE_CHECKING:
    from checker.engine import Checker

Applicability = Literal["safe", "unsafe", "none"]

MAX_PASSES = 8
"""How many times :func:`fix_story` checks and fixes again before it stops."""

_INLINE_SPACE = " \t"
_CLOSERS = ".,;:!?)]»”’"


@cache
def _applicabilities() -> dict[str, Applicability]:
    from checker.rules import all_rules

    return {rule.code: rule.fix_applicability for rule in all_rules()}


def applicability(code: str) -> Applicability:
    """The rule's declared applicability; rules the registry does not know are unsafe."""
    return _applicabilities().get(code, "unsafe")


def has_fix(finding: Finding) -> bool:
    """True when applying the finding's suggestion would change the text."""
    return finding.suggestion is not None and finding.suggestion != finding.text


def fixable(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings ``--fix`` applies (with ``unsafe``, those of ``--unsafe-fixes`` too)."""
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    return [f for f in findings if has_fix(f) and applicability(f.rule) in allowed]


@dataclass(frozen=True)
class Edit:
    """``text[start:end]`` becomes ``replacement``: a finding's fix, with tidied space."""

    start: int
    end: int
    replacement: str
    finding: Finding


def edit_for(text: str, finding: Finding) -> Edit:
    """The edit that applies ``finding``'s suggestion to ``text``.

    Raises ValueError when the finding has no suggestion or no longer matches the text.
    A deletion also removes the white space it would strand: the line and its blank
    lines when the span is a whole line, a space left before punctuation or a line end.
    """
    start, end = finding.start, finding.end
    if finding.suggestion is None:
        raise ValueError(f"{finding.rule} at {start} has no suggestion to apply")
    if not 0 <= start <= end <= len(text) or text[start:end] != finding.text:
        raise ValueError(f"{finding.rule} at {start} no longer matches the text (check it again)")
    if finding.suggestion != "" or start == end:
        return Edit(start, end, finding.suggestion, finding)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return _line_deletion(text, line_start, line_end, finding)
    if start > 0 and text[start - 1] in _INLINE_SPACE:
        if end == len(text) or text[end] in _INLINE_SPACE + "\n" + _CLOSERS:
            while start > line_start and text[start - 1] in _INLINE_SPACE:
                start -= 1
    elif start == line_start:
        while end < line_end and text[end] in _INLINE_SPACE:
            end += 1
    return Edit(start, end, "", finding)


def _line_deletion(text: str, start: int, end: int, finding: Finding) -> Edit:
    """Delete the line ``text[start:end]`` with its line breaks, keeping the paragraphs."""
    before = 0
    while start - before > 0 and text[start - before - 1] == "\n":
        before += 1
    after = 0
    while end + after < len(text) and text[end + after] == "\n":
        after += 1
    if start - before == 0:
        keep = 0  # the story's first line: no blank lines before the new first line
    elif end + after == len(text):
        keep = min(after, 1)  # the last line: keep the final line break, if there was one
    else:
        keep = min(max(before, after), 2)  # a line break, or one blank line between paragraphs
    return Edit(start - before, end + after, "\n" * keep, finding)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply the edits that do not overlap an earlier one; return the text and those applied.

    Edits are taken in text order; of two starting at the same place the longer wins
    (deleting a line beats fixing a comma inside it). An edit is skipped when it overlaps
    any earlier one, applied or skipped (so a fix inside a skipped deletion waits for the
    next pass), or inserts at the point where another edit starts or ends.
    """
    chosen: list[Edit] = []
    last: Edit | None = None  # the edit reaching furthest so far, applied or not
    for edit in sorted(edits, key=lambda e: (e.start, -e.end, e.finding.rule)):
        clash = last is not None and (
            edit.start < last.end
            or (edit.start == last.end and edit.start in (last.start, edit.end))
        )
        if last is None or edit.end > last.end:
            last = edit
        if not clash:
            chosen.append(edit)
    for edit in reversed(chosen):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, chosen


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """``text`` with the suggestions of ``findings`` applied (non-overlapping ones only)."""
    edits = [edit_for(text, f) for f in findings if has_fix(f)]
    new_text, applied = apply_edits(text, edits)
    return new_text, [e.finding for e in applied]


def apply_one(text: str, finding: Finding) -> str:
    """``text`` with one finding's suggestion applied (what accepting it in review does)."""
    edit = edit_for(text, finding)
    return text[: edit.start] + edit.replacement + text[edit.end :]


@dataclass(frozen=True)
class FixResult:
    """What fixing one story did: the new text, the fixes applied and the final check."""

    original: str
    text: str
    rounds: tuple[tuple[Finding, ...], ...]
    """The fixes applied by each pass; offsets are into the text that pass started from
    (the original for the first pass)."""
    result: StoryResult
    """The check of the fixed text: what remains."""

    @property
    def fixed(self) -> tuple[Finding, ...]:
        return tuple(f for applied in self.rounds for f in applied)

    @property
    def passes(self) -> int:
        return len(self.rounds)

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_story(
    checker: Checker,
    story: StoryInput,
    unsafe: bool = False,
    skip: Collection[tuple[str, str]] = (),
    max_passes: int = MAX_PASSES,
    first: StoryResult | None = None,
) -> FixResult:
    """Check ``story``, apply its fixes, and check again until nothing is left to fix.

    ``skip`` holds ``(rule, flagged text)`` keys that must not be fixed (dismissals);
    ``first`` is the check of the story as read, when the caller already has it.
    """
    result = first if first is not None else checker.check(story)
    text = story.mt
    rounds: list[tuple[Finding, ...]] = []
    while len(rounds) < max_passes:
        todo = [f for f in fixable(result.findings, unsafe) if (f.rule, f.text) not in skip]
        if not todo:
            break
        new_text, applied = apply_fixes(text, todo)
        if not applied or new_text == text:
            break
        rounds.append(tuple(applied))
        text = new_text
        result = checker.check(replace(story, mt=text))
    return FixResult(story.mt, text, tuple(rounds), result)


__all__ = [
    "MAX_PASSES",
    "Edit",
    "FixResult",
    "applicability",
    "apply_edits",
    "apply_fixes",
    "apply_one",
    "edit_for",
    "fix_story",
    "fixable",
    "has_fix",
]
