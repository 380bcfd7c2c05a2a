"""checker.fix: suggestions applied exactly, deletions tidy, overlaps deferred, passes bounded."""

from __future__ import annotations

import pytest

from checker.fix import apply_edits, apply_fixes, apply_one, edit_for, fix_story, fixable
from checker.model import Category, Finding, Severity, StoryInput
from checker.rules import Rule, all_rules


def finding(text: str, flagged: str, suggestion: str | None, rule: str = "WC301",
            nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(flagged, start + 1)
    return Finding(rule, "x", Category.BOILERPLATE, Severity.WARNING, start,
                   start + len(flagged), 1, start + 1, flagged, "m", suggestion)


def test_fix_applicability_is_declared_and_undeclared_rules_are_unsafe() -> None:
    for rule in all_rules():
        assert rule.fix_applicability in ("safe", "unsafe", "none"), rule.code
    assert Rule.fix_applicability == "unsafe"
    safe = {r.code for r in all_rules() if r.fix_applicability == "safe"}
    assert {"WC103", "WC201", "WC301", "WC302", "WC303"} <= safe


def test_a_replacement_changes_exactly_the_span() -> None:
    text = "He told the AFP on Friday."
    assert apply_one(text, finding(text, "the AFP", "AFP", "WC704")) == "He told AFP on Friday."


def test_deleting_a_paragraph_line_leaves_one_paragraph_break() -> None:
    text = "First paragraph.\n\nPosted at 12:01 p.m.\n\nSecond paragraph.\n"
    fixed = apply_one(text, finding(text, "Posted at 12:01 p.m.", ""))
    assert fixed == "First paragraph.\n\nSecond paragraph.\n"


def test_deleting_the_last_line_keeps_the_final_line_break_only() -> None:
    text = "Last paragraph.\n\n-\n\nRelated News :\n"
    fixed = apply_one(text, finding(text, "Related News :", ""))
    assert fixed == "Last paragraph.\n\n-\n"
    assert apply_one(fixed, finding(fixed, "-", "")) == "Last paragraph.\n"


def test_deleting_the_first_line_leaves_no_blank_lines_at_the_start() -> None:
    text = "DayFR Euro\n\nHeadline\n"
    assert apply_one(text, finding(text, "DayFR Euro", "")) == "Headline\n"


def test_deleting_a_line_inside_a_paragraph_keeps_the_paragraph() -> None:
    text = "One.\nJunk\nTwo.\n\nThree."
    assert apply_one(text, finding(text, "Junk", "")) == "One.\nTwo.\n\nThree."


def test_an_inline_deletion_takes_the_space_it_strands() -> None:
    text = "“Both problems,” he said. -he declared to AFP.\n\nNext."
    fixed = apply_one(text, finding(text, "-he declared to AFP.", "", "WC201"))
    assert fixed == "“Both problems,” he said.\n\nNext."


def test_an_inline_deletion_keeps_the_space_between_words() -> None:
    text = "said Mr. Hong today"
    assert apply_one(text, finding(text, "Mr. ", "")) == "said Hong today"
    text = "a b junk c"
    assert apply_one(text, finding(text, "junk", "")).split() == ["a", "b", "c"]


def test_a_stale_finding_is_refused() -> None:
    with pytest.raises(ValueError, match="no longer matches"):
        edit_for("other text", finding("the AFP said", "the AFP", "AFP"))


def test_overlapping_fixes_apply_the_outer_one_and_defer_the_inner() -> None:
    text = "Story.\n\nRelated News :"
    line = finding(text, "Related News :", "", "WC303")
    space = finding(text, " :", ":", "WC601")
    fixed, applied = apply_fixes(text, [space, line])
    assert applied == [line]
    assert fixed == "Story."


def test_touching_replacements_both_apply_but_not_two_insertions_at_one_point() -> None:
    text = "ab"
    a = finding(text, "a", "A")
    b = finding(text, "b", "B")
    assert apply_fixes(text, [a, b]) == ("AB", [a, b])
    first = edit_for(text, Finding("X", "x", Category.STYLE, Severity.INFO, 1, 1, 1, 2, "", "", "1"))
    second = edit_for(text, Finding("Y", "y", Category.STYLE, Severity.INFO, 1, 1, 1, 2, "", "", "2"))
    new, chosen = apply_edits(text, [first, second])
    assert len(chosen) == 1 and new in ("a1b", "a2b")


def test_fixable_follows_the_rules_declarations() -> None:
    text = "DayFR Euro told the AFP"
    safe = finding(text, "the AFP", "AFP", "WC704")
    unsafe = finding(text, "DayFR Euro", "", "WC304")
    none = finding(text, "told", "said", "WC401")
    noop = finding(text, "AFP", "AFP", "WC704")
    assert fixable([safe, unsafe, noop]) == [safe]
    assert fixable([safe, unsafe, noop], unsafe=True) == [safe, unsafe]
    assert none not in fixable([none])


class _Checker:
    """Flags every 'xx' and asks to make it 'x'; and 'x' alone when 'loop' is in the text."""

    def __init__(self) -> None:
        self.calls = 0

    def check(self, story: StoryInput):
        from checker.model import Scores, StoryResult

        self.calls += 1
        text = story.mt
        findings = []
        at = text.find("xx")
        if at >= 0:
            findings.append(Finding("WC704", "n", Category.STYLE, Severity.WARNING, at,
                                    at + 2, 1, at + 1, "xx", "m", "x"))
        if "loop" in text and at < 0:
            at = text.find("x")
            findings.append(Finding("WC704", "n", Category.STYLE, Severity.WARNING, at,
                                    at + 1, 1, at + 1, "x", "m", "xx"))
        return StoryResult(story.id, story.mt_path, None, None, "en", None,
                           Scores(None, None, None), (), tuple(findings), text)


def test_fix_story_repeats_until_nothing_is_left() -> None:
    story = StoryInput("s", "xxxx and xx", "s.txt", lang="en")
    outcome = fix_story(_Checker(), story)  # type: ignore[arg-type]
    assert outcome.text == "x and x"
    assert not outcome.result.findings
    assert outcome.changed


def test_fix_story_stops_after_a_bounded_number_of_passes() -> None:
    story = StoryInput("s", "loop xx", "s.txt", lang="en")
    checker = _Checker()
    outcome = fix_story(checker, story, max_passes=5)  # type: ignore[arg-type]
    assert outcome.passes == 5
    assert checker.calls == 6


def test_fix_story_leaves_dismissed_findings_alone() -> None:
    story = StoryInput("s", "a xx b", "s.txt", lang="en")
    outcome = fix_story(_Checker(), story, skip={("WC704", "xx")})  # type: ignore[arg-type]
    assert outcome.text == "a xx b" and not outcome.fixed


def test_deleting_a_line_after_two_blank_lines_leaves_one() -> None:
    text = "Lead paragraph.\n\n\nPosted at 12:01 p.m.\n\nClaire Lee\n"
    fixed = apply_one(text, finding(text, "Posted at 12:01 p.m.", "", "WC302"))
    assert fixed == "Lead paragraph.\n\nClaire Lee\n"
