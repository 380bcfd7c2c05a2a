"""Number rules (WC5xx): quantities changed or dropped in translation.

Each aligned unit's numbers are compared with those of its source (or, without a
source, its reference), whatever their locale format: ``1 500`` = ``1,500`` = ``1.500``,
``2,5`` = ``2.5``, ``4.7 billion`` = ``4 700 millions``. Whole numbers under ten are
left alone (wire style spells them out), and a number found in a neighbouring unit
counts as present, so a sentence split differently does not raise a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.context import StoryContext
from checker.model import Category, Severity, Unit
from checker.numbers import NumberMention, find_numbers, is_trivial
from checker.rules.base import Hit, Rule


@dataclass(frozen=True)
class UnitNumbers:
    """The numbers of one unit: what the MT states and what it should."""

    unit: Unit
    mt: list[NumberMention]
    expected: list[NumberMention]
    side: str
    missing: list[NumberMention]
    extra: list[NumberMention]


def _unmatched(wanted: list[NumberMention], have: list[NumberMention]) -> list[NumberMention]:
    pool = list(have)
    left = []
    for mention in wanted:
        for index, candidate in enumerate(pool):
            if mention.same_as(candidate):
                del pool[index]
                break
        else:
            left.append(mention)
    return left


def compare_numbers(story: StoryContext) -> list[UnitNumbers]:
    """Per unit with an MT side and a source or reference, the numbers that differ."""
    cached = story.memo.get("numbers")
    if cached is None:
        cached = story.memo["numbers"] = _compare_numbers(story)
    return cached  # type: ignore[return-value]


def _compare_numbers(story: StoryContext) -> list[UnitNumbers]:
    if story.src is not None:
        side, lang = "source", story.src_lang or story.lang
    elif story.ref is not None:
        side, lang = "reference", story.lang
    else:
        return []
    per_unit = []
    for unit in story.units:
        other = unit.src if side == "source" else unit.ref
        mt = [m for m in find_numbers(unit.mt, story.lang) if not is_trivial(m)]
        expected = [m for m in find_numbers(other, lang) if not is_trivial(m)]
        per_unit.append((unit, mt, expected))
    results = []
    for index, (unit, mt, expected) in enumerate(per_unit):
        if unit.mt_start is None or not (mt or expected):
            continue
        neighbours = per_unit[max(0, index - 1) : index + 2]
        near_mt = [m for u, ms, _ in neighbours if u is not unit for m in ms]
        near_expected = [m for u, _, es in neighbours if u is not unit for m in es]
        missing = _unmatched(_unmatched(expected, mt), near_mt)
        extra = _unmatched(_unmatched(mt, expected), near_expected)
        if missing:
            results.append(UnitNumbers(unit, mt, expected, side, missing, extra))
    return results


class NumberChanged(Rule):
    """Finds numbers that the MT states differently from its source (or reference).

    Reported when a unit both lacks a number of the source and states one the source
    does not have: the translation changed a figure. The finding points at the MT's
    number; with a reference, the reference's figure is the suggestion.

    ## Why it matters
    A wrong figure is the most damaging error a wire story can carry: casualty counts,
    money, percentages and dates are quoted and re-quoted downstream.

    ## Example
    Source `1.500 millones de euros`, MT `1,600 million euros`.

    ## Use instead
    `1,500 million euros` (or `1.5 billion euros`).
    """

    code = "WC501"
    name = "number-mismatch"
    category = Category.NUMBER
    severity = Severity.ERROR
    fix_title = "State the figure as the source does"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for found in compare_numbers(story):
            base = found.unit.mt_start or 0
            for wanted, stated in zip(found.missing, found.extra, strict=False):
                suggestion = wanted.text if found.side == "reference" else None
                yield Hit(
                    base + stated.start,
                    base + stated.end,
                    f"the MT says {stated.text!r} where the {found.side} says {wanted.text!r}",
                    suggestion=suggestion,
                    unit=found.unit.index,
                )


class NumberMissing(Rule):
    """Finds numbers of the source (or reference) that the MT leaves out.

    Reported on the whole MT unit when a figure of the aligned source has no
    counterpart in the MT unit or its neighbours and the MT states no other figure in
    its place (that case is a number mismatch, WC501).

    ## Why it matters
    Dropped figures change the meaning ("rose by 2.5%" becomes "rose") and are easy to
    miss when reading the translation alone.

    ## Example
    Source `Le chômage a atteint 7,4 % en mars.`, MT `Unemployment reached a high in March.`

    ## Use instead
    `Unemployment reached 7.4% in March.`
    """

    code = "WC502"
    name = "number-missing"
    category = Category.NUMBER
    severity = Severity.WARNING
    fix_title = "Restore the figure"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for found in compare_numbers(story):
            unmatched = found.missing[len(found.extra) :]
            if not unmatched or found.unit.mt_end is None:
                continue
            figures = ", ".join(repr(m.text) for m in unmatched)
            yield Hit(
                found.unit.mt_start or 0,
                found.unit.mt_end,
                f"the {found.side} states {figures}, missing from the MT",
                unit=found.unit.index,
            )
