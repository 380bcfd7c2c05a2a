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

    def anchor_keys(self) -> tuple[list[set[str]], list[set[str]]]:
        """Per-sentence keys used to find anchors (rare shared words, numbers)."""
        raise NotImplementedError


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _trigrams(words: list[str]) -> frozenset[str]:
    """Character trigrams of the words, joined and padded by single spaces."""
    squashed = " ".join(words)
    padded = f" {squashed} "
    return frozenset([padded[i : i + 3] for i in range(len(padded) - 2)])


class MonolingualSimilarity(Similarity):
    """Dice coefficient of character trigram sets: robust to rewording and reordering."""

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
