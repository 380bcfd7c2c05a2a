"""A story's findings, one row each: severity, code, position, text, fix, message.

Column widths follow the table's width (:func:`column_widths`), so the message keeps a
readable share of an 80-column terminal and takes what a wider one adds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from checker.model import Finding, Severity
from checker.review import Decision
from checker.text import visible

SEVERITY_MARK = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "I"}
DISMISSED_MARK = "✗"
COLUMNS = (
    ("severity", " "), ("code", "Code"), ("where", "Line"), ("text", "Flagged text"),
    ("suggestion", "Fix"), ("message", "Message"),
)
FIXED = {"severity": 1, "code": 6, "where": 7}
"""Widths of the narrow columns (a code is ``WC123`` or ``WCU123``, a place ``123:456``)."""
CELL_PADDING = 1
"""DataTable's padding on each side of a cell."""
SCROLLBAR = 1


def column_widths(total: int) -> dict[str, int]:
    """Width of each column for a table ``total`` cells wide.

    After the fixed columns, the flagged text gets 30% (12 to 32 cells), the fix 22%
    (8 to 28) and the message the rest, never less than 16.
    """
    free = total - SCROLLBAR - 2 * CELL_PADDING * len(COLUMNS) - sum(FIXED.values())
    text = min(max(free * 30 // 100, 12), 32)
    fix = min(max(free * 22 // 100, 8), 28)
    message = max(free - text - fix, 16)
    return {**FIXED, "text": text, "suggestion": fix, "message": message}


def suggestion_label(finding: Finding) -> str:
    if finding.suggestion is None:
        return ""
    return "(delete)" if finding.suggestion == "" else finding.suggestion


def clip(text: str, width: int) -> str:
    """``text`` on one line, its control characters visible, cut to ``width``."""
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


class FindingsTable(DataTable):
    """The findings of the story on screen; dismissed ones stay listed, marked ✗ and dimmed."""

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
        self.widths = column_widths(80)

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key, width=self.widths[key])

    def on_resize(self, event: events.Resize) -> None:
        widths = column_widths(event.size.width)
        if widths == self.widths:
            return
        self.widths = widths
        keep = self.current
        self.clear(columns=True)
        self._add_columns()
        self.show(self.findings, self._dismissal, keep=keep)

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
        widths = self.widths
        message = finding.message
        if dismissed is not None:
            message = "dismissed" + (f": {dismissed.reason}" if dismissed.reason else "") + \
                f" · {message}"
        mark = DISMISSED_MARK if dismissed is not None else SEVERITY_MARK[finding.severity]
        return (
            Text(mark, style=severity + base),
            Text(finding.rule, style=severity + base),
            Text(f"{finding.line}:{finding.column}", style=base, justify="right"),
            Text(clip(finding.text, widths["text"]),
                 style=base + Style(strike=dismissed is not None)),
            Text(clip(suggestion_label(finding), widths["suggestion"]),
                 style=base + self._ink("suggestion")),
            Text(clip(message, widths["message"]), style=base),
        )
