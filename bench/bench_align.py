"""Alignment accuracy and speed on synthetic feeds with known correspondence.

Prints precision, recall and F1 of the aligner's MT-reference sentence links (a bead
linking m MT and r reference sentences contributes m x r links), measured both on the
sentence lists directly and through the whole engine (segmentation included), and the
time to align one 500-sentence story.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirefeed import Story, make_feed, make_story

from checker.align import align_texts
from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput


def links_of(beads) -> set[tuple[int, int]]:
    return {
        (i, j)
        for b in beads
        for i in range(b.a_start, b.a_end)
        for j in range(b.b_start, b.b_end)
    }


def score(gold: set, found: set) -> tuple[int, int, int]:
    return len(gold & found), len(found), len(gold)


def engine_links(checker: Checker, story: Story) -> set[tuple[int, int]]:
    """Links recovered through segmentation + alignment, mapped back to sentence ids."""
    ctx = checker.context(
        StoryInput("bench", story.mt_text, "mt.txt", ref=story.ref_text, lang="en")
    )

    def ids(text: str, sentences: list[str]) -> dict[int, int]:
        starts, pos = {}, 0
        for index, sentence in enumerate(sentences):
            pos = text.find(sentence, pos)
            starts[pos] = index
            pos += len(sentence)
        return starts

    mt_ids, ref_ids = ids(story.mt_text, story.mt), ids(story.ref_text, story.ref)
    found = set()
    for unit in ctx.units:
        if unit.mt_start is None or unit.ref_start is None:
            continue
        mts = [i for s, i in mt_ids.items() if unit.mt_start <= s < unit.mt_end]
        refs = [j for s, j in ref_ids.items() if unit.ref_start <= s < unit.ref_end]
        found |= {(i, j) for i in mts for j in refs}
    return found


def main() -> None:
    feed = make_feed(stories=60, sentences=30)
    direct = [0, 0, 0]
    through = [0, 0, 0]
    checker = Checker(Settings(select=("WC001",)))
    for story in feed:
        for total, found in (
            (direct, links_of(align_texts(story.mt, story.ref, same_language=True))),
            (through, engine_links(checker, story)),
        ):
            for k, v in enumerate(score(story.links, found)):
                total[k] += v
    print(f"feed: {len(feed)} stories, {sum(len(s.mt) for s in feed)} MT sentences, "
          f"{sum(len(s.ref) for s in feed)} reference sentences, "
          f"{sum(len(s.links) for s in feed)} gold links")
    for label, (hit, found, gold) in (("aligner", direct), ("engine", through)):
        p, r = hit / found, hit / gold
        print(f"{label:8s} precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}")

    import random

    big = make_story(500, random.Random(11))
    start = time.perf_counter()
    beads = align_texts(big.mt, big.ref, same_language=True)
    elapsed = time.perf_counter() - start
    hit, found, gold = score(big.links, links_of(beads))
    print(f"500-sentence story: {len(big.mt)} x {len(big.ref)} sentences aligned in "
          f"{elapsed * 1000:.0f} ms (F1 {2 * hit / (found + gold):.3f})")


if __name__ == "__main__":
    main()
