"""How alike two sentences are, within one language or across two: the aligner's scores.

:class:`MonolingualSimilarity` compares character trigrams (MT against a reference);
:class:`CrossLingualSimilarity` compares what survives translation: numbers, names,
marks, cognates and length (MT against a source). Both also say whether a many-to-one
merge is plausible, and :func:`find_anchors` picks the sentence pairs that share rare
keys, which fix the band the aligner searches in.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from checker.trigrams import TrigramOverlap

_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_OR_NUMBER = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_][\w'’-]*", re.UNICODE)
_MARKS = re.compile(r"[?!«»“”\"„:%€$£]")

# Each sentence of a merged side must find this share of its trigrams on the other side
# (same language), or make up this share of its side's length (across languages).
_CONTAINMENT = 0.4
_MIN_SHARE = 0.18
# Anchor agreement assumed for a cross-language pair where neither side has any anchor.
_NEUTRAL_ANCHORS = 0.7
# Lower-case words this long take part in cross-language anchors by their first letters.
_COGNATE = 6

_Table = tuple[list[list[int]], list[list[float]], list[list[bool]], list[list[bool]]]


class Similarity:
    """Scores how well a run of A sentences matches a run of B sentences (0..1)."""

    def __call__(self, a: range, b: range) -> float:
        raise NotImplementedError

    def pair(self, i: int, j: int) -> float:
        """Similarity of A sentence ``i`` with B sentence ``j`` (the common case)."""
        return self(range(i, i + 1), range(j, j + 1))

    def parts_match(self, a: range, b: range) -> bool:
        """Whether every sentence of a many-to-one bead has its share in the match.

        Without this test a short line with no counterpart (``Related News :``) rides
        along in a merge, because it lowers the merged similarity only a little.
        """
        return True

    parts_by_pair = False
    """Whether ``contained`` decides ``parts_match`` of 2-1 and 1-2 beads pair by pair."""

    def contained(self, i: int, j: int) -> tuple[bool, bool]:
        """Whether A sentence ``i`` has its share of a 2-1 bead's match in B sentence
        ``j``, and B sentence ``j`` its share of a 1-2 bead's match in A sentence ``i``."""
        raise NotImplementedError

    def anchor_keys(self) -> tuple[list[set[str]], list[set[str]]]:
        """Per-sentence keys used to find anchors (rare shared words, numbers)."""
        raise NotImplementedError


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class MonolingualSimilarity(Similarity):
    """Dice coefficient of character trigram sets: robust to rewording and reordering."""

    def __init__(self, a: Sequence[str], b: Sequence[str], block_size: int | None = None) -> None:
        self.a, self.b = list(a), list(b)
        self._wa = [_words(t) for t in self.a]
        self._wb = [_words(t) for t in self.b]
        self.trigrams = TrigramOverlap(self._wa, self._wb, block_size)
        # Per block of sentence pairs (see checker.trigrams): shared trigrams, Dice
        # coefficients, and whether each side finds its share of trigrams in the other.
        self._tables: dict[tuple[int, int], _Table] = {}
        # Beads span one or two sentences: the unions of neighbours, made when needed.
        self._ga2: dict[int, frozenset[int]] = {}
        self._gb2: dict[int, frozenset[int]] = {}
        if 0 < max(len(self.a), len(self.b)) <= self.trigrams.block_size and self.a and self.b:
            self._single_block()

    def _grams(self, side_a: bool, span: range) -> frozenset[int]:
        single = self.trigrams.set_a if side_a else self.trigrams.set_b
        if len(span) == 1:
            return single(span.start)
        if len(span) == 2:
            double = self._ga2 if side_a else self._gb2
            union = double.get(span.start)
            if union is None:
                union = double[span.start] = single(span.start) | single(span.start + 1)
            return union
        return frozenset().union(*(single(i) for i in span))

    def __call__(self, a: range, b: range) -> float:
        if len(a) == 1 and len(b) == 1:
            return self.pair(a.start, b.start)
        ga, gb = self._grams(True, a), self._grams(False, b)
        if not ga or not gb:
            return 0.0
        return 2 * len(ga & gb) / (len(ga) + len(gb))

    def _table(self, i: int, j: int) -> _Table:
        size = self.trigrams.block_size
        key = (i // size, j // size)
        table = self._tables.get(key)
        if table is None:
            shared = self.trigrams.block(*key)
            size_a, size_b = self.trigrams.sizes(*key)
            size_a, size_b = size_a[:, None], size_b[None, :]
            total = size_a + size_b
            dice = np.where((size_a > 0) & (size_b > 0), 2 * shared / np.maximum(total, 1), 0.0)
            table = self._tables[key] = (
                shared.tolist(),
                dice.tolist(),
                ((size_a == 0) | (shared >= _CONTAINMENT * size_a)).tolist(),
                ((size_b == 0) | (shared >= _CONTAINMENT * size_b)).tolist(),
            )
        return table

    def pair(self, i: int, j: int) -> float:
        size = self.trigrams.block_size
        return self._table(i, j)[1][i % size][j % size]

    def _shared(self, i: int, j: int) -> int:
        size = self.trigrams.block_size
        return self._table(i, j)[0][i % size][j % size]

    parts_by_pair = True

    def contained(self, i: int, j: int) -> tuple[bool, bool]:
        """Whether A sentence ``i`` finds its share of trigrams in B sentence ``j``, and
        the other way round (an empty sentence always does)."""
        size = self.trigrams.block_size
        table = self._table(i, j)
        return table[2][i % size][j % size], table[3][i % size][j % size]

    def _single_block(self) -> None:
        """A story whose sides fit in one block reads its one table without lookups."""
        shared, dice, holds_a, holds_b = self._table(0, 0)
        self.pair = lambda i, j: dice[i][j]  # type: ignore[method-assign]
        self._shared = lambda i, j: shared[i][j]  # type: ignore[method-assign]
        self.contained = lambda i, j: (holds_a[i][j], holds_b[i][j])  # type: ignore[method-assign]

    def parts_match(self, a: range, b: range) -> bool:
        if len(b) == 1:  # 2-1: each A sentence against one B sentence
            return len(a) < 2 or all(self.contained(i, b.start)[0] for i in a)
        if len(a) == 1:  # 1-2
            return all(self.contained(a.start, j)[1] for j in b)
        size_a, size_b = self.trigrams.sizes_a, self.trigrams.sizes_b
        shared = self._shared
        # A part shares with the other side's union at least its best pair's trigrams
        # and at most the sum of its pairs' ones: sets decide only in between.
        parts: list[tuple[bool, int, int, list[int]]]
        if len(a) == 2 and len(b) == 2:  # the aligner's 2-2 beads, written out
            x, y = a.start, b.start
            c00, c01, c10, c11 = shared(x, y), shared(x, y + 1), shared(x + 1, y), shared(
                x + 1, y + 1)
            # Most fail on the sums alone: test those before building anything.
            if (
                c00 + c01 < _CONTAINMENT * size_a[x]
                or c10 + c11 < _CONTAINMENT * size_a[x + 1]
                or c00 + c10 < _CONTAINMENT * size_b[y]
                or c01 + c11 < _CONTAINMENT * size_b[y + 1]
            ):
                return False
            parts = [
                (True, x, size_a[x], [c00, c01]), (True, x + 1, size_a[x + 1], [c10, c11]),
                (False, y, size_b[y], [c00, c10]), (False, y + 1, size_b[y + 1], [c01, c11]),
            ]
        else:
            parts = [(True, i, size_a[i], [shared(i, j) for j in b]) for i in a]
            parts += [(False, j, size_b[j], [shared(i, j) for i in a]) for j in b]
        undecided: list[tuple[bool, int]] = []
        for side_a, index, size, found in parts:
            if not size:
                continue
            if sum(found) < _CONTAINMENT * size:
                return False
            if max(found, default=0) < _CONTAINMENT * size:
                undecided.append((side_a, index))
        for side_a, index in undecided:
            part = self._grams(side_a, range(index, index + 1))
            if len(part & self._grams(not side_a, b if side_a else a)) < _CONTAINMENT * len(part):
                return False
        return True

    def anchor_keys(self) -> tuple[list[set[str]], list[set[str]]]:
        def keys(words: list[list[str]]) -> list[set[str]]:
            return [{w for w in ws if len(w) > 3} for ws in words]

        return keys(self._wa), keys(self._wb)


def _fold(token: str) -> str:
    return token.lower().rstrip(".,").replace("’", "'")


class CrossLingualSimilarity(Similarity):
    """Length agreement plus shared anchors (numbers, names, marks) across languages."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        self.a, self.b = list(a), list(b)
        self._la = [max(1, len(t)) for t in self.a]
        self._lb = [max(1, len(t)) for t in self.b]
        total_a, total_b = sum(self._la), sum(self._lb)
        self._ratio = total_b / total_a if total_a else 1.0
        ka = [self._keys(t) for t in self.a]
        kb = [self._keys(t) for t in self.b]
        # Keys one side never has are noise here (German capitalises every noun): keep
        # only keys found somewhere on both sides.
        common = frozenset().union(*ka) & frozenset().union(*kb)
        self._ka = [k & common for k in ka]
        self._kb = [k & common for k in kb]

    @staticmethod
    def _keys(text: str) -> frozenset[str]:
        keys = set(_MARKS.findall(text))
        for i, token in enumerate(_NAME_OR_NUMBER.findall(text)):
            if token[0].isdigit():
                keys.add(re.sub(r"\D", "", token))
            elif token[0].isupper() and (i > 0 or len(token) > 3) and len(token) > 1:
                keys.add(_fold(token)[:5])
            elif len(token) >= _COGNATE:
                keys.add(_fold(token)[:5])  # cognates: "police"/"Polizei", "crisis"/"crise"
        return frozenset(keys)

    def __call__(self, a: range, b: range) -> float:
        la = sum(self._la[i] for i in a) * self._ratio
        lb = sum(self._lb[i] for i in b)
        length = min(la, lb) / max(la, lb)
        ka = frozenset().union(*(self._ka[i] for i in a))
        kb = frozenset().union(*(self._kb[i] for i in b))
        if not ka and not kb:
            return 0.55 * length + 0.45 * _NEUTRAL_ANCHORS
        anchors = 2 * len(ka & kb) / (len(ka) + len(kb))
        return 0.55 * length + 0.45 * anchors

    def parts_match(self, a: range, b: range) -> bool:
        for lengths, side in ((self._la, a), (self._lb, b)):
            if len(side) > 1:
                total = sum(lengths[i] for i in side)
                if min(lengths[i] for i in side) < _MIN_SHARE * total:
                    return False
        return True

    def anchor_keys(self) -> tuple[list[set[str]], list[set[str]]]:
        def keys(groups: list[frozenset[str]]) -> list[set[str]]:
            return [{k for k in g if len(k) > 2} for g in groups]

        return keys(self._ka), keys(self._kb)


def find_anchors(keys_a: list[set[str]], keys_b: list[set[str]]) -> list[tuple[int, int]]:
    """Sentence pairs that share keys found nowhere else, kept in increasing order."""
    count_a = Counter(k for ks in keys_a for k in ks)
    count_b = Counter(k for ks in keys_b for k in ks)
    where_b: dict[str, int] = {}
    for j, ks in enumerate(keys_b):
        for k in ks:
            if count_b[k] == 1:
                where_b[k] = j
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for i, ks in enumerate(keys_a):
        for k in ks:
            if count_a[k] == 1 and k in where_b:
                votes[i][where_b[k]] += 1
    candidates = []
    for i, counter in votes.items():
        (j, n), *rest = counter.most_common(2)
        if n >= 2 and (not rest or rest[0][1] < n):
            candidates.append((i, j))
    return _longest_increasing(sorted(candidates))


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both coordinates (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[pos] = j
            tail_index[pos] = index
        parent[index] = tail_index[pos - 1] if pos else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]
