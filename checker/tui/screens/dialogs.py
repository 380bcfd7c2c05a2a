"""Modal dialogs: dismiss a finding (with a reason), edit a unit, confirm quitting."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from checker.model import Finding
from checker.text import unvisible, visible


class DismissDialog(ModalScreen[str | None]):
    """Ask why a finding is a false positive; returns the reason ("" for none) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dismiss.cancel",
                tooltip="Keep the finding and close the dialog"),
    ]

    def __init__(self, finding: Finding) -> None:
        super().__init__(classes="dialog")
        self.finding = finding

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(Text(f"Dismiss {self.finding.rule} as a false positive?"),
                        classes="dialog-title")
            yield Label(Text(visible(f"“{self.finding.text.strip()[:120]}”")),
                        classes="dialog-quote")
            yield Input(placeholder="reason (optional), then Enter", id="reason")
            yield Label(Text("Enter dismisses · Escape cancels"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class EditUnitDialog(ModalScreen[tuple[str, bool] | None]):
    """Edit one unit's MT text; returns ``(new text, save now)``, or None when cancelled.

    ``ctrl+s`` means save here as everywhere else: it applies the edit and saves the
    review; ``f2`` (or the Apply button) applies the edit without saving.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply(True)", "Apply and save", id="edit.save", priority=True,
                tooltip="Replace the unit's MT text with what you typed, then save"),
        Binding("f2", "apply(False)", "Apply", id="edit.apply", priority=True,
                tooltip="Replace the unit's MT text with what you typed (not saved yet)"),
        Binding("escape", "cancel", "Cancel", id="edit.cancel",
                tooltip="Close the editor without changing the story"),
    ]

    def __init__(self, text: str, title: str, reference: str = "") -> None:
        super().__init__(classes="dialog")
        self.text = text
        self.title_text = title
        self.reference = reference

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box edit-box"):
            yield Label(Text(visible(self.title_text)), classes="dialog-title")
            if self.reference:
                yield Label(Text(visible("Reference: " + " ".join(self.reference.split()))),
                            classes="dialog-quote")
            yield TextArea(visible(self.text), id="unit-text", soft_wrap=True,
                           show_line_numbers=False)
            yield Label(Text("F2 applies · Ctrl+S applies and saves · Escape cancels"),
                        classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_apply(self, save: bool = False) -> None:
        # Control characters were shown as symbols; the ones the unit had come back.
        self.dismiss((unvisible(self.query_one(TextArea).text, self.text), save))

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuitDialog(ModalScreen[str | None]):
    """Unsaved changes: returns "save", "discard", or None to stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "Save and quit", id="quit.save",
                tooltip="Write the corrected stories and the review file, then quit"),
        Binding("x", "choose('discard')", "Quit without saving", id="quit.discard",
                tooltip="Quit and lose the changes made since the last save"),
        Binding("escape", "choose(None)", "Stay", id="quit.cancel",
                tooltip="Go back to the review"),
    ]

    def __init__(self, unsaved: int) -> None:
        super().__init__(classes="dialog")
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        stories = "story has" if self.unsaved == 1 else "stories have"
        with Vertical(classes="dialog-box"):
            yield Label(Text(f"{self.unsaved} {stories} unsaved changes."),
                        classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save and quit (s)", id="save", variant="primary")
                yield Button("Quit anyway (x)", id="discard", variant="error")
                yield Button("Stay (Esc)", id="stay")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in ("save", "discard") else None)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
