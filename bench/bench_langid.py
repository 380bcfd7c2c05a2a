"""CPU of language identification: in ``Checker.context`` and in the WC4xx rules.

    bench_langid.py [MT [REF [SRC]]] [--lang CODE] [--profile FILE]

Prints, for one corpus in one process: the CPU seconds spent identifying languages in
``Checker.context`` (``story_language``/``target_language``; the first langdetect run
loads its profiles), and the CPU seconds of WC401 and WC402 over all stories, with the
number of langdetect runs. wordfreq's lists, which many rules share, are loaded before
anything is timed. Defaults to the fixture feed. Run it against two trees to
compare before and after (the numbers move with the machine's load).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import engine, langid  # noqa: E402
from checker.engine import Checker  # noqa: E402
from checker.lexicon import NEWS_LANGUAGES, common_zipf, zipf  # noqa: E402
from checker.reading import read_feed  # noqa: E402

CODES = ("WC401", "WC402")


def runs() -> int:
    """langdetect runs so far: the misses of langid's cached entry points."""
    names = ("detect", "best_language", "confident_language")
    return sum(getattr(langid, n).cache_info().misses for n in names if hasattr(langid, n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mt", nargs="?", default=str(ROOT / "fixtures/feed/mt"))
    parser.add_argument("ref", nargs="?")
    parser.add_argument("src", nargs="?")
    parser.add_argument("--lang")
    parser.add_argument("--profile", help="write a cProfile of the WC4xx checks here")
    args = parser.parse_args()
    if args.mt == str(ROOT / "fixtures/feed/mt") and args.ref is None:
        args.ref, args.src = str(ROOT / "fixtures/feed/ref"), str(ROOT / "fixtures/feed/src")

    spent = {"context": 0.0}

    def timed(function):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return function(*a, **k)
            finally:
                spent["context"] += time.process_time() - start
        return wrapper

    engine.story_language = timed(engine.story_language)  # type: ignore[assignment]
    engine.target_language = timed(engine.target_language)  # type: ignore[assignment]
    stories = list(read_feed(args.mt, args.ref, args.src, args.lang))
    # The word lists are shared by many rules: load them before timing anything.
    for lang in NEWS_LANGUAGES:
        zipf("news", lang), common_zipf("news", lang)
    checker = Checker()
    rules = [r for r in checker.rules if getattr(r, "code", "") in CODES]
    contexts = [checker.context(story) for story in stories]
    context_runs = runs()
    profile = cProfile.Profile() if args.profile else None
    for rule in rules:
        start = time.process_time()
        if profile:
            profile.enable()
        for ctx in contexts:
            list(rule.check(ctx))
        if profile:
            profile.disable()
        spent[rule.code] = time.process_time() - start
    if profile:
        profile.dump_stats(args.profile)
    print(f"{len(stories)} stories from {args.mt}")
    print(f"  context language id  {spent['context']:6.2f}s CPU")
    for code in CODES:
        print(f"  {code}                {spent.get(code, 0.0):6.2f}s CPU")
    rule_runs = runs() - context_runs
    print(f"  langdetect runs: {context_runs} in context, {rule_runs} in rules")


if __name__ == "__main__":
    main()
