"""One story, side by side, with its findings: accept, dismiss, edit, undo, re-check."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from checker.model import Finding, Severity
from checker.review import Action, unit_span
from checker.review_session import StoryState
from checker.text import visible
from checker.tui.screens.dialogs import DismissDialog, EditUnitDialog
from checker.tui.widgets.findings_table import FindingsTable, suggestion_label
from checker.tui.widgets.unit_view import StoryView, UnitView

if TYPE_CHECKING:
    from checker.tui.app import ReviewApp


def plural(count: int, noun: str) -> str:
    if count == 1 or noun == "other":
        return f"{count} {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


DONE = {Action.ACCEPT: "accepted", Action.DISMISS: "dismissed", Action.EDIT: "edited"}


class StoryScreen(Screen[None]):
    """The review of one story: units side by side above, its findings below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False, id="story.back",
                tooltip="Back to the story list"),
        Binding("n", "next_finding", "Next", id="story.next-finding",
                tooltip="Go to the next open finding of this story"),
        Binding("p", "previous_finding", "Prev", show=False, id="story.previous-finding",
                tooltip="Go to the previous open finding of this story"),
        Binding("exclamation_mark", "next_error", "Error", id="story.next-error",
                key_display="!", tooltip="Go to the next open error (wraps around)"),
        Binding("a", "accept", "Accept", id="review.accept",
                tooltip="Apply the finding's suggestion to the story text"),
        Binding("d", "dismiss_finding", "Dismiss", id="review.dismiss",
                tooltip="Dismiss the finding as a false positive (with an optional reason); "
                "on a dismissed finding, restore it"),
        Binding("e", "edit", "Edit", id="review.edit",
                tooltip="Edit the MT text of the unit under the cursor"),
        Binding("u,ctrl+z", "undo", "Undo", id="review.undo",
                tooltip="Undo the last accept, dismissal or edit in this story"),
        Binding("r", "recheck", "Re-check", show=False, id="review.recheck",
                tooltip="Run every check again on the story as it now stands"),
        Binding("s", "toggle_source", "Source", show=False, id="view.source",
                tooltip="Show or hide the source text as a third column"),
        Binding("right_square_bracket", "next_story", "Next story", show=False,
                key_display="]", id="story.next", tooltip="Open the next story of the list"),
        Binding("left_square_bracket", "previous_story", "Previous story", show=False,
                key_display="[", id="story.previous",
                tooltip="Open the previous story of the list"),
    ]

    app: ReviewApp

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Static(id="story-bar")
        yield UnitView(id="units")
        yield FindingsTable(id="findings")
        yield Static(id="finding-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(FindingsTable).focus()
        self.refresh_story()

    @property
    def state(self) -> StoryState:
        return self.app.session.states[self.story_id]

    # -- showing -------------------------------------------------------------------
    def show_story(self, story_id: str) -> None:
        """Switch this screen to another story."""
        self.story_id = story_id
        units = self.query_one(UnitView)
        units.selected = None
        units.cursor = 0
        units.scroll_to(y=0, animate=False, immediate=True)
        table = self.query_one(FindingsTable)
        table.show([], self.state.dismissal)  # forget the previous story's cursor
        self.refresh_story()

    def refresh_story(self, keep: Finding | None = None) -> None:
        """Redraw from the story's current state (after a check or a decision)."""
        state = self.state
        result = state.result
        table = self.query_one(FindingsTable)
        units = self.query_one(UnitView)
        if result is not None:
            story = state.story
            units.show(StoryView(
                result.units, tuple(state.active_findings()),
                has_ref=story.ref is not None, has_src=story.src is not None,
                lang=result.lang, src_lang=result.src_lang,
                chrf_threshold=self.app.chrf_threshold,
            ))
            table.show(result.findings, state.dismissal, keep=keep or table.current)
        else:  # not checked yet: show nothing rather than the previous story
            units.show(StoryView((), (), has_ref=False, has_src=False))
            table.show([], state.dismissal)
        self._select(table.current)
        self._update_bar()

    def _update_bar(self) -> None:
        state = self.state
        result = state.result
        parts = [state.id]
        if result is not None:
            pair = f"{result.src_lang}→{result.lang}" if result.src_lang else result.lang
            parts.append(pair)
            if result.scores.chrf is not None:
                parts.append(f"chrF {result.scores.chrf:.1f}")
            if result.scores.bleu is not None:
                parts.append(f"BLEU {result.scores.bleu:.1f}")
            open_findings = state.active_findings()
            errors = sum(1 for f in open_findings if f.severity is Severity.ERROR)
            others = len(open_findings) - errors
            parts.append(f"{plural(errors, 'error')}, {plural(others, 'other')}")
        decided = [f"{n} {DONE[a]}" for a in Action
                   if (n := sum(1 for d in state.decisions if d.action is a))]
        if decided:
            parts.append(", ".join(decided))
        if not state.fresh:
            parts.append("checking…")
        elif state.dirty:
            parts.append("unsaved")
        parts.extend(state.notes[:1])
        self.query_one("#story-bar", Static).update(Text(visible(" · ".join(parts))))

    def _select(self, finding: Finding | None) -> None:
        self.query_one(UnitView).select(finding)
        detail = self.query_one("#finding-detail", Static)
        if finding is None:
            detail.update(Text("No findings." if self.state.result else "Checking…"))
            return
        text = Text()
        text.append(f"{finding.rule} {finding.name}", style="bold")
        text.append(visible(f" · {finding.severity} · {finding.message}"))
        if finding.suggestion is not None:
            text.append(visible(f" · suggestion: {suggestion_label(finding)}"))
        dismissed = self.state.dismissal(finding)
        if dismissed is not None:
            reason = visible(f" ({dismissed.reason})") if dismissed.reason else ""
            text = Text.assemble((f"✗ DISMISSED{reason} — d restores it · ", "bold"), text)
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "findings":
            self._select(self.query_one(FindingsTable).current)

    # -- navigation ----------------------------------------------------------------
    def _go(self, index: int | None, none_left: str) -> None:
        if index is None:
            self.notify(none_left, timeout=2)
            return
        self.query_one(FindingsTable).move_to(index)

    def action_next_finding(self) -> None:
        self._go(self.query_one(FindingsTable).find_next(1, lambda f: True), "No more findings")

    def action_previous_finding(self) -> None:
        table = self.query_one(FindingsTable)
        self._go(table.find_next(-1, lambda f: True), "No earlier findings")

    def action_next_error(self) -> None:
        table = self.query_one(FindingsTable)

        def is_error(finding: Finding) -> bool:
            return finding.severity is Severity.ERROR

        index = table.find_next(1, is_error)
        if index is None:  # wrap around to the first error
            errors = [i for i, f in enumerate(table.findings)
                      if is_error(f) and self.state.dismissal(f) is None]
            index = errors[0] if errors else None
        self._go(index, "No open errors in this story")

    def action_next_story(self) -> None:
        self._step_story(1)

    def action_previous_story(self) -> None:
        self._step_story(-1)

    def _step_story(self, step: int) -> None:
        ids = [i for i in self.app.ordered_ids() if i in self.app.session.states]
        if self.story_id not in ids:
            return
        position = ids.index(self.story_id) + step
        if not 0 <= position < len(ids):
            self.notify("No more stories" if step > 0 else "This is the first story", timeout=2)
            return
        self.show_story(ids[position])

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_toggle_source(self) -> None:
        units = self.query_one(UnitView)
        if self.state.story.src is None:
            self.notify("This story has no source text", timeout=2)
            return
        units.show_source = not units.show_source

    # -- decisions -----------------------------------------------------------------
    def _ready(self) -> bool:
        if not self.state.fresh:
            self.notify("Still checking the story; try again in a moment", timeout=2)
            return False
        return True

    def action_accept(self) -> None:
        finding = self.query_one(FindingsTable).current
        if finding is None or not self._ready():
            return
        if self.state.dismissal(finding) is not None:
            self.notify("This finding is dismissed; press d to restore it first", timeout=3)
            return
        if finding.suggestion is None:
            self.notify(f"{finding.rule} has no suggestion: edit the unit (e) or dismiss (d)",
                        timeout=3)
            return
        self.state.accept(finding)
        self.app.story_edited(self.state)

    def action_dismiss_finding(self) -> None:
        finding = self.query_one(FindingsTable).current
        if finding is None:
            return
        state = self.state
        if state.dismissal(finding) is not None:
            state.restore(finding)
            self.app.story_decided(state, keep=finding)
            return

        def dismissed(reason: str | None) -> None:
            if reason is None:
                return
            state.dismiss(finding, reason)
            self.app.story_decided(state, keep=finding)
            self._advance()

        self.app.push_screen(DismissDialog(finding), dismissed)

    def _advance(self) -> None:
        index = self.query_one(FindingsTable).find_next(1, lambda f: True)
        if index is not None:
            self.query_one(FindingsTable).move_to(index)

    def action_edit(self) -> None:
        if not self._ready():
            return
        result = self.state.result
        unit = self.query_one(UnitView).current_unit
        if result is None or unit is None:
            return
        start, end = unit_span(result, unit)
        state = self.state

        def edited(outcome: tuple[str, bool] | None) -> None:
            if outcome is None or state.text != result.mt:
                return
            text, save = outcome
            if state.edit(start, end, text) is not None:
                self.app.story_edited(state)
            if save:
                self.app.action_save()

        title = f"Edit unit {unit.index + 1} of {state.id}"
        self.app.push_screen(EditUnitDialog(state.text[start:end], title, unit.ref), edited)

    def action_undo(self) -> None:
        state = self.state
        before = state.text
        if not state.undo():
            self.notify("Nothing to undo in this story", timeout=2)
            return
        if state.text != before:
            self.app.story_edited(state)
        else:
            self.app.story_decided(state)

    def action_recheck(self) -> None:
        self.app.recheck(self.state)
        self._update_bar()
