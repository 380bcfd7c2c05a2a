"""A progress line on stderr for long runs at a terminal; silent everywhere else.

It shows only when stderr is a terminal, ``CI`` is not set, and the run has lasted
``delay`` seconds (short runs never flicker a bar). It redraws at most ten times a
second and erases itself when the run ends, so it never mixes with the report.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def wanted(stream: TextIO, choice: bool | None = None) -> bool:
    """Whether to draw: ``choice`` forces it; by default a TTY outside CI."""
    if choice is not None:
        return choice
    if os.environ.get("CI"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def count_stories(paths: list[str]) -> int | None:
    """A cheap estimate of the number of stories (None if unknown): one per story file,
    one per non-blank line of a JSON Lines feed, one per XML file."""
    total = 0
    for name in paths:
        path = Path(name)
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or file.name.startswith("."):
                continue
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with file.open("rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    return None
            else:  # a story file; an XML file may hold several, rarely
                total += 1
    return total


class Progress:
    """``check: 1,234/5,000 stories  25%  61.2/s  ETA 1:02`` on one rewritten line."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        enabled: bool = True,
        delay: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.count = 0
        self.started = clock()
        self._drawn = 0.0
        self._visible = False

    def advance(self, count: int = 1) -> None:
        self.count += count
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or now - self._drawn < 0.1:
            return
        self._drawn = now
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()
        self._visible = True

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        if self.total:
            done = min(self.count / self.total, 1.0)
            left = (self.total - self.count) / rate if rate else 0.0
            return (
                f"check: {self.count:,}/{self.total:,} stories {done:4.0%}  {rate:.1f}/s  "
                f"ETA {_clock(left)}"
            )
        return f"check: {self.count:,} stories  {rate:.1f}/s  {_clock(elapsed)}"

    def close(self) -> None:
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(max(seconds, 0)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
