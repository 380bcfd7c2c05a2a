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


def _merge(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    spans = [s for s in spans if s[1] > s[0]]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def combine(n: int, alignments: list[list[Bead]]) -> list[UnitSpan]:
    """Units over ``n`` MT sentences given one bead list per other side."""
    if not alignments:
        return [UnitSpan((i, i + 1), ()) for i in range(n)]
    cuts = set(range(n + 1))
    for beads in alignments:
        cuts &= _inner_cuts(beads, n)
    ordered = sorted(cuts | {0, n})
    units: list[UnitSpan] = []
    for index, start in enumerate(ordered):
        # Sentences of the other sides that the MT lacks, standing at this cut.
        orphans = [
            _merge([(b.b_start, b.b_end) for b in beads if b.a_start == b.a_end == start])
            for beads in alignments
        ]
        if any(orphans):
            units.append(UnitSpan((start, start), tuple(orphans)))
        if index + 1 == len(ordered):
            break
        end = ordered[index + 1]
        sides = tuple(
            _merge(
                [
                    (b.b_start, b.b_end)
                    for b in beads
                    if start <= b.a_start and b.a_end <= end
                    and not (b.a_start == b.a_end and b.a_start in (start, end))
                ]
            )
            for beads in alignments
        )
        units.append(UnitSpan((start, end), sides))
    return units
