"""The feed's stories, one row each: language pair, scores, counts and review state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from checker.model import Severity
from checker.review_session import StoryState
from checker.scoring import story_figure
from checker.text import visible

SORTS = ("feed", "worst")
"""Feed order, or worst first: lowest story figure (``StoryResult.triage``: chrF counting
omitted text, less a share per error and warning; an empty translation is 0), then most
errors, most warnings, lowest chrF."""


@dataclass(frozen=True)
class StorySummary:
    """What the list shows about one story (and what it sorts and filters on)."""

    id: str
    pair: str
    chrf: float | None = None
    bleu: float | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    codes: frozenset[str] = frozenset()
    checked: bool = False
    checking: bool = False
    decisions: int = 0
    dirty: bool = False
    triage: float | None = None

    @classmethod
    def of(cls, state: StoryState) -> StorySummary:
        story, result = state.story, state.result
        if result is None:
            src = story.src_lang or ("?" if story.src is not None else None)
            pair = f"{src}→{story.lang or '?'}" if src else (story.lang or "")
            return cls(state.id, pair, checking=True, decisions=len(state.decisions),
                       dirty=state.dirty)
        findings = state.active_findings()
        counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
        pair = f"{result.src_lang}→{result.lang}" if result.src_lang else result.lang
        return cls(
            state.id, pair, result.scores.chrf, result.scores.bleu,
            counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO],
            frozenset(f.rule for f in findings), True, not state.fresh,
            len(state.decisions), state.dirty,
            story_figure(result.scores, findings, has_text=bool(result.mt.strip()),
                         units=result.units),
        )

    def worst_first(self) -> tuple:
        chrf = self.chrf if self.chrf is not None else 101.0
        triage = self.triage if self.triage is not None else 101.0
        return (not self.checked, triage, -self.errors, -self.warnings, chrf, self.id)

    def matches(self, query: str) -> bool:
        """Every word of ``query`` names the story, its pair, or a code prefix it has."""
        for word in query.lower().split():
            if word.startswith("wc") and any(code.lower().startswith(word) for code in self.codes):
                continue
            if word in self.id.lower() or word in self.pair.lower().replace("→", "-"):
                continue
            if word in ("error", "errors") and self.errors:
                continue
            return False
        return True


COLUMNS = (
    ("mark", " "), ("story", "Story"), ("pair", "Pair"), ("chrf", "chrF"), ("bleu", "BLEU"),
    ("errors", "Err"), ("warnings", "Warn"), ("review", "Review"),
)
WIDTHS = {"mark": 1, "pair": 5, "chrf": 5, "bleu": 5, "errors": 4, "warnings": 4, "review": 22}
"""Fixed widths: rows filled in as stories are checked never shift the columns, and the
table never re-measures a whole column (which costs a pass over every row)."""
ID_WIDTH = (5, 40)


class StoryList(DataTable):
    """Stories of the feed; rows appear as the stories are checked, sortable and filterable."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "story-list--error",
        "story-list--warning",
        "story-list--clean",
        "story-list--pending",
        "story-list--reviewed",
        "story-list--low-score",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="feed.open",
                tooltip="Open the highlighted story side by side"),
        Binding("home", "first_story", "First", show=False, id="feed.first",
                tooltip="Go to the first story of the list"),
        Binding("end", "last_story", "Last", show=False, id="feed.last",
                tooltip="Go to the last story of the list"),
    ]

    def __init__(self, *, id: str | None = None, chrf_threshold: float = 20.0,
                 id_width: int = 20) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.widths = {**WIDTHS, "story": min(max(id_width, ID_WIDTH[0]), ID_WIDTH[1])}
        self.summaries: dict[str, StorySummary] = {}
        self.feed_order: dict[str, int] = {}
        self.sort_mode = "feed"
        self.query_text = ""
        self.chrf_threshold = chrf_threshold
        self._inks: tuple[Style, ...] = ()
        self._rebuild_pending = False

    def action_first_story(self) -> None:
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_last_story(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    def on_mount(self) -> None:
        for key, label in COLUMNS:
            self.add_column(label, key=key, width=self.widths[key])

    # -- content -------------------------------------------------------------------
    def load(self, summaries: list[StorySummary]) -> None:
        """Show these stories (in feed order), replacing what was there."""
        self.feed_order = {s.id: i for i, s in enumerate(summaries)}
        self.summaries = {s.id: s for s in summaries}
        self.rebuild()

    def visible_ids(self) -> list[str]:
        """Story ids in the order shown (sorted and filtered)."""
        return [row.key.value for row in self.ordered_rows if row.key.value is not None]

    def ordered_ids(self) -> list[str]:
        ids = [i for i, s in self.summaries.items() if s.matches(self.query_text)]
        if self.sort_mode == "worst":
            ids.sort(key=lambda i: self.summaries[i].worst_first())
        else:
            ids.sort(key=lambda i: self.feed_order.get(i, len(self.feed_order)))
        return ids

    def rebuild(self) -> None:
        """Re-fill the rows for the current sort and filter, keeping the cursor's story."""
        self._rebuild_pending = False
        current = self.current_id
        self.clear()
        for story_id in self.ordered_ids():
            self.add_row(*self._cells(self.summaries[story_id]), key=story_id)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)

    def update_story(self, summary: StorySummary) -> None:
        """Refresh one story's row (adding it if new and matching the filter)."""
        known = summary.id in self.summaries
        self.summaries[summary.id] = summary
        if not known:
            self.feed_order.setdefault(summary.id, len(self.feed_order))
        if summary.id in self.rows:
            if not summary.matches(self.query_text):
                self.remove_row(summary.id)
                return
            for (key, _), cell in zip(COLUMNS, self._cells(summary), strict=True):
                self.update_cell(summary.id, key, cell)
        elif summary.matches(self.query_text):
            self.add_row(*self._cells(summary), key=summary.id)

    def resort(self) -> None:
        if self.sort_mode == "worst":
            self.sort("story", key=lambda cell: self.summaries[cell.plain].worst_first())
        else:
            self.sort("story", key=lambda cell: self.feed_order.get(cell.plain, 0))

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if not self.is_mounted:
            return
        # Cells carry their colours: rebuild them, but only when a colour really changed
        # (styles are re-applied several times at start-up, with the same result).
        inks = tuple(self._ink(name.split("--")[1]) for name in sorted(self.COMPONENT_CLASSES))
        if inks != self._inks:
            self._inks = inks
            if self.columns and self.row_count and not self._rebuild_pending:
                self._rebuild_pending = True  # several updates in a row cost one rebuild
                self.call_later(self.rebuild)

    # -- cells ---------------------------------------------------------------------
    def _ink(self, name: str) -> Style:
        full = self.get_component_rich_style(f"story-list--{name}")
        return Style(color=full.color, bold=full.bold, dim=full.dim, italic=full.italic)

    def _cells(self, s: StorySummary) -> tuple[Text, ...]:
        if not s.checked:
            pending = self._ink("pending")
            return (
                Text("…", style=pending), Text(visible(s.id)), Text(s.pair),
                *(Text("…", style=pending, justify="right") for _ in range(4)),
                self._review_cell(s),
            )
        mark = ("●", "error") if s.errors else ("▲", "warning") if s.warnings else ("✓", "clean")
        low = s.chrf is not None and s.chrf < self.chrf_threshold
        return (
            Text(mark[0], style=self._ink(mark[1])),
            Text(visible(s.id)),
            Text(s.pair),
            Text(_score(s.chrf), style=self._ink("low-score") if low else "", justify="right"),
            Text(_score(s.bleu), justify="right"),
            Text(str(s.errors), style=self._ink("error") if s.errors else "", justify="right"),
            Text(str(s.warnings), style=self._ink("warning") if s.warnings else "",
                 justify="right"),
            self._review_cell(s),
        )

    def _review_cell(self, s: StorySummary) -> Text:
        parts = []
        if s.decisions:
            parts.append(f"{s.decisions} decided")
        if s.dirty:
            parts.append("unsaved")
        if s.checking and s.checked:
            parts.append("checking")
        return Text(", ".join(parts), style=self._ink("reviewed"))


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
