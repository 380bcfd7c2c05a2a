"""The review UI in an 80×24 terminal: a readable findings table and the keys people expect."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import TextArea

from checker.tui.screens.dialogs import EditUnitDialog
from checker.tui.screens.help import HelpScreen
from checker.tui.screens.story import StoryScreen
from checker.tui.widgets.findings_table import COLUMNS, FindingsTable, column_widths
from checker.tui.widgets.story_list import StoryList
from tests.tui.conftest import make_app, open_story, settle

SMALL = (80, 24)


def test_column_widths_fill_the_table_and_keep_the_message_readable() -> None:
    for total in (60, 80, 100, 160):
        widths = column_widths(total)
        assert set(widths) == {key for key, _ in COLUMNS}
        assert widths["message"] >= 16 and widths["text"] >= 12
        used = sum(widths.values()) + 2 * len(COLUMNS) + 1
        assert used == total or total < 70
    assert column_widths(160)["message"] > column_widths(80)["message"]


async def test_findings_table_fits_80_columns(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=SMALL) as pilot:
        await open_story(pilot, "harbour-fire")
        table = app.screen.query_one(FindingsTable)
        assert table.widths == column_widths(table.size.width)
        widths = {str(c.key.value): c.get_render_width(table) for c in table.columns.values()}
        assert sum(widths.values()) <= table.size.width
        assert widths["message"] >= 18 and widths["text"] >= 12, widths
        assert table.get_row_at(0)[-1].plain  # the message is there, not cut to nothing


async def test_home_and_end_move_through_the_story_list(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        stories = app.screen.query_one(StoryList)
        stories.focus()
        await pilot.press("end")
        assert stories.cursor_row == stories.row_count - 1
        await pilot.press("home")
        assert stories.cursor_row == 0


async def test_help_shows_keys_and_what_they_do_without_internal_ids(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = _screen_text(app)
        assert "Write each corrected story" in shown
        assert "app.save" not in shown and "review.accept" not in shown


def _screen_text(app) -> str:
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(app.screen.keys_table())
    return console.export_text()


async def test_ctrl_s_in_the_edit_dialog_saves_as_everywhere(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=SMALL) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("n", "e")
        assert isinstance(app.screen, EditUnitDialog)
        app.screen.query_one(TextArea).load_text("Port authorities opened an inquiry.")
        await pilot.press("f2")  # apply only
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.session.dirty
        assert not (feed / "mt" / "harbour-fire.reviewed.txt").exists()
        await pilot.press("e")
        app.screen.query_one(TextArea).load_text("Port authorities opened an investigation.")
        await pilot.press("ctrl+s")  # apply and save
        await settle(pilot)
        assert not app.session.dirty
        saved = (feed / "mt" / "harbour-fire.reviewed.txt").read_text(encoding="utf-8")
        assert "opened an investigation." in saved


async def test_a_dismissed_finding_says_so(feed: Path) -> None:
    app = make_app(feed)
    async with app.run_test(size=SMALL) as pilot:
        await open_story(pilot, "harbour-fire")
        await pilot.press("d", *"quote", "enter")
        await pilot.pause()
        table = app.screen.query_one(FindingsTable)
        table.move_to(0)
        await pilot.pause()
        row = table.get_row_at(0)
        assert row[0].plain == "✗" and row[-1].plain.startswith("dismissed: quote · ")
        detail = str(app.screen.query_one("#finding-detail").render())
        assert detail.startswith("✗ DISMISSED (quote)")


async def test_accepting_a_chrome_line_deletion_leaves_no_empty_paragraph(tmp_path: Path) -> None:
    text = ("PARIS - The museum reopened on Monday after a year of works.\n\n"
            "Related News :\n\n"
            "Visitors queued from dawn, the director said.\n")
    for side in ("mt", "ref"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "museum.txt").write_text(text, encoding="utf-8")
    app = make_app(tmp_path, select=("WC303",))
    async with app.run_test(size=SMALL) as pilot:
        await open_story(pilot, "museum")
        table = app.screen.query_one(FindingsTable)
        assert [f.rule for f in table.findings] == ["WC303"]
        await pilot.press("a")
        await settle(pilot)
        state = app.session.states["museum"]
        assert "\n\n\n" not in state.text
        assert state.text == ("PARIS - The museum reopened on Monday after a year of works.\n\n"
                              "Visitors queued from dawn, the director said.\n")
