"""The record every reader produces: one story text and where it was found.

It lives apart from the readers so that :mod:`checker.reading.files` (which picks a
reader) and the format readers (which build records) need not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.langtags import language
from checker.model import UnitCodes
from checker.reading.safexml import Element


@dataclass(frozen=True)
class FeedEntry:
    """One story text as found in a file, with where it was found.

    ``lang`` is reduced to the language wirecheck works in (``en-US`` -> ``en``) on
    construction, whatever the file wrote.
    """

    id: str
    text: str
    path: str
    line: int = 1
    lang: str | None = None
    ref: FeedEntry | None = None
    src: FeedEntry | None = None
    origin: tuple[tuple[int, int, str], ...] = ()
    """For XML stories: where each piece of ``text`` came from (see ``StoryInput``)."""
    codes: tuple[UnitCodes, ...] = ()
    """For XLIFF stories: each unit's inline codes (see ``StoryInput.codes``)."""
    date: str | None = None
    """When the story was written (ISO date), when the file says."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", language(self.lang))


def require_text(path: Path, root: Element, entries: list[FeedEntry]) -> list[FeedEntry]:
    """``entries``, unless none has any text: then an InputError naming the file.

    A wire or XLIFF file whose reader finds no text at all was misread or is empty;
    either way, checking nothing and passing would hide it.
    """
    if not any(e.text.strip() or (e.src is not None and e.src.text.strip()) for e in entries):
        raise InputError(str(path), f"no story text found in this <{root.tag}> document",
                         root.line)
    return entries
