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


def test_lede_stays_aligned_when_the_reference_puts_the_byline_first() -> None:
    mt = [
        "Floods force thousands from their homes in northern Italy",
        "(Bologna) Floods in Emilia-Romagna have forced more than 4,000 people from their "
        "homes after two days of torrential rain, regional officials said on Saturday.",
        "Maria ROSSI",
        "Rescue teams used boats to reach villages cut off by the water.",
    ]
    ref = [
        "Thousands flee floods in northern Italy",
        "By Maria Rossi",
        "BOLOGNA (AFP) - Floods in Emilia-Romagna have forced over 4,000 people out of their "
        "homes after two days of torrential rain, regional officials said Saturday.",
        "Rescuers used boats to reach villages cut off by the floodwater.",
    ]
    beads = align_texts(mt, ref, same_language=True)
    (lede,) = [b for b in beads if b.a_start <= 1 < b.a_end]
    assert lede.b_start <= 2 < lede.b_end  # the ledes share a unit, bylines or not
    assert Bead(0, 1, 0, 1) in beads and Bead(3, 4, 3, 4) in beads
    # With the bylines apart from the lede (as in the sample story), the lede wins.
    mt = [*mt[:2], "Posted at 10:04 a.m.", *mt[2:]]
    beads = align_texts(mt, ref, same_language=True)
    assert Bead(1, 2, 2, 3) in beads


SRC_PARAGRAPHS = [
    ["Le Parlement a adopté mardi la loi sur l'énergie par 312 voix contre 204."],
    ["Le texte prévoit 40 milliards d'euros d'investissements d'ici à 2030.",
     "Il doit encore être examiné par le Sénat."],
    ["La ministre Agnès Colin a salué « un vote historique » devant les députés."],
    ["Les écologistes ont voté contre, jugeant le texte trop timide sur le nucléaire.",
     "Le Rassemblement national s'est abstenu."],
    ["Le Sénat examinera la loi en mars, selon le calendrier fixé par le gouvernement."],
]
MT_PARAGRAPHS = [
    ["Parliament adopted the energy law on Tuesday by 312 votes to 204."],
    ["The text provides for 40 billion euros of investment by 2030.",
     "It must still be examined by the Senate."],
    ["Minister Agnès Colin hailed \"a historic vote\" before lawmakers."],
    ["The Greens voted against, saying the text was too timid on nuclear power.",
     "The National Rally abstained."],
    ["The Senate will examine the law in March, according to the government's timetable."],
]


def _flatten(paragraphs: list[list[str]]) -> tuple[list[str], list[int]]:
    sentences = [s for p in paragraphs for s in p]
    numbers = [k for k, p in enumerate(paragraphs) for _ in p]
    return sentences, numbers


def test_a_dropped_paragraph_is_not_glued_to_its_neighbours_across_languages() -> None:
    src, src_numbers = _flatten(SRC_PARAGRAPHS)
    for dropped in range(1, len(MT_PARAGRAPHS) - 1):
        mt, mt_numbers = _flatten(MT_PARAGRAPHS[:dropped] + MT_PARAGRAPHS[dropped + 1 :])
        beads = align_texts(mt, src, same_language=False, paragraphs=(mt_numbers, src_numbers))
        missing = {j for j, k in enumerate(src_numbers) if k == dropped}
        for bead in beads:
            covered = set(range(bead.b_start, bead.b_end))
            if covered & missing:
                assert bead.a_start == bead.a_end, (dropped, bead)  # one-sided: omitted
        matched = sum(1 for bead in beads if bead.a_end > bead.a_start < bead.b_end > bead.b_start)
        assert matched == len(mt), dropped  # every remaining sentence is matched...
        assert all(  # ...with the sentence it translates
            mt_numbers[bead.a_start] + (mt_numbers[bead.a_start] >= dropped)
            == src_numbers[bead.b_start]
            for bead in beads if bead.a_end > bead.a_start and bead.b_end > bead.b_start
        )


def test_two_one_to_one_matches_are_not_merged_into_a_two_two_bead() -> None:
    mt = ["According to Health Minister Claire Martin, 1,200 nursing posts will be created.",
          "\"We can no longer wait.\""]
    src = ["Selon la ministre de la Santé, Claire Martin, 1 200 postes d'infirmiers seront créés.",
           "« Nous ne pouvons plus attendre », a déclaré la ministre devant les députés, en "
           "promettant des mesures rapides pour les urgences."]
    beads = align_texts(mt, src, same_language=False, paragraphs=([0, 1], [0, 1]))
    assert Bead(0, 1, 0, 1) in beads
