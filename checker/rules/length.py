"""Length rule (WC802): aligned units far shorter or longer than the story's norm.

Translations run longer or shorter than their source by a rate that depends on the
language pair and the engine, so a fixed ratio would misfire. The rule measures the
story's own rate instead (the median of the units' log length ratios) and its spread
(the median absolute deviation), and flags units far outside it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from statistics import median

from checker.context import StoryContext
from checker.model import Category, Severity, Unit
from checker.rules.base import Hit, Rule

MIN_UNITS = 5
"""A story needs this many measurable units before it has a norm to compare with."""
MIN_CHARS = 20
"""Units whose longer side is shorter than this are never measured (headlines, bylines)."""
MIN_DIFFERENCE = 40
"""Characters by which a unit must miss its expected length before it is reported."""
FLOOR = math.log(1.6)
"""However uniform a story, a unit within a factor of 1.6 of the norm is never flagged."""


def _length(text: str) -> int:
    """Characters of ``text`` that are not white space (``str.split``'s white space is
    ``str.isspace``'s)."""
    return sum(map(len, text.split()))


class LengthOutlier(Rule):
    """Finds aligned units much shorter or longer than the story's usual length ratio.

    For each unit with MT text and a source (or, without one, a reference), the ratio of
    their lengths is compared with the story's median ratio. A unit is flagged when its
    ratio is more than four median absolute deviations (and at least a factor of 1.6)
    away from the median, and its length misses the expected one by 40 characters or
    more. Stories with fewer than five measurable units are skipped.

    ## Why it matters
    A unit far shorter than its source usually lost a clause; one far longer usually
    carries an addition or a hallucination. It is a cheap signal that complements the
    alignment's omission findings and does not depend on the languages involved.

    ## Example
    A 180-character source sentence rendered as `The minister resigned.` in a story
    whose other units keep their length.

    ## Use instead
    Compare the unit with its source and restore what is missing (or remove what was
    added).
    """

    code = "WC802"
    name = "length-outlier"
    category = Category.SCORE
    severity = Severity.INFO
    fix_title = "Compare the unit with its source"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        measured: list[tuple[Unit, float, int, int, str]] = []
        for unit in story.units:
            other = unit.counterpart()
            if other is None or unit.mt_start is None or unit.mt_end is None:
                continue
            mt_len, other_len = _length(unit.mt), _length(other[0])
            if max(mt_len, other_len) < MIN_CHARS or min(mt_len, other_len) == 0:
                continue
            measured.append((unit, math.log(mt_len / other_len), mt_len, other_len, other[1]))
        if len(measured) < MIN_UNITS:
            return
        centre = median(m[1] for m in measured)
        spread = median(abs(m[1] - centre) for m in measured) * 1.4826
        limit = max(4 * spread, FLOOR)
        rate = math.exp(centre)
        for unit, log_ratio, mt_len, other_len, label in measured:
            deviation = log_ratio - centre
            expected = other_len * rate
            if abs(deviation) <= limit or abs(mt_len - expected) < MIN_DIFFERENCE:
                continue
            assert unit.mt_start is not None and unit.mt_end is not None
            kind = "shorter" if deviation < 0 else "longer"
            yield Hit(
                unit.mt_start, unit.mt_end,
                f"this unit is {math.exp(abs(deviation)):.1f}× {kind} than the story's usual "
                f"ratio to its {label} ({mt_len} characters where about {expected:.0f} "
                "were expected)",
                unit=unit.index,
            )
