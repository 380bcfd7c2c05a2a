"""Plots for the HTML report: matplotlib figures rendered to inline SVG strings.

Figures are built with matplotlib's object API (no pyplot, no global backend), so a
report can be made from any thread or process. SVG output is made reproducible (fixed
hash salt, no date) and keeps text as text, so the report stays small and searchable.
Each function returns ``None`` when there is nothing to plot.
"""

from __future__ import annotations

import io
import statistics
import textwrap
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from checker.errors import one_line

COLOURS = {
    "correct": "#4c8c4a",
    "garbled": "#c0392b",
    "forbidden": "#e67e22",
    "missing": "#7d5ba6",
    "score": "#3b6ea5",
}
_RC = {
    "svg.hashsalt": "wirecheck",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(figure: Figure) -> str:
    FigureCanvasSVG(figure)
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def _title(figure: Figure, title: str) -> None:
    """A left-aligned title over the whole figure (the layout makes room for it)."""
    figure.suptitle(title, x=0.01, ha="left", fontsize=10, fontweight="bold")


def _legend(axes: Any) -> None:
    """The legend in one row under the plot, where it cannot cover a bar."""
    handles, labels = axes.get_legend_handles_labels()
    axes.figure.legend(
        handles, labels, loc="outside lower center", ncol=4, frameon=False,
        handlelength=1.2, columnspacing=1.2,
    )


def _short(label: str, limit: int = 38) -> str:
    """``label`` cut to ``limit`` characters, with ``$`` escaped (matplotlib would read
    ``$...$`` as math text, and fail on an odd number of them)."""
    label = label if len(label) <= limit else label[: limit - 1] + "…"
    return one_line(label).replace("$", r"\$")


def _wrapped(label: str, width: int = 30, lines: int = 3) -> str:
    """``label`` on up to ``lines`` lines of about ``width`` characters (never cut in the
    middle of a word unless a word is longer), ``$`` escaped as in :func:`_short`."""
    parts = textwrap.wrap(one_line(label), width, break_long_words=True) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], _short(" ".join(parts[lines - 1 :]), width)]
        return "\n".join([*(p.replace("$", r"\$") for p in parts[:-1]), parts[-1]])
    return "\n".join(p.replace("$", r"\$") for p in parts)


def _concept_label(concept: dict[str, Any]) -> str:
    return _wrapped(f"{concept['label']} ({concept['id']})")


def _bar_height(labels: Sequence[str]) -> float:
    """Figure height for horizontal bars with these (possibly multi-line) labels."""
    return 1.2 + sum(0.2 + 0.14 * label.count("\n") + 0.12 for label in labels)


def problem_concepts(concepts: Sequence[dict[str, Any]], top: int = 15) -> str | None:
    """Stacked bars of the concepts with the most garbled, forbidden and missing forms."""
    rows = [c for c in concepts if c["problems"]][:top]
    if not rows:
        return None
    rows = rows[::-1]  # largest at the top
    with matplotlib.rc_context(_RC):
        labels = [_concept_label(c) for c in rows]
        figure = _figure(7.0, _bar_height(labels))
        axes = figure.add_subplot()
        left = [0] * len(rows)
        for kind in ("garbled", "forbidden", "missing"):
            values = [c[kind] for c in rows]
            if not any(values):
                continue
            axes.barh(labels, values, left=left, color=COLOURS[kind], label=kind, height=0.6)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_xlabel("findings across the feed")
        axes.xaxis.get_major_locator().set_params(integer=True)
        _legend(axes)
        _title(figure, "Concepts most often garbled, forbidden or missing")
        return _svg(figure)


def concept_usage(concepts: Sequence[dict[str, Any]], top: int = 15) -> str | None:
    """How the most mentioned concepts fared: correct against damaged renderings."""
    rows = sorted(concepts, key=lambda c: (-(c["occurrences"] + c["missing"]), c["id"]))[:top]
    rows = [c for c in rows if c["occurrences"] + c["missing"]]
    if not rows:
        return None
    rows = rows[::-1]
    with matplotlib.rc_context(_RC):
        labels = [_concept_label(c) for c in rows]
        figure = _figure(7.0, _bar_height(labels))
        axes = figure.add_subplot()
        left = [0] * len(rows)
        for kind in ("correct", "garbled", "forbidden", "missing"):
            values = [c[kind] for c in rows]
            if not any(values):
                continue
            axes.barh(labels, values, left=left, color=COLOURS[kind], label=kind, height=0.6)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_xlabel("mentions across the feed")
        axes.xaxis.get_major_locator().set_params(integer=True)
        _legend(axes)
        _title(figure, "Most mentioned concepts: how they were rendered")
        return _svg(figure)


def histogram(values: Sequence[float], title: str, xlabel: str) -> str | None:
    """A histogram of scores on the 0-100 scale, with the median marked."""
    if not values:
        return None
    median = statistics.median(values)
    with matplotlib.rc_context(_RC):
        figure = _figure(7.0, 2.6)
        axes = figure.add_subplot()
        axes.hist(values, bins=20, range=(0, 100), color=COLOURS["score"], edgecolor="white")
        axes.axvline(median, color="#333333", linestyle="--", linewidth=1)
        axes.annotate(
            f"median {median:.1f}", (median, 1), xycoords=("data", "axes fraction"),
            xytext=(4, -12), textcoords="offset points",
        )
        axes.set_xlim(0, 100)
        axes.set_xlabel(xlabel)
        axes.set_ylabel("count")
        axes.yaxis.get_major_locator().set_params(integer=True)
        _title(figure, title)
        return _svg(figure)


def story_scores(stories: Sequence[dict[str, Any]], limit: int = 40) -> str | None:
    """Per-story chrF: one bar per story for a small feed, a histogram for a large one."""
    scored = [s for s in stories if s["chrf"] is not None]
    if not scored:
        return None
    if len(scored) > limit:
        return histogram([s["chrf"] for s in scored], "Story chrF", "chrF against the reference")
    scored = sorted(scored, key=lambda s: s["chrf"], reverse=True)
    with matplotlib.rc_context(_RC):
        labels = [_wrapped(s["id"], 30, 2) for s in scored]
        figure = _figure(7.0, _bar_height(labels))
        axes = figure.add_subplot()
        values = [s["chrf"] for s in scored]
        axes.barh(labels, values, color=COLOURS["score"], height=0.6)
        for y, value in enumerate(values):
            axes.annotate(f"{value:.1f}", (value, y), xytext=(3, -3), textcoords="offset points")
        axes.set_xlim(0, 112)  # room for the value written after a bar of 100
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("chrF against the reference")
        _title(figure, "Story chrF")
        return _svg(figure)
