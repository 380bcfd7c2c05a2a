"""Recall and precision of wirecheck on annotated real pages (no reference, no source).

Reads a folder of page pairs, ``<name>.txt`` (the page text) and ``<name>.toml`` (its
annotation: ``kind`` mt|native, ``lang``, ``split`` dev|test and ``[[problem]]`` tables
with a ``category`` and the exact ``text`` of each must-fix problem, optionally its
``occurrence``), checks every page through the library API and prints, per split:

* recall per problem category: problems overlapped by a warning or error finding;
* precision of warning and error findings, overall and per rule category: findings
  that overlap some annotated problem, over all warning and error findings;
* false alarms per native page: warning and error findings on native pages that
  overlap no annotated problem;
* time spent in each rule family, beside the time to read, segment and align.

Usage: ``python bench/bench_pages.py [DIR] [--verbose]`` (DIR defaults to
``/work/devdata/pages``; the pages are other people's text and stay outside the
repository; without them the script says so and exits 0, so ``make bench`` runs
anywhere). ``--verbose`` lists every missed problem and every unmatched finding.
"""

from __future__ import annotations

import argparse
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine import Checker
from checker.model import Finding, Severity, StoryInput
from checker.text import normalise

DEFAULT_DIR = Path("/work/devdata/pages")
REPORTED = (Severity.WARNING, Severity.ERROR)


@dataclass(frozen=True)
class Problem:
    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Page:
    name: str
    kind: str
    split: str
    lang: str
    text: str
    problems: tuple[Problem, ...]


@dataclass
class Tally:
    problems: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    native_pages: int = 0
    native_alarms: int = 0
    pages: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def load_page(txt: Path) -> Page:
    meta = tomllib.loads(txt.with_suffix(".toml").read_text(encoding="utf-8"))
    text = normalise(txt.read_text(encoding="utf-8"))
    problems = []
    for entry in meta.get("problem", []):
        needle = normalise(entry["text"])
        span = _span(text, needle, int(entry.get("occurrence", 1)))
        if span is None:
            raise SystemExit(f"{txt.with_suffix('.toml')}: problem text not in page: {needle!r}")
        problems.append(Problem(entry["category"], span[0], span[1], needle))
    return Page(
        txt.stem, meta.get("kind", "mt"), meta.get("split", "dev"), meta.get("lang", "en"),
        text, tuple(problems),
    )


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class TimedChecker(Checker):
    """A checker that adds up the time each rule family takes."""

    def __init__(self, key_length: int = 3) -> None:
        super().__init__()
        self.times: Counter[str] = Counter()
        self.key_length = key_length
        """How much of a rule code names what is timed: 3 for a family ("WC2"), 5 for a rule."""

    def findings(self, ctx):  # type: ignore[no-untyped-def]
        for rule in self.rules:
            check = rule.check
            family = getattr(rule, "code", "user")[: self.key_length]

            def timed(story, _check=check, _family=family):  # type: ignore[no-untyped-def]
                start = time.perf_counter()
                hits = list(_check(story))
                self.times[_family] += time.perf_counter() - start
                return hits

            rule.check = timed  # type: ignore[method-assign]
        try:
            return super().findings(ctx)
        finally:
            for rule in self.rules:
                del rule.check


def score(page: Page, findings: list[Finding], tally: Tally) -> None:
    reported = [f for f in findings if f.severity in REPORTED]
    tally.pages += 1
    for problem in page.problems:
        tally.problems[problem.category] += 1
        if any(_overlaps(f.start, f.end, problem.start, problem.end) for f in reported):
            tally.found[problem.category] += 1
        else:
            tally.misses.append(f"{page.name}: [{problem.category}] {problem.text[:70]!r}")
    if page.kind == "native":
        tally.native_pages += 1
    for finding in reported:
        tally.findings[finding.category] += 1
        hit = any(_overlaps(finding.start, finding.end, p.start, p.end) for p in page.problems)
        if hit:
            tally.matched[finding.category] += 1
            continue
        if page.kind == "native":
            tally.native_alarms += 1
        tally.alarms.append(
            f"{page.name}: {finding.rule} {finding.severity} {finding.text[:60]!r}"
        )


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "-"


def report(name: str, tally: Tally, verbose: bool) -> None:
    print(f"== {name}: {tally.pages} pages ({tally.native_pages} native)")
    print("  recall per problem category:")
    for category in sorted(tally.problems):
        print(f"    {category:13s} {_ratio(tally.found[category], tally.problems[category])}")
    total_found, total = sum(tally.found.values()), sum(tally.problems.values())
    print(f"    {'ALL':13s} {_ratio(total_found, total)}")
    print("  precision of warning/error findings per rule category:")
    for category in sorted(tally.findings):
        print(f"    {category:13s} {_ratio(tally.matched[category], tally.findings[category])}")
    print(f"    {'ALL':13s} "
          f"{_ratio(sum(tally.matched.values()), sum(tally.findings.values()))}")
    per_page = (
        f"{tally.native_alarms / tally.native_pages:.2f}" if tally.native_pages else "-"
    )
    print(f"  false alarms per native page: {per_page} "
          f"({tally.native_alarms} on {tally.native_pages} pages)")
    if verbose:
        print("  missed problems:")
        for line in tally.misses:
            print(f"    {line}")
        print("  findings that match no annotated problem:")
        for line in tally.alarms:
            print(f"    {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--split", choices=("dev", "test", "all"), default=None,
                        help="report only this split (default: dev, test and all)")
    args = parser.parse_args(argv)
    pages = [load_page(p) for p in sorted(args.folder.glob("*.txt"))
             if p.with_suffix(".toml").exists()]
    if not pages:
        print(f"bench_pages: skipped, no annotated pages in {args.folder}")
        return 0
    checker = TimedChecker()
    tallies: dict[str, Tally] = defaultdict(Tally)
    context_time = 0.0
    for page in pages:
        story = StoryInput(page.name, page.text, str(args.folder / f"{page.name}.txt"),
                           lang=page.lang)
        start = time.perf_counter()
        ctx = checker.context(story)
        context_time += time.perf_counter() - start
        findings = checker.findings(ctx)
        score(page, findings, tallies[page.split])
        score(page, findings, tallies["all"])
    splits = [args.split] if args.split else ["dev", "test", "all"]
    for split in splits:
        report(split, tallies[split], args.verbose)
    rules_time = sum(checker.times.values())
    print(f"== time: read+segment+align {context_time:.2f}s, rules {rules_time:.2f}s")
    for family, seconds in sorted(checker.times.items()):
        print(f"    {family}x {seconds:.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
