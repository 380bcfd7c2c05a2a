"""Recall and false alarms of the glossary near-miss rules (WC102-WC104) on real text.

Two inputs, both kept outside the repository (they are other people's text):

* a cases file (TOML) of garbled names seen in real text, one ``[[case]]`` table each
  with ``lang``, ``concept`` (the glossary concept the name damages), ``span`` (the
  garbled name, verbatim), ``context`` (a sentence holding it), ``kind`` (``certain`` or
  ``possible``: what an editor would say) and ``split`` (``dev`` or ``test``);
* a folder of native news text, one UTF-8 file per document, named ``<lang>-*.txt``,
  ``*.<lang>`` or ``*-<lang>-*.txt``.

For each split it prints how many cases a WC102/WC103/WC104 finding of the right concept
covers (recall), and how many were found with a wrong concept; then, over the native
text, the findings per 1,000 sentences (every one a false alarm unless the native text
itself misnames an institution; ``--verbose`` lists them).

    python bench/bench_garbles.py [--cases FILE] [--native DIR] [--verbose]

Defaults: ``/work/devdata/glossary/recall.toml``, and ``/work/devdata/glossary/native``
with the clean-text corpus ``tests/data/clean``. Without them the script says so and
exits 0.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter
from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput

ROOT = Path(__file__).resolve().parent.parent
RULES = ("WC102", "WC103", "WC104")
LANGS = ("en", "fr", "es", "de", "it", "pt")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def findings(checker: Checker, text: str, lang: str) -> list[Finding]:
    story = StoryInput(id="bench", mt=text, mt_path="bench.txt", lang=lang)
    return [f for f in checker.check(story).findings if f.rule in RULES]


def language(path: Path) -> str | None:
    """The language a native file's name gives."""
    parts = re.split(r"[-_.]", path.name.lower())
    return next((p for p in reversed(parts) if p in LANGS), None)


def sentences(text: str) -> int:
    return sum(
        1 for line in text.splitlines() for s in _SENTENCE.split(line.strip()) if len(s) > 3
    )


def bench_cases(checker: Checker, path: Path, verbose: bool) -> None:
    cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    totals: dict[str, Counter[str]] = {}
    for case in cases:
        found = findings(checker, case["context"], case["lang"])
        over = [f for f in found if case["span"] in f.text or f.text in case["span"]]
        right = [f for f in over if f.concept == case["concept"]]
        count = totals.setdefault(case.get("split", "dev"), Counter())
        count["cases"] += 1
        count["found"] += bool(right)
        count["wrong concept"] += bool(over) and not right
        for f in right:
            count[f"{f.rule} ({case['kind']})"] += 1
        if verbose:
            got = ", ".join(f"{f.rule} {f.text!r}" for f in found) or "missed"
            print(f"  {case.get('split', 'dev'):4} {case['span']!r}: {got}")
    for split, count in sorted(totals.items()):
        rules = ", ".join(f"{k}: {v}" for k, v in sorted(count.items()) if k.startswith("WC"))
        print(
            f"{split}: recall {count['found']}/{count['cases']} = "
            f"{count['found'] / count['cases']:.2f}, wrong concept {count['wrong concept']}"
            f" ({rules})"
        )


def bench_native(checker: Checker, folders: list[Path], verbose: bool) -> None:
    total_sentences = 0
    alarms: Counter[str] = Counter()
    files = sorted(p for folder in folders for p in folder.iterdir() if p.is_file())
    for path in files:
        lang = language(path)
        if lang is None:
            continue
        text = path.read_text(encoding="utf-8")
        total_sentences += sentences(text)
        for f in findings(checker, text, lang):
            alarms[f.rule] += 1
            if verbose:
                print(f"  {path.name}: {f.rule} {f.text!r} -> {f.suggestion!r}")
    per = 1000 * sum(alarms.values()) / max(total_sentences, 1)
    rules = ", ".join(f"{k}: {v}" for k, v in sorted(alarms.items())) or "none"
    print(f"native: {total_sentences} sentences, findings {rules}; {per:.2f} per 1,000 sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=Path("/work/devdata/glossary/recall.toml"))
    parser.add_argument(
        "--native", type=Path, nargs="+",
        default=[Path("/work/devdata/glossary/native"), ROOT / "tests" / "data" / "clean"],
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    checker = Checker(Settings(select=RULES))
    if args.cases.is_file():
        bench_cases(checker, args.cases, args.verbose)
    else:
        print(f"no cases file at {args.cases}; skipped")
    folders = [folder for folder in args.native if folder.is_dir()]
    if folders:
        bench_native(checker, folders, args.verbose)
    else:
        print("no native text found; skipped")


if __name__ == "__main__":
    main()
