"""The issue's done-criterion, end to end on the bundled feed.

Accept the glossary fixes (WC1xx) in sample-nk-troops, dismiss one finding, save, quit,
reopen and find the decisions there; then the corrected story, checked with the core, no
longer has the accepted findings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding
from checker.reading import read_feed
from checker.review import Action, ReviewFile, drop_dismissed, stale_decisions
from checker.rules import all_rules
from checker.tui.widgets.findings_table import FindingsTable
from tests.conftest import FEED
from tests.tui.conftest import open_story, settle

STORY = "sample-nk-troops"

pytestmark = pytest.mark.skipif(
    not (FEED / "mt" / f"{STORY}.txt").exists(), reason="the bundled feed is not there yet"
)


def feed_copy(tmp_path: Path) -> Path:
    for side in ("mt", "ref", "src"):
        if (FEED / side).is_dir():
            shutil.copytree(FEED / side, tmp_path / side)
    return tmp_path


def make_app(feed: Path):
    from checker.review import default_review_path
    from checker.review_session import ReviewSession
    from checker.tui.app import ReviewApp

    src = feed / "src" if (feed / "src").is_dir() else None
    stories = list(read_feed(feed / "mt", feed / "ref", src))
    return ReviewApp(stories, Checker(Settings()), ReviewSession.open(
        default_review_path(feed / "mt")), theme="textual-dark")


def fixable(findings: list[Finding], prefix: str) -> list[Finding]:
    return [f for f in findings if f.rule.startswith(prefix) and f.suggestion is not None]


async def test_review_the_sample_story_end_to_end(tmp_path: Path) -> None:
    feed = feed_copy(tmp_path)
    app = make_app(feed)
    accepted: list[tuple[str, str]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, STORY)
        state = app.session.states[STORY]
        if not any(rule.code.startswith("WC1") for rule in all_rules()):
            pytest.skip("no glossary rule (WC1xx) is registered yet")
        prefix = "WC1"
        for _ in range(40):  # accept fixes one by one; each accept re-checks the story
            todo = fixable(state.active_findings(), prefix)
            if not todo:
                break
            table = app.screen.query_one(FindingsTable)
            table.move_to(table.findings.index(todo[0]))
            await pilot.pause()
            accepted.append((todo[0].rule, todo[0].text))
            await pilot.press("a")
            await settle(pilot)
        assert accepted, "the sample story has no glossary finding with a suggestion"
        assert not fixable(state.active_findings(), prefix)
        to_dismiss = state.active_findings()[0]
        table = app.screen.query_one(FindingsTable)
        table.move_to(table.findings.index(to_dismiss))
        await pilot.press("d", *"house style allows it", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0

    corrected = feed / "mt" / f"{STORY}.reviewed.txt"
    assert corrected.exists()
    original = (FEED / "mt" / f"{STORY}.txt").read_text(encoding="utf-8")
    assert (feed / "mt" / f"{STORY}.txt").read_text(encoding="utf-8") == original

    again = make_app(feed)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_story(pilot, STORY)
        state = again.session.states[STORY]
        assert state.text == corrected.read_text(encoding="utf-8")
        actions = [d.action for d in state.decisions]
        assert actions.count(Action.ACCEPT) == len(accepted)
        assert actions.count(Action.DISMISS) == 1
        table = again.screen.query_one(FindingsTable)
        rows = [table.get_row_at(i) for i in range(len(table.findings))]
        dismissed = [r for r in rows if r[-1].plain.startswith("dismissed: house style")]
        assert len(dismissed) == 1 and dismissed[0][0].plain == "✗"
        assert state.dismissal(table.findings[rows.index(dismissed[0])]).reason == \
            "house style allows it"

    # The corrected copy, checked with the core, no longer has the accepted findings.
    story = next(s for s in read_feed(feed / "mt", feed / "ref",
                                      feed / "src" if (feed / "src").is_dir() else None)
                 if s.id == STORY)
    from dataclasses import replace

    result = Checker(Settings()).check(replace(story, mt=corrected.read_text(encoding="utf-8")))
    remaining = {(f.rule, f.text) for f in result.findings}
    assert not remaining & set(accepted)
    review = ReviewFile.load(feed / "mt.reviewed.json")
    dismissed = (to_dismiss.rule, to_dismiss.text)
    assert dismissed in remaining
    assert dismissed not in {(f.rule, f.text) for f in drop_dismissed(result, review).findings}
    assert stale_decisions(review, [result]) == []
