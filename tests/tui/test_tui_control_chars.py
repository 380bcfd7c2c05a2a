"""Control characters in a story are shown as symbols, never sent to the terminal."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from checker.text import unvisible, visible
from checker.tui.screens.dialogs import EditUnitDialog
from checker.tui.widgets.findings_table import FindingsTable
from checker.tui.widgets.unit_view import UnitView
from tests.tui.conftest import make_app, open_story

# A clear-screen escape and a vertical tab before a changed figure (70 for 60): the tab is
# one that Rich would drop, which would move every highlight after it by one character.
MT = ("MADRID - Train drivers\x1b[2J will strike\x0b for 48 hours from Monday and 70 percent "
      "of long-distance trains will be cancelled, the union announced on Friday.\n")
REF = ("MADRID - Train drivers will walk out for 48 hours from Monday and 60 percent of "
       "long-distance services will be cancelled, their union said on Friday.\n")


def _feed(root: Path) -> Path:
    for side, text in (("mt", MT), ("ref", REF)):
        (root / side).mkdir()
        (root / side / "rail-strike.txt").write_text(text, encoding="utf-8")
    return root


def test_visible_keeps_length_and_shows_controls() -> None:
    shown = visible("a\x1b[2Jb\tc\nd\x7f\x9b\x0b")
    assert shown == "a␛[2Jb\tc\nd␡\ufffd␋"
    assert visible("Zürich – «ok»") == "Zürich – «ok»"


def test_unvisible_brings_back_only_the_unit_s_own_controls() -> None:
    original = "a\x1b[2Jb\x0bc"
    assert unvisible(visible(original), original) == original
    assert unvisible(visible(original).replace("b", "B"), original) == "a\x1b[2JB\x0bc"
    # A symbol the text held as itself stays a symbol once the text is edited.
    both = "␛ and \x1b"
    assert unvisible(visible(both), both) == both
    assert unvisible(visible(both) + "!", both) == "␛ and ␛!"
    # Two different C1 controls share U+FFFD: an edit cannot tell them apart.
    c1 = "x\x85y\x86"
    assert unvisible(visible(c1), c1) == c1
    assert unvisible(visible(c1) + ".", c1) == "x\ufffdy\ufffd."


async def test_escape_sequences_are_shown_not_sent(tmp_path: Path) -> None:
    app = make_app(_feed(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "rail-strike")
        finding = app.screen.query_one(FindingsTable).current
        assert finding.rule == "WC501"
        view = app.screen.query_one(UnitView)
        unit = view.data.units[finding.unit]
        text = view._column_text(unit, "mt")
        assert "\x1b" not in text.plain and "␛[2J" in text.plain
        start = finding.start - unit.mt_start
        assert text.plain[start : start + len(finding.text)] == "70"
        screen = app.export_screenshot()
        assert "\x1b" not in screen and "\x0b" not in screen


async def test_the_editor_shows_symbols_and_keeps_the_unit_s_controls(tmp_path: Path) -> None:
    app = make_app(_feed(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_story(pilot, "rail-strike")
        await pilot.press("e")
        assert isinstance(app.screen, EditUnitDialog)
        area = app.screen.query_one(TextArea)
        assert "\x1b" not in area.text and "␛[2J" in area.text
        area.load_text(area.text.replace("70 percent", "60 percent"))
        await pilot.press("f2")
        await pilot.pause()
        state = app.session.states["rail-strike"]
        assert state.text == MT.replace("70 percent", "60 percent")
