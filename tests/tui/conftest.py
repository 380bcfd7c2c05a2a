"""A small feed written for the review UI tests, and helpers to drive the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from checker.config import Settings
from checker.engine import Checker
from checker.reading import read_feed
from checker.review import default_review_path
from checker.review_session import ReviewSession
from checker.tui.app import ReviewApp

# Three short wire stories and their references. harbour-fire has a wrong number (WC501,
# with the reference's figure as suggestion), a paragraph left in French (WC401) and a
# reference paragraph the MT lacks; rail-strike has one wrong number; alpine-pass is clean.
STORIES = {
    "alpine-pass": (
        "BERN - The Gotthard road tunnel reopened on Sunday after two days of repairs, "
        "the federal roads office said.\n",
        "BERN - The Gotthard road tunnel reopened on Sunday after two days of repairs, "
        "the federal roads office said.\n",
    ),
    "harbour-fire": (
        "GENOA [Reuters] - A fire broke out on Tuesday in a warehouse of the port of Genoa, "
        "where 120 firefighters fought the flames for six hours, the city hall said.\n\n"
        "The blaze destroyed about 3,000 tonnes of grain, according to a first estimate.\n\n"
        "Les autorités portuaires ont ouvert une enquête sur les causes de l'incendie.\n\n"
        "No one was injured, the prefecture added.\n",
        "GENOA (Reuters) - Fire tore through a warehouse in the port of Genoa on Tuesday, "
        "and 140 firefighters battled the flames for six hours, the city council said.\n\n"
        "The fire destroyed around 3,000 tonnes of grain, a first estimate showed.\n\n"
        "Port authorities have opened an investigation into the cause of the fire.\n\n"
        "Nobody was hurt, the prefecture said.\n\n"
        "Traffic in the port resumed on Wednesday morning.\n",
    ),
    "rail-strike": (
        "MADRID - Train drivers will strike for 48 hours from Monday, the union announced "
        "on Friday.\n\n"
        "The railway operator expects 70 percent of long-distance trains to be cancelled.\n",
        "MADRID - Train drivers will walk out for 48 hours from Monday, their union said "
        "on Friday.\n\n"
        "The rail operator expects 60 percent of long-distance services to be cancelled.\n",
    ),
}
SELECT = ("WC4", "WC5", "WC8")
"""Rules the UI tests rely on; other families may come and go without breaking them."""


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    for side in ("mt", "ref"):
        (tmp_path / side).mkdir()
    for story_id, (mt, ref) in STORIES.items():
        (tmp_path / "mt" / f"{story_id}.txt").write_text(mt, encoding="utf-8")
        (tmp_path / "ref" / f"{story_id}.txt").write_text(ref, encoding="utf-8")
    return tmp_path


def make_app(feed: Path, theme: str = "textual-dark", select: tuple[str, ...] = SELECT,
             src: bool = False) -> ReviewApp:
    stories = list(read_feed(feed / "mt", feed / "ref", feed / "src" if src else None))
    session = ReviewSession.open(default_review_path(feed / "mt"))
    checker = Checker(Settings(select=select))
    return ReviewApp(stories, checker, session, theme=theme)


async def settle(pilot: Pilot) -> None:
    """Wait for every check to finish and its results to be shown."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_story(pilot: Pilot, story_id: str) -> None:
    from checker.tui.screens.story import StoryScreen
    from checker.tui.widgets.story_list import StoryList

    await settle(pilot)
    table = pilot.app.screen.query_one(StoryList)
    table.move_cursor(row=table.get_row_index(story_id))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StoryScreen)
    assert pilot.app.screen.story_id == story_id
