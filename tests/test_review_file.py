"""The review model without any interface: decisions, the review file, corrected copies."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.errors import InputError
from checker.model import Category, Finding, Severity, StoryInput
from checker.reading import read_feed
from checker.review import (
    Action,
    Decision,
    ReviewFile,
    apply_suggestion,
    default_review_path,
    drop_dismissed,
    replay,
    reviewed_path,
    stale_decisions,
)
from checker.review_session import ReviewSession, StoryState

MT = (
    "ROME - Police arrested 14 people on Sunday after clashes near the stadium, "
    "the interior ministry said.\n\n"
    "The match was stopped for 20 minutes.\n"
)
REF = (
    "ROME - Police detained 14 people on Sunday after clashes outside the stadium, "
    "the interior ministry said.\n\n"
    "The game was halted for 25 minutes.\n"
)
CHECKER = Checker(Settings(select=("WC4", "WC5", "WC8")))


def finding(text: str, start: int, rule: str = "WC501", suggestion: str | None = "x") -> Finding:
    return Finding(rule, "number-mismatch", Category.NUMBER, Severity.ERROR, start,
                   start + len(text), 1, start + 1, text, "differs", suggestion)


@pytest.fixture
def story(tmp_path: Path) -> StoryInput:
    (tmp_path / "mt").mkdir()
    (tmp_path / "ref").mkdir()
    (tmp_path / "mt" / "rome-clashes.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "ref" / "rome-clashes.txt").write_text(REF, encoding="utf-8")
    return next(read_feed(tmp_path / "mt", tmp_path / "ref"))


def test_apply_suggestion_replaces_exactly_the_flagged_span() -> None:
    text = "The match was stopped for 20 minutes, not 20 hours."
    found = finding("20", text.index("20"), suggestion="25")
    assert apply_suggestion(text, found) == "The match was stopped for 25 minutes, not 20 hours."
    deleting = finding(" not 20 hours", text.index(" not"), suggestion="")
    assert apply_suggestion(text, deleting) == "The match was stopped for 20 minutes,."


def test_apply_suggestion_refuses_stale_offsets_and_missing_suggestions() -> None:
    text = "The match was stopped for 20 minutes."
    with pytest.raises(ValueError, match="no longer matches"):
        apply_suggestion("X" + text, finding("20", text.index("20"), suggestion="25"))
    with pytest.raises(ValueError, match="no suggestion"):
        apply_suggestion(text, finding("20", text.index("20"), suggestion=None))


def test_accepting_a_checked_number_fix_removes_the_finding(story: StoryInput) -> None:
    state = StoryState(story)
    state.result = CHECKER.check(state.input())
    mismatch = next(f for f in state.result.findings if f.rule == "WC501")
    assert mismatch.text == "20" and mismatch.suggestion == "25"
    state.accept(mismatch)
    assert "halted" not in state.text and "stopped for 25 minutes" in state.text
    assert not state.fresh
    state.result = CHECKER.check(state.input())
    assert not [f for f in state.result.findings if f.rule == "WC501"]
    assert state.decisions == [Decision(Action.ACCEPT, "WC501", "20", "25")]


def test_dismissals_are_keyed_by_rule_and_text_not_offsets(story: StoryInput) -> None:
    state = StoryState(story)
    state.result = CHECKER.check(state.input())
    mismatch = next(f for f in state.result.findings if f.rule == "WC501")
    state.dismiss(mismatch, "the reference is wrong")
    moved = replace(mismatch, start=0, end=2, line=9)
    assert state.dismissal(moved) is not None
    assert state.dismissal(replace(mismatch, text="21")) is None
    assert mismatch not in state.active_findings()
    assert state.restore(mismatch) and mismatch in state.active_findings()


def test_edit_and_undo_walk_back_through_history(story: StoryInput) -> None:
    state = StoryState(story)
    start = MT.index("The match")
    end = MT.index("minutes.") + len("minutes.")
    state.edit(start, end, "The game was halted for 25 minutes.")
    assert state.text.endswith("The game was halted for 25 minutes.\n")
    assert state.decisions[-1].action is Action.EDIT
    assert state.decisions[-1].text == "The match was stopped for 20 minutes."
    assert state.dirty and state.changed
    assert state.edit(start, start + 3, state.text[start:start + 3]) is None  # no change
    assert state.undo()
    assert state.text == MT and not state.decisions and not state.dirty
    assert not state.undo()


def test_save_writes_beside_the_original_and_reopening_restores(story: StoryInput,
                                                                 tmp_path: Path) -> None:
    review_path = default_review_path(tmp_path / "mt")
    assert review_path == tmp_path / "mt.reviewed.json"
    session = ReviewSession.open(review_path)
    state = session.add(story)
    state.result = CHECKER.check(state.input())
    mismatch = next(f for f in state.result.findings if f.rule == "WC501")
    state.accept(mismatch)
    state.dismiss(finding("Sunday", 10, rule="WC401"), "a name")
    written = session.save()
    corrected = tmp_path / "mt" / "rome-clashes.reviewed.txt"
    assert written == [corrected, review_path]
    assert corrected.read_text(encoding="utf-8") == MT.replace("20 minutes", "25 minutes")
    assert (tmp_path / "mt" / "rome-clashes.txt").read_text(encoding="utf-8") == MT
    assert not session.dirty
    saved = json.loads(review_path.read_text(encoding="utf-8"))
    assert saved["version"] == 1
    entry = saved["stories"]["rome-clashes"]
    assert entry["decisions"] == [
        {"action": "accept", "rule": "WC501", "text": "20", "replacement": "25"},
        {"action": "dismiss", "rule": "WC401", "text": "Sunday", "reason": "a name"},
    ]
    assert not list(tmp_path.glob("**/.*.tmp"))  # atomic writes leave no temporary file

    again = ReviewSession.open(review_path).add(next(read_feed(tmp_path / "mt",
                                                               tmp_path / "ref")))
    assert again.text == corrected.read_text(encoding="utf-8")
    assert [d.action for d in again.decisions] == [Action.ACCEPT, Action.DISMISS]
    assert not again.dirty and not again.notes
    # The folder reader skips what review writes.
    assert [s.id for s in read_feed(tmp_path / "mt")] == ["rome-clashes"]


def test_undoing_everything_and_saving_removes_the_corrected_copy(story: StoryInput,
                                                                  tmp_path: Path) -> None:
    session = ReviewSession.open(tmp_path / "r.reviewed.json")
    state = session.add(story)
    state.edit(0, 4, "Rome")
    session.save()
    corrected = reviewed_path(story)
    assert corrected.exists()
    state.undo()
    session.save()
    assert not corrected.exists()
    assert ReviewFile.load(tmp_path / "r.reviewed.json").stories == {}


def test_a_changed_original_replays_the_decisions(story: StoryInput, tmp_path: Path) -> None:
    session = ReviewSession.open(tmp_path / "r.reviewed.json")
    state = session.add(story)
    state.result = CHECKER.check(state.input())
    state.accept(next(f for f in state.result.findings if f.rule == "WC501"))
    session.save()
    changed = replace(story, mt="BREAKING\n\n" + story.mt)
    restored = ReviewSession.open(tmp_path / "r.reviewed.json").add(changed)
    assert restored.text == "BREAKING\n\n" + MT.replace("20 minutes", "25 minutes")
    assert restored.notes == ["the original changed since the review: decisions replayed"]


def test_replay_reports_decisions_that_no_longer_apply() -> None:
    decisions = [Decision(Action.ACCEPT, "WC501", "20", "25"),
                 Decision(Action.EDIT, None, "gone sentence.", "new sentence.")]
    text, unmatched = replay("It lasted 20 minutes.", decisions)
    assert text == "It lasted 25 minutes."
    assert unmatched == [decisions[1]]


def test_check_can_drop_dismissed_findings_and_report_stale_ones(story: StoryInput,
                                                                 tmp_path: Path) -> None:
    result = CHECKER.check(story)
    mismatch = next(f for f in result.findings if f.rule == "WC501")
    review = ReviewFile(tmp_path / "r.reviewed.json")
    session = ReviewSession(review)
    state = session.add(story)
    state.dismiss(mismatch)
    state.dismiss(finding("Paris", 0, rule="WC401"), "no longer in the copy")
    session.save()
    loaded = ReviewFile.load(tmp_path / "r.reviewed.json")
    kept = drop_dismissed(result, loaded)
    assert mismatch in result.findings and mismatch not in kept.findings
    assert len(kept.findings) == len(result.findings) - 1
    stale = stale_decisions(loaded, [result])
    assert [(s.story, s.decision.text) for s in stale] == [("rome-clashes", "Paris")]
    assert "matches no finding" in str(stale[0])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "malformed review file"),
        ('{"version": 1, "stories": []}', "'stories' table"),
        ('{"version": 7, "stories": {}}', "unsupported review file version"),
        ('{"version": 1, "stories": {"a": {"decisions": [{"action": "burn", "rule": "WC1",'
         ' "text": "x"}]}}}', "unknown decision action"),
        ('{"version": 1, "stories": {"a": {"decisions": [{"action": "accept", "rule": "WC1",'
         ' "text": "x"}]}}}', "needs a 'replacement'"),
    ],
)
def test_a_bad_review_file_is_one_error_naming_it(tmp_path: Path, content: str,
                                                  problem: str) -> None:
    path = tmp_path / "bad.reviewed.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        ReviewFile.load(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_reviewed_paths_sit_beside_their_originals(tmp_path: Path) -> None:
    text_story = StoryInput("a", "x", str(tmp_path / "a.txt"))
    assert reviewed_path(text_story) == tmp_path / "a.reviewed.txt"
    feed_story = StoryInput("afp/2024 1", "x", str(tmp_path / "wire.jsonl"))
    assert reviewed_path(feed_story) == tmp_path / "wire.afp%2F2024%201.reviewed.txt"
    (tmp_path / "story.txt").write_text("x", encoding="utf-8")
    assert default_review_path(tmp_path / "story.txt") == tmp_path / "story.reviewed.json"


def test_review_model_does_not_import_textual() -> None:
    code = "import sys, checker.review\nassert 'textual' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_moved_feed_keeps_its_review(story: StoryInput, tmp_path: Path) -> None:
    import shutil

    session = ReviewSession.open(default_review_path(tmp_path / "mt"))
    session.add(story).edit(0, 4, "Rome")
    session.save()
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    for name in ("mt", "ref", "mt.reviewed.json"):
        shutil.move(tmp_path / name, moved / name)
    again = ReviewSession.open(moved / "mt.reviewed.json").add(
        next(read_feed(moved / "mt", moved / "ref")))
    assert again.text.startswith("Rome - Police") and not again.notes


def test_check_honours_dismissals_and_reports_stale_ones(cli, tmp_path) -> None:
    import json

    story = tmp_path / "story.txt"
    story.write_text(
        "Le gouvernement a refusé de commenter ces informations publiées lundi par la presse.\n"
    )
    first = cli("check", str(story), "--lang", "en", "--select", "WC401")
    assert first.code == 1
    text = "Le gouvernement a refusé de commenter ces informations publiées lundi par la presse."
    review = tmp_path / "story.reviewed.json"
    review.write_text(json.dumps({"version": 1, "stories": {"story": {"decisions": [
        {"action": "dismiss", "rule": "WC401", "text": text, "reason": "quoted title"},
        {"action": "dismiss", "rule": "WC501", "text": "1,600", "reason": "old"},
    ]}}}))
    second = cli("check", str(story), "--lang", "en", "--select", "WC401", "--review-file", str(review))
    assert second.code == 0
    assert "WC401 [error]" not in second.out
    assert "dismissal of WC501 '1,600' matches no finding" in second.err
    ignored = cli("check", str(story), "--lang", "en", "--select", "WC401", "--review-file", "-")
    assert ignored.code == 1
