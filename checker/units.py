"""Combine the MT-reference and MT-source alignments into three-way aligned units.

Each alignment cuts the MT sentences into groups. A unit boundary stands where every
alignment has one, so a unit is the smallest MT run that both alignments agree on;
reference or source sentences aligned to nothing in the MT become units of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.align import Bead


@dataclass(frozen=True)
class UnitSpan:
    """Sentence index ranges of one unit on each side (``None`` for a missing side)."""

    mt: tuple[int, int]
    sides: tuple[tuple[int, int] | None, ...]


def _inner_cuts(beads: list[Bead], n: int) -> set[int]:
    cuts = set(range(n + 1))
    for bead in beads:
        cuts.difference_update(range(bead.a_start + 1, bead.a_end))
    return cuts


def combine(n: int, alignments: list[list[Bead]]) -> list[UnitSpan]:
    """Units over ``n`` MT sentences given one bead list per other side.

    Linear in the number of sentences and beads: each bead is placed once, in the unit
    that holds it (a bead never straddles a cut) or, when it covers no MT sentence and
    stands at a cut, in the orphan unit at that cut.
    """
    if not alignments:
        return [UnitSpan((i, i + 1), ()) for i in range(n)]
    cuts = set(range(n + 1))
    for beads in alignments:
        cuts &= _inner_cuts(beads, n)
    ordered = sorted(cuts | {0, n})
    unit_of = [0] * (n + 1)
    """Index in ``ordered`` of the last cut at or before each sentence position."""
    at = 0
    for position in range(n + 1):
        while at + 1 < len(ordered) and ordered[at + 1] <= position:
            at += 1
        unit_of[position] = at
    sides = len(alignments)
    inner: list[list[tuple[int, int] | None]] = [[None] * sides for _ in ordered]
    orphan: list[list[tuple[int, int] | None]] = [[None] * sides for _ in ordered]
    for side, beads in enumerate(alignments):
        for bead in beads:
            if bead.b_end <= bead.b_start:
                continue
            index = unit_of[bead.a_start]
            empty_at_cut = bead.a_start == bead.a_end and bead.a_start in cuts
            table = orphan if empty_at_cut else inner
            span = table[index][side]
            table[index][side] = (bead.b_start, bead.b_end) if span is None else (
                min(span[0], bead.b_start), max(span[1], bead.b_end))
    units: list[UnitSpan] = []
    for index, start in enumerate(ordered):
        if any(orphan[index]):
            units.append(UnitSpan((start, start), tuple(orphan[index])))
        if index + 1 < len(ordered):
            units.append(UnitSpan((start, ordered[index + 1]), tuple(inner[index])))
    return units
