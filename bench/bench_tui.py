"""How fast the review UI opens a 200-story feed and scrolls a 500-unit story.

Runs the app headless (``App.run_test``) on synthetic feeds from ``wirefeed.py``:

* open: time until the story list is on screen with every story listed (first paint),
  until the first story's scores are in, and until every story is checked (full load);
* scroll: a 500-unit story (MT and reference), paged through top to bottom with the
  keyboard, and the cost of rendering one screenful of rows from a cold cache.

Usage: ``python bench/bench_tui.py [--stories 200] [--units 500]``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wirefeed import make_feed, make_story  # noqa: E402

from checker.config import Settings  # noqa: E402
from checker.engine import Checker  # noqa: E402
from checker.reading import read_feed  # noqa: E402
from checker.review_session import ReviewSession  # noqa: E402


def write_feed(folder: Path, stories: list, prefix: str = "story") -> None:
    for side in ("mt", "ref"):
        (folder / side).mkdir(parents=True, exist_ok=True)
    for number, story in enumerate(stories):
        name = f"{prefix}-{number:03d}.txt"
        (folder / "mt" / name).write_text(story.mt_text, encoding="utf-8")
        (folder / "ref" / name).write_text(story.ref_text, encoding="utf-8")


def engine_alone(folder: Path) -> float:
    """Seconds the core takes over a feed with no UI (a fresh checker, as the app has)."""
    stories = list(read_feed(folder / "mt", folder / "ref"))
    started = time.perf_counter()
    checker = Checker(Settings())
    for story in stories:
        checker.check(story)
    return time.perf_counter() - started


async def bench_open(folder: Path, size: tuple[int, int]) -> dict[str, float]:
    from checker.tui.app import ReviewApp
    from checker.tui.widgets.story_list import StoryList

    started = time.perf_counter()
    stories = list(read_feed(folder / "mt", folder / "ref"))
    app = ReviewApp(stories, Checker(Settings()), ReviewSession.open(folder / "r.reviewed.json"))
    times: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        listed = app.screen.query_one(StoryList).row_count
        times["first paint (all rows listed)"] = time.perf_counter() - started
        assert listed == len(stories), listed
        table = app.screen.query_one(StoryList)
        while not any(s.checked for s in table.summaries.values()):
            await asyncio.sleep(0.002)
        times["first story's scores on screen"] = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        times["full load (every story checked and shown)"] = time.perf_counter() - started
    return times


async def bench_scroll(folder: Path, size: tuple[int, int]) -> dict[str, float]:
    from checker.tui.app import ReviewApp
    from checker.tui.widgets.unit_view import UnitView

    stories = list(read_feed(folder / "mt", folder / "ref"))
    checker = Checker(Settings())
    app = ReviewApp(stories, checker, ReviewSession.open(folder / "r.reviewed.json"))
    times: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        started = time.perf_counter()
        app.open_story(stories[0].id)
        await pilot.pause()
        view = app.screen.query_one(UnitView)
        times["open the story (layout + first screen)"] = time.perf_counter() - started
        units = len(view.data.units)
        rows = view.virtual_size.height
        view.focus()
        pages = []
        while view.scroll_y < view.max_scroll_y:
            page_started = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            pages.append(time.perf_counter() - page_started)
        times["page down, mean per page (key to repaint)"] = statistics.mean(pages)
        times["page down, slowest page"] = max(pages)
        cold = []
        height = view.size.height
        for top in range(0, rows, height * 7):
            view._invalidate()
            view.scroll_to(y=top, animate=False, immediate=True)
            frame_started = time.perf_counter()
            for y in range(height):
                view.render_line(y)
            cold.append(time.perf_counter() - frame_started)
        times["render one screen of rows, cold cache"] = statistics.mean(cold)
        idle = []
        for _ in range(30):
            key_started = time.perf_counter()
            await pilot.press("f12")  # bound to nothing: the pilot's own cost per key
            idle.append(time.perf_counter() - key_started)
        times["for comparison: a key bound to nothing"] = statistics.mean(idle)
        moves = []
        await pilot.press("home")
        for _ in range(100):
            move_started = time.perf_counter()
            await pilot.press("down")
            moves.append(time.perf_counter() - move_started)
        times["unit cursor down, mean per key"] = statistics.mean(moves)
        print(f"  ({units} aligned units, {rows} rows, {len(pages)} pages)")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=12, help="per story of the feed")
    parser.add_argument("--units", type=int, default=500, help="sentences of the long story")
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=40)
    args = parser.parse_args()
    size = (args.width, args.height)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed"
        write_feed(feed, make_feed(args.stories, args.sentences))
        long = Path(tmp) / "long"
        write_feed(long, [make_story(args.units, random.Random(11))], prefix="long")
        # Warm the language detector and scorers once, as a running app would have.
        Checker(Settings()).check(next(read_feed(feed / "mt", feed / "ref")))
        # A same-sized feed of other stories, so neither run profits from the other's caches.
        other = Path(tmp) / "other"
        write_feed(other, make_feed(args.stories, args.sentences, seed=99))
        alone = engine_alone(other)
        print(f"Open a {args.stories}-story feed ({args.sentences} sentences each) at "
              f"{size[0]}x{size[1]}:")
        times = asyncio.run(bench_open(feed, size))
        times["for comparison: the engine alone, no UI"] = alone
        for name, seconds in times.items():
            print(f"  {name:<48} {seconds * 1000:8.1f} ms")
        print(f"Scroll a {args.units}-sentence story:")
        for name, seconds in asyncio.run(bench_scroll(long, size)).items():
            print(f"  {name:<48} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
