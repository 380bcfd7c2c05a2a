"""The review UI driven with the pilot: navigate, accept, dismiss, edit, undo, save, reopen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from checker.review import Action
from checker.tui.screens.dialogs import DismissDialog, EditUnitDialog, QuitDialog
from checker.tui.screens.help import HelpScreen
from checker.tui.screens.story import StoryScreen
from checker.tui.widgets.findings_table import FindingsTable
from checker.tui.widgets.story_list import StoryList
from checker.tui.widgets.unit_view import UnitView
from tests.tui.conftest import STORIES, make_app, open_story, settle

SIZES = [(100, 30), (80, 24)]


def rows(app) -> list[str]:
    return app.screen.query_one(StoryList).visible_ids()


def current(app):
    return app.screen.query_one(FindingsTable).current


def codes(app) -> list[str]:
    return [f.rule for f in app.screen.query_one(FindingsTable).findings]


@pytest.mark.parametrize("size", SIZES)
async def test_feed_lists_every_story_with_counts(feed: Path, size: tuple[int, int]) -> None:
    app = make_app(feed)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(StoryList)
        assert rows(app) == ["alpine-pass", "harbour-fire", "rail-strike"]
        harbour = [cell.plain for cell in table.get_row("harbour-fire")]
        assert harbour[1:3] == ["harbour-fire", "en"]
        assert harbour[5:7] == ["2", "0"]  # two errors, no warnings
        assert float(harbour[3]) > 0  # chrF shown
        assert app.sub_title == "3 stories · 3 errors · 0 warnings"


async def test_worst_first_sort_and_filter(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        assert rows(app) == ["harbour-fire", "rail-strike", "alpine-pass"]
        await pilot.press("w")
        assert rows(app) == ["alpine-pass", "harbour-fire", "rail-strike"]
        await pilot.press("slash", *"rail")
        assert app.screen.query_one("#filter", Input).value == "rail"
        assert rows(app) == ["rail-strike"]
        await pilot.press("escape")
        assert rows(app) == ["alpine-pass", "harbour-fire", "rail-strike"]
        await pilot.press("slash", *"wc4")
        assert rows(app) == ["harbour-fire"]


@pytest.mark.parametrize("size", [*SIZES, (160, 48)])
async def test_navigate_findings_errors_and_stories(feed: Path, size: tuple[int, int]) -> None:
    app = make_app(feed)
    async with app.run_test(size=size) as pilot:
        await open_story(pilot, "harbour-fire")
        assert codes(app) == ["WC501", "WC401"]
        assert current(app).text == "120"
        units = app.screen.query_one(UnitView)
        assert units.cursor == 0
        await pilot.press("n")
        assert current(app).rule == "WC401"
        assert units.cursor == 2  # selecting a finding moves the view to its unit
        await pilot.press("p")
        assert current(app).rule == "WC501"
        await pilot.press("exclamation_mark")
        assert current(app).rule == "WC401"
        await pilot.press("exclamation_mark")  # wraps to the first error
        assert current(app).rule == "WC501"
        await pilot.press("right_square_bracket")
        assert app.screen.story_id == "rail-strike"
        assert [f.text for f in app.screen.query_one(FindingsTable).findings] == ["70"]
        await pilot.press("left_square_bracket")
        assert app.screen.story_id == "harbour-fire"
        await pilot.press("escape")
        assert not isinstance(app.screen, StoryScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_accept_applies_the_fix_and_rechecks(feed: Path, size: tuple[int, int]) -> None:
    app = make_app(feed)
    async with app.run_test(size=size) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("a")
        await settle(pilot)
        state = app.session.states["harbour-fire"]
        assert "where 140 firefighters" in state.text
        assert state.decisions[-1].action is Action.ACCEPT
        assert codes(app) == ["WC401"]
        bar = str(app.screen.query_one("#story-bar").render())
        assert "1 accepted" in bar and "unsaved" in bar
        assert "unsaved" in app.sub_title
        assert app.summaries["harbour-fire"].errors == 1


async def test_dismiss_with_a_reason_then_restore(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("n", "d")
        assert isinstance(app.screen, DismissDialog)
        await pilot.press(*"quoted in French", "enter")
        await pilot.pause()
        state = app.session.states["harbour-fire"]
        assert state.decisions[-1].reason == "quoted in French"
        table = app.screen.query_one(FindingsTable)
        row = table.get_row_at(1)
        assert row[0].plain == "✗"  # explicit, not only grey italics
        assert row[-1].plain.startswith("dismissed: quoted in French · ")
        assert [f.rule for f in state.active_findings()] == ["WC501"]
        units = app.screen.query_one(UnitView)
        assert [f.rule for f in units.data.findings] == ["WC501"]  # no longer underlined
        table.move_to(1)
        await pilot.press("d")  # on a dismissed finding: restore it
        assert [f.rule for f in state.active_findings()] == ["WC501", "WC401"]
        await pilot.press("d", "escape")  # cancelling the dialog changes nothing
        assert not isinstance(app.screen, DismissDialog)
        assert [f.rule for f in state.active_findings()] == ["WC501", "WC401"]


@pytest.mark.parametrize("size", SIZES)
async def test_edit_a_unit_in_place(feed: Path, size: tuple[int, int]) -> None:
    app = make_app(feed)
    async with app.run_test(size=size) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("n")  # the French paragraph: its unit is now under the cursor
        await pilot.press("e")
        assert isinstance(app.screen, EditUnitDialog)
        area = app.screen.query_one(TextArea)
        assert area.text.startswith("Les autorités portuaires")
        area.load_text("Port authorities opened an investigation into the cause of the fire.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        state = app.session.states["harbour-fire"]
        assert "Port authorities opened an investigation" in state.text
        assert "Les autorités" not in state.text
        assert state.decisions[-1].action is Action.EDIT
        assert codes(app) == ["WC501"]


async def test_undo_restores_text_and_findings(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("a")
        await settle(pilot)
        assert codes(app) == ["WC401"]
        await pilot.press("u")
        await settle(pilot)
        state = app.session.states["harbour-fire"]
        assert state.text == STORIES["harbour-fire"][0]
        assert codes(app) == ["WC501", "WC401"]
        assert not state.dirty
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert state.text == STORIES["harbour-fire"][0]


async def test_save_then_reopen_restores_every_decision(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("d", *"a quotation", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
        await pilot.press("q")  # nothing unsaved: quits at once
        await pilot.pause()
    assert app.return_code == 0
    corrected = feed / "mt" / "harbour-fire.reviewed.txt"
    assert "where 140 firefighters" in corrected.read_text(encoding="utf-8")
    original = (feed / "mt" / "harbour-fire.txt").read_text(encoding="utf-8")
    assert original == STORIES["harbour-fire"][0]
    saved = json.loads((feed / "mt.reviewed.json").read_text(encoding="utf-8"))
    assert [d["action"] for d in saved["stories"]["harbour-fire"]["decisions"]] == [
        "accept", "dismiss"]

    again = make_app(feed)
    async with again.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        state = again.session.states["harbour-fire"]
        assert state.text == corrected.read_text(encoding="utf-8")
        assert [d.action for d in state.decisions] == [Action.ACCEPT, Action.DISMISS]
        table = again.screen.query_one(FindingsTable)
        assert [f.rule for f in table.findings] == ["WC401"]
        assert table.get_row_at(0)[-1].plain.startswith("dismissed: a quotation · ")
        bar = str(again.screen.query_one("#story-bar").render())
        assert "1 accepted, 1 dismissed" in bar
        assert again.summaries["harbour-fire"].decisions == 2
        assert not again.session.dirty


async def test_quitting_with_unsaved_changes_asks_first(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_story(pilot, "rail-strike")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")  # save and quit
        await pilot.pause()
    assert app.return_code == 0
    assert "60 percent" in (feed / "mt" / "rail-strike.reviewed.txt").read_text(encoding="utf-8")


async def test_quit_without_saving_writes_nothing(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "rail-strike")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
    assert not (feed / "mt" / "rail-strike.reviewed.txt").exists()
    assert not (feed / "mt.reviewed.json").exists()


async def test_help_lists_every_key(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = {b.id for _, bindings in app.screen.sections for b in bindings}
        for cls in (type(app), StoryScreen, UnitView, DismissDialog, EditUnitDialog):
            assert {b.id for b in cls.BINDINGS} <= shown
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)


async def test_command_palette_accepts_a_fix(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "rail-strike")
        await pilot.press("ctrl+p", *"accept fix")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert "expects 60 percent" in app.session.states["rail-strike"].text


async def test_story_text_with_brackets_is_shown_literally(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        units = app.screen.query_one(UnitView)
        first_row = units.render_line(1).text
        assert "GENOA [Reuters] - A fire" in first_row
        assert "GENOA (Reuters)" in first_row


async def test_unit_view_marks_diffs_findings_and_one_sided_units(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        units = app.screen.query_one(UnitView)
        insert = units.get_component_rich_style("unit-view--insert", partial=True)
        delete = units.get_component_rich_style("unit-view--delete", partial=True)
        error = units.get_component_rich_style("unit-view--error", partial=True)
        first_unit_rows = range(1, units._rows.heights[0])
        segments = [seg for y in first_unit_rows for seg in units.render_line(y)]
        styled = {seg.text.strip(): seg.style for seg in segments if seg.text.strip()}
        assert styled["120"].underline and styled["120"].color == error.color
        assert any(s.bgcolor == insert.bgcolor for s in styled.values())  # MT-only words
        assert any(s.bgcolor == delete.bgcolor for s in styled.values())  # reference-only
        assert units.data.units[-1].mt == ""  # the reference's last paragraph has no MT
        await pilot.press("tab", "end")
        assert units.cursor == len(units.data.units) - 1
        top = int(units.scroll_y)
        row = units._rows.starts[units.cursor] - top + 1
        line = units.render_line(row).text
        assert "−MT" in line and "(not in the MT)" in line and "Traffic in the port" in line


async def test_light_theme_keeps_every_colour_distinct(feed: Path) -> None:
    app = make_app(feed, theme="textual-light")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "harbour-fire")
        units = app.screen.query_one(UnitView)
        background = units.rich_style.bgcolor
        for name in ("insert", "delete"):
            style = units.get_component_rich_style(f"unit-view--{name}", partial=True)
            assert style.bgcolor is not None and style.bgcolor != background
        await pilot.press("ctrl+p", *"toggle light", "enter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_theme.dark
        assert "GENOA [Reuters]" in units.render_line(1).text


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    from checker.tui.app import ReviewApp
    from checker.tui.screens.feed import FeedScreen

    classes = (ReviewApp, FeedScreen, StoryScreen, StoryList, UnitView, DismissDialog,
               EditUnitDialog, QuitDialog, HelpScreen)
    ids = []
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id, f"{cls.__name__} binds {binding.key} without an id"
            assert binding.tooltip and binding.description, binding.id
            ids.append(binding.id)
    assert len(ids) == len(set(ids))


async def test_a_feed_with_sources_and_an_empty_story(tmp_path: Path) -> None:
    """The JSON Lines fixture: sources inline (third column) and a story with no text."""
    from checker.config import Settings
    from checker.engine import Checker
    from checker.reading import read_feed
    from checker.review_session import ReviewSession
    from checker.tui.app import ReviewApp
    from tests.conftest import ROOT

    stories = list(read_feed(ROOT / "fixtures" / "jsonl" / "wire-feed.jsonl"))
    app = ReviewApp(stories, Checker(Settings(select=("WC4", "WC5", "WC8"))),
                    ReviewSession.open(tmp_path / "r.reviewed.json"))
    async with app.run_test(size=(120, 30)) as pilot:
        await open_story(pilot, stories[0].id)
        units = app.screen.query_one(UnitView)
        assert "Source (fr)" not in units.render_line(0).text
        await pilot.press("s")
        assert units.show_source
        header = units.render_line(0).text
        assert "MT (en)" in header and "Reference (en)" in header and "Source (fr)" in header
        assert "De fortes pluies" in units.render_line(1).text
        empty = next(s.id for s in stories if not s.mt.strip())
        while app.screen.story_id != empty:
            await pilot.press("right_square_bracket")
        await pilot.press("e", "a", "n")  # nothing to edit, accept or visit: no crash
        assert isinstance(app.screen, StoryScreen)
        assert not app.session.states[empty].decisions


def test_review_command_reports_bad_input_in_one_line(cli, tmp_path: Path) -> None:
    result = cli("review", str(tmp_path / "missing"))
    assert result.code == 2
    assert result.err.strip().endswith("no such file or folder")
    assert len(result.err.strip().splitlines()) == 1
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    result = cli("review", str(story), "--theme", "neon")
    assert result.code == 2 and "unknown theme 'neon'" in result.err


def test_review_command_opens_the_app_with_the_default_review_file(
    cli, feed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.tui.app import ReviewApp

    opened = {}

    def fake_run(app: ReviewApp) -> None:
        opened["app"] = app

    monkeypatch.setattr(ReviewApp, "run", fake_run)
    result = cli("review", str(feed / "mt"), "--ref", str(feed / "ref"), "--select", "WC5",
                 "--theme", "textual-light")
    assert result.code == 0, result.err
    app = opened["app"]
    assert [s.id for s in app.stories] == ["alpine-pass", "harbour-fire", "rail-strike"]
    assert app.session.review.path == feed / "mt.reviewed.json"
    assert app.checker.rules and all(r.code.startswith("WC5") for r in app.checker.rules)


async def test_a_story_that_fails_to_check_does_not_stop_the_review(feed: Path) -> None:
    from checker.config import Settings
    from checker.engine import Checker
    from checker.reading import read_feed
    from checker.review_session import ReviewSession
    from checker.tui.app import ReviewApp

    class Flaky(Checker):
        def check(self, story):
            if story.id == "rail-strike":
                raise RuntimeError("rule exploded")
            return super().check(story)

    stories = list(read_feed(feed / "mt", feed / "ref"))
    app = ReviewApp(stories, Flaky(Settings(select=("WC5",))),
                    ReviewSession.open(feed / "r.reviewed.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert messages == ["rail-strike: RuntimeError: rule exploded"]
        assert app.summaries["harbour-fire"].checked
        assert not app.summaries["rail-strike"].checked
        status = str(app.screen.query_one("#feed-status").render())
        assert status.startswith("3 stories")


async def test_a_large_feed_is_checked_in_worker_processes(
    feed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.tui.app as app_module

    monkeypatch.setattr(app_module, "POOL_MIN_STORIES", 2)
    monkeypatch.setattr(app_module, "default_jobs", lambda: 2)
    used = []
    real = app_module.check_stories

    def spy(*args, **kwargs):
        used.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "check_stories", spy)
    app = make_app(feed)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert used == [2]
        assert app.sub_title == "3 stories · 3 errors · 0 warnings"
        assert [f.text for f in app.session.states["rail-strike"].active_findings()] == ["70"]
