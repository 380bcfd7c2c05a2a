"""Sentence alignment by dynamic programming in a band around an anchor path.

Two sides (MT and reference in one language, or MT and source across languages) are
aligned into *beads*: 1-1, 1-2, 2-1 and 2-2 matches, and 1-0 / 0-1 for sentences on
one side only. The search is confined to a band that follows anchors (sentences that
share rare words or numbers), so cost grows with story length times band width, not
with the square of the length, and a paragraph missing from one side only shifts the
band instead of derailing the path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.similarity import (
    CrossLingualSimilarity,
    MonolingualSimilarity,
    Similarity,
    find_anchors,
)

MATCH_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (2, 2))
# Extra cost of a many-to-one bead over a 1-1, so merges win only when clearly better.
_SHAPE_PENALTY = {(1, 1): 0.0, (1, 2): 0.1, (2, 1): 0.1, (2, 2): 0.3}
# A many-to-one bead is tried only when one of its sentence pairs is at least this alike.
_MERGE_FLOOR = 0.2
# A 2-2 bead is not tried where either diagonal sentence pair is at least this alike.
_DIAGONAL = 0.5
# Crossing matches: a one-sided pair at least this alike may displace a short match
# found within this many beads of it.
_UNCROSS = 0.5
_UNCROSS_WINDOW = 6
_PARAGRAPH_SHARPNESS = 3.0
# Rounding margin of the bound that skips many-to-one beads which cannot win: their
# cost is at least their predecessor's plus the fixed penalties (similarity <= 1).
_SLACK = 1e-9


@dataclass(frozen=True)
class Bead:
    """``a[a_start:a_end]`` aligned with ``b[b_start:b_end]`` (sentence indices)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class AlignSettings:
    skip_cost: float = 0.36
    band: int = 4
    """Half-width of the band around the anchor path, in sentences."""
    paragraph_cross: float = 0.5
    """Extra cost of a bead that spans a paragraph break on one side only."""
    paragraph_edge: float = 0.25
    """Extra cost of a bead that ends a paragraph on one side only."""
    merge_cost: float = 0.0
    """Extra cost of every bead other than 1-1 (on top of the shape penalty)."""


def _band(n: int, m: int, anchors: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """For each row i in 0..n, the inclusive column range the search may visit."""
    points = [(0, 0), *((i, j) for i, j in anchors if 0 < i < n and 0 < j < m), (n, m)]
    ranges = []
    segment = 0
    for i in range(n + 1):
        while segment < len(points) - 2 and i > points[segment + 1][0]:
            segment += 1
        (i0, j0), (i1, j1) = points[segment], points[segment + 1]
        centre = j0 + (i - i0) * (j1 - j0) / (i1 - i0) if i1 > i0 else j0
        slack = width + abs((j1 - j0) - (i1 - i0))
        lo = max(0, math.floor(centre) - slack)
        hi = min(m, math.ceil(centre) + slack)
        ranges.append((lo, hi))
    # Keep the band connected: each row must reach the previous row's range.
    for i in range(1, n + 1):
        lo, hi = ranges[i]
        plo, phi = ranges[i - 1]
        ranges[i] = (min(lo, phi), max(hi, plo))
    return ranges


def align(
    n: int,
    m: int,
    similarity: Callable[[range, range], float],
    anchors: list[tuple[int, int]] | None = None,
    settings: AlignSettings = AlignSettings(),
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """Best monotonic alignment of ``n`` A sentences with ``m`` B sentences.

    ``paragraphs`` gives each sentence's paragraph number on both sides: a match that
    straddles a paragraph break on one side only, or closes a paragraph on one side
    only, costs a little more, so units follow the paragraphs both sides agree on.
    """
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
        use_paragraphs) else []
    closes_b = [k == m or (k > 0 and para_b[k] != para_b[k - 1]) for k in range(m + 1)] if (
        use_paragraphs) else []
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


def align_texts(
    a: Sequence[str],
    b: Sequence[str],
    same_language: bool,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """Align two lists of sentences, choosing the similarity for the language setting.

    ``paragraphs`` optionally gives each sentence's paragraph number on each side.
    """
    if not same_language and paragraphs is not None:
        beads = _align_by_paragraphs(a, b, paragraphs)
    else:
        similarity = _similarity(a, b, same_language)
        beads = _align_sentences(a, b, similarity, paragraphs)
        if same_language:
            beads = uncross(beads, similarity, a, b)
    return pair_substitutions(beads, a, b)


def _similarity(a: Sequence[str], b: Sequence[str], same_language: bool) -> Similarity:
    return MonolingualSimilarity(a, b) if same_language else CrossLingualSimilarity(a, b)


def _one_sided(bead: Bead) -> bool:
    return (bead.a_end == bead.a_start) != (bead.b_end == bead.b_start)


def _flip(bead: Bead) -> Bead:
    return Bead(bead.b_start, bead.b_end, bead.a_start, bead.a_end)


def uncross(
    beads: list[Bead], similarity: Similarity, a: Sequence[str], b: Sequence[str]
) -> list[Bead]:
    """Prefer the longer of two crossing matches: a lede over a byline.

    When one side puts a short line (a byline) before a sentence and the other after it,
    a monotonic alignment can keep only one of the two matches, and the cheaper path may
    keep the short one. Here an A-only sentence, a single 1-1 match and a B-only sentence
    (or the mirror image), within a few beads, are re-paired when the one-sided pair is
    alike and carries more aligned text than the match it displaces.
    """
    out = list(beads)
    for mirrored in (False, True):
        if mirrored:
            out = [_flip(x) for x in out]
            texts_a, texts_b = b, a
            pair = lambda i, j: similarity.pair(j, i)  # noqa: E731
        else:
            texts_a, texts_b, pair = a, b, similarity.pair
        out = _uncross_once(out, pair, texts_a, texts_b)
        if mirrored:
            out = [_flip(x) for x in out]
    return out


def _uncross_once(
    beads: list[Bead], pair: Callable[[int, int], float], a: Sequence[str], b: Sequence[str]
) -> list[Bead]:
    k = 0
    while k < len(beads):
        first = beads[k]
        if not (first.a_end - first.a_start == 1 and first.b_end == first.b_start):
            k += 1
            continue
        for end in range(k + 2, min(k + _UNCROSS_WINDOW, len(beads))):
            last = beads[end]
            inside = beads[k + 1 : end]
            matches = [x for x in inside if not _one_sided(x)]
            if len(matches) != 1 or last.a_end != last.a_start or last.b_end - last.b_start != 1:
                continue
            (m,) = matches
            if m.a_end - m.a_start != 1 or m.b_end - m.b_start != 1:
                break
            x, y = first.a_start, last.b_start
            sim = pair(x, y)
            kept = pair(m.a_start, m.b_start)
            if sim < _UNCROSS or sim * (len(a[x]) + len(b[y])) <= kept * (
                len(a[m.a_start]) + len(b[m.b_start])
            ):
                break
            b_lo = min(bead.b_start for bead in beads[k : end + 1])
            a_hi = max(bead.a_end for bead in beads[k : end + 1])
            window = [Bead(x, x, j, j + 1) for j in range(b_lo, y)]
            window.append(Bead(x, x + 1, y, y + 1))
            window += [Bead(i, i + 1, y + 1, y + 1) for i in range(x + 1, a_hi)]
            beads = beads[:k] + window + beads[end + 1 :]
            break
        k += 1
    return beads


def _align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    similarity: Similarity,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None,
) -> list[Bead]:
    anchors = find_anchors(*similarity.anchor_keys())
    return align(len(a), len(b), similarity, anchors, paragraphs=paragraphs)


_PARAGRAPH_SETTINGS = AlignSettings(merge_cost=0.3)
"""Paragraph-level alignment: a translation keeps its source's paragraphs, so merging
two paragraphs needs clearly better evidence than between sentences."""


def _groups(numbers: Sequence[int]) -> list[range]:
    """Sentence index ranges of consecutive sentences sharing a paragraph number."""
    out: list[range] = []
    start = 0
    for k in range(1, len(numbers) + 1):
        if k == len(numbers) or numbers[k] != numbers[k - 1]:
            out.append(range(start, k))
            start = k
    return out


def _align_by_paragraphs(
    a: Sequence[str], b: Sequence[str], paragraphs: tuple[Sequence[int], Sequence[int]]
) -> list[Bead]:
    """Across languages: align paragraphs first, then sentences inside aligned paragraphs.

    A translation keeps its source's paragraphs, and a whole paragraph carries far more
    evidence (length, numbers, names) than a sentence: a dropped paragraph stays a gap
    instead of being shared out among its neighbours' sentences.
    """
    para_a, para_b = paragraphs
    if len(para_a) != len(a) or len(para_b) != len(b):
        return _align_sentences(a, b, CrossLingualSimilarity(a, b), None)
    groups_a, groups_b = _groups(para_a), _groups(para_b)
    texts_a = [" ".join(a[i] for i in g) for g in groups_a]
    texts_b = [" ".join(b[j] for j in g) for g in groups_b]
    similarity = CrossLingualSimilarity(texts_a, texts_b)
    anchors = find_anchors(*similarity.anchor_keys())
    beads: list[Bead] = []
    for top in align(len(texts_a), len(texts_b), similarity, anchors, _PARAGRAPH_SETTINGS):
        a0 = groups_a[top.a_start].start if top.a_end > top.a_start else None
        b0 = groups_b[top.b_start].start if top.b_end > top.b_start else None
        a1 = groups_a[top.a_end - 1].stop if a0 is not None else None
        b1 = groups_b[top.b_end - 1].stop if b0 is not None else None
        if a0 is None or a1 is None:
            at = beads[-1].a_end if beads else 0
            beads += [Bead(at, at, j, j + 1) for j in range(b0 or 0, b1 or 0)]
            continue
        if b0 is None or b1 is None:
            at = beads[-1].b_end if beads else 0
            beads += [Bead(i, i + 1, at, at) for i in range(a0, a1)]
            continue
        inner = _align_sentences(
            a[a0:a1], b[b0:b1], CrossLingualSimilarity(a[a0:a1], b[b0:b1]),
            (para_a[a0:a1], para_b[b0:b1]),
        )
        beads += [
            Bead(x.a_start + a0, x.a_end + a0, x.b_start + b0, x.b_end + b0) for x in inner
        ]
    return beads


def _is_match(bead: Bead | None) -> bool:
    return bead is None or (bead.a_end > bead.a_start and bead.b_end > bead.b_start)


def pair_substitutions(beads: list[Bead], a: Sequence[str], b: Sequence[str]) -> list[Bead]:
    """Turn a lone A-only sentence beside a lone B-only one into a 1-1 bead.

    Between two matched beads, one sentence on each side with nothing in common is a
    *substitution* (a mistranslation), not an omission plus an addition: pairing them
    lets the unit be scored and flagged. Lengths must be comparable (within 2x).
    """
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        first = beads[k]
        second = beads[k + 1] if k + 1 < len(beads) else None
        if (
            second is not None
            and _is_match(out[-1] if out else None)
            and _is_match(beads[k + 2] if k + 2 < len(beads) else None)
        ):
            one_sided = sorted(
                (first, second), key=lambda bead: bead.a_end - bead.a_start, reverse=True
            )
            left, right = one_sided
            if (
                left.a_end - left.a_start == 1
                and left.b_end == left.b_start
                and right.b_end - right.b_start == 1
                and right.a_end == right.a_start
            ):
                la, lb = len(a[left.a_start]), len(b[right.b_start])
                if min(la, lb) * 2 >= max(la, lb):
                    out.append(Bead(left.a_start, left.a_end, right.b_start, right.b_end))
                    k += 2
                    continue
        out.append(first)
        k += 1
    return out
