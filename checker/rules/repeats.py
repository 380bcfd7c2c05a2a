"""Repetition rules (WC310, WC311): page chrome recognised by being said twice or listed.

A scraped page repeats captions and pull quotes, and lists other stories' headlines
above the story; both are found by shape (a line seen before, a block of headline-like
lines before the story's first paragraph), in any language. Suggestions delete exactly
the repetition or the listed headlines.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from checker.context import StoryContext
from checker.rules.base import Hit
from checker.rules.boilerplate import MAX_CHROME_LINE, stripped_lines
from checker.rules.chrome import ChromeRule, header_end

MIN_REPEAT_WORDS = 4


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


class RepeatedLine(ChromeRule):
    """Finds a line that repeats an earlier line, or that is one text written twice.

    Scrapers duplicate captions (alt text and caption), pull quotes and teaser headlines.
    A line of at least four words that equals an earlier line (ignoring case and white
    space) is flagged, as is the second half of a line made of the same text twice
    ("Caption © Credit Caption © Credit").

    ## Why it matters
    The repetition is visible junk; readers take it for an editing error.

    ## Example
    `Mali is the eighth-largest country in Africa.` on two lines in a row.

    ## Use instead
    Delete the repetition.
    """

    code = "WC310"
    name = "repeated-line"
    fix_title = "Delete the repetition"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        seen: set[str] = set()
        for start, end in stripped_lines(text):
            line = text[start:end]
            key = _key(line)
            if len(line.split()) >= MIN_REPEAT_WORDS:
                if key in seen:
                    yield Hit(start, end, f"line repeats an earlier line: '{line[:60]}'",
                              suggestion="")
                    continue
                seen.add(key)
            half = self._doubled(line)
            if half is not None:
                yield Hit(start + half, end, "the line holds the same text twice", suggestion="")

    @staticmethod
    def _doubled(line: str) -> int | None:
        """Offset of the second copy when ``line`` is ``X X`` (X of four words or more)."""
        length = len(line)
        for cut in range(length // 2 - 2, length // 2 + 3):
            if 0 < cut < length and line[cut - 1] == " ":
                first, second = line[: cut - 1].strip(), line[cut:].strip()
                if first == second and len(first.split()) >= MIN_REPEAT_WORDS:
                    return cut
        return None


class HeadlineListAboveStory(ChromeRule):
    """Finds other stories' headlines listed above the story (a scraped "latest news" box).

    At the top of the page, a block of three or more lines in a row (no blank line
    between them) that each look like a headline (4-20 words, capitalised, no
    sentence-final full stop, not a byline) is a link list when it stands apart above
    the story's own headline: a blank line, then one more headline-like line, all before
    the story's first paragraph. A story's own headline, standfirst and byline never
    have a headline of their own above them, so they are left alone.

    ## Why it matters
    The headlines belong to other stories; published, they read as the story's opening.

    ## Example
    Four headlines ("Stocks fall on rate fears", "Storm hits coast", …) on consecutive
    lines above the story's own headline.

    ## Use instead
    Delete the lines.
    """

    code = "WC311"
    name = "headline-list-above-story"
    fix_title = "Delete the headlines"
    MIN_BLOCK = 3

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        all_lines = stripped_lines(text)
        body_start = header_end(text, all_lines)
        lines = [(start, end) for start, end in all_lines if start < body_start]
        blocks: list[list[tuple[int, int]]] = []
        for start, end in lines:
            if blocks and "\n\n" not in text[blocks[-1][-1][1] : start]:
                blocks[-1].append((start, end))
            else:
                blocks.append([(start, end)])
        for block, following in pairwise(blocks):
            if len(block) < self.MIN_BLOCK:
                continue
            if not all(self._headline(text, s, e) for s, e in block):
                continue
            if not self._headline(text, *following[0]):
                continue  # the story's own headline must come after the list
            for s, e in block:
                yield Hit(s, e, f"another story's headline '{text[s:e][:60]}'", suggestion="")

    @staticmethod
    def _headline(text: str, start: int, end: int) -> bool:
        line = text[start:end]
        words = line.split()
        if not 4 <= len(words) <= 20 or len(line) > MAX_CHROME_LINE:
            return False
        if words[0].rstrip(":").lower() in _BYLINE_WORDS:
            return False
        return line[0].isupper() and not line.endswith((".", ",", ";", ":"))


_BYLINE_WORDS = frozenset(["by", "par", "por", "von", "from", "de"])
