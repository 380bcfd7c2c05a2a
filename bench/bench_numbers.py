"""Precision and recall of the number rules (WC501, WC502) on real MT with MQM ratings.

Reads the public MQM files of google/wmt-mqm-human-evaluation (kept outside the
repository) from DATA, a folder holding any of::

    sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv   (WMT23 news, en→de, refA)
    mqm_ted_ende.tsv                                    (TED talks, en→de, ref)

Each rated segment (one system's translation of one paragraph) is checked as a story
of its own, in two modes: MT against its source (``--src``) and MT against the human
reference (``--ref``; the reference system itself is left out). A segment is *number
damage* when a rater marked an accuracy error (mistranslation, omission, addition)
whose span holds a number (digits or a number word) in the MT or the source, or when
``DATA/adjudicated.tsv`` (``dataset<TAB>system<TAB>segment<TAB>1|0``, hand-checked)
says its numbers really differ (1) or do not (0). A segment is *error-free* when it
holds a number and no rater marked any accuracy error in it.

Prints, per data set, part and mode: findings of each rule, their precision (findings
on number-damage segments), recall (number-damage segments with a WC501/WC502, also
restricted to rater spans centred on a figure), false alarms per 1,000 error-free
segments with numbers, and how many real kinds of damage injected into error-free MT
(a digit changed, two digits swapped, million/billion swapped, the figure dropped) are
found. It then checks each system's translation of a whole document as one story
(alignment included) and prints precision and false alarms again. Documents are split
into a development part and a held-out part by a hash of their name (``--part``).

    python bench/bench_numbers.py [DATA] [--part dev|heldout|all] [--show N]

Without DATA (or ``$WIRECHECK_MQM_DATA``), or without the files, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput
from checker.numbers import find_numbers, is_small

DATASETS = {
    "wmt23-ende": ("sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv", "refA", "en", "de"),
    "ted-ende": ("mqm_ted_ende.tsv", "ref", "en", "de"),
}
ACCURACY = ("Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition")
_NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|first|second|"
    r"third|eins?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|"
    r"dreißig|vierzig|fünfzig|hundert|tausend|Millionen|Million|Milliarden?|Dutzend|"
    r"halbe?|erste[nrms]?|zweite[nrms]?|dritte[nrms]?)\b",
    re.IGNORECASE,
)
_MARK = re.compile(r"</?v>")


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text) or _NUMBER_WORDS.search(text))


@dataclass
class Segment:
    dataset: str
    doc: str
    seg: str
    system: str
    source: str
    target: str
    accuracy_spans: list[str] = field(default_factory=list)
    any_accuracy: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.dataset, self.system, f"{self.doc}#{self.seg}")


def _marked(text: str) -> str:
    match = re.search(r"<v>(.*?)</v>", text)
    return match.group(1) if match else ""


def load(path: Path, dataset: str) -> tuple[list[Segment], dict[tuple[str, str], str]]:
    """Segments (one per system and paragraph) and the reference text per paragraph."""
    _, ref_system, _, _ = DATASETS[dataset]
    csv.field_size_limit(1 << 30)
    segments: dict[tuple[str, str, str], Segment] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        seg_col = header.index("docSegId") if "docSegId" in header else header.index("seg_id")
        for row in rows:
            system, doc, seg = row[0], row[1], row[seg_col]
            source, target, category = row[5], row[6], row[7]
            key = (system, doc, seg)
            if key not in segments:
                segments[key] = Segment(
                    dataset, doc, seg, system, _MARK.sub("", source), _MARK.sub("", target)
                )
            if category.startswith(ACCURACY):
                segment = segments[key]
                segment.any_accuracy = True
                segment.accuracy_spans.append(_marked(source) + " " + _marked(target))
    refs = {(s.doc, s.seg): s.target for s in segments.values() if s.system == ref_system}
    return list(segments.values()), refs


def in_part(doc: str, part: str) -> bool:
    held_out = zlib.crc32(doc.encode()) % 2 == 1
    return part == "all" or (part == "heldout") == held_out


def adjudications(folder: Path) -> dict[tuple[str, str, str], bool]:
    path = folder / "adjudicated.tsv"
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and not line.startswith("#"):
            found[(parts[0], parts[1], parts[2])] = parts[3].strip() == "1"
    return found


def centred(segment: Segment) -> bool:
    """A rater span that is mostly a figure: at most three words, one with a digit."""
    return any(
        re.search(r"\d", span) and len(span.split()) <= 3 for span in segment.accuracy_spans
    )


def damaged(segment: Segment, adjudicated: dict) -> bool:
    if segment.key in adjudicated:
        return adjudicated[segment.key]
    return any(has_number(span) for span in segment.accuracy_spans)


def corruptions(mt: str, lang: str) -> list[tuple[str, str]]:
    """Real kinds of damage injected into the first written figure of a clean MT."""
    figures = [
        m for m in find_numbers(mt, lang)
        if m.kind == "number" and not m.spelled and not is_small(m) and re.search(r"\d", m.text)
    ]
    if not figures:
        return []
    figure = figures[0]
    text = figure.text
    before, after = mt[: figure.start], mt[figure.end :]
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    first = digits[0]
    changed = text[:first] + str(int(text[first]) % 9 + 1) + text[first + 1 :]
    found = [("digit", before + changed + after)]
    pair = [i for i in digits[:2]]
    if len(pair) == 2 and text[pair[0]] != text[pair[1]]:
        a, b = pair
        swapped = text[:a] + text[b] + text[a + 1 : b] + text[a] + text[b + 1 :]
        found.append(("swap", before + swapped + after))
    for small, large in _SCALE_SWAPS:
        if small in after[:14] or small in text:
            found.append(("scale", before + text.replace(small, large)
                          + after.replace(small, large, 1)))
            break
    found.append(("drop", before.rstrip() + " " + after.lstrip()))
    return found


_SCALE_SWAPS = [("Milliarden", "Millionen"), ("Millionen", "Milliarden"), ("Mrd.", "Mio."),
                ("Mio.", "Mrd."), ("billion", "million"), ("million", "billion")]


def run(folder: Path, dataset: str, part: str, show: int) -> None:
    file_name, ref_system, src_lang, lang = DATASETS[dataset]
    segments, refs = load(folder / file_name, dataset)
    adjudicated = adjudications(folder)
    checker = Checker(Settings(select=("WC5",)))
    for mode in ("src", "ref"):
        stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # rule -> [found, right]
        caught = damage = clean = clean_alarms = centred_caught = centred_damage = 0
        injected: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        shown: list[str] = []
        for segment in segments:
            if not in_part(segment.doc, part) or not segment.target.strip():
                continue
            reference = refs.get((segment.doc, segment.seg))
            if mode == "ref" and (segment.system == ref_system or not reference):
                continue
            other = segment.source if mode == "src" else reference
            if not (has_number(other) or has_number(segment.target)):
                continue
            story = StoryInput(
                id=segment.seg, mt=segment.target, mt_path="mt.txt", lang=lang,
                src=other if mode == "src" else None, src_lang=src_lang if mode == "src" else None,
                ref=other if mode == "ref" else None,
            )
            findings = checker.check(story).findings
            is_damaged = damaged(segment, adjudicated)
            damage += is_damaged
            caught += is_damaged and bool(findings)
            if centred(segment) and is_damaged:
                centred_damage += 1
                centred_caught += bool(findings)
            if not segment.any_accuracy and not is_damaged:
                clean += 1
                clean_alarms += any(f.severity.value in ("error", "warning") for f in findings)
                for kind, corrupted in corruptions(segment.target, lang) if not findings else ():
                    story = replace(story, mt=corrupted)
                    injected[kind][0] += 1
                    injected[kind][1] += bool(checker.check(story).findings)
            for finding in findings:
                stats[finding.rule][0] += 1
                stats[finding.rule][1] += is_damaged
                if not is_damaged and len(shown) < show:
                    shown.append(
                        f"  [{finding.rule}\t{chr(9).join(segment.key)}\t] {finding.message}\n"
                        f"     {mode}: {other[:300]}\n     mt : {segment.target[:300]}"
                    )
        print(f"{dataset} {part} --{mode}: {damage} number-damage segments, {clean} error-free")
        for rule in ("WC501", "WC502"):
            found, right = stats.get(rule, [0, 0])
            precision = f"{right / found:.2f}" if found else "n/a"
            print(f"  {rule}: {found} findings, precision {precision} ({right}/{found})")
        recall = f"{caught / damage:.2f}" if damage else "n/a"
        print(f"  recall {recall} ({caught}/{damage}); false alarms per 1,000 error-free "
              f"segments with numbers: {1000 * clean_alarms / max(clean, 1):.1f} "
              f"({clean_alarms}/{clean})")
        recall = f"{centred_caught / centred_damage:.2f}" if centred_damage else "n/a"
        print(f"  recall on spans centred on a figure (<= 3 words with a digit): {recall} "
              f"({centred_caught}/{centred_damage})")
        found = "; ".join(
            f"{kind} {hit}/{total}"
            for kind, (total, hit) in sorted(injected.items())
        )
        print(f"  changes injected into error-free MT, found: {found}")
        for line in shown:
            print(line)


def run_documents(folder: Path, dataset: str, part: str) -> None:
    """Each system's translation of a document checked as one story (alignment included)."""
    file_name, ref_system, src_lang, lang = DATASETS[dataset]
    segments, refs = load(folder / file_name, dataset)
    adjudicated = adjudications(folder)
    checker = Checker(Settings(select=("WC5",)))
    documents: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for segment in segments:
        if in_part(segment.doc, part) and segment.target.strip():
            documents[(segment.system, segment.doc)].append(segment)
    for mode in ("src", "ref"):
        found = right = clean = clean_alarms = 0
        for (system, doc), parts in sorted(documents.items()):
            parts.sort(key=lambda s: int(s.seg))
            others = [s.source if mode == "src" else refs.get((doc, s.seg), "") for s in parts]
            if mode == "ref" and (system == ref_system or not all(others)):
                continue
            starts, offset = [], 0
            for segment in parts:
                starts.append(offset)
                offset += len(segment.target) + 2
            story = StoryInput(
                id=doc, mt="\n\n".join(s.target for s in parts), mt_path="mt.txt", lang=lang,
                src="\n\n".join(others) if mode == "src" else None,
                src_lang=src_lang if mode == "src" else None,
                ref="\n\n".join(others) if mode == "ref" else None,
            )
            flagged: set[int] = set()
            for finding in checker.check(story).findings:
                index = max(i for i, start in enumerate(starts) if start <= finding.start)
                flagged.add(index)
                found += 1
                right += damaged(parts[index], adjudicated)
            for index, segment in enumerate(parts):
                if has_number(segment.target) and not segment.any_accuracy and not damaged(
                    segment, adjudicated
                ):
                    clean += 1
                    clean_alarms += index in flagged
        precision = f"{right / found:.2f}" if found else "n/a"
        print(f"{dataset} {part} --{mode}, whole documents: {found} findings, precision "
              f"{precision} ({right}/{found}); false alarms per 1,000 error-free segments "
              f"with numbers: {1000 * clean_alarms / max(clean, 1):.1f} ({clean_alarms}/{clean})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data", type=Path, nargs="?", default=os.environ.get("WIRECHECK_MQM_DATA"),
        help="folder of the MQM files (default: $WIRECHECK_MQM_DATA)",
    )
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--show", type=int, default=0, help="print N unconfirmed findings")
    parser.add_argument("--dataset", choices=tuple(DATASETS), action="append")
    args = parser.parse_args(argv)
    if args.data is None:
        print("bench_numbers: no MQM data folder given (argument or $WIRECHECK_MQM_DATA); "
              "nothing to do")
        return 0
    args.data = Path(args.data)
    present = [
        name for name in args.dataset or DATASETS
        if (args.data / DATASETS[name][0]).is_file()
    ]
    if not present:
        print(f"bench_numbers: no MQM data in {args.data} (see the docstring); nothing to do")
        return 0
    for name in present:
        run(args.data, name, args.part, args.show)
        run_documents(args.data, name, args.part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
