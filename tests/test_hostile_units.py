"""The linear ``units.combine`` gives what the obvious quadratic definition gives."""

from __future__ import annotations

import random

from checker.align import Bead
from checker.units import combine


def _reference(n: int, alignments: list[list[Bead]]) -> list[tuple]:
    """Units by definition: scan every bead for every cut (quadratic, obviously right)."""
    cuts = set(range(n + 1))
    for beads in alignments:
        for bead in beads:
            cuts.difference_update(range(bead.a_start + 1, bead.a_end))
    ordered = sorted(cuts | {0, n})

    def merge(spans):
        spans = [s for s in spans if s[1] > s[0]]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None

    units = []
    for index, start in enumerate(ordered):
        orphans = tuple(merge([(b.b_start, b.b_end) for b in beads
                               if b.a_start == b.a_end == start]) for beads in alignments)
        if any(orphans):
            units.append(((start, start), orphans))
        if index + 1 == len(ordered):
            break
        end = ordered[index + 1]
        units.append(((start, end), tuple(
            merge([(b.b_start, b.b_end) for b in beads
                   if start <= b.a_start and b.a_end <= end
                   and not (b.a_start == b.a_end and b.a_start in (start, end))])
            for beads in alignments)))
    return units


def _beads(n: int, m: int, rng: random.Random) -> list[Bead]:
    beads, a, b = [], 0, 0
    while a < n or b < m:
        da, db = rng.choice([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (0, 2), (3, 1)])
        da, db = min(da, n - a), min(db, m - b)
        if da or db:
            beads.append(Bead(a, a + da, b, b + db))
            a, b = a + da, b + db
    return beads


def test_combine_matches_the_definition_on_random_alignments() -> None:
    rng = random.Random(13)
    for _ in range(1500):
        n = rng.randint(0, 14)
        alignments = [_beads(n, rng.randint(0, 14), rng) for _ in range(rng.randint(1, 2))]
        got = [(u.mt, u.sides) for u in combine(n, alignments)]
        assert got == _reference(n, alignments), (n, alignments)
