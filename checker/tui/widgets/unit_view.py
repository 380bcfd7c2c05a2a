"""The aligned units of a story side by side: MT | reference (| source), one row per line.

Built on the Line API: only the rows on screen are rendered, each row's Strip is kept in
an LRU cache, and every colour comes from a component class, so themes and the .tcss file
decide how diffs, findings and one-sided units look. Story text is never parsed as markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from checker.model import Finding, Severity, Unit
from checker.text import visible
from checker.tui.widgets.layout import RowMap, diff_spans, unit_for_offset, wrap_spans

GUTTER = 10
SEPARATOR = " │ "
COLUMN_TITLES = {"mt": "MT", "ref": "Reference", "src": "Source"}
MISSING = {"mt": "(not in the MT)", "ref": "(not in the reference)", "src": "(no source)"}


@dataclass(frozen=True)
class StoryView:
    """What the unit view shows: units, the findings still open, and the story's sides."""

    units: tuple[Unit, ...]
    findings: tuple[Finding, ...]
    has_ref: bool
    has_src: bool
    lang: str = ""
    src_lang: str | None = None
    chrf_threshold: float = 20.0


class UnitView(ScrollView, can_focus=True):
    """Aligned units in columns, with word diffs, finding underlines and a score gutter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "unit-view--header",
        "unit-view--gutter",
        "unit-view--current",
        "unit-view--cursor-gutter",
        "unit-view--score-low",
        "unit-view--score-high",
        "unit-view--one-sided",
        "unit-view--insert",
        "unit-view--delete",
        "unit-view--error",
        "unit-view--warning",
        "unit-view--info",
        "unit-view--selected",
        "unit-view--missing",
        "unit-view--separator",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next unit", show=False, id="units.next",
                tooltip="Move the unit cursor to the next aligned unit"),
        Binding("up,k", "cursor_up", "Previous unit", show=False, id="units.previous",
                tooltip="Move the unit cursor to the previous aligned unit"),
        Binding("pagedown", "page_down", "Page down", show=False, id="units.page-down",
                tooltip="Scroll the units one page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="units.page-up",
                tooltip="Scroll the units one page up"),
        Binding("home", "first", "First unit", show=False, id="units.first",
                tooltip="Jump to the first unit"),
        Binding("end", "last", "Last unit", show=False, id="units.last",
                tooltip="Jump to the last unit"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    show_source: reactive[bool] = reactive(False)

    class CursorMoved(Message):
        """The unit cursor moved (to ``unit``)."""

        def __init__(self, unit: int) -> None:
            super().__init__()
            self.unit = unit

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.data = StoryView((), (), False, False)
        self.selected: Finding | None = None
        self._generation = 0
        self._columns: list[str] = ["mt"]
        self._widths: list[int] = []
        self._lines: list[dict[str, list[tuple[int, int]]]] = []
        self._rows = RowMap([])
        self._by_unit: dict[int, list[Finding]] = {}
        self._mt_starts: list[tuple[int, int, int]] = []
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)
        self._texts: LRUCache[tuple, Text] = LRUCache(256)

    # -- data ----------------------------------------------------------------------
    def show(self, data: StoryView) -> None:
        """Display a (new or re-checked) story; keeps the cursor where it can."""
        self.data = data
        self._mt_starts = sorted(
            (u.mt_start, u.mt_end, u.index)
            for u in data.units
            if u.mt_start is not None and u.mt_end is not None
        )
        self._by_unit = defaultdict(list)
        for finding in data.findings:
            unit = self.unit_of(finding)
            if unit is not None:
                self._by_unit[unit].append(finding)
        if self.selected is not None and self.selected not in data.findings:
            self.selected = None
        self._relayout()
        self.cursor = min(self.cursor, max(0, len(data.units) - 1))

    def unit_of(self, finding: Finding) -> int | None:
        if finding.unit is not None and 0 <= finding.unit < len(self.data.units):
            unit = self.data.units[finding.unit]
            if unit.mt_start is not None and unit.mt_start <= finding.start <= (unit.mt_end or 0):
                return finding.unit
        return unit_for_offset(self._mt_starts, finding.start)

    def select(self, finding: Finding | None) -> None:
        """Highlight ``finding`` and move the cursor (and the view) to its unit."""
        self.selected = finding
        unit = self.unit_of(finding) if finding is not None else None
        if unit is not None:
            self.cursor = unit
        else:
            self.refresh()

    @property
    def current_unit(self) -> Unit | None:
        units = self.data.units
        return units[self.cursor] if 0 <= self.cursor < len(units) else None

    # -- layout --------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._generation += 1
        self._strips.clear()
        self._texts.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._invalidate()
        self.refresh()

    def _column_list(self) -> list[str]:
        columns = ["mt"]
        if self.data.has_ref:
            columns.append("ref")
        if self.data.has_src and (self.show_source or not self.data.has_ref):
            columns.append("src")
        return columns

    def _relayout(self) -> None:
        self._invalidate()
        self._columns = self._column_list()
        if self.scrollable_content_region.width <= 0:  # not laid out yet: on_resize will
            self._lines, self._rows = [], RowMap([])
            self._widths = [0] * len(self._columns)
            return
        width = max(self.scrollable_content_region.width, len(self._columns) * 8 + GUTTER)
        free = width - GUTTER - len(SEPARATOR) * (len(self._columns) - 1)
        base, extra = divmod(free, len(self._columns))
        self._widths = [base + (1 if i < extra else 0) for i in range(len(self._columns))]
        self._lines = []
        heights = []
        for unit in self.data.units:
            lines = {}
            for column, col_width in zip(self._columns, self._widths, strict=True):
                text = self._side_text(unit, column)
                lines[column] = wrap_spans(text, col_width) if text else [(0, 0)]
            self._lines.append(lines)
            heights.append(max(len(v) for v in lines.values()) + 1)  # + separator row
        self._rows = RowMap(heights)
        self.virtual_size = Size(width, self._rows.total + 1)  # + column header row
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def watch_show_source(self) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def watch_cursor(self, cursor: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.CursorMoved(cursor))

    def _scroll_to_cursor(self) -> None:
        if not self._rows.heights or not 0 <= self.cursor < len(self._rows.heights):
            return
        top = self._rows.starts[self.cursor]
        height = self._rows.heights[self.cursor] - 1
        visible = max(1, self.scrollable_content_region.height - 1)
        y = self.scroll_y
        if top < y:
            y = top
        elif top + height > y + visible:
            y = min(top, top + height - visible)
        if y != self.scroll_y:
            self.scroll_to(y=y, animate=False, immediate=True)

    # -- actions -------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        if self.cursor < len(self.data.units) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll a screenful at once (no animation) and put the cursor on the top unit."""
        page = max(1, self.scrollable_content_region.height - 2)
        y = min(max(0, int(self.scroll_y) + direction * page), int(self.max_scroll_y))
        if y == int(self.scroll_y):  # at an end already: go to the first or last unit
            self.cursor = 0 if direction < 0 else max(0, len(self.data.units) - 1)
            return
        self.scroll_to(y=y, animate=False, immediate=True)
        unit, line = self._rows.locate(y)
        if unit >= 0:
            if line > 0 and direction > 0 and unit + 1 < len(self.data.units):
                unit += 1  # the first unit that starts on screen
            self.cursor = unit
        self.refresh()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.data.units) - 1)

    def on_click(self, event: events.Click) -> None:
        unit, _ = self._rows.locate(int(self.scroll_y) + event.y - 1)
        if unit >= 0:
            self.cursor = unit

    # -- rendering -----------------------------------------------------------------
    @staticmethod
    def _side_text(unit: Unit, column: str) -> str:
        text = unit.mt if column == "mt" else unit.ref if column == "ref" else unit.src
        return text.replace("\t", " ")

    def _style(self, name: str, partial: bool = True) -> Style:
        """A component's style: partial (only what it sets) to layer over text spans."""
        return self.get_component_rich_style(f"unit-view--{name}", partial=partial)

    def _ink(self, name: str) -> Style:
        """A component's resolved foreground and text style, without its background."""
        full = self.get_component_rich_style(f"unit-view--{name}")
        return Style(
            color=full.color, bold=full.bold, dim=full.dim, italic=full.italic,
            underline=full.underline, reverse=full.reverse,
        )

    def _column_text(self, unit: Unit, column: str) -> Text:
        key = (unit.index, column, self._selected_in(unit.index), self._generation)
        cached = self._texts.get(key)
        if cached is not None:
            return cached
        raw = self._side_text(unit, column)
        text = Text(visible(raw), no_wrap=True, end="")
        if column == "mt" and self.data.has_ref and unit.ref:
            for start, end in diff_spans(raw, unit.diff, "insert"):
                text.stylize(self._style("insert"), start, end)
        elif column == "ref" and unit.mt:
            for start, end in diff_spans(raw, unit.diff, "delete"):
                text.stylize(self._style("delete"), start, end)
        if column == "mt" and unit.mt_start is not None:
            for finding in self._by_unit.get(unit.index, ()):
                start = max(0, finding.start - unit.mt_start)
                end = min(len(raw), finding.end - unit.mt_start)
                if finding.start == finding.end:  # a point: mark the character after it
                    end = min(len(raw), start + 1)
                if start < end:
                    text.stylize(self._style(_SEVERITY_CLASS[finding.severity]), start, end)
                    if finding is self.selected or finding == self.selected:
                        text.stylize(self._style("selected"), start, end)
        self._texts[key] = text
        return text

    def _selected_in(self, unit: int) -> Finding | None:
        """The selected finding if it lies in ``unit`` (part of the cache keys)."""
        if self.selected is not None and self.selected in self._by_unit.get(unit, ()):
            return self.selected
        return None

    def _header_strip(self, width: int) -> Strip:
        key = ("header", width, self._generation)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        style = self._style("header", partial=False)
        line = Text(f"{'#':>4} {'chrF':>4} ", end="")
        for i, (column, col_width) in enumerate(zip(self._columns, self._widths, strict=True)):
            if i:
                line.append(SEPARATOR)
            title = COLUMN_TITLES[column]
            lang = self.data.src_lang if column == "src" else self.data.lang
            if lang:
                title = f"{title} ({lang})"
            line.append_text(_pad(Text(title, end=""), col_width))
        strip = self._render(line, width, style)
        self._strips[key] = strip
        return strip

    def _render(self, line: Text, width: int, style: Style) -> Strip:
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, width, style).apply_style(style)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header_strip(width)
        row = int(self.scroll_y) + y - 1
        index, line = self._rows.locate(row)
        if index < 0:
            return Strip.blank(width, self.rich_style)
        current = index == self.cursor
        key = (index, line, current, self._selected_in(index), width, self._generation)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        strip = self._render_row(self.data.units[index], line, current, width)
        self._strips[key] = strip
        return strip

    def _render_row(self, unit: Unit, line: int, current: bool, width: int) -> Strip:
        base = self._style("current", partial=False) if current else self.rich_style
        height = self._rows.heights[unit.index] - 1
        row = Text(end="")
        row.append_text(self._gutter(unit, line, current, height))
        for i, (column, col_width) in enumerate(zip(self._columns, self._widths, strict=True)):
            if i:
                row.append(SEPARATOR, self._ink("separator"))
            row.append_text(self._cell(unit, column, line, col_width))
        return self._render(row, width, base)

    def _gutter(self, unit: Unit, line: int, current: bool, height: int) -> Text:
        if line >= height:
            return Text(" " * GUTTER, end="")
        style = self._ink("cursor-gutter" if current else "gutter")
        if line > 0:
            return Text((" ▌" if current else "  ").ljust(GUTTER), style=style, end="")
        marker = "▌" if current else " "
        number = f"{marker}{unit.index + 1:>3} "
        score, score_style = "    ", style
        if self.data.has_ref and not unit.mt:
            score, score_style = " −MT", self._ink("one-sided")
        elif self.data.has_ref and not unit.ref:
            score, score_style = " +MT", self._ink("one-sided")
        elif unit.chrf is not None:
            score = f"{unit.chrf:>4.0f}"
            low = unit.chrf < self.data.chrf_threshold
            score_style = style + self._ink("score-low" if low else "score-high")
        return Text.assemble((number, style), (score, score_style), (" ", style), end="")

    def _cell(self, unit: Unit, column: str, line: int, width: int) -> Text:
        spans = self._lines[unit.index][column]
        if self._side_text(unit, column) == "":
            if line == 0 and (column != "src" or self.data.has_src):
                return _pad(Text(MISSING[column], style=self._ink("missing"), end=""), width)
            return Text(" " * width, end="")
        if line >= len(spans):
            return Text(" " * width, end="")
        start, end = spans[line]
        return _pad(self._column_text(unit, column)[start:end], width)


def _pad(text: Text, width: int) -> Text:
    text.rstrip()
    text.truncate(width, pad=True)
    return text


_SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def visible_units(view: UnitView) -> Sequence[int]:
    """Indexes of the units with at least one row on screen (for tests and benches)."""
    top = int(view.scroll_y)
    bottom = top + max(0, view.scrollable_content_region.height - 1)
    seen: list[int] = []
    for row in range(top, bottom):
        unit, _ = view._rows.locate(row)
        if unit >= 0 and unit not in seen:
            seen.append(unit)
    return seen
