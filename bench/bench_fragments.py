"""Source-language fragments on rater-marked MT: how many marked segments wirecheck flags.

Reads a side-by-side MQM file of the public google/wmt-mqm-human-evaluation repository
(``sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv``: system, doc, segment, rater,
source, target with ``<v>`` marks, category, severity...) and checks every target
segment with WC401 and WC402, without and with the source language given. It prints:

* segments raters marked "Accuracy/Source language fragment" that get a warning or
  error, and marked spans a finding overlaps;
* segments every rater found error-free that get a warning or error (false alarms).

Usage: ``python bench/bench_fragments.py [FILE] [--lang de] [--src-lang en]`` (the data
is other people's text and stays outside the repository; without it the script says so
and exits 0, so ``make bench`` runs anywhere).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.model import Severity, StoryInput

MARK = re.compile(r"</?v>")
FRAGMENT = "Accuracy/Source language fragment"
DEFAULT_FILE = Path("/work/devdata/mqm/sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv")


def read(path: Path) -> tuple[dict[tuple[str, ...], tuple[str, set[str]]], dict]:
    """Marked segments (text, marked spans) and error-free segments (text), by key."""
    csv.field_size_limit(sys.maxsize)
    marked: dict[tuple[str, ...], tuple[str, set[str]]] = {}
    texts: dict[tuple[str, ...], str] = {}
    categories: dict[tuple[str, ...], set[str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) < 9:
                continue
            key = (row[0], row[1], row[2])
            target, category = row[6], row[7]
            texts.setdefault(key, MARK.sub("", target))
            categories.setdefault(key, set()).add(category)
            if category == FRAGMENT:
                spans = marked.setdefault(key, (texts[key], set()))[1]
                spans.update(re.findall(r"<v>(.*?)</v>", target))
    clean = {k: texts[k] for k, cats in categories.items() if cats == {"No-error"}}
    return marked, clean


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE)
    parser.add_argument("--lang", default="de")
    parser.add_argument("--src-lang", default="en")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"bench_fragments: skipped, no MQM file at {args.file}")
        return 0
    marked, clean = read(args.file)
    checker = Checker(Settings(select=("WC401", "WC402"), default_glossary=False))
    for src_lang in (None, args.src_lang):

        def flagged(text: str, _src: str | None = src_lang) -> list[str]:
            story = StoryInput("s", text, "s", lang=args.lang, src_lang=_src)
            result = checker.check(story)
            return [f.text for f in result.findings if f.severity != Severity.INFO]

        segments = spans = span_hits = 0
        for text, marks in marked.values():
            found = flagged(text)
            segments += bool(found)
            for mark in marks:
                spans += 1
                span_hits += any(mark in f or f in mark for f in found if f)
        alarms = sum(bool(flagged(text)) for text in clean.values())
        print(f"source language {src_lang or 'not given'}: marked segments flagged "
              f"{segments}/{len(marked)}, marked spans overlapped {span_hits}/{spans}; "
              f"error-free segments flagged {alarms}/{len(clean)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
