"""Source-language fragments on rater-marked MT: how many marked segments wirecheck flags.

Reads the MQM files of the public google/wmt-mqm-human-evaluation repository from a
folder: the WMT23 side-by-side sets ``sxs_mqm_generalMT2023_{ende,zhen}.3ratingsPerSegment
.tsv`` (system, doc, docSegId, rater, source, target with ``<v>`` marks, category...) and
the TED sets ``mqm_ted_{ende,zhen}.tsv``. Each rated MT segment (the human reference
systems excluded) is one segment of one MT system; it is marked when a rater marked a
span "Accuracy/Source language fragment" (TED: "Accuracy/Untranslated text") and
error-free when every rater found no error. The bench prints:

* WC401/WC402 (the MT alone, as before) on WMT23 en→de: marked segments with a warning
  or error, marked spans a finding overlaps, error-free segments flagged;
* WC403/WC404 (copied source words): each segment checked as a one-paragraph story with
  its source and, where the set has one, the human reference of the same segment (then
  once more without the reference, as a feed without references is checked), then
  whole documents as stories (segments as paragraphs, aligned by wirecheck).
  Marked segments with a WC403 warning (and how many are reachable at all: a marked
  span holds a word of the source that the reference lacks), with any WC403/WC404
  finding, marked spans overlapped, and error-free segments with a WC403 warning (false
  alarms) and with any finding. WMT23 en→de documents are split by position (even:
  development, odd: held out, as in ``bench_mqm.py``); WMT23 zh→en (no reference) and
  the TED sets are held out.

Usage: ``python bench/bench_fragments.py [FOLDER]`` (default ``$WIRECHECK_MQM_DATA``,
else ``/work/devdata/mqm``; the data is other people's text and stays outside the
repository; without it the script says so and exits 0, so ``make bench`` runs anywhere).
``--list`` prints each marked segment's spans and findings, to study misses.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, Severity, StoryInput

MARK = re.compile(r"</?v>")
FRAGMENT = frozenset({"Accuracy/Source language fragment", "Accuracy/Untranslated text"})
SETS = (
    # name, file, target, source, reference system, split documents by position
    ("WMT23 en-de", "sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv", "de", "en", "refA",
     True),
    ("WMT23 zh-en", "sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv", "en", "zh", "refA",
     False),
    ("TED en-de", "mqm_ted_ende.tsv", "de", "en", "ref", False),
    ("TED zh-en", "mqm_ted_zhen.tsv", "en", "zh", "ref", False),
)
REFERENCES = frozenset({"ref", "refA", "refB"})


@dataclass
class Segment:
    system: str
    doc: str
    seg: str
    src: str
    mt: str
    categories: set[str] = field(default_factory=set)
    spans: set[str] = field(default_factory=set)

    @property
    def marked(self) -> bool:
        return bool(self.categories & FRAGMENT)

    @property
    def clean(self) -> bool:
        return self.categories == {"No-error"}


def read(path: Path, ref_system: str) -> tuple[list[Segment], dict[tuple[str, str], str]]:
    """Rated MT segments, and the reference text by (doc, segment)."""
    csv.field_size_limit(sys.maxsize)
    segments: dict[tuple[str, str, str], Segment] = {}
    references: dict[tuple[str, str], str] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            system = (row.get("system") or "").split("_with_")[0]
            seg = row.get("docSegId") or row.get("seg_id") or ""
            doc, target = row.get("doc") or "", row.get("target") or ""
            if not system or not seg or row.get("source") is None:
                continue
            if system == ref_system:
                references.setdefault((doc, seg), MARK.sub("", target))
            if system in REFERENCES:
                continue
            item = segments.setdefault(
                (system, doc, seg),
                Segment(system, doc, seg, MARK.sub("", row["source"]), MARK.sub("", target)),
            )
            category = row.get("category") or ""
            item.categories.add(category)
            if category in FRAGMENT:
                item.spans.update(s.strip() for s in re.findall(r"<v>(.*?)</v>", target))
    return list(segments.values()), references


@dataclass
class Tally:
    marked: int = 0
    reachable: int = 0
    marked_warned: int = 0
    marked_any: int = 0
    spans: int = 0
    spans_hit: int = 0
    clean: int = 0
    clean_warned: int = 0
    clean_any: int = 0

    def line(self, name: str) -> str:
        def share(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"

        return (f"  {name:<30} marked segments warned {share(self.marked_warned, self.marked)}"
                f" (reachable {self.reachable}),"
                f" any finding {share(self.marked_any, self.marked)}; marked spans overlapped "
                f"{share(self.spans_hit, self.spans)}; error-free segments warned "
                f"{share(self.clean_warned, self.clean)}, any finding "
                f"{share(self.clean_any, self.clean)}")


def fragments_alone(segments: list[Segment], lang: str, src_lang: str) -> None:
    """WC401/WC402 on the MT alone, without and with the source language given."""
    checker = Checker(Settings(select=("WC401", "WC402"), default_glossary=False))
    marked = [s for s in segments if s.marked]
    clean = [s for s in segments if s.clean]
    for given in (None, src_lang):

        def flagged(text: str, _src: str | None = given) -> list[str]:
            story = StoryInput("s", text, "s", lang=lang, src_lang=_src)
            result = checker.check(story)
            return [f.text for f in result.findings if f.severity != Severity.INFO]

        hits = spans = span_hits = 0
        for seg in marked:
            found = flagged(seg.mt)
            hits += bool(found)
            for mark in seg.spans:
                spans += 1
                span_hits += any(mark in f or f in mark for f in found if f)
        alarms = sum(bool(flagged(seg.mt)) for seg in clean)
        print(f"  WC401/WC402, source language {given or 'not given'}: marked segments flagged "
              f"{hits}/{len(marked)}, marked spans overlapped {span_hits}/{spans}; "
              f"error-free segments flagged {alarms}/{len(clean)}")


def _by_segment(segments: list[Segment], references: dict[tuple[str, str], str], lang: str,
                src_lang: str, stories: bool) -> Iterator[tuple[Segment, list[Finding]]]:
    """Each segment with the WC403/WC404 findings in it: checked alone (with its source and
    reference), or as part of its document's story (segments as paragraphs, aligned by
    wirecheck as a feed would be)."""
    checker = Checker(Settings(select=("WC403", "WC404"), default_glossary=False))
    if not stories:
        for seg in segments:
            if seg.marked or seg.clean:
                ref = references.get((seg.doc, seg.seg))
                story = StoryInput("s", seg.mt, "s", ref=ref, src=seg.src, lang=lang,
                                   src_lang=src_lang)
                yield seg, list(checker.check(story).findings)
        return
    groups: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for seg in segments:
        groups[seg.system, seg.doc].append(seg)
    for group in groups.values():
        if not any(seg.marked or seg.clean for seg in group):
            continue
        group.sort(key=lambda seg: int(seg.seg) if seg.seg.isdigit() else 0)
        refs = [references.get((seg.doc, seg.seg)) for seg in group]
        spans, mt = [], ""
        for seg in group:
            mt += "\n\n" if mt else ""
            spans.append((len(mt), len(mt) + len(seg.mt)))
            mt += seg.mt
        story = StoryInput(
            "s", mt, "s", src="\n\n".join(seg.src for seg in group), lang=lang,
            ref="\n\n".join(r or "" for r in refs) if all(refs) else None, src_lang=src_lang,
        )
        findings = checker.check(story).findings
        for seg, (start, end) in zip(group, spans, strict=True):
            if seg.marked or seg.clean:
                yield seg, [f for f in findings if f.start < end and start < f.end]


def copied(segments: list[Segment], references: dict[tuple[str, str], str],
           lang: str, src_lang: str, split: bool, listing: bool,
           stories: bool = False) -> dict[str, Tally]:
    """WC403/WC404 per split."""
    docs = sorted({s.doc for s in segments})
    position = {doc: n for n, doc in enumerate(docs)}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for seg, findings in _by_segment(segments, references, lang, src_lang, stories):
        name = ("held out" if position[seg.doc] % 2 else "development") if split else "held out"
        ref = references.get((seg.doc, seg.seg))
        warned = [f.text for f in findings if f.severity != Severity.INFO]
        tally = tallies[name]
        if seg.marked:
            tally.marked += 1
            tally.reachable += _reachable(seg, ref)
            tally.marked_warned += bool(warned)
            tally.marked_any += bool(findings)
            for mark in seg.spans:
                tally.spans += 1
                tally.spans_hit += any(mark in f.text or f.text in mark for f in findings)
            if listing:
                print(f"    [{name}] {seg.doc} marked {sorted(seg.spans)} found "
                      f"{[(f.rule, f.text) for f in findings]}")
        else:
            tally.clean += 1
            tally.clean_warned += bool(warned)
            tally.clean_any += bool(findings)
            if listing and findings:
                print(f"    [{name}] {seg.doc} ERROR-FREE found "
                      f"{[(f.rule, f.text) for f in findings]}: {seg.mt[:160]!r}")
    return tallies


WORD = re.compile(r"[^\W\d_]{2,}")


def _reachable(seg: Segment, ref: str | None) -> bool:
    """Whether a marked span holds a word of the source that the reference lacks: the
    marks a rule comparing MT, source and reference can find."""
    source = {w.lower() for w in WORD.findall(seg.src)}
    reference = {w.lower() for w in WORD.findall(ref or "")}
    return any(
        w.lower() in source and w.lower() not in reference
        for span in seg.spans for w in WORD.findall(span)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("WIRECHECK_MQM_DATA") or "/work/devdata/mqm"
    parser.add_argument("folder", type=Path, nargs="?", default=Path(default))
    parser.add_argument("--list", action="store_true", help="print every marked segment")
    parser.add_argument("--only", help="run only the set whose name contains this")
    args = parser.parse_args(argv)
    if args.folder.is_file():
        args.folder = args.folder.parent
    found_any = False
    for name, file, lang, src_lang, ref_system, split in SETS:
        path = args.folder / file
        if not path.is_file() or (args.only and args.only not in name):
            continue
        found_any = True
        segments, references = read(path, ref_system)
        print(f"{name} ({len(segments)} rated MT segments, "
              f"{'with' if references else 'no'} reference):")
        if name == "WMT23 en-de":
            fragments_alone(segments, lang, src_lang)
        runs = [("", references, False)] + ([(", no ref", {}, False)] if references else [])
        runs.append((", stories", references, True))
        for label, refs, stories in runs:
            tallies = copied(segments, refs, lang, src_lang, split, args.list, stories)
            for split_name in ("development", "held out"):
                if split_name in tallies:
                    print(tallies[split_name].line(f"WC403/WC404 {split_name}{label}"))
    if not found_any:
        print(f"bench_fragments: skipped, no MQM files in {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
