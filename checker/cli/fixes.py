"""Writing what ``wirecheck check --fix`` fixed, and showing it with ``--diff``.

A plain-text story is rewritten in place (the user asked for it, as with ``ruff
--fix``), atomically and keeping its byte-order mark, line endings and permissions. A
feed is never rewritten: a JSON Lines feed gets a corrected copy beside it,
``<name>.reviewed.jsonl`` (every line kept, the fixed stories' ``text`` replaced), and
so does an XML file (``<name>.reviewed.jsonl``, one line per story with its ``id``,
``lang`` and corrected ``text``). Folder reads skip ``.reviewed.`` files, and checking
the copy again finds its stories under the same ids.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from checker.atomic import atomic_write_text
from checker.fix import FixResult
from checker.model import StoryInput
from checker.reading.files import read_text_file

FEED_SUFFIXES = (".jsonl", ".ndjson")


def fix_target(story: StoryInput) -> Path:
    """Where the fixed text of ``story`` is written."""
    path = Path(story.mt_path)
    if is_feed_file(story):
        return path.with_name(f"{path.stem}.reviewed.jsonl")
    return path


def is_feed_file(story: StoryInput) -> bool:
    """True for a story of a JSON Lines feed or an XML file (never rewritten)."""
    return bool(story.origin) or Path(story.mt_path).suffix.lower() in FEED_SUFFIXES


def _restyle(path: Path, text: str) -> str:
    """``text`` with the byte-order mark and CRLF line ends ``path`` had, if any."""
    try:
        head = path.read_bytes()
    except OSError:
        return text
    if b"\r\n" in head:
        text = text.replace("\n", "\r\n")
    if head.startswith(b"\xef\xbb\xbf"):
        text = "\ufeff" + text
    return text


@dataclass
class _Feed:
    """The stories of one feed file, as the corrected copy will hold them."""

    jsonl: bool
    lines: dict[int, str] = field(default_factory=dict)
    """JSON Lines: the fixed text by feed line."""
    records: list[dict[str, str]] = field(default_factory=list)
    """XML: every story, fixed or not."""
    changed: bool = False


@dataclass
class FixWriter:
    """Writes fixed stories: plain text at once, a feed's copy once all its stories are in."""

    written: list[Path] = field(default_factory=list)
    _feeds: dict[Path, _Feed] = field(default_factory=dict)

    def add(self, story: StoryInput, fixed: FixResult) -> None:
        path = Path(story.mt_path)
        if is_feed_file(story):
            feed = self._feeds.setdefault(path, _Feed(jsonl=not story.origin))
            feed.changed = feed.changed or fixed.changed
            if feed.jsonl and fixed.changed:
                feed.lines[story.mt_line] = fixed.text
            elif not feed.jsonl:
                record = {"id": story.id, "lang": fixed.result.lang, "text": fixed.text}
                feed.records.append(record)
            return
        if not fixed.changed:
            return
        mode = None
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(path.stat().st_mode)
        atomic_write_text(path, _restyle(path, fixed.text))
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(path, mode)
        self.written.append(path)

    def finish(self) -> None:
        """Write the corrected copy of every feed file that had fixes."""
        for path, feed in self._feeds.items():
            if not feed.changed:
                continue
            if feed.jsonl:
                lines = read_text_file(path).split("\n")
                for number, text in feed.lines.items():
                    record = json.loads(lines[number - 1])
                    record["text"] = text
                    lines[number - 1] = json.dumps(record, ensure_ascii=False)
                copy = "\n".join(lines)
            else:
                copy = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in feed.records)
            target = path.with_name(f"{path.stem}.reviewed.jsonl")
            atomic_write_text(target, copy)
            self.written.append(target)
        self._feeds.clear()


def unified_diff(story: StoryInput, fixed: FixResult) -> str:
    """The fix of one story as a unified diff (``a/`` the input, ``b/`` the target)."""
    if not fixed.changed:
        return ""
    name = f"{story.mt_path} [{story.id}]" if is_feed_file(story) else story.mt_path
    lines = difflib.unified_diff(
        fixed.original.splitlines(), fixed.text.splitlines(), fromfile=name, tofile=name,
        lineterm="",
    )
    return "".join(f"{line}\n" for line in lines)
