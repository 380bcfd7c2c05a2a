"""Score rules (WC8xx): units that drift far from their reference."""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule


class LowChrf(Rule):
    """Finds aligned units whose chrF against the reference falls below a threshold.

    The threshold is `chrf-threshold` (default 20). Only units with text on both sides
    are scored; a unit that exists on one side only is an omission or an addition, not
    a low score. Units too short to score reliably (under 20 characters) are skipped.

    ## Why it matters
    A very low chrF against the agency's own version usually means a mistranslation,
    a garbled sentence, or a sentence that says something else entirely.

    ## Example
    MT `The minister denied any plan to resign.` against the reference
    `The minister announced she would step down next month.`

    ## Use instead
    Compare with the reference and the source and retranslate the unit.
    """

    code = "WC801"
    name = "low-chrf"
    category = Category.SCORE
    severity = Severity.WARNING
    fix_title = "Compare with the reference and retranslate"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        threshold = float(self.options.get("chrf-threshold", self.settings.chrf_threshold))
        for unit in story.units:
            if unit.chrf is None or unit.mt_start is None or unit.mt_end is None:
                continue
            if min(len(unit.mt), len(unit.ref)) < 20 or unit.chrf >= threshold:
                continue
            yield Hit(
                unit.mt_start,
                unit.mt_end,
                f"chrF {unit.chrf:.1f} against the reference is below {threshold:g}",
                unit=unit.index,
            )
