"""Alignment: 1-1, merges, splits, and material present on one side only."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from checker.align import Bead, align_texts
from checker.units import combine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from wirefeed import make_story

MT = [
    "North Korea sent 1,500 special forces soldiers to Russia, the spy agency said on Friday.",
    "They are being trained in the Russian Far East before going to the front.",
    "Related News :",
    "Analysts say the deployment seals the alliance between Pyongyang and Moscow.",
]
REF = [
    "About 1,500 North Korean special forces soldiers are in Russia, the spy agency said Friday.",
    "They are training in the Russian Far East and will soon go to the front.",
    "Thousands more are expected to follow.",
    "Analysts said the deployment sealed the alliance between Pyongyang and Moscow.",
]


def test_one_side_only_sentences_become_skips() -> None:
    beads = align_texts(MT, REF, same_language=True)
    assert beads == [
        Bead(0, 1, 0, 1),
        Bead(1, 2, 1, 2),
        Bead(2, 3, 2, 2),
        Bead(3, 3, 2, 3),
        Bead(3, 4, 3, 4),
    ] or beads == [
        Bead(0, 1, 0, 1),
        Bead(1, 2, 1, 2),
        Bead(2, 2, 2, 3),
        Bead(2, 3, 3, 3),
        Bead(3, 4, 3, 4),
    ]


def test_merged_sentences_align_two_to_one() -> None:
    mt = ["The central bank raised its key rate to 4.5 percent and said inflation was easing."]
    ref = ["The central bank raised its key rate to 4.5 percent.", "It said inflation was easing."]
    assert align_texts(mt, ref, same_language=True) == [Bead(0, 1, 0, 2)]


def test_cross_language_alignment_uses_length_and_anchors() -> None:
    mt = [
        "Kim Jong-un met Vladimir Putin in Vladivostok on Tuesday.",
        "The two leaders spoke for 4 hours.",
        "No statement was issued.",
    ]
    src = [
        "Kim Jong-un a rencontré Vladimir Poutine mardi à Vladivostok.",
        "Les deux dirigeants se sont entretenus pendant 4 heures.",
        "Aucun communiqué n'a été publié.",
    ]
    assert align_texts(mt, src, same_language=False) == [
        Bead(0, 1, 0, 1),
        Bead(1, 2, 1, 2),
        Bead(2, 3, 2, 3),
    ]


def test_empty_sides() -> None:
    assert align_texts([], ["A."], same_language=True) == [Bead(0, 0, 0, 1)]
    assert align_texts(["A."], [], same_language=True) == [Bead(0, 1, 0, 0)]


def test_long_story_with_drops_aligns_accurately() -> None:
    story = make_story(500, random.Random(5))
    beads = align_texts(story.mt, story.ref, same_language=True)
    found = {
        (i, j) for b in beads for i in range(b.a_start, b.a_end) for j in range(b.b_start, b.b_end)
    }
    hits = len(found & story.links)
    assert 2 * hits / (len(found) + len(story.links)) > 0.97


def test_combine_keeps_units_both_alignments_agree_on() -> None:
    ref_beads = [Bead(0, 1, 0, 1), Bead(1, 2, 1, 1), Bead(2, 3, 1, 2), Bead(3, 3, 2, 3)]
    src_beads = [Bead(0, 2, 0, 1), Bead(2, 3, 1, 2)]
    units = combine(3, [ref_beads, src_beads])
    assert [(u.mt, u.sides) for u in units] == [
        ((0, 2), ((0, 1), (0, 1))),
        ((2, 3), ((1, 2), (1, 2))),
        ((3, 3), ((2, 3), None)),
    ]
