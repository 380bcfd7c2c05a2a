"""Every key of the review UI, read from the bindings themselves so the list cannot drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding)]


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys and what they do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help.close",
                tooltip="Close this help screen"),
    ]

    def __init__(self, sections: Sequence[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__(classes="dialog")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(self.keys_table(), id="help-table")

    def keys_table(self) -> Group:
        parts: list[Text | Table] = []
        for title, bindings in self.sections:
            parts.append(Text(title, style="bold underline"))
            table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
            table.add_column("Key", no_wrap=True, style="bold", width=12)
            table.add_column("Does", ratio=1)
            for binding in binding_rows(bindings):
                keys = binding.key_display or " ".join(
                    self.app.get_key_display(Binding(k.strip(), binding.action))
                    for k in binding.key.split(",")
                )
                what = binding.tooltip or binding.description
                table.add_row(Text(keys), Text(what))
            parts.append(table)
            parts.append(Text(""))
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)
