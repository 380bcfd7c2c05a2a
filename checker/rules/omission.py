"""Accuracy rules (WC9xx): content the MT leaves out, or adds.

Evidence comes from the aligned units. The source decides when there is one (it is what
was translated); without it the reference does, with less certainty, because agency
editors drop and add paragraphs of their own. Lengths are compared after calibrating
on the story itself (the MT's length over the source's across every aligned unit), so
the same test holds for any language pair without a table of ratios.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.context import StoryContext
from checker.model import Category, Severity, Unit
from checker.rules.base import Hit, Rule

_NUMBER = re.compile(r"\d")
_QUOTE = re.compile(r"[\"«»“”„「」『』]")
# A capitalised word that does not start its sentence: a name, in cased scripts.
_NAME = re.compile(r"(?<=[\w,;:] )[A-ZÀ-ÞĀ-Ž][\w'’-]+")
_WORDS = re.compile(r"\w+")
# Added text that ends like a sentence is content; chrome and headlines rarely do.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”’)]*\s*$")
_EXCERPT = 90

SUBSTANTIAL = 80
"""Omitted text at least this long (in target-language characters) is a sentence's worth."""
LOADED = 30
"""Shorter omitted text still matters from this length when it has a number, name or quote."""
PARTIAL_RATIO = 0.55
"""A unit whose MT is shorter than this share of its expected length lacks a clause."""
PARTIAL_SHORTFALL = 45
"""...and the missing part must be at least this long (target characters)."""
NAMED_RATIO = 0.75
"""The share that applies instead when a name of the original is missing from the MT."""


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def loaded(text: str) -> bool:
    """Whether text carries a number, a quote or a name."""
    return bool(_NUMBER.search(text) or _QUOTE.search(text) or _NAME.search(text))


@dataclass(frozen=True)
class Ratios:
    """MT length per character of source and of reference, over the story's units."""

    src: float | None
    ref: float | None


def ratios(story: StoryContext) -> Ratios:
    cached = story.memo.get("length-ratios")
    if cached is None:
        both = [u for u in story.units if u.mt]
        mt_src = sum(len(u.mt) for u in both if u.src)
        mt_ref = sum(len(u.mt) for u in both if u.ref)
        src = sum(len(u.src) for u in both if u.src)
        ref = sum(len(u.ref) for u in both if u.ref)
        cached = story.memo["length-ratios"] = Ratios(
            mt_src / src if src >= 200 else None, mt_ref / ref if ref >= 200 else None
        )
    return cached  # type: ignore[return-value]


def _position(units: tuple[Unit, ...], index: int) -> int:
    """Where unit ``index`` (without MT) belongs in the MT: after the previous MT text."""
    for unit in reversed(units[:index]):
        if unit.mt_end is not None:
            return unit.mt_end
    for unit in units[index + 1 :]:
        if unit.mt_start is not None:
            return unit.mt_start
    return 0


@dataclass(frozen=True)
class Gap:
    """One piece of evidence: an omission or addition, its level, and where it points."""

    kind: str  # "omitted", "partial" or "added"
    level: Severity
    start: int
    end: int
    message: str
    unit: int


def gaps(story: StoryContext) -> list[Gap]:
    """Every omission and addition of the story (shared by the WC9xx rules)."""
    cached = story.memo.get("gaps")
    if cached is None:
        cached = story.memo["gaps"] = list(_gaps(story)) if story.mt.sentences else []
    return cached  # type: ignore[return-value]


def _gaps(story: StoryContext) -> Iterator[Gap]:
    ratio = ratios(story)
    by_source = story.src is not None
    side = "source" if by_source else "reference"
    truncated = dict(_truncations(story, ratio))
    for index, unit in enumerate(story.units):
        if index in truncated:
            yield truncated[index]
            continue
        if unit.mt_start is None:
            missing = unit.src if by_source else unit.ref
            if len(_WORDS.findall(missing)) < 2 or index + 1 in truncated or (
                index - 1 in truncated
            ):
                continue
            length = len(missing) * ((ratio.src or 1.0) if by_source else 1.0)
            shown = unit.ref or missing
            beside = _beside_addition(story.units, index)
            if not (length >= SUBSTANTIAL or (length >= LOADED and loaded(shown))):
                level = Severity.INFO
            elif by_source:
                level = Severity.WARNING if beside else Severity.ERROR
            else:
                level = Severity.INFO if beside else Severity.WARNING
            at = _position(story.units, index)
            yield Gap("omitted", level, at, at,
                      f"the translation lacks this {side} text: “{excerpt(shown)}”", unit.index)
        elif unit.mt_end is not None:
            yield from _partial_or_added(story, unit, ratio)


def _partial_or_added(story: StoryContext, unit: Unit, ratio: Ratios) -> Iterator[Gap]:
    assert unit.mt_start is not None and unit.mt_end is not None
    candidates = (("source", unit.src, ratio.src), ("reference", unit.ref, ratio.ref))
    sides = [
        (name, len(text) * scale) for name, text, scale in candidates if text and scale is not None
    ]
    if not unit.src and not unit.ref:
        words = len(_WORDS.findall(unit.mt))
        if story.src is None or words < 3 or not _SENTENCE_END.search(unit.mt):
            return  # lines that do not end like a sentence are chrome (WC3xx) or headings
        level = Severity.WARNING if words >= 8 and len(unit.mt) >= SUBSTANTIAL else Severity.INFO
        yield Gap("added", level, unit.mt_start, unit.mt_end,
                  "the source has nothing for this text", unit.index)
        return
    if not sides or not _may_be_short(len(unit.mt), sides):
        return  # short under neither limit: the names lost cannot matter
    lost = _lost_names(unit.src or unit.ref, unit.mt)
    limit = NAMED_RATIO if lost else PARTIAL_RATIO
    short = [
        (name, expected) for name, expected in sides
        if len(unit.mt) < limit * expected and expected - len(unit.mt) >= PARTIAL_SHORTFALL
    ]
    if not short or len(short) < len(sides):
        return  # every side with text must find the MT too short
    name, expected = short[0]
    message = f"the translation is {1 - len(unit.mt) / expected:.0%} shorter than its {name}"
    if lost:
        message += f" and lacks {', '.join(lost[:3])}"
    lacking = _longest_deletion(unit)
    if lacking:
        message += f"; the reference has “{excerpt(lacking)}” here"
    yield Gap("partial", Severity.WARNING, unit.mt_start, unit.mt_end, message, unit.index)


def _may_be_short(length: int, sides: list[tuple[str, float]]) -> bool:
    """Whether an MT unit of ``length`` characters is too short for one of ``sides``
    (name, expected length) under the more lenient of the two ratios: else it is too
    short for none, whichever names it lost, and those need not be looked for."""
    limit = max(NAMED_RATIO, PARTIAL_RATIO)
    return any(
        length < limit * expected and expected - length >= PARTIAL_SHORTFALL
        for _, expected in sides
    )


def _truncations(story: StoryContext, ratio: Ratios) -> Iterator[tuple[int, Gap]]:
    """An MT-only unit beside a unit the MT lacks, and far shorter than it: one sentence
    cut short (too short to be aligned with its original), not an addition and an
    omission. Reported as a partial omission on the MT unit."""
    units = story.units
    by_source = story.src is not None
    for index, unit in enumerate(units):
        if unit.mt_start is None or unit.mt_end is None or (unit.src if by_source else unit.ref):
            continue
        for other in (index - 1, index + 1):
            if not 0 <= other < len(units) or units[other].mt_start is not None:
                continue
            missing = units[other].src if by_source else units[other].ref
            scale = (ratio.src or 1.0) if by_source else 1.0
            expected = len(missing) * scale
            if not missing or len(unit.mt) >= PARTIAL_RATIO * expected or (
                expected - len(unit.mt) < PARTIAL_SHORTFALL
            ):
                continue
            name = "source" if by_source else "reference"
            shown = units[other].ref or missing
            yield index, Gap(
                "partial", Severity.WARNING, unit.mt_start, unit.mt_end,
                f"the translation is {1 - len(unit.mt) / expected:.0%} shorter than its "
                f"{name}: “{excerpt(shown)}”",
                unit.index,
            )
            break


def _lost_names(original: str, mt: str) -> list[str]:
    """Names of ``original`` (capitalised words inside a sentence) the MT never writes."""
    have = {word.lower()[:5] for word in _WORDS.findall(mt)}
    lost: list[str] = []
    for match in _NAME.finditer(original):
        name = match.group().rstrip("'’-")
        if name.lower()[:5] not in have and name not in lost:
            lost.append(name)
    return lost


def _longest_deletion(unit: Unit) -> str:
    deleted = [text for op, text in unit.diff if op == "delete" and len(_WORDS.findall(text)) >= 3]
    return max(deleted, key=len, default="")


def _beside_addition(units: tuple[Unit, ...], index: int) -> bool:
    """An MT-only unit next to the omission: perhaps one misplaced sentence, not two."""
    return any(
        0 <= k < len(units) and units[k].mt and not units[k].src and not units[k].ref
        for k in (index - 1, index + 1)
    )


class _GapRule(Rule):
    kind = ""
    level = Severity.INFO

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for gap in gaps(story):
            if gap.kind == self.kind and gap.level == self.level:
                yield Hit(gap.start, gap.end, gap.message, unit=gap.unit)


class OmittedSentence(_GapRule):
    """Finds a sentence of the source the MT leaves out.

    A unit with source text and no MT, a sentence's worth long (or shorter but carrying
    a number, a name or a quote). The finding has no width: it sits where the text
    belongs in the MT, after the last translated sentence before it, and quotes the
    missing text (from the reference when there is one, else from the source).

    ## Why it matters
    A dropped sentence is the most serious damage an editor can miss: nothing on the
    page looks wrong, and a quote, a toll or a denial is simply gone.

    ## Example
    The source has `Le ministère a démenti toute négociation avec les ravisseurs.`
    between two translated sentences; the MT goes straight from one to the other.

    ## Use instead
    Translate the missing sentence and insert it where the finding points.
    """

    code = "WC901"
    name = "omitted-sentence"
    category = Category.ACCURACY
    severity = Severity.ERROR
    fix_title = "Translate the missing sentence"
    kind, level = "omitted", Severity.ERROR


class LikelyOmittedSentence(_GapRule):
    """Finds a sentence of the reference the MT lacks, when no source can confirm it.

    As WC901, judged from the reference alone (agency editors sometimes add a sentence
    of their own), or from the source next to an MT sentence the aligner could not place
    (perhaps one sentence misplaced rather than one dropped).

    ## Why it matters
    Most often the engine dropped a sentence; the reference is the only witness.

    ## Example
    The reference has `Police said two officers were hurt.` between two sentences the
    MT has; the MT has nothing there.

    ## Use instead
    Check the source; translate the sentence if it is there.
    """

    code = "WC902"
    name = "likely-omitted-sentence"
    category = Category.ACCURACY
    severity = Severity.WARNING
    fix_title = "Check the source and translate the missing sentence"
    kind, level = "omitted", Severity.WARNING


class OmittedFragment(_GapRule):
    """Finds a few words of the source or reference with no counterpart in the MT.

    Short lines (a byline, a subheading, a photo credit) are often left out on
    purpose, so this is information only.

    ## Why it matters
    A dropped subheading or credit line is worth a glance, not a failed build.

    ## Example
    The reference has a subheading `- Global attention -` the MT lacks.

    ## Use instead
    Restore the line if the house style keeps it.
    """

    code = "WC903"
    name = "omitted-fragment"
    category = Category.ACCURACY
    severity = Severity.INFO
    fix_title = "Restore the line if it belongs in the story"
    kind, level = "omitted", Severity.INFO


class PartialOmission(_GapRule):
    """Finds an aligned unit whose MT is far shorter than its source and reference.

    Lengths are calibrated on the story (the MT's length per source or reference
    character over all aligned units); a unit shorter than 55% of its expected length,
    by at least a clause's worth of characters, on every side that has text, has most
    likely lost a clause. The message quotes the longest run of reference words the MT
    lacks.

    ## Why it matters
    An engine that drops the second half of a sentence leaves a grammatical, plausible
    sentence that says less than the original: a condition, an attribution or a figure.

    ## Example
    Source `The minister resigned on Monday after a week of protests over the fuel
    tax, which she had defended until the end.`, MT `The minister resigned on Monday.`

    ## Use instead
    Translate the sentence in full.
    """

    code = "WC904"
    name = "partial-omission"
    category = Category.ACCURACY
    severity = Severity.WARNING
    fix_title = "Translate the whole sentence"
    kind, level = "partial", Severity.WARNING


class AddedSentence(_GapRule):
    """Finds a sentence of the MT with no counterpart in the source (or the reference).

    Reported when a source is given, the unit is a sentence's worth long, and the
    reference (if any) lacks it too. Shorter additions are WC906 (information).

    ## Why it matters
    Engines invent text: a repeated sentence, a hallucinated quote, a line of page
    chrome that survived. Published, it puts words in a source's mouth.

    ## Example
    The MT has `The ministry said more details would follow on Tuesday.` where the
    source has nothing.

    ## Use instead
    Delete the sentence unless the source supports it.
    """

    code = "WC905"
    name = "added-sentence"
    category = Category.ACCURACY
    severity = Severity.WARNING
    fix_title = "Delete the sentence unless the source has it"
    kind, level = "added", Severity.WARNING


class AddedFragment(_GapRule):
    """Finds a short sentence of MT with no counterpart in the source.

    Information only. Lines that do not end like a sentence (site names, prompts,
    credits, update tags) are left to the WC3xx rules, which recognise chrome.

    ## Why it matters
    A short sentence nobody translated came from somewhere else: the page, or the
    engine repeating or inventing a line.

    ## Example
    The MT has `Traffic remains disrupted.` where the source has nothing.

    ## Use instead
    Delete the sentence unless the source supports it.
    """

    code = "WC906"
    name = "added-fragment"
    category = Category.ACCURACY
    severity = Severity.INFO
    fix_title = "Delete the sentence unless the source has it"
    kind, level = "added", Severity.INFO
