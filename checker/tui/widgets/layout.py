"""Plain arithmetic behind the side-by-side view: wrapping with offsets, diff spans.

Nothing here draws; the unit view asks where lines break and which character ranges of a
unit's text to colour, and keeps every offset in the unit's own (raw) text so findings,
which point into the story, line up with the diff, which was computed on squeezed text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each display line of ``text`` wrapped to ``width`` cells.

    Lines break after white space where they can and inside a word only when it alone is
    wider than ``width``; a newline always breaks. Trailing spaces stay on their line (the
    caller crops them). An empty text is one empty line.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            spans.append((offset, offset))
            offset += len(paragraph) + 1
            continue
        line_start, used = offset, 0
        for match in _WORD.finditer(paragraph):
            word = match.group()
            start = offset + match.start()
            bare = cell_len(word.rstrip())
            if used and used + bare > width:
                spans.append((line_start, start))
                line_start, used = start, 0
            while bare > width:  # a word longer than a line: cut it
                cut = _cut(word, width)
                spans.append((start, start + cut))
                start += cut
                word = word[cut:]
                bare = cell_len(word.rstrip())
                line_start = start
            used += cell_len(word)
        spans.append((line_start, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return spans


def _cut(word: str, width: int) -> int:
    """Characters of ``word`` that fit in ``width`` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(1, index)
    return len(word)


def squeeze_map(raw: str) -> tuple[str, list[int]]:
    """``raw`` with white-space runs collapsed, and the raw index of each squeezed char."""
    out: list[str] = []
    index: list[int] = []
    for match in re.finditer(r"\S+", raw):
        if out:
            out.append(" ")
            index.append(match.start() - 1)
        out.append(match.group())
        index.extend(range(match.start(), match.end()))
    return "".join(out), index


def diff_spans(
    raw: str, diff: Sequence[tuple[str, str]], side: str
) -> list[tuple[int, int]]:
    """Spans of ``raw`` that the word diff marks on one side.

    ``side`` is ``"insert"`` for the MT (text the reference lacks) or ``"delete"`` for the
    reference (text the MT lacks). The diff was computed on squeezed text; spans are
    mapped back to ``raw``. A diff that does not fit the text yields nothing.
    """
    squeezed, index = squeeze_map(raw)
    keep = ("equal", side)
    if "".join(text for op, text in diff if op in keep) != squeezed:
        return []
    spans = []
    position = 0
    for op, text in diff:
        if op not in keep:
            continue
        if op == side:
            start, end = position, position + len(text)
            # Trim white space so a changed word is marked, not the gaps around it.
            while start < end and squeezed[start] == " ":
                start += 1
            while end > start and squeezed[end - 1] == " ":
                end -= 1
            if start < end:
                spans.append((index[start], index[end - 1] + 1))
        position += len(text)
    return spans


class RowMap:
    """Which unit and which of its lines sits on each row of the scrolled view."""

    def __init__(self, heights: Sequence[int]) -> None:
        self.heights = list(heights)
        self.starts: list[int] = []
        row = 0
        for height in self.heights:
            self.starts.append(row)
            row += height
        self.total = row

    def locate(self, row: int) -> tuple[int, int]:
        """``(unit, line)`` at ``row``; ``(-1, 0)`` when beyond the last unit."""
        if row < 0 or row >= self.total:
            return -1, 0
        unit = bisect.bisect_right(self.starts, row) - 1
        return unit, row - self.starts[unit]


def unit_for_offset(starts: Sequence[tuple[int, int, int]], offset: int) -> int | None:
    """The unit whose MT span holds ``offset``, else the last one starting before it.

    ``starts`` holds ``(mt_start, mt_end, unit_index)`` of the units that have MT text,
    in text order.
    """
    if not starts:
        return None
    position = bisect.bisect_right(starts, (offset, float("inf"), float("inf"))) - 1
    if position < 0:
        return starts[0][2]
    return starts[position][2]
