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

from checker.beads import Bead, pair_substitutions, uncross
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
_PARAGRAPH_SHARPNESS = 3.0
# Rounding margin of the bound that skips many-to-one beads which cannot win: their
# cost is at least their predecessor's plus the fixed penalties (similarity <= 1).
_SLACK = 1e-9


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

    The four match shapes are written out in :data:`MATCH_SHAPES` order (ties go to the
    earlier move), and only the last two rows of costs and 1-1 similarities are kept.
    """
    if n == 0 or m == 0:
        return [Bead(i, i + 1, 0, 0) for i in range(n)] + [Bead(n, n, j, j + 1) for j in range(m)]
    band = _band(n, m, anchors or [], settings.band)
    inf = math.inf
    skip, merge_cost, slack = settings.skip_cost, settings.merge_cost, _SLACK
    if isinstance(similarity, Similarity):
        pair, parts = similarity.pair, similarity.parts_match
        contained = similarity.contained if similarity.parts_by_pair else None
    else:
        pair, parts = (lambda x, y: similarity(range(x, x + 1), range(y, y + 1))), None
        contained = None
    pen12, pen21, pen22 = _SHAPE_PENALTY[(1, 2)], _SHAPE_PENALTY[(2, 1)], _SHAPE_PENALTY[(2, 2)]
    edge, cross_a, cross_b = _layout(n, m, settings, paragraphs)
    cross_cost = settings.paragraph_cross
    back: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
    # Rows i, i - 1 and i - 2 of the costs, and the 1-1 similarities of A sentences
    # i - 1 and i - 2 with every B sentence (None until needed).
    row: list[float] = [inf] * (m + 1)
    up: list[float] = row
    up2: list[float] = row
    sims1: list[float | None] = [None] * m
    sims2: list[float | None] = sims1
    for i in range(n + 1):
        up2, up, row = up, row, [inf] * (m + 1)
        if i >= 1:
            sims2, sims1 = sims1, [None] * m
        back_row = back[i]
        lo, hi = band[i]
        edge_row = edge[i]
        crosses_a = cross_a[i]
        for j in range(lo, hi + 1):
            if i == 0:
                if j == 0:
                    row[0] = 0.0
                    continue
                best, move = row[j - 1] + skip, (0, 1)
                if best < inf:
                    row[j] = best
                    back_row[j] = move
                continue
            best, move = up[j] + skip, (1, 0)
            if j == 0:
                if best < inf:
                    row[0] = best
                    back_row[0] = move
                continue
            value = row[j - 1] + skip
            if value < best:
                best, move = value, (0, 1)
            extra = edge_row[j]
            # 1-1
            prev = up[j - 1]
            if prev < best:
                s11 = sims1[j - 1]
                if s11 is None:
                    s11 = sims1[j - 1] = pair(i - 1, j - 1)
                value = prev + (1.0 - s11) + extra
                if value < best:
                    best, move = value, (1, 1)
            # 1-2: A sentence i - 1 with B sentences j - 2 and j - 1
            if j >= 2:
                prev = up[j - 2]
                if prev < best and not (prev + pen12) + merge_cost > best + slack:
                    s10 = sims1[j - 2]
                    if s10 is None:
                        s10 = sims1[j - 2] = pair(i - 1, j - 2)
                    s11 = sims1[j - 1]
                    if s11 is None:
                        s11 = sims1[j - 1] = pair(i - 1, j - 1)
                    if (s10 >= _MERGE_FLOOR or s11 >= _MERGE_FLOOR) and (
                        (contained(i - 1, j - 2)[1] and contained(i - 1, j - 1)[1])
                        if contained else parts is None or parts(range(i - 1, i), range(j - 2, j))
                    ):
                        sim = similarity(range(i - 1, i), range(j - 2, j))
                        value = prev + (1.0 - sim) * 2 + pen12
                        value += merge_cost
                        value += (extra + cross_cost) if cross_b[j] else extra
                        if value < best:
                            best, move = value, (1, 2)
            if i >= 2:
                # 2-1: A sentences i - 2 and i - 1 with B sentence j - 1
                prev = up2[j - 1]
                if prev < best and not (prev + pen21) + merge_cost > best + slack:
                    s01 = sims2[j - 1]
                    if s01 is None:
                        s01 = sims2[j - 1] = pair(i - 2, j - 1)
                    s11 = sims1[j - 1]
                    if s11 is None:
                        s11 = sims1[j - 1] = pair(i - 1, j - 1)
                    if (s01 >= _MERGE_FLOOR or s11 >= _MERGE_FLOOR) and (
                        (contained(i - 2, j - 1)[0] and contained(i - 1, j - 1)[0])
                        if contained else parts is None or parts(range(i - 2, i), range(j - 1, j))
                    ):
                        sim = similarity(range(i - 2, i), range(j - 1, j))
                        value = prev + (1.0 - sim) * 2 + pen21
                        value += merge_cost
                        value += (extra + cross_cost) if crosses_a else extra
                        if value < best:
                            best, move = value, (2, 1)
                # 2-2, only where neither diagonal pair is a clear 1-1 match
                prev = up2[j - 2] if j >= 2 else inf
                if prev < best and not (prev + pen22) + merge_cost > best + slack:
                    s00 = sims2[j - 2]
                    if s00 is None:
                        s00 = sims2[j - 2] = pair(i - 2, j - 2)
                    s11 = sims1[j - 1]
                    if s11 is None:
                        s11 = sims1[j - 1] = pair(i - 1, j - 1)
                    if s00 < _DIAGONAL and s11 < _DIAGONAL:
                        s10 = sims1[j - 2]
                        if s10 is None:
                            s10 = sims1[j - 2] = pair(i - 1, j - 2)
                        s01 = sims2[j - 1]
                        if s01 is None:
                            s01 = sims2[j - 1] = pair(i - 2, j - 1)
                        if (s00 >= _MERGE_FLOOR or s11 >= _MERGE_FLOOR or s10 >= _MERGE_FLOOR
                                or s01 >= _MERGE_FLOOR) and (
                            parts is None or parts(range(i - 2, i), range(j - 2, j))
                        ):
                            sim = similarity(range(i - 2, i), range(j - 2, j))
                            value = prev + (1.0 - sim) * 2 + pen22
                            value += merge_cost
                            value += (extra + cross_cost) if crosses_a != cross_b[j] else extra
                            if value < best:
                                best, move = value, (2, 2)
            if best < inf:
                row[j] = best
                back_row[j] = move
    if row[m] == inf:  # cannot happen with a connected band; be safe anyway
        raise RuntimeError("alignment band does not reach the end")
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        da, db = back[i][j]
        beads.append(Bead(i - da, i, j - db, j))
        i, j = i - da, j - db
    return beads[::-1]


def _layout(
    n: int,
    m: int,
    settings: AlignSettings,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None,
) -> tuple[list[list[float]], list[bool], list[bool]]:
    """What the paragraph layout adds to a bead ending before A ``i`` and B ``j``.

    ``edge[i][j]``: the extra cost of closing a paragraph on one side only; a bead that
    takes two sentences on one side straddles a break there when ``cross_a[i]`` (or
    ``cross_b[j]``) is set, and pays ``paragraph_cross`` when only one side does. Without
    (usable) paragraph numbers everything is zero and false.
    """
    para_a, para_b = paragraphs if paragraphs is not None else ((), ())
    if len(para_a) != n or len(para_b) != m:
        return [[0.0] * (m + 1)] * (n + 1), [False] * (n + 1), [False] * (m + 1)
    closes_a = [k == n or (k > 0 and para_a[k] != para_a[k - 1]) for k in range(n + 1)]
    closes_b = [k == m or (k > 0 and para_b[k] != para_b[k - 1]) for k in range(m + 1)]
    on_edge, off_edge = settings.paragraph_edge, 0.0
    edge = [[on_edge if closes != c else off_edge for c in closes_b] for closes in closes_a]
    cross_a = [k >= 2 and para_a[k - 2] != para_a[k - 1] for k in range(n + 1)]
    cross_b = [k >= 2 and para_b[k - 2] != para_b[k - 1] for k in range(m + 1)]
    return edge, cross_a, cross_b


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
