"""Renderers: report data (see :mod:`checker.report.data`) to HTML, CSV, Markdown or JSON.

HTML and Markdown come from jinja2 templates in ``templates/``; the HTML page is one
self-contained file (inline CSS, inline SVG plots, no script, no link to anything).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2

FORMATS = ("html", "csv", "md", "json")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["score"] = _score
    env.filters["cell"] = _cell
    return env


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _cell(value: object) -> str:
    """Text for a Markdown table cell: pipes escaped, line breaks removed."""
    return " ".join(str(value).split()).replace("|", "\\|")


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("concept", "label", "kind", "lang", "form", "status", "count", "suggestion",
               "where")


def render_csv(report: dict[str, Any]) -> str:
    """One row per concept and form: correct forms, garbled and forbidden variants, and
    missing renderings, with where they occurred (``story:line``, ``;``-separated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in report["concepts"]:
        for form in c["correct_forms"]:
            writer.writerow([c["id"], c["label"], "correct", form["lang"], form["form"],
                             form["status"], form["count"], "", ""])
        for v in c["variants"]:
            where = ";".join(f"{w['story']}:{w['line']}" for w in v["where"])
            writer.writerow([c["id"], c["label"], v["kind"], v["lang"], v["text"], "",
                             v["count"], v["suggestion"] or "", where])
        if c["missing_in"]:
            where = ";".join(f"{w['story']}:{w['line']}" for w in c["missing_in"])
            writer.writerow([c["id"], c["label"], "missing", "", "", "", c["missing"], "",
                             where])
    return out.getvalue()


def render_markdown(report: dict[str, Any]) -> str:
    return _environment(False).get_template("report.md.j2").render(report=report)


def render_html(report: dict[str, Any]) -> str:
    from markupsafe import Markup

    from checker.report import plots  # matplotlib loads only for HTML

    figures = {
        "problems": plots.problem_concepts(report["concepts"]),
        "usage": plots.concept_usage(report["concepts"]),
        "stories": plots.story_scores(report["stories"]),
        "segments": plots.histogram(
            report["segment_chrf"], "Segment chrF", "chrF of each aligned segment"
        ),
    }
    template = _environment(True).get_template("report.html.j2")
    safe = {name: Markup(svg) if svg else None for name, svg in figures.items()}
    return template.render(report=report, figures=safe)


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "html": render_html,
    "csv": render_csv,
    "md": render_markdown,
    "json": render_json,
}


def render(report: dict[str, Any], fmt: str) -> str:
    """``report`` as text in ``fmt`` (one of :data:`FORMATS`)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ValueError(f"unknown report format {fmt!r}; use one of {choices}") from None
    return renderer(report)
