"""``ReviewApp``: the story list, the story view, and the workers that check stories.

The app owns the :class:`~checker.review_session.ReviewSession` and a checker; screens read the
session and call back here when the editor decides something. Checking runs in thread
workers (the core is a pure function of a story), so the UI never waits for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from typing import ClassVar, Protocol

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import BUILTIN_THEMES
from textual.worker import get_current_worker

from checker.engine import Checker
from checker.errors import WirecheckError
from checker.model import Finding, StoryInput, StoryResult
from checker.parallel import check_stories, default_jobs
from checker.review_session import ReviewSession, StoryState
from checker.text import visible
from checker.tui.commands import ReviewCommands
from checker.tui.messages import (
    CheckFailed,
    FeedChecked,
    FeedProgress,
    StoriesChecked,
    StoryChecked,
)
from checker.tui.screens.dialogs import DismissDialog, EditUnitDialog, QuitDialog
from checker.tui.screens.feed import FeedScreen
from checker.tui.screens.help import HelpScreen
from checker.tui.screens.story import StoryScreen, plural
from checker.tui.widgets.story_list import StoryList, StorySummary
from checker.tui.widgets.unit_view import UnitView

THEMES = frozenset(BUILTIN_THEMES)
POOL_MIN_STORIES = 24
"""Feeds at least this long are checked in worker processes."""
BATCH_SECONDS = 0.25
"""How often the feed worker hands results to the UI: often enough to feel live, rarely
enough that redrawing the list does not slow the checking down (they share the GIL)."""


class StoryChecker(Protocol):
    """What the app needs of :class:`checker.engine.Checker`."""

    def check(self, story: StoryInput) -> StoryResult: ...


class ReviewApp(App[int]):
    """Review a feed of machine-translated stories without touching the mouse."""

    TITLE = "wirecheck review"
    CSS_PATH: ClassVar[list[str]] = [
        "app.tcss",
        "widgets/unit_view.tcss",
        "widgets/tables.tcss",
        "screens/feed.tcss",
        "screens/story.tcss",
        "screens/dialogs.tcss",
    ]
    COMMANDS = App.COMMANDS | {ReviewCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="app.save",
                tooltip="Write each corrected story beside its original (<name>.reviewed.txt) "
                "and the decisions to the review file"),
        Binding("q", "quit", "Quit", show=False, id="app.quit",
                tooltip="Quit; asks first when there are unsaved changes"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-now",
                tooltip="Quit from anywhere; asks first when there are unsaved changes"),
        Binding("question_mark,f1", "help", "Keys", id="app.help",
                tooltip="List every key and what it does"),
    ]

    def __init__(
        self,
        stories: Sequence[StoryInput],
        checker: StoryChecker,
        session: ReviewSession,
        *,
        chrf_threshold: float = 20.0,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.stories = list(stories)
        self.checker = checker
        self.session = session
        self.chrf_threshold = chrf_threshold
        self.checked = 0
        self.summaries: dict[str, StorySummary] = {}
        self._check_lock = threading.Lock()
        self._theme_name = theme
        self.feed: FeedScreen
        for story in self.stories:
            state = session.add(story)
            self.summaries[state.id] = StorySummary.of(state)

    def get_default_screen(self) -> FeedScreen:
        self.feed = FeedScreen()
        return self.feed

    def on_mount(self) -> None:
        if self._theme_name:
            self.theme = self._theme_name
        self.update_totals()
        self.check_feed()

    # -- checking ------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="feed")
    def check_feed(self) -> None:
        """Check every story once, in feed order, posting results as they come.

        A large feed is checked in worker processes (:mod:`checker.parallel`), so the
        checks use every core and never compete with the UI for the GIL; a small one, or a
        checker that is not the engine's, is checked here. Results and progress go out in
        batches (the first at once, then every ``BATCH_SECONDS``) so a large feed does not
        flood the UI with one update per story.
        """
        worker = get_current_worker()
        started = time.perf_counter()
        states = list(self.session)
        batch: list[tuple[StoryState, StoryResult]] = []
        last_post = 0.0
        for done, (state, result) in enumerate(self._feed_results(states), start=1):
            if worker.is_cancelled:
                return
            if result is not None:
                batch.append((state, result))
            now = time.perf_counter()
            if now - last_post >= BATCH_SECONDS or done == len(states):
                if batch:
                    self.post_message(StoriesChecked(batch))
                self.post_message(FeedProgress(done, len(states)))
                batch, last_post = [], now
        self.post_message(FeedChecked(len(states), time.perf_counter() - started))

    def _feed_results(
        self, states: list[StoryState]
    ) -> Iterator[tuple[StoryState, StoryResult | None]]:
        jobs = default_jobs()
        if not isinstance(self.checker, Checker) or jobs < 2 or len(states) < POOL_MIN_STORIES:
            for state in states:
                yield state, self._check(state)
            return
        done = 0
        try:
            results = check_stories((s.input() for s in states), self.checker.settings,
                                    jobs=jobs, checker=self.checker)
            for state, result in zip(states, results, strict=False):
                done += 1
                yield state, result
        except Exception:  # one story broke a worker: check the rest here, one by one
            for state in states[done:]:
                yield state, self._check(state)

    def recheck(self, state: StoryState) -> None:
        """Check ``state`` again as it now stands (a newer request supersedes an older one)."""

        def check() -> None:
            result = self._check(state)
            if result is not None:
                self.post_message(StoryChecked(state, result))

        self.run_worker(
            check, thread=True, exclusive=True, group=f"recheck:{state.id}",
            exit_on_error=False, description=f"re-check {state.id}",
        )

    def _check(self, state: StoryState) -> StoryResult | None:
        story = state.input()
        try:
            with self._check_lock:
                return self.checker.check(story)
        except Exception as exc:  # a broken rule must not take the review down
            self.post_message(CheckFailed(state.id, f"{type(exc).__name__}: {exc}"))
            return None

    def on_stories_checked(self, message: StoriesChecked) -> None:
        if not self.screen_stack:  # the app is closing
            return
        for state, result in message.results:
            self._take(state, result)

    def on_story_checked(self, message: StoryChecked) -> None:
        if self.screen_stack:
            self._take(message.state, message.result)

    def _take(self, state: StoryState, result: StoryResult) -> None:
        if result.mt != state.text:
            return  # the text changed meanwhile; a newer check is on its way
        state.result = result
        self.story_updated(state)

    def on_feed_progress(self, message: FeedProgress) -> None:
        self.checked = max(self.checked, message.done)
        if self.screen_stack:
            self.feed.show_progress(message.done, message.total)

    def on_feed_checked(self, message: FeedChecked) -> None:
        self.checked = message.total
        if self.screen_stack:
            self.feed.show_progress(message.total, message.total)
            self.update_totals()

    def on_check_failed(self, message: CheckFailed) -> None:
        self.notify(visible(f"{message.story}: {message.problem}"), title="Check failed",
                    severity="error", markup=False, timeout=8)

    # -- what screens call -----------------------------------------------------------
    def story_updated(self, state: StoryState, keep: Finding | None = None) -> None:
        """Show the new state of a story wherever it is on screen."""
        summary = StorySummary.of(state)
        self.summaries[state.id] = summary
        self.feed.story_changed(summary)
        screen = self.screen
        if isinstance(screen, StoryScreen) and screen.story_id == state.id:
            screen.refresh_story(keep)
        self.update_totals()

    def story_edited(self, state: StoryState) -> None:
        """The text changed: show that, then check it again."""
        self.story_updated(state)
        self.recheck(state)

    def story_decided(self, state: StoryState, keep: Finding | None = None) -> None:
        """A dismissal changed (the text did not)."""
        self.story_updated(state, keep)

    def open_story(self, story_id: str) -> None:
        if story_id in self.session.states:
            self.push_screen(StoryScreen(story_id))

    def ordered_ids(self) -> list[str]:
        return self.feed.ordered_ids()

    def update_totals(self) -> None:
        summaries = self.summaries.values()
        errors = sum(s.errors for s in summaries)
        warnings = sum(s.warnings for s in summaries)
        unsaved = sum(1 for s in summaries if s.dirty)
        parts = [plural(len(self.summaries), "story"), plural(errors, "error"),
                 plural(warnings, "warning")]
        if unsaved:
            parts.append(f"{unsaved} unsaved")
        self.sub_title = " · ".join(parts)

    # -- actions -------------------------------------------------------------------
    def action_save(self) -> bool:
        try:
            written = self.session.save()
        except (WirecheckError, OSError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return False
        for state in self.session:
            self.story_updated(state)
        stories = len(written) - 1
        self.notify(f"Saved {stories} corrected {'story' if stories == 1 else 'stories'} "
                    f"and {self.session.review.path.name}", markup=False, timeout=3)
        return True

    async def action_quit(self) -> None:
        if not self.session.dirty:
            self.exit(0)
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard" or (choice == "save" and self.action_save()):
                self.exit(0)

        unsaved = sum(1 for state in self.session if state.dirty)
        self.push_screen(QuitDialog(unsaved), chosen)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Commands",
                          id="app.command-palette",
                          tooltip="Open the command palette (review: accept fix, ...)")
        self.push_screen(HelpScreen([
            ("Everywhere", [*self.BINDINGS, palette]),
            ("Story list", [*FeedScreen.BINDINGS, *StoryList.BINDINGS]),
            ("Story", StoryScreen.BINDINGS),
            ("Units (when the unit view has focus; Tab moves focus)", UnitView.BINDINGS),
            ("Dismiss dialog", DismissDialog.BINDINGS),
            ("Edit dialog", EditUnitDialog.BINDINGS),
            ("Quit dialog", QuitDialog.BINDINGS),
        ]))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
