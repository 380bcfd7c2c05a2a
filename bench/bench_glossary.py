"""Glossary scaling and report run time.

Prints how long the glossary rules (WC101-WC103) take to check the fixture feed with a
500-term glossary and with a 50,000-term one, and the ratio (target: at most 2x); then
how long ``wirecheck report`` takes on the fixture feed, per format.

The big glossary is made up here: the bundled glossary plus synthetic English, French,
Spanish and German names built from real institution words ("National", "Institute",
"Council", "Agency"...) and invented place and field names, so that many terms share
words with real ones, as in a real terminology database. Checking time covers the
glossary work only (search, garble detection, the three rules) on contexts built once;
building the index is timed separately, since a run pays it once.

    .venv/bin/python bench/bench_glossary.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.config import Settings  # noqa: E402
from checker.context import StoryContext  # noqa: E402
from checker.engine import Checker  # noqa: E402
from checker.glossary.load import default_glossary_path, merge_glossaries  # noqa: E402
from checker.glossary.matcher import GlossaryIndex  # noqa: E402
from checker.glossary.model import Glossary, Status, Term  # noqa: E402
from checker.reading import read_feed  # noqa: E402
from checker.rules.glossary import ForbiddenTerm, GarbledTerm, KeyTermNotRendered  # noqa: E402

FEED = ROOT / "fixtures" / "feed"
SEED = ROOT.parent / "shared" / "seeds" / "sample-mt-story.txt"

NOUNS = {
    "en": ["Institute", "Council", "Agency", "Authority", "Bank", "Fund", "Office", "Commission",
           "Committee", "Organisation", "Centre", "Foundation", "Association", "Board", "Bureau",
           "Service", "Ministry", "Tribunal", "Court", "Forum", "Programme", "Federation",
           "League", "Network", "Society", "Trust", "Observatory", "Academy", "Secretariat",
           "Directorate", "Registry", "Chamber", "Assembly", "Mission", "Panel"],
    "fr": ["Institut", "Conseil", "Agence", "Autorité", "Banque", "Fonds", "Office",
           "Commission", "Comité", "Organisation", "Centre", "Fondation", "Association",
           "Bureau", "Service", "Ministère", "Tribunal", "Cour", "Forum", "Programme"],
    "es": ["Instituto", "Consejo", "Agencia", "Autoridad", "Banco", "Fondo", "Oficina",
           "Comisión", "Comité", "Organización", "Centro", "Fundación", "Asociación", "Junta",
           "Servicio", "Ministerio", "Tribunal", "Corte", "Foro", "Programa"],
    "de": ["Institut", "Rat", "Agentur", "Behörde", "Bank", "Fonds", "Amt", "Kommission",
           "Ausschuss", "Organisation", "Zentrum", "Stiftung", "Verband", "Vorstand", "Büro",
           "Dienst", "Ministerium", "Gericht", "Forum", "Programm"],
}
ADJECTIVES = {
    "en": ["National", "International", "Federal", "Regional", "European", "Asian", "African",
           "Central", "Global", "Royal", "State", "Joint", "United", "Independent",
           "Permanent", "Northern", "Southern", "Eastern", "Western", "Interim"],
    "fr": ["national", "international", "fédéral", "régional", "européen", "central",
           "mondial", "royal", "indépendant", "permanent"],
    "es": ["Nacional", "Internacional", "Federal", "Regional", "Europeo", "Central",
           "Mundial", "Real", "Independiente", "Permanente"],
    "de": ["Nationale", "Internationale", "Föderale", "Regionale", "Europäische", "Zentrale",
           "Globale", "Königliche", "Unabhängige", "Ständige"],
}
CONNECT = {"en": "for", "fr": "pour", "es": "para", "de": "für"}
SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vu", "bor", "den", "sha", "qui", "pol", "zer",
             "ni", "ta", "gro", "vel", "mar", "dun", "ex", "os", "ly", "fen", "cor", "bri"]


def made_up(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def synthetic_glossary(terms: int, seed: int = 7) -> Glossary:
    """``terms`` invented names in four languages, a concept per name."""
    rng = random.Random(seed)
    places = [made_up(rng, rng.randint(2, 3)) for _ in range(4000)]
    fields = [made_up(rng, rng.randint(2, 4)) for _ in range(3000)]
    glossary = Glossary()
    seen: set[str] = set()
    langs = list(NOUNS)
    number = 0
    while number < terms:
        lang = langs[number % 4]
        noun = rng.choice(NOUNS[lang])
        adjective = rng.choice(ADJECTIVES[lang])
        place, field, other = rng.choice(places), rng.choice(fields), rng.choice(fields)
        pattern = rng.randrange(5)
        if pattern == 0:
            text = f"{adjective} {field} {noun}"
        elif pattern == 1:
            text = f"{noun} {CONNECT[lang]} {field} {other}"
        elif pattern == 2:
            text = f"{place} {field} {noun}"
        elif pattern == 3:
            text = f"{adjective} {noun} {place}"
        else:
            text = f"{place} {noun} {CONNECT[lang]} {field}"
        if text in seen:
            continue
        seen.add(text)
        status = Status.DEPRECATED if number % 17 == 0 else Status.PREFERRED
        glossary.add(f"synthetic-{number}", Term(text, lang, status))
        number += 1
    return glossary


def small_glossary(size: int) -> Glossary:
    """The first concepts of the bundled glossary, about ``size`` terms in all."""
    full = merge_glossaries((), default=True)
    small = Glossary(sources=full.sources)
    for concept in full:
        if small.term_count() + len(concept.terms) > size:
            break
        small.concepts[concept.id] = concept
    return small


def big_glossary(size: int) -> Glossary:
    big = merge_glossaries((), default=True)
    big.merge(synthetic_glossary(size - big.term_count()))
    return big


def contexts() -> list[StoryContext]:
    checker = Checker(Settings(select=("WC0",)))
    stories = list(read_feed(FEED / "mt", FEED / "ref", FEED / "src"))
    return [checker.context(story) for story in stories]


def rules_with(index: GlossaryIndex) -> list:
    settings = Settings(select=("WC1",))
    rules = [KeyTermNotRendered(settings), ForbiddenTerm(settings), GarbledTerm(settings)]
    for rule in rules:
        rule.index = index
    return rules


def check_time(
    index: GlossaryIndex, stories: list[StoryContext], repeat: int
) -> tuple[float, int, int]:
    """Best checking time, number of findings, and findings on invented concepts."""
    rules = rules_with(index)
    invented = 0
    for ctx in stories:  # warm up: per-language indexes are built on first use
        for rule in rules:
            invented += sum(
                1 for hit in rule.check(replace(ctx, memo={}))
                if (hit.concept or "").startswith("synthetic-")
            )
    best = float("inf")
    findings = 0
    for _ in range(repeat):
        fresh = [replace(ctx, memo={}) for ctx in stories]
        start = time.perf_counter()
        found = 0
        for ctx in fresh:
            for rule in rules:
                found += sum(1 for _ in rule.check(ctx))
        best = min(best, time.perf_counter() - start)
        findings = found
    return best, findings, invented


def bench_scaling(repeat: int) -> None:
    stories = contexts()
    print(f"feed: {len(stories)} stories from {FEED.relative_to(ROOT)}, best of {repeat}")
    results = {}
    for label, glossary in (("500", small_glossary(500)), ("50,000", big_glossary(50_000))):
        start = time.perf_counter()
        index = GlossaryIndex(glossary)
        for lang in ("en", "fr", "es", "de"):
            index.language(lang)
        built = time.perf_counter() - start
        seconds, findings, invented = check_time(index, stories, repeat)
        results[label] = seconds
        print(
            f"  {label:>6}-term glossary ({glossary.term_count():,} terms, "
            f"{len(glossary):,} concepts): index built in {built:.2f} s, "
            f"checking {seconds * 1000:.1f} ms ({findings} findings, "
            f"{invented} on invented names)"
        )
    ratio = results["50,000"] / results["500"]
    verdict = "within" if ratio <= 2 else "OVER"
    print(f"  ratio 50,000 / 500 terms: {ratio:.2f}x ({verdict} the 2x target)")


def bench_report(repeat: int) -> None:
    from checker.report import render, report_feed

    print(f"report on {FEED.relative_to(ROOT)}, one process, best of {repeat}")
    best = float("inf")
    report: dict = {}
    for _ in range(repeat):
        start = time.perf_counter()
        report = report_feed(FEED / "mt", ref=FEED / "ref", src=FEED / "src", jobs=1)
        best = min(best, time.perf_counter() - start)
    summary = report["summary"]
    print(f"  read + check + report data: {best:.2f} s "
          f"({summary['stories']} stories, {summary['concepts_seen']} concepts)")
    for fmt in ("html", "json", "csv", "md"):
        rendered = ""
        fastest = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            rendered = render(report, fmt)
            fastest = min(fastest, time.perf_counter() - start)
        size = len(rendered.encode()) / 1024
        print(f"  render {fmt:>4}: {fastest * 1000:.0f} ms ({size:.0f} KiB)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "checker", "report", str(FEED / "mt"),
             "--ref", str(FEED / "ref"), "--src", str(FEED / "src"), "-o", str(out),
             "--isolated"],
            check=True, capture_output=True, cwd=tmp,
        )
        print(f"  wirecheck report --format html (new process, all cores): "
              f"{time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    default_glossary_path()  # fail early if the bundled glossary is missing
    bench_scaling(args.repeat)
    if not args.skip_report and FEED.is_dir():
        bench_report(max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
