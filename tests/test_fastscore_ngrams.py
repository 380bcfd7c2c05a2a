"""checker.fastscore.ngram_matches counts clipped n-gram matches exactly.

The fast path stops building n-gram lists once no n-gram repeats on either side and
counts the higher orders from runs of matches along a diagonal; these tests compare
every order against plain counting, on strings made to repeat n-grams (small
alphabets), near-copies (long runs) and unrelated strings.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import fastscore
from checker.fastscore import bleu_stats, ngram_matches


def _plain(hyp: str, ref: str, order: int) -> list[int]:
    out = []
    for n in range(1, order + 1):
        h = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i : i + n] for i in range(len(ref) - n + 1))
        out.append(sum((h & r).values()))
    return out


_SMALL = st.text(alphabet="ab", max_size=30)
_MEDIUM = st.text(alphabet="abcdefgh ", max_size=80)


@settings(max_examples=400, deadline=None, database=None)
@given(hyp=st.one_of(_SMALL, _MEDIUM, st.text(max_size=40)),
       ref=st.one_of(_SMALL, _MEDIUM, st.text(max_size=40)),
       order=st.integers(1, 8))
def test_generated_strings_match_plain_counting(hyp: str, ref: str, order: int) -> None:
    assert ngram_matches(hyp, ref, order) == _plain(hyp, ref, order)


@settings(max_examples=300, deadline=None, database=None)
@given(ref=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=120),
       cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 6), st.text(max_size=4)),
                     max_size=5))
def test_near_copies_match_plain_counting(ref: str, cuts: list) -> None:
    hyp = ref
    for at, width, piece in cuts:  # deletions and insertions: runs broken in places
        at %= len(hyp) + 1
        hyp = hyp[:at] + piece + hyp[at + width :]
    for order in (1, 4, 6, 9):
        assert ngram_matches(hyp, ref, order) == _plain(hyp, ref, order)
        assert ngram_matches(ref, hyp, order) == _plain(ref, hyp, order)


def test_runs_and_repeats_by_hand() -> None:
    # all unique from order 1: one run of 3 then one of 2 ("abc" and "xy")
    assert ngram_matches("abcxy", "xyzabc", 4) == [5, 3, 1, 0]
    assert ngram_matches("aaaa", "aa", 3) == [2, 1, 0]
    assert ngram_matches("abab", "baba", 4) == [4, 2, 2, 0]
    assert ngram_matches("", "abc", 2) == [0, 0]
    assert ngram_matches("abc", "abc", 5) == [3, 2, 1, 0, 0]


def test_random_strings_with_every_kind_of_repeat() -> None:
    rng = random.Random(3)
    for _ in range(500):
        alphabet = rng.choice(["ab", "abc", "abcdefghij", "北京 新华"])
        ref = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        hyp = ref[rng.randint(0, 10) :] + "".join(rng.choice(alphabet) for _ in range(5))
        assert ngram_matches(hyp, ref, 6) == _plain(hyp, ref, 6)


def test_one_side_stops_repeating_orders_before_the_other() -> None:
    """Counts stop once one side has no repeated n-gram: each shared n-gram then matches
    once, whatever the other side repeats; and an order without a match ends the
    counting."""
    rng = random.Random(9)
    distinct = "abcdefghijklmnopqrstuvwxyz0123456789"
    for _ in range(600):
        repeating = "".join(rng.choice(rng.choice(["ab", "abc", "abcd"]))
                            for _ in range(rng.randint(0, 80)))
        unique = "".join(rng.sample(distinct, rng.randint(0, len(distinct))))
        mixed = unique[: rng.randint(0, 12)] + repeating[: rng.randint(0, 20)]
        for hyp, ref in ((repeating, unique), (unique, repeating), (mixed, repeating),
                         (repeating, mixed), (mixed, unique), ("xyz" + unique, repeating)):
            for order in (1, 3, 6, 8):
                assert ngram_matches(hyp, ref, order) == _plain(hyp, ref, order)


@settings(max_examples=200, deadline=None, database=None)
@given(hyp=st.text(alphabet="abcdefgh .,", min_size=150, max_size=900),
       ref=st.text(alphabet="abcdefgh .,", min_size=150, max_size=900))
def test_long_strings_like_regrouped_blocks_match_plain_counting(hyp: str, ref: str) -> None:
    assert ngram_matches(hyp, ref, 6) == _plain(hyp, ref, 6)
    assert ngram_matches(hyp + ref[:200], ref, 6) == _plain(hyp + ref[:200], ref, 6)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_bleu_counts_tokens_when_the_vocabulary_is_too_large_to_encode(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    hyp = ["the", "cat", "sat", "on", "the", "mat", "the", "cat"]
    ref = ["the", "cat", "sat", "on", "a", "mat", "the", "cat", "sat"]
    encoded = bleu_stats(hyp, ref)
    monkeypatch.setattr(fastscore, "_CODES", limit)
    assert bleu_stats(hyp, ref) == encoded == [8, 9, 7, 5, 3, 1, 8, 7, 6, 5]
