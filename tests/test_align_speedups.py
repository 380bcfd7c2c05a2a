"""The aligner's shortcuts change nothing: pruned merges, trigram overlaps from numpy.

``align`` skips a many-to-one bead whose fixed penalties alone already lose to the
cell's best move, and :class:`MonolingualSimilarity` reads pair overlaps, Dice scores and
a merge's parts test from matrix products (:mod:`checker.trigrams`). Both are compared
here with the plain computation on trigram sets, on random stories built from a small
vocabulary (many near-alike sentences, so merges and skips are both in play).
"""

from __future__ import annotations

import math
import random

import pytest

from checker import align as align_module
from checker.align import align_texts
from checker.similarity import _CONTAINMENT, CrossLingualSimilarity, MonolingualSimilarity
from checker.similarity import _words as sim_words
from checker.trigrams import TrigramOverlap

_WORDS = [
    "the", "talks", "on", "the", "border", "resumed", "in", "Geneva", "on", "Friday",
    "after", "police", "said", "that", "officials", "from", "both", "sides", "met",
    "1,500", "troops", "and", "3.5", "million", "people",
]


def _sentences(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 14))]
        out.append(" ".join(words).capitalize() + ("." if words else ""))
    return out


def _story(seed: int) -> tuple[list[str], list[str], tuple[list[int], list[int]]]:
    rng = random.Random(seed)
    a = _sentences(rng, rng.randint(0, 25))
    b = [s for s in a if rng.random() > 0.2]  # drops, rewrites and additions
    b = [(s + " " + rng.choice(_WORDS)) if rng.random() < 0.3 else s for s in b]
    for _ in range(rng.randint(0, 4)):
        b.insert(rng.randint(0, len(b)), _sentences(rng, 1)[0])
    para_a = sorted(rng.randint(0, 4) for _ in a)
    para_b = sorted(rng.randint(0, 4) for _ in b)
    return a, b, (para_a, para_b)


@pytest.mark.parametrize("seed", range(60))
def test_pruning_merges_gives_the_same_beads(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    a, b, paragraphs = _story(seed)
    for same_language in (True, False):
        for paras in (paragraphs, None):
            pruned = align_texts(a, b, same_language, paras)
            with monkeypatch.context() as patch:
                patch.setattr(align_module, "_SLACK", math.inf)  # never prune
                plain = align_texts(a, b, same_language, paras)
            assert pruned == plain


def _trigram_set(words: list[str]) -> frozenset[str]:
    padded = f" {' '.join(words)} "
    return frozenset(padded[k : k + 3] for k in range(len(padded) - 2))


def _plain_parts(sim: MonolingualSimilarity, a: range, b: range) -> bool:
    ga = [sim.trigrams.set_a(i) for i in range(len(sim.a))]
    gb = [sim.trigrams.set_b(j) for j in range(len(sim.b))]
    union_a = frozenset().union(*(ga[i] for i in a))
    union_b = frozenset().union(*(gb[j] for j in b))
    for parts, side, target in ((ga, a, union_b), (gb, b, union_a)):
        if len(side) < 2:
            continue
        for k in side:
            if parts[k] and len(parts[k] & target) < _CONTAINMENT * len(parts[k]):
                return False
    return True


@pytest.mark.parametrize("seed", range(30))
def test_overlap_counts_match_string_trigram_sets(seed: int) -> None:
    a, b, _ = _story(seed)
    a.append("Ünïcödé «straße» 東京 \U0001f600 x")  # code points past two bytes
    wa, wb = [sim_words(t) for t in a], [sim_words(t) for t in b]
    sets_a, sets_b = [_trigram_set(w) for w in wa], [_trigram_set(w) for w in wb]
    for block_size in (None, 1, 4):
        overlap = TrigramOverlap(wa, wb, block_size)
        assert overlap.sizes_a == [len(g) for g in sets_a]
        assert overlap.sizes_b == [len(g) for g in sets_b]
        assert [len(overlap.set_a(i)) for i in range(len(a))] == overlap.sizes_a
        size = overlap.block_size
        for i in range(len(a)):
            for j in range(len(b)):
                block = overlap.block(i // size, j // size)
                if overlap.single is None:
                    block = block[: size, : size]
                    i_, j_ = i % size, j % size
                else:
                    i_, j_ = i, j
                assert block[i_][j_] == len(sets_a[i] & sets_b[j])
                assert len(overlap.set_a(i) & overlap.set_b(j)) == len(sets_a[i] & sets_b[j])


@pytest.mark.parametrize("seed", range(30))
def test_merge_parts_and_similarities_match_plain_sets(seed: int) -> None:
    rng = random.Random(seed)
    a, b, _ = _story(seed)
    if not a or not b:
        return
    sim = MonolingualSimilarity(a, b, rng.choice([None, 2, 5]))
    spans = []
    for _ in range(200):
        da, db = rng.choice([(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (1, 3), (0, 1), (2, 0)])
        i, j = rng.randint(0, max(0, len(a) - da)), rng.randint(0, max(0, len(b) - db))
        spans.append((range(i, min(len(a), i + da)), range(j, min(len(b), j + db))))
    for ra, rb in spans:
        if rng.random() < 0.5 and len(ra) == len(rb) == 1:
            sim.pair(ra.start, rb.start)  # overlaps counted before or not at all
        assert sim.parts_match(ra, rb) == _plain_parts(sim, ra, rb)
        union_a = frozenset().union(*(sim.trigrams.set_a(i) for i in ra))
        union_b = frozenset().union(*(sim.trigrams.set_b(j) for j in rb))
        want = 0.0 if not union_a or not union_b else (
            2 * len(union_a & union_b) / (len(union_a) + len(union_b))
        )
        assert sim(ra, rb) == want


def test_anchor_keys_are_the_long_words() -> None:
    sim = MonolingualSimilarity(["The Geneva talks, on Friday."], ["Talks in GENEVA"])
    assert sim.anchor_keys() == ([{"geneva", "talks", "friday"}], [{"talks", "geneva"}])
    cross = CrossLingualSimilarity(["Geneva 1,500"], ["Genf 1.500"])
    assert cross.anchor_keys() == ([{"1500"}], [{"1500"}])


def test_bit_counts_agree_with_and_without_numpy_bitwise_count() -> None:
    import numpy as np

    from checker.trigrams import bit_counts

    rng = np.random.default_rng(7)
    words = rng.integers(0, 2**63, size=(5, 4, 3), dtype=np.int64).astype(np.uint64)
    words[0, 0, 0] = np.uint64(2**64 - 1)
    want = [[sum(bin(int(w)).count("1") for w in row) for row in plane] for plane in words]
    assert bit_counts(words).tolist() == want
    assert bit_counts(words, fast=False).tolist() == want
