"""The rewritten aligner gives the beads of the one it replaced, on many stories.

The dynamic programme and the trigram similarity as they stood before they were made
faster (written out rows, numpy overlap counts in blocks) are kept here as references,
and compared with the current code on random stories (many near-alike sentences, so
merges, skips and paragraph costs all come into play) and on the synthetic wire feed.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence

import pytest

from checker import align as align_module
from checker.align import _MERGE_FLOOR, _SHAPE_PENALTY, AlignSettings, _band, align, align_texts
from checker.beads import Bead
from checker.similarity import (
    _CONTAINMENT,
    CrossLingualSimilarity,
    MonolingualSimilarity,
    Similarity,
    find_anchors,
)

MATCH_SHAPES = ((1, 1), (1, 2), (2, 1), (2, 2))
_DIAGONAL = 0.5
_SLACK = 1e-9
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trigrams(words: list[str]) -> frozenset[str]:
    """Character trigrams of the words, joined and padded by single spaces."""
    squashed = " ".join(words)
    padded = f" {squashed} "
    return frozenset([padded[i : i + 3] for i in range(len(padded) - 2)])


class ReferenceMonolingual(Similarity):
    """The trigram similarity before numpy: frozensets of strings, counted pair by pair."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        self.a, self.b = list(a), list(b)
        self._wa = [_words(t) for t in self.a]
        self._wb = [_words(t) for t in self.b]
        self._ga = [_trigrams(w) for w in self._wa]
        self._gb = [_trigrams(w) for w in self._wb]
        # Beads span one or two sentences: the unions of neighbours, made when needed.
        self._ga2: dict[int, frozenset[str]] = {}
        self._gb2: dict[int, frozenset[str]] = {}
        # Trigrams shared by A sentence i and B sentence j, as ``pair`` counted them.
        self._shared: dict[tuple[int, int], int] = {}

    @staticmethod
    def _grams(
        single: list[frozenset[str]], double: dict[int, frozenset[str]], span: range
    ) -> frozenset[str]:
        if len(span) == 1:
            return single[span.start]
        if len(span) == 2:
            union = double.get(span.start)
            if union is None:
                union = double[span.start] = single[span.start] | single[span.start + 1]
            return union
        return frozenset().union(*(single[i] for i in span))

    @staticmethod
    def _dice(ga: frozenset[str], gb: frozenset[str]) -> float:
        if not ga or not gb:
            return 0.0
        return 2 * len(ga & gb) / (len(ga) + len(gb))

    def __call__(self, a: range, b: range) -> float:
        return self._dice(self._grams(self._ga, self._ga2, a), self._grams(self._gb, self._gb2, b))

    def pair(self, i: int, j: int) -> float:
        ga, gb = self._ga[i], self._gb[j]
        if not ga or not gb:
            return 0.0
        shared = self._shared[(i, j)] = len(ga & gb)
        return 2 * shared / (len(ga) + len(gb))

    def _count_shared(self, i: int, j: int) -> int:
        """Trigrams A sentence ``i`` shares with B sentence ``j`` (counted once)."""
        shared = self._shared.get((i, j))
        if shared is None:
            shared = self._shared[(i, j)] = len(self._ga[i] & self._gb[j])
        return shared

    def parts_match(self, a: range, b: range) -> bool:
        if len(b) == 1:  # 2-1: each A sentence against one B sentence
            if len(a) < 2:
                return True
            j = b.start
            for i in a:
                part = self._ga[i]
                if part and self._count_shared(i, j) < _CONTAINMENT * len(part):
                    return False
            return True
        if len(a) == 1:  # 1-2
            i = a.start
            for j in b:
                part = self._gb[j]
                if part and self._count_shared(i, j) < _CONTAINMENT * len(part):
                    return False
            return True
        for singles, side, others, other_doubles, other in (
            (self._ga, a, self._gb, self._gb2, b),
            (self._gb, b, self._ga, self._ga2, a),
        ):
            target = self._grams(others, other_doubles, other)
            for index in side:
                part = singles[index]
                if part and len(part & target) < _CONTAINMENT * len(part):
                    return False
        return True

    def anchor_keys(self) -> tuple[list[set[str]], list[set[str]]]:
        def keys(words: list[list[str]]) -> list[set[str]]:
            return [{w for w in ws if len(w) > 3} for ws in words]

        return keys(self._wa), keys(self._wb)


def reference_align(
    n: int,
    m: int,
    similarity: Callable[[range, range], float],
    anchors: list[tuple[int, int]] | None = None,
    settings: AlignSettings = AlignSettings(),  # noqa: B008
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """The aligner before its rewrite: dictionaries, closures and a loop over shapes."""
    if n == 0 or m == 0:
        return [Bead(i, i + 1, 0, 0) for i in range(n)] + [Bead(n, n, j, j + 1) for j in range(m)]
    band = _band(n, m, anchors or [], settings.band)
    inf = math.inf
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    skip = settings.skip_cost
    pairs: dict[int, float] = {}  # 1-1 similarities, keyed x * (m + 1) + y
    width = m + 1
    pair = similarity.pair if isinstance(similarity, Similarity) else None
    para_a, para_b = paragraphs if paragraphs is not None else ((), ())
    use_paragraphs = len(para_a) == n and len(para_b) == m
    # closes_x[k]: a bead ending before sentence k ends a paragraph on that side.
    closes_a = [k == n or (k > 0 and para_a[k] != para_a[k - 1]) for k in range(n + 1)] if (
        use_paragraphs
    ) else []
    closes_b = [k == m or (k > 0 and para_b[k] != para_b[k - 1]) for k in range(m + 1)] if (
        use_paragraphs
    ) else []
    cross_cost, edge_cost = settings.paragraph_cross, settings.paragraph_edge

    def layout(pi: int, i: int, pj: int, j: int) -> float:
        """Extra cost of bead a[pi:i] x b[pj:j] for the paragraph layout."""
        extra = edge_cost if closes_a[i] != closes_b[j] else 0.0
        if (para_a[pi] != para_a[i - 1]) != (para_b[pj] != para_b[j - 1]):
            extra += cross_cost
        return extra
    parts = similarity.parts_match if isinstance(similarity, Similarity) else None

    def one_to_one(x: int, y: int) -> float:
        key = x * width + y
        value = pairs.get(key)
        if value is None:
            value = pair(x, y) if pair else similarity(range(x, x + 1), range(y, y + 1))
            pairs[key] = value
        return value

    def merge_possible(pi: int, pj: int, da: int, db: int) -> bool:
        """Whether any sentence pair inside a many-to-one bead is alike at all."""
        key = pi * width + pj
        best = pairs.get(key)
        if best is None:
            best = one_to_one(pi, pj)
        if db == 1:  # 2-1
            other = pairs.get(key + width)
            best = max(best, one_to_one(pi + 1, pj) if other is None else other)
        elif da == 1:  # 1-2
            other = pairs.get(key + 1)
            best = max(best, one_to_one(pi, pj + 1) if other is None else other)
        else:  # 2-2
            diagonal = one_to_one(pi + 1, pj + 1)
            if max(best, diagonal) >= _DIAGONAL:
                return False  # a 1-1 bead explains part of it: no 2-2 needed
            best = max(best, diagonal, one_to_one(pi + 1, pj), one_to_one(pi, pj + 1))
        return best >= _MERGE_FLOOR and (not parts or parts(range(pi, pi + da), range(pj, pj + db)))

    # (da, db, the bead's size, its shape penalty, whether it merges sentences)
    shapes = [
        (da, db, max(da, db), _SHAPE_PENALTY[(da, db)], da != db or da != 1)
        for da, db in MATCH_SHAPES
    ]
    merge_cost = settings.merge_cost
    for i in range(n + 1):
        lo, hi = band[i]
        row = cost[i]
        back_row = back[i]
        above = cost[i - 1] if i >= 1 else None
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, (0, 0)
            if above is not None and j in above:
                best, move = above[j] + skip, (1, 0)
            if j >= 1 and (j - 1) in row and row[j - 1] + skip < best:
                best, move = row[j - 1] + skip, (0, 1)
            for da, db, size, penalty, merges in shapes:
                pi, pj = i - da, j - db
                if pi < 0 or pj < 0:
                    continue
                prev = cost[pi].get(pj)
                if prev is None or prev >= best:
                    continue
                if not merges:
                    sim = pairs.get(pi * width + pj)
                    if sim is None:
                        sim = one_to_one(pi, pj)
                elif (prev + penalty) + merge_cost > best + _SLACK:
                    # even a perfect match (similarity 1) could not beat ``best``
                    continue
                elif merge_possible(pi, pj, da, db):
                    sim = similarity(range(pi, i), range(pj, j))
                else:
                    continue  # no sentence pair inside the bead is alike: skip the merge
                value = prev + (1.0 - sim) * size + penalty
                if merges:
                    value += merge_cost
                if use_paragraphs:
                    value += layout(pi, i, pj, j)
                if value < best:
                    best, move = value, (da, db)
            if best < inf:
                row[j] = best
                back_row[j] = move
    if m not in cost[n]:  # cannot happen with a connected band; be safe anyway
        raise RuntimeError("alignment band does not reach the end")
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        da, db = back[i][j]
        beads.append(Bead(i - da, i, j - db, j))
        i, j = i - da, j - db
    return beads[::-1]


_WORDS = [
    "the", "talks", "on", "the", "border", "resumed", "in", "Geneva", "on", "Friday",
    "after", "police", "said", "that", "officials", "from", "both", "sides", "met",
    "1,500", "troops", "and", "3.5", "million", "people", "Zürich", "naïve", "«quoted»",
]


def _story(seed: int) -> tuple[list[str], list[str], tuple[list[int], list[int]]]:
    """Two sides of a random story: drops, rewrites, additions and merged sentences."""
    rng = random.Random(seed)

    def sentence() -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 14))]
        return " ".join(words).capitalize() + ("." if words else "")

    a = [sentence() for _ in range(rng.randint(0, 30 if seed % 5 else 90))]
    b = [s for s in a if rng.random() > 0.2]
    b = [(s + " " + rng.choice(_WORDS)) if rng.random() < 0.3 else s for s in b]
    for _ in range(rng.randint(0, 2)):  # two sentences run together on one side
        if len(b) >= 2:
            k = rng.randrange(len(b) - 1)
            b[k : k + 2] = [b[k] + " " + b[k + 1]]
    for _ in range(rng.randint(0, 4)):
        b.insert(rng.randint(0, len(b)), sentence())
    para_a = sorted(rng.randint(0, 4) for _ in a)
    para_b = sorted(rng.randint(0, 4) for _ in b)
    return a, b, (para_a, para_b)


@pytest.mark.parametrize("seed", range(120))
def test_beads_match_the_reference_aligner(seed: int) -> None:
    a, b, paragraphs = _story(seed)
    for paras in (paragraphs, None):
        for settings in (AlignSettings(), AlignSettings(merge_cost=0.3, band=2)):
            ref_sim = ReferenceMonolingual(a, b)
            anchors = find_anchors(*ref_sim.anchor_keys())
            want = reference_align(len(a), len(b), ref_sim, anchors, settings, paras)
            for block_size in (None, 3, 7):
                sim = MonolingualSimilarity(a, b, block_size)
                assert find_anchors(*sim.anchor_keys()) == anchors
                assert align(len(a), len(b), sim, anchors, settings, paras) == want
            cross = CrossLingualSimilarity(a, b)
            anchors = find_anchors(*cross.anchor_keys())
            want = reference_align(len(a), len(b), cross, anchors, settings, paras)
            assert align(len(a), len(b), cross, anchors, settings, paras) == want


@pytest.mark.parametrize("seed", range(40))
def test_plain_callables_and_unpruned_search_agree(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    a, b, paragraphs = _story(seed)
    ref_sim = ReferenceMonolingual(a, b)
    plain: Callable[[range, range], float] = lambda x, y: ref_sim(x, y)  # noqa: E731
    want = reference_align(len(a), len(b), plain, None, paragraphs=paragraphs)
    assert align(len(a), len(b), plain, None, paragraphs=paragraphs) == want
    monkeypatch.setattr(align_module, "_SLACK", math.inf)  # never prune a merge
    sim = MonolingualSimilarity(a, b)
    anchors = find_anchors(*sim.anchor_keys())
    assert align(len(a), len(b), sim, anchors, paragraphs=paragraphs) == reference_align(
        len(a), len(b), ref_sim, anchors, paragraphs=paragraphs
    )


@pytest.mark.parametrize("seed", range(40))
def test_align_texts_matches_the_reference_pipeline(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    a, b, paragraphs = _story(1000 + seed)
    for same_language in (True, False):
        for paras in (paragraphs, None):
            got = align_texts(a, b, same_language, paras)
            with monkeypatch.context() as patch:
                patch.setattr(align_module, "align", reference_align)
                patch.setattr(align_module, "MonolingualSimilarity", ReferenceMonolingual)
                assert align_texts(a, b, same_language, paras) == got


def test_the_synthetic_wire_feed_aligns_as_before() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from wirefeed import make_feed

    for story in make_feed(stories=12, sentences=80):
        ref_sim = ReferenceMonolingual(story.mt, story.ref)
        anchors = find_anchors(*ref_sim.anchor_keys())
        want = reference_align(len(story.mt), len(story.ref), ref_sim, anchors)
        sim = MonolingualSimilarity(story.mt, story.ref)
        assert align(len(story.mt), len(story.ref), sim, anchors) == want

