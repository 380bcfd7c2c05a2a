"""Text normalisation and position arithmetic, done once for the whole core.

Every offset wirecheck reports is an index into the *normalised* text: the decoded
file with its byte-order mark removed, ``\\r\\n`` and lone ``\\r`` turned into ``\\n``,
and Unicode in NFC form.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass


def normalise(raw: str) -> str:
    """Return ``raw`` without BOM, with ``\\n`` line ends, in NFC."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", raw)


def squeeze(text: str) -> str:
    """Collapse runs of white space to one space (what scores and diffs compare)."""
    return " ".join(text.split())


# C0 controls (but tab and line feed) as their Unicode control pictures, DEL as ␡, C1
# controls as U+FFFD: one character for one, so offsets into the text still hold.
_VISIBLE = {
    **{code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}


def visible(text: str) -> str:
    """``text`` safe to show on a terminal: control characters become visible symbols.

    A story may carry escape sequences (``\\x1b[2J`` clears a screen); shown raw they
    would act on the editor's terminal. The result has the same length as ``text``.
    """
    return text.translate(_VISIBLE)


def unvisible(shown: str, original: str) -> str:
    """Undo :func:`visible` on ``shown``, an edited copy of ``visible(original)``.

    Unchanged, it is ``original``. Edited, the control characters ``original`` holds come
    back; a symbol ``original`` also held as itself, or U+FFFD standing for several
    different C1 controls, stays as it is.
    """
    if shown == visible(original):
        return original
    controls = {code for code in map(ord, set(original)) if code in _VISIBLE}
    symbols = {chr(code) for code in map(ord, set(original)) if code not in _VISIBLE}
    back: dict[int, int] = {}
    for code in controls:
        picture = _VISIBLE[code]
        if chr(picture) in symbols or sum(_VISIBLE[c] == picture for c in controls) > 1:
            continue
        back[picture] = code
    return shown.translate(back)


@dataclass(frozen=True)
class LineIndex:
    """Maps offsets in a text to 1-based (line, column) pairs."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def iter_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``, newline excluded."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
