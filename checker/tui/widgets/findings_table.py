"""A story's findings, one row each: severity, code, position, text, message, suggestion."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from checker.model import Finding, Severity
from checker.review import Decision

SEVERITY_MARK = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "I"}
COLUMNS = (
    ("severity", " "), ("code", "Code"), ("where", "Line"), ("text", "Flagged text"),
    ("suggestion", "Suggestion"), ("message", "Message"), ("status", "Status"),
)
TEXT_WIDTH = 28


def suggestion_label(finding: Finding) -> str:
    if finding.suggestion is None:
        return ""
    return "(delete)" if finding.suggestion == "" else finding.suggestion


def clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class FindingsTable(DataTable):
    """The findings of the story on screen; dismissed ones stay listed, dimmed."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "findings-table--error",
        "findings-table--warning",
        "findings-table--info",
        "findings-table--dismissed",
        "findings-table--suggestion",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.findings: list[Finding] = []
        self._dismissal: Callable[[Finding], Decision | None] = lambda finding: None
        self._inks: tuple[Style, ...] = ()

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def show(
        self,
        findings: Sequence[Finding],
        dismissal: Callable[[Finding], Decision | None],
        keep: Finding | None = None,
    ) -> None:
        """List ``findings``; put the cursor back on ``keep`` (or where it was)."""
        row = self.cursor_row
        self.findings = list(findings)
        self._dismissal = dismissal
        self.clear()
        for index, finding in enumerate(self.findings):
            self.add_row(*self._cells(finding), key=str(index))
        if not self.findings:
            return
        if keep is not None:
            wanted = (keep.rule, keep.text)
            same = [i for i, f in enumerate(self.findings) if (f.rule, f.text) == wanted]
            if same:
                row = same[0]
        self.move_cursor(row=min(max(row, 0), len(self.findings) - 1), animate=False)

    @property
    def current(self) -> Finding | None:
        if not self.findings or not 0 <= self.cursor_row < len(self.findings):
            return None
        return self.findings[self.cursor_row]

    def move_to(self, index: int) -> None:
        self.move_cursor(row=index, animate=False)

    def find_next(self, step: int, wanted: Callable[[Finding], bool]) -> int | None:
        """Index of the next finding (``step`` = 1 or -1) that is open and ``wanted``."""
        count = len(self.findings)
        for offset in range(1, count + 1):
            index = self.cursor_row + step * offset
            if not 0 <= index < count:
                return None
            finding = self.findings[index]
            if self._dismissal(finding) is None and wanted(finding):
                return index
        return None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if not self.is_mounted:
            return
        inks = tuple(self._ink(name.split("--")[1]) for name in sorted(self.COMPONENT_CLASSES))
        if inks != self._inks:
            self._inks = inks
            if self.is_mounted and self.columns and self.findings:
                self.show(self.findings, self._dismissal)

    def _ink(self, name: str) -> Style:
        full = self.get_component_rich_style(f"findings-table--{name}")
        return Style(color=full.color, bold=full.bold, dim=full.dim, italic=full.italic,
                     strike=full.strike)

    def _cells(self, finding: Finding) -> tuple[Text, ...]:
        dismissed = self._dismissal(finding)
        severity = self._ink(str(finding.severity))
        base = self._ink("dismissed") if dismissed else Style()
        status = ""
        if dismissed is not None:
            status = "dismissed" + (f": {dismissed.reason}" if dismissed.reason else "")
        return (
            Text(SEVERITY_MARK[finding.severity], style=severity + base),
            Text(finding.rule, style=severity + base),
            Text(f"{finding.line}:{finding.column}", style=base, justify="right"),
            Text(clip(finding.text, TEXT_WIDTH), style=base),
            Text(clip(suggestion_label(finding), TEXT_WIDTH),
                 style=base + self._ink("suggestion")),
            Text(finding.message, style=base),
            Text(status, style=base),
        )
