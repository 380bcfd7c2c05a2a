"""CPU of building stories' context: segmentation, alignment, scores and word diffs.

Prints the process time of each stage of ``Checker.context`` (what every rule looks at)
summed over a feed: ``bench_context.py [MT_DIR REF_DIR [LANG]]``, or a synthetic wire
feed (bench/wirefeed.py) without arguments. Each figure is the best of three passes.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirefeed import make_feed

import checker.engine as engine
from checker.config import Settings
from checker.model import StoryInput
from checker.reading import read_feed

STAGES = {"segment": "segmentation", "align_texts": "alignment", "word_diff": "word diffs"}


def _stories() -> list[StoryInput]:
    if len(sys.argv) >= 3:
        lang = sys.argv[3] if len(sys.argv) > 3 else None
        return list(read_feed(sys.argv[1], sys.argv[2], None, lang))
    return [
        StoryInput(f"story-{k}", s.mt_text, "mt.txt", ref=s.ref_text, lang="en")
        for k, s in enumerate(make_feed(stories=120, sentences=25))
    ]


def main() -> None:
    stories = _stories()
    spent: Counter[str] = Counter()

    def timed(name: str, func: Callable) -> Callable:
        def run(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start
        return run

    for name, label in STAGES.items():
        setattr(engine, name, timed(label, getattr(engine, name)))
    engine.Scorer.unit = timed("scores", engine.Scorer.unit)  # type: ignore[method-assign]
    checker = engine.Checker(Settings(select=("WC001",)))
    best: dict[str, float] = {}
    units = 0
    for _ in range(3):
        spent.clear()
        units = 0
        start = time.process_time()
        for story in stories:
            units += len(checker.context(story).units)
        spent["context (total)"] = time.process_time() - start
        for name, value in spent.items():
            best[name] = min(best.get(name, value), value)
    print(f"{len(stories)} stories, {units} units (best of 3 passes, process time)")
    for name, value in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {name:16} {value:6.2f}s")


if __name__ == "__main__":
    main()
