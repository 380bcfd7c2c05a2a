"""Beads of a sentence alignment and the local repairs made after the search.

A :class:`Bead` says which run of A sentences matches which run of B sentences.
:func:`uncross` and :func:`pair_substitutions` revisit a few beads the monotonic search
could not get right: crossing matches (a byline before the lede on one side, after it on
the other) and a sentence replaced by an unrelated one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.similarity import Similarity

# Crossing matches: a one-sided pair at least this alike may displace a short match
# found within this many beads of it.
_UNCROSS = 0.5
_UNCROSS_WINDOW = 6


@dataclass(frozen=True)
class Bead:
    """``a[a_start:a_end]`` aligned with ``b[b_start:b_end]`` (sentence indices)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int



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
