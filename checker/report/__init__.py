"""Feed reports: how each glossary concept fared and how the stories scored.

A library, not a command: :func:`build_report` turns a :class:`~checker.model.RunResult`
into plain data, :func:`render` turns that into HTML, CSV, Markdown or JSON, and
:func:`report_feed` does the whole thing (read, check, report) for a feed on disk.
``wirecheck report`` and the terminal UI both call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.atomic import atomic_write_text
from checker.config import Settings
from checker.engine import Checker
from checker.glossary.load import load_index
from checker.model import RunResult, StoryInput, StoryResult
from checker.report.data import build_report
from checker.report.render import FORMATS, render

__all__ = [
    "FORMATS",
    "build_report",
    "check_run",
    "render",
    "report_feed",
    "report_for_run",
    "write_report",
]


def report_for_run(
    run: RunResult, settings: Settings, report_lang: str | None = None
) -> dict[str, Any]:
    """The report data of a finished run, with the glossary its settings name; concepts
    are named in ``report_lang`` (default: the feed's main target language)."""
    index = load_index(settings) if settings.glossaries or settings.default_glossary else None
    return build_report(run, index, report_lang)


def check_run(
    stories: Iterable[StoryInput], settings: Settings, jobs: int = 1,
    checker: Checker | None = None,
) -> RunResult:
    """Check ``stories`` (in ``jobs`` processes) and collect the run."""
    from checker.parallel import check_stories

    checker = checker or Checker(settings)
    results: tuple[StoryResult, ...] = tuple(check_stories(stories, settings, jobs, checker))
    return RunResult(results, checker.corpus_scores(results), checker.signature())


def write_report(report: dict[str, Any], path: str | Path, fmt: str) -> None:
    """Render ``report`` in ``fmt`` and write it to ``path`` atomically."""
    atomic_write_text(path, render(report, fmt))


def report_feed(
    mt: str | Path | Iterable[str | Path],
    ref: str | Path | None = None,
    src: str | Path | None = None,
    settings: Settings | None = None,
    lang: str | None = None,
    src_lang: str | None = None,
    jobs: int = 1,
    report_lang: str | None = None,
) -> dict[str, Any]:
    """Read a feed (one or more MT paths), check it and return the report data."""
    from checker.reading import read_feed

    settings = settings or Settings()
    paths = [mt] if isinstance(mt, (str, Path)) else list(mt)
    stories = (
        story
        for path in paths
        for story in read_feed(path, ref, src, lang or settings.lang, src_lang or settings.src_lang)
    )
    return report_for_run(check_run(stories, settings, jobs), settings, report_lang)
