"""How much of a full check the rules cost, rule by rule, on the throughput feed.

Runs ``wirecheck check --jobs 1`` over the feed of ``bench_throughput.py`` (240 stories
with references) as a fresh process for the whole check's CPU, then checks the same
stories in this process and times each stage with ``time.process_time``: building the
context (segmentation, alignment, scores, diffs), each rule's ``check`` (lazy loads of
word lists and patterns included, as a real run pays them once), and the result (story
figure). Prints the rules' share of the full check (issue target: at most a fifth) and
the costliest rules.

Usage: ``python bench/bench_rules.py [MT_DIR REF_DIR [LANG]] [--top N]``. One run on a
shared machine: the figures are noisy, the shares less so.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirefeed import make_feed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _full_check_cpu(mt: Path, ref: Path, lang: str, out: Path) -> float:
    before = _children_cpu()
    subprocess.run(
        [sys.executable, "-m", "checker", "check", str(mt), "--ref", str(ref), "--lang", lang,
         "--format", "json", "-o", str(out), "--exit-zero", "--jobs", "1",
         "--review-file", "-"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return _children_cpu() - before


def _stage_times(mt: Path, ref: Path, lang: str) -> tuple[Counter[str], Counter[str]]:
    from checker.config import Settings
    from checker.engine import Checker
    from checker.reading import read_feed

    stages: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    clock = time.process_time
    start = clock()
    checker = Checker(Settings(lang=lang))
    stages["build rules"] += clock() - start
    for story in read_feed(mt, ref, None, lang):
        start = clock()
        ctx = checker.context(story)
        stages["context"] += clock() - start
        for rule in checker.rules:
            if not rule.applies_to(ctx.lang):
                continue
            start = clock()
            for _ in rule.check(ctx):
                pass
            rules[f"{rule.code} {rule.name}"] += clock() - start
        findings = checker.findings(ctx)  # gathered once more for the figure's input
        start = clock()
        checker.result(ctx, findings)
        stages["result (figure)"] += clock() - start
    return stages, rules


def main(argv: list[str]) -> int:
    top = 12
    if "--top" in argv:
        at = argv.index("--top")
        top = int(argv[at + 1])
        del argv[at : at + 2]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if len(argv) >= 2:
            mt, ref, lang = Path(argv[0]), Path(argv[1]), argv[2] if len(argv) > 2 else "en"
        else:
            mt, ref, lang = root / "mt", root / "ref", "en"
            mt.mkdir()
            ref.mkdir()
            for number, story in enumerate(make_feed(stories=240, sentences=24, seed=3)):
                (mt / f"story-{number:04d}.txt").write_text(story.mt_text)
                (ref / f"story-{number:04d}.txt").write_text(story.ref_text)
        full = _full_check_cpu(mt, ref, lang, root / "out.json")
        stages, rules = _stage_times(mt, ref, lang)
    total_rules = sum(rules.values())
    print(f"full check --jobs 1 (fresh process): CPU {full:.2f} s")
    for name, seconds in stages.items():
        print(f"  {name:<28} {seconds:6.2f} s  {seconds / full:6.1%}")
    print(f"  {'rules (all)':<28} {total_rules:6.2f} s  {total_rules / full:6.1%}"
          f"  (target <= 20.0%)")
    print(f"costliest rules (of {len(rules)}):")
    for name, seconds in rules.most_common(top):
        print(f"  {name:<36} {seconds:6.3f} s  {seconds / full:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
