"""WC402 on real sentences that use loan phrases ("déjà vu" in English or Spanish news).

Reads the ``*.loans.tsv`` files of a folder (default ``$WIRECHECK_LOANS_DATA``, else
``/work/devdata/loans``): tab-separated ``lang``, ``url``, ``sentence`` per line, ``#``
comments allowed; every sentence is native text of ``lang`` that uses a loan phrase, so
every WC402 finding on it is a false alarm. Prints, per language, the sentences checked
and the sentences flagged, with ``--list`` the flagged text. The sentences are other
people's text and stay outside the repository; without them the script says so and
exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput
from checker.text import normalise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("WIRECHECK_LOANS_DATA", "/work/devdata/loans")
    parser.add_argument("folder", nargs="?", default=default)
    parser.add_argument("--list", action="store_true", help="print each flagged sentence")
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.loans.tsv")) if Path(args.folder).is_dir() else []
    if not files:
        print(f"no loan-phrase sentences in {args.folder}: nothing to measure")
        return
    checker = Checker(Settings(select=("WC402",), default_glossary=False))
    checked: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            lang, _url, sentence = line.split("\t", 2)
            text = normalise(sentence)
            story = StoryInput(id=f"{file.stem}-{number}", mt=text, mt_path=str(file), lang=lang)
            findings = checker.findings(checker.context(story))
            checked[lang] += 1
            if findings:
                flagged[lang] += 1
                if args.list:
                    print(f"  {lang} {[f.text for f in findings]} | {text[:100]}")
    for lang in sorted(checked):
        print(f"{lang}: {checked[lang]} sentences with a loan phrase, {flagged[lang]} flagged")
    total = sum(checked.values())
    print(f"all: {total} sentences, {sum(flagged.values())} flagged by WC402 (false alarms)")


if __name__ == "__main__":
    main()
