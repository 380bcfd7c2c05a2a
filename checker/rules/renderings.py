"""Rendering consistency (WC111): one source text, one rendering, within a story.

Aligned units (and the quotes inside them) whose source text is the same should read the
same in the MT, and units whose MT is the same should come from the same source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule


class InconsistentRendering(Rule):
    """Finds one source text translated two ways, or two source texts translated alike.

    Within a story with a source, aligned units whose source text is the same (after
    white space and case are normalised) should read the same in the MT, and units whose
    MT is the same should come from the same source. Quotations are compared too: a
    quote repeated in the source (with another attribution around it) should be
    rendered the same way each time. This is Xbench's and Trados'
    "inconsistent translation" check at the segment level, where news copy repeats
    itself: standfirsts, captions, repeated quotes, fixed phrases.

    ## Why it matters
    A quote repeated in a story and translated two ways reads as two different
    statements; two different source sentences rendered alike usually hide a
    mistranslation of one of them.

    ## Example
    Source `« Nous ne céderons pas »` twice; MT `"We will not give in"` and
    `"We will not yield"`.

    ## Use instead
    One rendering for one source.
    """

    code = "WC111"
    name = "inconsistent-rendering"
    category = Category.GLOSSARY
    severity = Severity.INFO
    fix_title = "Translate the repeated source the same way"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        by_source: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        by_target: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for i, unit in enumerate(story.units):
            if unit.mt_start is None or not unit.src.strip() or not unit.mt.strip():
                continue
            for src, mt, offset in _pieces(unit.src, unit.mt):
                if len(src) >= 12 and len(mt) >= 12:
                    by_source[src].append((i, mt, offset))
                    by_target[mt].append((i, src, offset))
        chosen: dict[int, tuple[int, int, str]] = {}
        for group, what in ((by_source, "source"), (by_target, "translation")):
            for entries in group.values():
                first_i, first, _ = entries[0]
                for i, other, offset in entries[1:]:
                    if other == first or i == first_i:
                        continue
                    # One finding per unit; a quote says more than the whole unit.
                    if i not in chosen or (chosen[i][0] < 0 <= offset):
                        chosen[i] = (offset, first_i, what)
        for i, (offset, first_i, what) in sorted(chosen.items()):
            yield self._hit(story, i, offset, first_i, what)

    def _hit(self, story: StoryContext, i: int, offset: int, first_i: int, what: str) -> Hit:
        unit = story.units[i]
        assert unit.mt_start is not None and unit.mt_end is not None
        if what == "source":
            earlier = story.units[first_i].mt.strip()
            message = f"the same source text is translated differently earlier: {earlier!r}"
        else:
            earlier = story.units[first_i].src.strip()
            message = f"the same translation is given earlier for a different source: {earlier!r}"
        start, end = unit.mt_start, unit.mt_end
        if offset >= 0:
            quote = _QUOTE.search(story.text, unit.mt_start + offset, unit.mt_end)
            if quote is not None:
                start, end = quote.span()
        return Hit(start, end, message, unit=unit.index)


_QUOTE = regex.compile(r"[«“„\"]\s*(?P<body>[^«»“”„\"\n]{3,}?)\s*[»”“\"]")


def _pieces(src: str, mt: str) -> Iterator[tuple[str, str, int]]:
    """What is compared in one unit: the whole unit, and its quotes when they pair up.

    Yields ``(source, translation, offset)``; ``offset`` is the quote's offset in the
    MT unit, or -1 for the whole unit.
    """
    yield _norm(src), _norm(mt), -1
    src_quotes = [m.group("body") for m in _QUOTE.finditer(src)]
    mt_quotes = list(_QUOTE.finditer(mt))
    if src_quotes and len(src_quotes) == len(mt_quotes):
        for source, match in zip(src_quotes, mt_quotes, strict=True):
            yield _norm(source), _norm(match.group("body")), match.start()


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())
