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

import re
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Sequence
from operator import add

from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.metrics.bleu import MAX_NGRAM_ORDER
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

from checker.memo import trim

BLEU_ORDER = MAX_NGRAM_ORDER
CHRF_ORDER = CHRF.CHAR_ORDER


def _clipped(hyp: Counter, ref: Counter) -> int:
    """Clipped matches: each hypothesis n-gram counts at most as often as in ref."""
    common = hyp.keys() & ref.keys()
    return sum(map(min, map(hyp.__getitem__, common), map(ref.__getitem__, common)))


def _diagonal_runs(hyp_grams: list[str], ref_grams: list[str]) -> list[int]:
    """Lengths of the runs of consecutive hypothesis n-grams found at consecutive
    reference positions, when no n-gram repeats on either side."""
    where = dict(zip(ref_grams, range(len(ref_grams)), strict=True))
    runs: list[int] = []
    run = 0
    previous = -2
    for j in map(where.get, hyp_grams):
        if j is None:
            previous = -2
        else:
            if j == previous + 1:
                run += 1
            else:
                if run:
                    runs.append(run)
                run = 1
            previous = j
            continue
        if run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    return runs


def _counts(grams: Sequence[str], keys_only: bool) -> dict[str, int]:
    """Each n-gram's count (or just the n-grams, all counted 1, with ``keys_only``)."""
    if keys_only:
        return dict.fromkeys(grams, 1)
    counts: dict[str, int] = {}
    _count_elements(counts, grams)  # Counter's own C loop, without Counter's overhead
    return counts


def ngram_matches(hyp: str, ref: str, order: int) -> list[int]:
    """Clipped matches of the character n-grams of two strings, for n = 1..order.

    Orders either string is too short for get 0, and so do the orders above one that
    has no match. Each order's n-grams are built from the previous order's by appending
    one character. Once no n-gram of some order repeats on one side, none of a higher
    order does (each shared n-gram then matches once, so neither side needs counts);
    once none repeats on either side, an (n+d)-gram at hypothesis position i matches
    exactly when the n-grams at i..i+d are found at consecutive reference positions:
    the higher orders are then counted from the lengths of those diagonal runs (a run
    of k positions holds k - d matches of order n+d) instead of from new n-gram lists.
    """
    top = min(order, len(hyp), len(ref))
    matches = [0] * order
    if hyp == ref:
        return [len(hyp) - n + 1 if n <= top else 0 for n in range(1, order + 1)]
    hyp_grams: Sequence[str] = hyp
    ref_grams: Sequence[str] = ref
    hyp_unique = ref_unique = False
    for n in range(1, top + 1):
        if n > 1:
            hyp_grams = list(map(add, hyp_grams[:-1], hyp[n - 1 :]))
            ref_grams = list(map(add, ref_grams[:-1], ref[n - 1 :]))
        keys_only = hyp_unique or ref_unique  # counts matter only while both repeat
        hyp_counts = _counts(hyp_grams, keys_only)
        ref_counts = _counts(ref_grams, keys_only)
        hyp_unique = len(hyp_counts) == len(hyp_grams)
        ref_unique = len(ref_counts) == len(ref_grams)
        if hyp_unique and ref_unique:
            runs = _diagonal_runs(list(hyp_grams), list(ref_grams))
            for d in range(top - n + 1):
                matches[n - 1 + d] = sum(k - d for k in runs if k > d)
            return matches
        common = hyp_counts.keys() & ref_counts.keys()
        if not common:
            return matches
        if hyp_unique or ref_unique:  # min(1, count) is 1 for every shared n-gram
            matches[n - 1] = len(common)
        else:
            matches[n - 1] = sum(
                map(min, map(hyp_counts.__getitem__, common), map(ref_counts.__getitem__, common))
            )
    return matches


_CODES = 0x110000


def _encode(hyp_tokens: list[str], ref_tokens: list[str]) -> tuple[str, str] | None:
    """Both token lists as strings of one character per distinct token (None when
    there are more distinct tokens than characters)."""
    vocabulary = dict.fromkeys(hyp_tokens + ref_tokens)
    if len(vocabulary) > _CODES:
        return None
    codes = dict(zip(vocabulary, map(chr, range(len(vocabulary))), strict=True))
    return "".join(map(codes.__getitem__, hyp_tokens)), "".join(map(codes.__getitem__, ref_tokens))


def _tuple_matches(hyp_tokens: list[str], ref_tokens: list[str], order: int) -> list[int]:
    """:func:`ngram_matches` over token tuples, for vocabularies too large to encode."""
    matches = [0] * order
    for n in range(1, min(order, len(hyp_tokens), len(ref_tokens)) + 1):
        matches[n - 1] = _clipped(
            Counter(zip(*[hyp_tokens[i:] for i in range(n)], strict=False)),
            Counter(zip(*[ref_tokens[i:] for i in range(n)], strict=False)),
        )
    return matches


def bleu_stats(
    hyp_tokens: list[str], ref_tokens: list[str], order: int = BLEU_ORDER
) -> list[int]:
    """``[hyp_len, ref_len, correct_1..n, total_1..n]`` of tokenised, split texts."""
    hyp_len, ref_len = len(hyp_tokens), len(ref_tokens)
    total = [max(0, hyp_len - n + 1) for n in range(1, order + 1)]
    encoded = _encode(hyp_tokens, ref_tokens)
    correct = (
        ngram_matches(*encoded, order) if encoded is not None
        else _tuple_matches(hyp_tokens, ref_tokens, order)
    )
    return [hyp_len, ref_len, *correct, *total]


def chrf_stats(hyp: str, ref: str, order: int = CHRF_ORDER) -> list[int]:
    """``[hyp, ref, match]`` character n-gram counts per order 1..n, white space removed."""
    hyp = "".join(hyp.split())
    ref = "".join(ref.split())
    matches = ngram_matches(hyp, ref, order)
    stats: list[int] = []
    for n in range(1, order + 1):
        hyp_count = max(0, len(hyp) - n + 1)
        ref_count = max(0, len(ref) - n + 1)
        # sacrebleu counts no hypothesis n-grams of an order the reference lacks
        stats.extend((hyp_count if ref_count else 0, ref_count, matches[n - 1]))
    return stats


_13A_RULES = (
    (r"([\{-\~\[-\` -\&\(-\+\:-\@\/])", r" \1 "),
    (r"([^0-9])([\.,])", r"\1 \2 "),
    (r"([\.,])([^0-9])", r" \1 \2"),
    (r"([0-9])(-)", r"\1 \2 "),
)
"""sacrebleu's 13a substitutions, as :class:`Fast13a` expects to find them."""
_13A_MEMO = 1 << 16
_PERIOD_RUNS = re.compile(r"[.,]+")
_DIGITS = frozenset("0123456789")


class Fast13a:
    """sacrebleu's 13a tokenizer, its output split into tokens, with the same result.

    Its first substitution pads every character of one ASCII class with spaces: that is
    a ``str.translate`` table, built from sacrebleu's own pattern. The next two put
    spaces around periods and commas depending on their neighbours; what they make of a
    run of periods and commas depends only on the run and on whether the characters
    either side of it are digits (their matches all hold a period or comma, and the
    characters next to a run are neither), so each run is replaced by what sacrebleu's
    own two substitutions make of it between stand-in neighbours (memoised per run and
    neighbours). The dash substitution runs as sacrebleu runs it, skipped without a
    dash (a substitution that finds nothing changes nothing). sacrebleu joins the
    tokens with single spaces, which splitting undoes. Raises ``ValueError`` when the
    tokenizer is not sacrebleu's 13a as known here (then sacrebleu's own object is used).
    """

    def __init__(self, tokenizer: object) -> None:
        rules = getattr(getattr(tokenizer, "_post_tokenizer", None), "_re", None)
        if type(tokenizer) is not Tokenizer13a or rules is None or tuple(
            (regex.pattern, repl) for regex, repl in rules
        ) != _13A_RULES:
            raise ValueError("not sacrebleu's 13a tokenizer")
        padded = rules[0][0]
        self._pad = {c: f" {chr(c)} " for c in range(0x80) if padded.fullmatch(chr(c))}
        self._rules = [(regex.sub, repl) for regex, repl in rules[1:]]
        self._memo: dict[str, list[str]] = {}
        self._spaced: dict[tuple[str, str, str], str] = {}

    def _spaced_run(self, match: re.Match[str]) -> str:
        """A run of periods and commas as sacrebleu's period and comma rules space it."""
        text, (start, end) = match.string, match.span()
        left = ("0" if text[start - 1] in _DIGITS else "a") if start else ""
        right = ("0" if text[end] in _DIGITS else "a") if end < len(text) else ""
        key = (left, match.group(), right)
        spaced = self._spaced.get(key)
        if spaced is None:
            (before, before_repl), (after, after_repl), _ = self._rules
            out = after(after_repl, before(before_repl, "".join(key)))
            spaced = out[len(left) : len(out) - len(right)]
            trim(self._spaced, _13A_MEMO)[key] = spaced
        return spaced

    def __call__(self, line: str) -> list[str]:
        """The tokens of ``line``: ``Tokenizer13a()(line).split()``."""
        tokens = self._memo.get(line)
        if tokens is not None:
            return tokens
        text = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
        if "&" in text:
            text = (
                text.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">")
            )
        text = f" {text} ".translate(self._pad)
        if "." in text or "," in text:
            text = _PERIOD_RUNS.sub(self._spaced_run, text)
        if "-" in text:
            dash, dash_repl = self._rules[2]
            text = dash(dash_repl, text)
        tokens = text.split()
        trim(self._memo, _13A_MEMO)[line] = tokens
        return tokens


class FastStats:
    """BLEU and chrF statistics of a pair with the metric objects' settings."""

    def __init__(self, bleu: BLEU, chrf: CHRF) -> None:
        if bleu.lowercase or chrf.lowercase or chrf.whitespace or chrf.word_order:
            raise ValueError("FastStats covers BLEU and chrF with their default options")
        self._tokenize: Callable[[str], str] = bleu.tokenizer
        self._split: Callable[[str], list[str]] | None
        try:
            self._split = Fast13a(bleu.tokenizer)
        except ValueError:
            self._split = None
        self._bleu_order = bleu.max_ngram_order
        self._chrf_order = chrf.char_order

    def tokens(self, text: str) -> list[str]:
        """The BLEU tokens of a text, as sacrebleu splits its tokenised segment (callers
        must not change the list: 13a's are memoised)."""
        if self._split is not None:
            return self._split(text.rstrip())
        return self._tokenize(text.rstrip()).split()

    def pair(self, hyp: str, ref: str) -> dict[str, list[int]]:
        """``{"bleu": [...], "chrf": [...]}`` for one hypothesis and its reference."""
        return {
            "bleu": bleu_stats(self.tokens(hyp), self.tokens(ref), self._bleu_order),
            "chrf": chrf_stats(hyp, ref, self._chrf_order),
        }
