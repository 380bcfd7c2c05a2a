"""BLEU and chrF sufficient statistics of one hypothesis/reference pair, extracted once.

sacrebleu stays the reference: the tokenizer is sacrebleu's own object (so 13a, zh,
char, intl and MeCab tokenise exactly as sacrebleu does), and scores are computed from
these statistics by sacrebleu's metric objects. What this module skips is sacrebleu's
per-call machinery (a reference cache per call, the tokenised-input check, one pass over
every n-gram order into a single Counter, the best-of-references search), which costs
more than the counting itself for a sentence pair. The statistics are the very lists
``BLEU._extract_corpus_statistics([hyp], [[ref]])[0]`` and
``CHRF._extract_corpus_statistics([hyp], [[ref]])[0]`` return (``tests/test_fastscore.py``
compares them over random and real pairs), for the default chrF (character order 6,
word order 0, no lowercasing, white space removed) and BLEU without lowercasing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.metrics.bleu import MAX_NGRAM_ORDER

BLEU_ORDER = MAX_NGRAM_ORDER
CHRF_ORDER = CHRF.CHAR_ORDER


def _matches(hyp: Counter, ref: Counter) -> int:
    """Clipped n-gram matches: each hypothesis n-gram counts at most as often as in ref."""
    if len(ref) < len(hyp):
        hyp, ref = ref, hyp
    return sum(min(hyp[gram], ref[gram]) for gram in hyp.keys() & ref.keys())


def _clipped(hyp: list, ref: list) -> int:
    """Clipped matches of two n-gram lists; sets suffice when one side repeats none."""
    hyp_set, ref_set = set(hyp), set(ref)
    if len(hyp_set) == len(hyp) or len(ref_set) == len(ref):
        return len(hyp_set & ref_set)  # min(1, count) is 1 for every shared n-gram
    return _matches(Counter(hyp), Counter(ref))


def _word_grams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return list(zip(*[tokens[i:] for i in range(n)], strict=False))


def bleu_stats(
    hyp_tokens: list[str], ref_tokens: list[str], order: int = BLEU_ORDER
) -> list[int]:
    """``[hyp_len, ref_len, correct_1..n, total_1..n]`` of tokenised, split texts."""
    hyp_len, ref_len = len(hyp_tokens), len(ref_tokens)
    correct = [0] * order
    total = [max(0, hyp_len - n + 1) for n in range(1, order + 1)]
    same = hyp_tokens == ref_tokens
    for n in range(1, order + 1):
        if n > hyp_len or n > ref_len:
            break
        correct[n - 1] = total[n - 1] if same else _clipped(
            _word_grams(hyp_tokens, n), _word_grams(ref_tokens, n)
        )
    return [hyp_len, ref_len, *correct, *total]


def chrf_stats(hyp: str, ref: str, order: int = CHRF_ORDER) -> list[int]:
    """``[hyp, ref, match]`` character n-gram counts per order 1..n, white space removed."""
    hyp = "".join(hyp.split())
    ref = "".join(ref.split())
    same = hyp == ref
    stats: list[int] = []
    for n in range(1, order + 1):
        hyp_count = max(0, len(hyp) - n + 1)
        ref_count = max(0, len(ref) - n + 1)
        if not hyp_count or not ref_count:
            match = 0
        elif same:
            match = hyp_count
        else:
            match = _clipped(
                [hyp[i : i + n] for i in range(hyp_count)],
                [ref[i : i + n] for i in range(ref_count)],
            )
        # sacrebleu counts no hypothesis n-grams of an order the reference lacks
        stats.extend((hyp_count if ref_count else 0, ref_count, match))
    return stats


class FastStats:
    """BLEU and chrF statistics of a pair with the metric objects' settings."""

    def __init__(self, bleu: BLEU, chrf: CHRF) -> None:
        if bleu.lowercase or chrf.lowercase or chrf.whitespace or chrf.word_order:
            raise ValueError("FastStats covers BLEU and chrF with their default options")
        self._tokenize: Callable[[str], str] = bleu.tokenizer
        self._bleu_order = bleu.max_ngram_order
        self._chrf_order = chrf.char_order

    def tokens(self, text: str) -> list[str]:
        """The BLEU tokens of a text, as sacrebleu splits its tokenised segment."""
        return self._tokenize(text.rstrip()).split()

    def pair(self, hyp: str, ref: str) -> dict[str, list[int]]:
        """``{"bleu": [...], "chrf": [...]}`` for one hypothesis and its reference."""
        return {
            "bleu": bleu_stats(self.tokens(hyp), self.tokens(ref), self._bleu_order),
            "chrf": chrf_stats(hyp, ref, self._chrf_order),
        }
