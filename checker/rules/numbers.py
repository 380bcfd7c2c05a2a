"""Number rules (WC5xx): quantities changed or dropped in translation.

Each aligned unit's numbers are compared with those of its source (or, without a
source, its reference) as newsrooms write them: locale formats (``1 500`` = ``1,500``),
scale words and abbreviations (``£44m`` = ``44 Millionen Pfund``), numbers in words
(``ten`` = ``zehn``, ``a dozen`` ~ ``une dizaine``), times, dates, decades, and unit
conversions within rounding (``5 miles`` = ``8 km``). A number found in a neighbouring
unit counts as present, so a sentence split differently raises no alarm.

A change is reported (WC501) only when it is certain: the unmatched figures of the two
sides count the same thing (a currency, a unit, a percentage), look alike (``1,500`` /
``1,600``, ``32`` / ``23``, ``billion`` / ``million``), or are the only unmatched figures
of the unit. A figure is reported missing (WC502) only when the MT states no unmatched
figure that could render it, and, for years, dates and times, no phrase such as "this
year" or "Friday" that could stand for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from checker.context import StoryContext
from checker.model import Category, Severity, Unit
from checker.number_words import lexicon, number_prefixes
from checker.numbers import (
    NumberMention,
    find_numbers,
    is_small,
    is_trivial,
    matches_itself,
    names_a_unit,
)
from checker.rules.base import Hit, Rule


@dataclass(frozen=True)
class Change:
    """A figure of the source (or reference) stated differently by the MT."""

    wanted: NumberMention
    stated: NumberMention
    currency: bool = False


@dataclass(frozen=True)
class UnitNumbers:
    """The numbers of one unit that differ: certain changes and clear omissions."""

    unit: Unit
    side: str
    changed: list[Change]
    missing: list[NumberMention]


def _unmatched(wanted: list[NumberMention], have: list[NumberMention]) -> list[NumberMention]:
    """``wanted`` mentions with no counterpart in ``have`` (exact matches claimed first)."""
    if not wanted:
        return []
    pool = list(have)
    left = []
    ordered = sorted(wanted, key=lambda m: m.approx) if len(wanted) > 1 else wanted
    for mention in ordered:
        first = None  # the first exact counterpart, else the first rough one
        for index, candidate in enumerate(pool):
            if mention.same_as(candidate):
                if not candidate.approx:
                    first = index
                    break
                if first is None:
                    first = index
        if first is None:
            left.append(mention)
        else:
            del pool[first]
    return sorted(left, key=lambda m: m.start) if len(left) > 1 else left


def _digits(mention: NumberMention) -> str:
    return "".join(ch for ch in mention.text if ch.isdigit())


def _one_edit(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    return len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]


def _dimensions(mention: NumberMention) -> set[str]:
    kinds = set()
    for unit in mention.units:
        if unit == "%":
            kinds.add("percent")
        elif unit.isupper():
            kinds.add("currency")
        else:
            kinds.add("measure")
    return kinds


def _comparable(wanted: NumberMention, stated: NumberMention) -> bool:
    if wanted.kind != stated.kind or wanted.approx or stated.approx:
        return False
    if wanted.year_like != stated.year_like:
        return False
    mine, theirs = _dimensions(wanted), _dimensions(stated)
    return not (mine and theirs and not mine & theirs)


def _evidence(wanted: NumberMention, stated: NumberMention, sole: bool) -> bool:
    """Whether two unmatched figures surely state the same thing differently."""
    if not _comparable(wanted, stated):
        return False
    if _dimensions(wanted) & _dimensions(stated):
        return True
    a, b = _digits(wanted), _digits(stated)
    if a and b and (a == b or _one_edit(a, b)):
        return True
    if wanted.scale != stated.scale and any(  # "2.5 billion" for "zweieinhalb Millionen"
        abs(x / wanted.scale - y / stated.scale) < 1e-9
        for x in wanted.values
        for y in stated.values
    ):
        return True
    return sole and not _power_of_ten(wanted, stated)


def _power_of_ten(a: NumberMention, b: NumberMention) -> bool:
    """Values a power of ten apart: likely another unit ("10000 ns" / "zehn µs")."""
    for x in a.values:
        for y in b.values:
            if x and y:
                ratio = max(x, y) / min(x, y)
                if ratio >= 10 and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-9:
                    return True
    return False


def _relative(text: str, lang: str) -> bool:
    """Whether ``text`` names a year, day or time without its figure ("this year")."""
    pattern = _relative_pattern(lang)
    return bool(pattern and pattern.search(text))


@cache
def _relative_pattern(lang: str) -> regex.Pattern[str] | None:
    phrases = lexicon(lang).get("relative", [])
    if not phrases:
        return None
    alternatives = "|".join(regex.escape(p) for p in phrases)
    return regex.compile(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})", regex.IGNORECASE)


def _clearly_missing(
    mention: NumberMention, mt_text: str, mt: list[NumberMention], lang: str
) -> bool:
    # Every test below may only say no, so the costliest (the compounds) comes last.
    if mention.spelled or is_small(mention) or mention.approx or not mt_text.strip():
        return False
    if "measure" in _dimensions(mention) and (
        any("measure" in _dimensions(m) for m in mt) or names_a_unit(mt_text)
    ):
        return False  # a measure converted or rounded ("about a foot")
    if (mention.year_like or mention.kind in ("date", "time")) and _relative(mt_text, lang):
        return False
    # not rendered inside a compound: "zwölfsekündige", "zehnfachen"
    return not (mention.kind == "number" and mention.values & number_prefixes(mt_text, lang))


# Units either side whose figures count as present: sentences are split and aligned
# differently on the two sides, and a figure moved to a neighbouring sentence is not lost.
_WINDOW = 3


def compare_numbers(story: StoryContext) -> list[UnitNumbers]:
    """Per unit with an MT side and a source or reference, the numbers that differ."""
    cached = story.memo.get("numbers")
    if cached is None:
        cached = story.memo["numbers"] = _compare_numbers(story)
    return cached  # type: ignore[return-value]


def _compare_numbers(story: StoryContext, fast: bool = True) -> list[UnitNumbers]:
    """``fast``: a unit whose MT is its source or reference, word for word, is known to
    leave no number unmatched (:func:`~checker.numbers.matches_itself`) without reading it
    (the tests compare both ways)."""
    if story.src is not None:
        side, lang = "source", story.src_lang or story.lang
    elif story.ref is not None:
        side, lang = "reference", story.lang
    else:
        return []
    per_unit = []
    for unit in story.units:
        other = unit.src if side == "source" else unit.ref
        if fast and other == unit.mt and lang == story.lang and matches_itself(other):
            per_unit.append((unit, [], [], []))  # its MT mentions serve only a wanted figure
            continue
        mt = find_numbers(unit.mt, story.lang)
        expected = find_numbers(other, lang, strict=True)
        # What each unit leaves unmatched on either side; only these leftovers can
        # answer for a neighbour (a figure repeated in the headline does not).
        per_unit.append((unit, mt, _unmatched(expected, mt), _unmatched(mt, expected)))
    results = []
    for index, (unit, mt, wanted_here, stated_here) in enumerate(per_unit):
        if unit.mt_start is None or not wanted_here:
            continue
        neighbours = per_unit[max(0, index - _WINDOW) : index + _WINDOW + 1]
        near_mt = [m for u, _, _, ms in neighbours if u is not unit for m in ms]
        near_expected = [m for u, _, es, _ in neighbours if u is not unit for m in es]
        wanted = [m for m in _unmatched(wanted_here, near_mt) if not is_trivial(m)]
        stated = [m for m in _unmatched(stated_here, near_expected) if not is_trivial(m)]
        if wanted:
            found = _differences(unit, side, wanted, stated, mt, story.lang)
            if found.changed or found.missing:
                results.append(found)
    return results


def _differences(
    unit: Unit,
    side: str,
    wanted: list[NumberMention],
    stated: list[NumberMention],
    mt: list[NumberMention],
    lang: str,
) -> UnitNumbers:
    changed: list[Change] = []
    unpaired: list[NumberMention] = []
    pool = list(stated)
    for mention in wanted:
        same_kind = [m for m in pool if _comparable(mention, m)]
        sole = len(same_kind) == 1 and sum(_comparable(w, same_kind[0]) for w in wanted) == 1
        currency = next((m for m in pool if mention.currency_differs(m)), None)
        if currency is not None:
            changed.append(Change(mention, currency, currency=True))
            pool.remove(currency)
            continue
        partner = next((m for m in same_kind if _evidence(mention, m, sole)), None)
        if partner is None:
            unpaired.append(mention)
            continue
        changed.append(Change(mention, partner))
        pool.remove(partner)
    missing = [
        m for m in unpaired
        if _clearly_missing(m, unit.mt, mt, lang)
        and not any(_comparable(m, s) or s.kind != m.kind for s in pool)
    ]
    return UnitNumbers(unit, side, changed, missing)


class NumberChanged(Rule):
    """Finds figures that the MT states differently from its source (or reference).

    Numbers are compared as newsrooms write them: `£44m` = `44 Millionen Pfund`,
    `$4.7bn` = `4,7 milliards de dollars`, `5 miles` = `8 km`, `3 p.m.` = `15 Uhr`,
    `5 March` = `le 5 mars`, `ten` = `zehn`, `the 1990s` = `les années 1990`. A change is
    reported only when it is certain: the two figures count the same thing (a currency, a
    unit, a percentage), look alike (`1,500` / `1,600`, `32` / `23`, `billion` / `million`),
    differ only in currency, or are the only unmatched figures of their unit. The finding
    points at the MT's figure; with a reference, the reference's figure is the suggestion.

    ## Why it matters
    A wrong figure is the most damaging error a wire story can carry: casualty counts,
    money, percentages and dates are quoted and re-quoted downstream.

    ## Example
    Source `1.500 millones de euros`, MT `1,600 million euros`; source `2,5 %`, MT `25%`;
    source `£52,000`, MT `52.000 €`.

    ## Use instead
    `1,500 million euros` (or `1.5 billion euros`), `2.5%`, `52.000 Pfund`.
    """

    code = "WC501"
    name = "number-mismatch"
    category = Category.NUMBER
    severity = Severity.ERROR
    fix_title = "State the figure as the source does"
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for found in compare_numbers(story):
            base = found.unit.mt_start or 0
            for change in found.changed:
                wanted, stated = change.wanted, change.stated
                same_side = found.side == "reference" and not change.currency
                suggestion = wanted.text if same_side else None
                what = " (another currency)" if change.currency else ""
                if not what and stated.units and wanted.units != stated.units and any(
                    abs(a - b) < 1e-9 for a in wanted.values for b in stated.values
                ):
                    what = " (another unit)"
                yield Hit(
                    base + stated.start,
                    base + stated.end,
                    f"the MT says {stated.text!r} where the {found.side} says "
                    f"{wanted.text!r}{what}",
                    suggestion=suggestion,
                    unit=found.unit.index,
                )


class NumberMissing(Rule):
    """Finds figures of the source (or reference) that the MT leaves out.

    Reported on the whole MT unit when a figure written in digits has no counterpart in
    the MT unit or the units around it (in any format, in words or converted) and the MT
    states no unmatched figure that could render it. A year, date or time is not
    reported when the MT says "this year", "Friday" or the like; a measure is not
    reported when the MT states it another way ("about a foot"); numbers under ten and
    numbers in words are never reported missing (they are often rephrased).

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
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for found in compare_numbers(story):
            if not found.missing or found.unit.mt_end is None:
                continue
            figures = ", ".join(repr(m.text) for m in found.missing)
            yield Hit(
                found.unit.mt_start or 0,
                found.unit.mt_end,
                f"the {found.side} states {figures}, missing from the MT",
                unit=found.unit.index,
            )
