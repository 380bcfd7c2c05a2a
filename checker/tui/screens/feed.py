"""The story list: every story of the feed with its scores and counts; open one to review."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static

from checker.tui.widgets.story_list import StoryList, StorySummary

if TYPE_CHECKING:
    from checker.tui.app import ReviewApp


class FeedScreen(Screen[None]):
    """Stories as they are checked; sortable worst first and filterable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="feed.filter",
                tooltip="Filter stories by id, language pair (fr-en) or rule code (WC1)"),
        Binding("w", "toggle_sort", "Worst first", id="feed.sort",
                tooltip="Sort worst first (errors, warnings, then lowest chrF) or in feed order"),
        Binding("q", "app.quit", "Quit", id="feed.quit",
                tooltip="Quit; asks first when there are unsaved changes"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="feed.clear-filter",
                tooltip="Clear the filter and go back to the list"),
    ]

    app: ReviewApp

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Input(placeholder="/ filter: id, pair (fr-en), code (WC1), errors",
                    id="filter")
        yield StoryList(id="stories", chrf_threshold=self.app.chrf_threshold,
                        id_width=max((len(s.id) for s in self.app.stories), default=5))
        yield Static(id="feed-status")
        yield ProgressBar(id="progress", show_eta=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(StoryList)
        table.load([StorySummary.of(state) for state in self.app.session])
        table.focus()
        self.show_progress(self.app.checked, len(self.app.stories))

    # -- updates from the app ------------------------------------------------------
    def story_changed(self, summary: StorySummary) -> None:
        if not self.children:  # shutting down
            return
        table = self.query_one(StoryList)
        table.update_story(summary)
        if table.sort_mode != "feed":
            self._schedule_resort()

    _resort_pending = False

    def _schedule_resort(self) -> None:
        if not self._resort_pending:
            self._resort_pending = True
            self.set_timer(0.3, self._resort)

    def _resort(self) -> None:
        self._resort_pending = False
        self.query_one(StoryList).resort()

    def show_progress(self, done: int, total: int) -> None:
        if not self.children:  # shutting down
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        finished = done >= total
        bar.display = not finished
        status = self.query_one("#feed-status", Static)
        table = self.query_one(StoryList)
        shown = table.row_count
        text = f"Checked {done} of {total} stories" if not finished else f"{total} stories"
        if shown != total:
            text += f" · {shown} shown"
        text += f" · sorted {'worst first' if table.sort_mode == 'worst' else 'in feed order'}"
        status.update(Text(text))

    # -- actions -------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_one(StoryList).focus()

    def action_toggle_sort(self) -> None:
        table = self.query_one(StoryList)
        table.sort_mode = "feed" if table.sort_mode == "worst" else "worst"
        table.resort()
        if table.row_count:
            table.move_cursor(row=0, animate=False)
        self.show_progress(self.app.checked, len(self.app.stories))

    def on_input_changed(self, event: Input.Changed) -> None:
        table = self.query_one(StoryList)
        table.query_text = event.value
        table.rebuild()
        self.show_progress(self.app.checked, len(self.app.stories))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(StoryList).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_story(event.row_key.value)

    def ordered_ids(self) -> list[str]:
        return self.query_one(StoryList).visible_ids()
