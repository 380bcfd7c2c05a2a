"""Inline codes over a folder of XLIFF files: what the reader keeps and what WC624 finds.

    python bench/bench_inline_codes.py [DIR]

DIR defaults to ``/work/devdata/realfiles`` (real XLIFF files are other people's and
stay outside the repository; without them the script says so and exits 0, so ``make
bench`` runs anywhere). Reads every ``.xlf``/``.xliff``/``.sdlxliff`` file under DIR
(files the reader refuses are counted, not fatal) and prints: files, stories, units
carrying inline codes, and WC624's findings by kind (missing, added or doubled,
placeholders). Every finding is listed so a person can judge it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.errors import WirecheckError
from checker.reading import read_feed

SUFFIXES = (".xlf", ".xliff", ".sdlxliff")
DEFAULT_DIR = Path("/work/devdata/realfiles")


def main(folder: Path) -> None:
    checker = Checker(Settings(select=("WC624",)))
    counts: Counter[str] = Counter()
    listed: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.name.lower().endswith(SUFFIXES)):
        try:
            stories = list(read_feed(path))
        except WirecheckError:
            counts["files refused by the reader"] += 1
            continue
        counts["files"] += 1
        for story in stories:
            counts["stories"] += 1
            counts["units with inline codes"] += len(story.codes)
            for finding in checker.check(story).findings:
                kind = ("missing" if "missing" in finding.message and "placeholder"
                        not in finding.message else "placeholder" if "placeholder"
                        in finding.message else "added or doubled")
                counts[f"findings: {kind}"] += 1
                listed.append(f"{path.name} {kind}: {finding.message[:110]}")
    for key in sorted(counts):
        print(f"{key:32} {counts[key]}")
    for line in listed:
        print("  " + line)


if __name__ == "__main__":
    if len(sys.argv) > 2:
        sys.exit("usage: python bench/bench_inline_codes.py [DIR]")
    folder = Path(sys.argv[1]) if len(sys.argv) == 2 else DEFAULT_DIR
    if not folder.is_dir():
        print(f"no XLIFF folder at {folder}: nothing to measure")
        sys.exit(0)
    main(folder)
