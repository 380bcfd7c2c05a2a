"""Snapshots of the main screens at fixed sizes and themes (pytest-textual-snapshot).

Update them on purpose with ``pytest tests/tui --snapshot-update`` after a layout change,
and look at the SVG files before committing them.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.tui.conftest import make_app, open_story, settle


def test_story_list_sorted_worst_first(feed: Path, snap_compare) -> None:
    async def ready(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(make_app(feed), terminal_size=(100, 30), run_before=ready)


def test_story_side_by_side_dark(feed: Path, snap_compare) -> None:
    async def ready(pilot: Pilot) -> None:
        await open_story(pilot, "harbour-fire")
        await pilot.pause()

    assert snap_compare(make_app(feed), terminal_size=(100, 30), run_before=ready)


def test_story_small_terminal_light(feed: Path, snap_compare) -> None:
    async def ready(pilot: Pilot) -> None:
        await open_story(pilot, "harbour-fire")
        await pilot.press("n")
        await pilot.pause()

    app = make_app(feed, theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
