"""Accuracy on real news MT with expert MQM annotations (WMT23, google/wmt-mqm-human-evaluation).

Usage: ``python bench/bench_mqm.py DATA [--dump FILE] [--study FILE]`` where DATA is a folder
holding the side-by-side MQM files of that repository,
``sxs_mqm_generalMT2023_{ende,zhen}.3ratingsPerSegment.tsv``
(or the ``.tsv.tar.gz`` archives as published); without arguments (``make bench``) it
reads the folder from ``$WIRECHECK_MQM_DATA``. Without data the bench says so and
exits 0. The text is other people's: keep it outside this repository. ``--dump`` writes
each story's MQM score, chrF, unit count and findings as JSON; ``--study`` adds the
figure, the findings' offsets, the aligned units and the gold segments with their
ratings, to study the story figure offline (it holds the texts: write it outside the
repository too).

Each document × MT system becomes a story whose paragraphs are the rated segments. The
stories are then re-chunked as real feeds are: segments split into paragraphs at
sentence boundaries (the MT keeps its source's paragraphs where it has as many
sentences, the reference is chunked on its own), one MT segment dropped in half of the
stories (alignment runs only), and a byline put
first in the reference (after the headline) but after the lede in the MT. Segments are
the gold correspondence, so the bench prints:

* alignment link F1 (MT segment × other-side segment pairs sharing a unit), MT↔source
  with ``--src`` only and MT↔reference with ``--ref`` only, and how often the lede of a
  byline-first reference is aligned;
* omission recall: segments that raters marked ``Accuracy/Omission`` getting a warning or
  error (any rule, and WC9 alone), and false alarms on segments all raters found clean;
* Kendall τ-b, per document, between the ranking of systems by the story figure
  (``StoryResult.triage``) and by MQM, averaged over documents, beside the figure's base
  alone (no findings), plain corpus chrF over the gold-aligned segments and the story
  chrF.

Documents are split in two halves by position (even: development, odd: held out); the
zh→en set (no reference) is held out entirely and only measures MT↔source alignment
and source-side omissions.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import sys
import tarfile
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sacrebleu.metrics import CHRF

from checker.config import Settings
from checker.engine import Checker
from checker.model import Severity, StoryInput
from checker.scoring import figure_base
from checker.segment import segment

FILES = {
    "en-de": "sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv",
    "zh-en": "sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv",
}
REFERENCE_SYSTEM = "refA"
BYLINES = ("Anna Keller", "Jonas Weber", "Lena Hofmann", "Mark Ellison", "Ruth Ortega")


@dataclass
class Segment:
    src: str
    mt: str
    ratings: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def mqm(self) -> float:
        """Mean MQM penalty over raters (Major 5, Minor 1, minor punctuation 0.1)."""
        total = 0.0
        for marks in self.ratings.values():
            for category, severity in marks:
                if category in ("No-error", "Found", "Missed", "Source issue"):
                    continue
                if category.startswith("Non-translation"):
                    total += 25
                elif severity == "Major":
                    total += 5
                elif category == "Fluency/Punctuation":
                    total += 0.1
                else:
                    total += 1
        return total / max(1, len(self.ratings))

    def omission(self) -> bool:
        return any("Omission" in c for marks in self.ratings.values() for c, _ in marks)

    def clean(self) -> bool:
        return all(c == "No-error" for marks in self.ratings.values() for c, _ in marks)


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    if path.exists():
        text = path.read_text(encoding="utf-8")
    else:
        with tarfile.open(f"{path}.tar.gz") as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith(".tsv"))
            handle = archive.extractfile(member)
            assert handle is not None
            text = handle.read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _plain(text: str) -> str:
    """The segment without the raters' span marks."""
    return re.sub(r"</?v>", "", text)


def load(path: Path) -> dict[str, dict[str, list[Segment]]]:
    """``{doc: {system: [segments in order]}}`` from one side-by-side MQM file."""
    docs: dict[str, dict[str, dict[int, Segment]]] = defaultdict(lambda: defaultdict(dict))
    for row in _rows(path):
        system = row["system"].split("_with_")[0]
        segs = docs[row["doc"]][system]
        number = int(row["docSegId"])
        if number not in segs:
            segs[number] = Segment(_plain(row["source"]), _plain(row["target"]))
        segs[number].ratings[row["rater"]].append((row["category"], row["severity"]))
    return {
        doc: {system: [segs[k] for k in sorted(segs)] for system, segs in systems.items()}
        for doc, systems in docs.items()
    }


# -- building stories ----------------------------------------------------------------
@dataclass
class Built:
    text: str
    spans: dict[int, list[tuple[int, int]]]
    """Segment index -> character spans of its text in ``text``."""


def _chunks(text: str, lang: str, rng: random.Random, plan: list[list[int]] | None,
            index: int) -> list[str]:
    """A segment's sentences grouped into paragraphs of one to three sentences.

    With a ``plan`` (the source's grouping, one list of sizes per segment) the MT is
    grouped the same way when it has as many sentences: engines translate paragraph by
    paragraph. A fresh grouping is appended to ``plan`` when it is being recorded.
    """
    doc = segment(text, lang)
    sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))] or [text]
    sizes: list[int] = []
    if plan is not None and index < len(plan) and sum(plan[index]) == len(sentences):
        sizes = plan[index]
    else:
        while sum(sizes) < len(sentences):
            sizes.append(rng.choice((1, 2, 2, 3, 3, 9)))
    if plan is not None and index == len(plan):
        plan.append(sizes)
    out, k = [], 0
    for size in sizes:
        out.append(" ".join(sentences[k : k + size]))
        k += size
    return [chunk for chunk in out if chunk]


def build(pieces: list[tuple[int, str]]) -> Built:
    """Join (segment index, paragraph) pieces with blank lines; index -1 is chrome."""
    text, spans = "", defaultdict(list)
    for index, paragraph in pieces:
        if text:
            text += "\n\n"
        spans[index].append((len(text), len(text) + len(paragraph)))
        text += paragraph
    return Built(text, dict(spans))


def seg_of(built: Built, start: int, end: int) -> set[int]:
    """Segments whose text overlaps ``[start, end)`` (chrome excluded)."""
    return {
        index
        for index, spans in built.spans.items()
        if index >= 0 and any(s < end and start < e for s, e in spans)
    }


def side_pieces(
    segs: list[str], lang: str, rng: random.Random, drop: int | None, byline: str | None,
    byline_after: int, plan: list[list[int]] | None = None,
) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    for index, text in enumerate(segs):
        chunks = _chunks(text, lang, rng, plan, index)
        if index == drop:
            continue
        for chunk_no, chunk in enumerate(chunks):
            pieces.append((index, chunk))
            if byline and index == byline_after and chunk_no == 0:
                pieces.append((-1, byline))
    return pieces


# -- measures ------------------------------------------------------------------------
def links(checker: Checker, story: StoryInput, mt: Built, other: Built, side: str) -> set:
    found = set()
    for unit in checker.context(story).units:
        start, end = (unit.ref_start, unit.ref_end) if side == "ref" else (unit.src_start,
                                                                          unit.src_end)
        if unit.mt_start is None or start is None:
            continue
        mts = seg_of(mt, unit.mt_start, unit.mt_end)
        found |= {(i, j) for i in mts for j in seg_of(other, start, end)}
    return found


def kendall(xs: list[float], ys: list[float]) -> float | None:
    """Kendall's τ-b."""
    concordant = discordant = tie_x = tie_y = 0
    for a in range(len(xs)):
        for b in range(a + 1, len(xs)):
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tie_x += 1
            elif dy == 0:
                tie_y += 1
            elif (dx > 0) == (dy > 0):
                concordant += 1
            else:
                discordant += 1
    denominator = ((concordant + discordant + tie_x) * (concordant + discordant + tie_y)) ** 0.5
    return (concordant - discordant) / denominator if denominator else None


@dataclass
class Tally:
    link: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    lede: list[int] = field(default_factory=lambda: [0, 0])
    omitted: list[int] = field(default_factory=lambda: [0, 0, 0])
    clean: list[int] = field(default_factory=lambda: [0, 0, 0])
    taus: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    crashes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false_alarms: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    stories: list[dict] = field(default_factory=list)
    study: list[dict] = field(default_factory=list)

    def f1(self, side: str) -> str:
        hit, found, gold = self.link[side]
        if not found or not gold:
            return "n/a"
        p, r = hit / found, hit / gold
        return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f} ({gold} gold links)"


def flagged(result, mt: Built, index: int, wc9_only: bool) -> bool:
    for finding in result.findings:
        if finding.severity == Severity.INFO or (wc9_only and not finding.rule.startswith("WC9")):
            continue
        for s, e in mt.spans.get(index, ()):
            inside = s <= finding.start <= e and finding.end <= e
            if inside or (finding.start < e and s < finding.end):
                return True
    return False


def _rules_in(result, mt: Built, index: int) -> set[str]:
    """Rules with a warning or error inside segment ``index``."""
    return {
        f.rule for f in result.findings
        if f.severity != Severity.INFO
        and any(s <= f.start <= e and f.end <= e for s, e in mt.spans.get(index, ()))
    }


def run_pair(
    pair: str, docs: dict, checker: Checker, full: Checker, fallback: Checker, tallies: dict
) -> None:
    src_lang, lang = pair.split("-")
    chrf = CHRF()
    for doc_no, doc in enumerate(sorted(docs)):
        split = "held out" if pair != "en-de" or doc_no % 2 else "development"
        tally = tallies.setdefault(f"{pair}, {split}", Tally())
        systems = docs[doc]
        ref_segs = systems.get(REFERENCE_SYSTEM)
        figures: dict[str, list[float]] = defaultdict(list)
        for system in sorted(s for s in systems if s != REFERENCE_SYSTEM):
            segs = systems[system]
            if ref_segs is not None and len(ref_segs) != len(segs):
                continue
            rng = random.Random(zlib.crc32(f"{doc}|{system}".encode()))
            n = len(segs)
            drop = rng.randrange(1, n) if n > 2 and rng.random() < 0.5 else None
            byline = f"{rng.choice(BYLINES)}" if ref_segs is not None and n > 2 else None
            plan: list[list[int]] = []
            src = build(side_pieces([s.src for s in segs], src_lang, rng, None, None, 0, plan))
            # Alignment: one MT segment dropped, byline after the lede in the MT.
            mt = build(side_pieces([s.mt for s in segs], lang, rng, drop, byline, 1, plan))
            gold = {(i, i) for i in range(n) if i != drop}
            story = StoryInput("s", mt.text, "mt", src=src.text, lang=lang, src_lang=src_lang)
            _count(tally.link["MT-src"], gold, links(checker, story, mt, src, "src"))
            if ref_segs is not None:
                ref = build(side_pieces([s.mt for s in ref_segs], lang, rng, None,
                                        f"Von {byline}" if byline else None, 0))
                story = StoryInput("s", mt.text, "mt", ref=ref.text, lang=lang)
                found = links(checker, story, mt, ref, "ref")
                _count(tally.link["MT-ref"], gold, found)
                if byline and drop != 1:
                    tally.lede[0] += 1
                    tally.lede[1] += (1, 1) in found
            # Findings and triage: the whole MT (no drop), reference and source.
            mt = build(side_pieces([s.mt for s in segs], lang, rng, None, None, 0, plan))
            ref_text = None
            if ref_segs is not None:
                ref_text = build(side_pieces([s.mt for s in ref_segs], lang, rng, None, None,
                                             0)).text
            whole = StoryInput("s", mt.text, "mt", ref=ref_text, src=src.text, lang=lang,
                               src_lang=src_lang)
            try:
                result = full.check(whole)
            except Exception as error:  # another family's bug must not stop the bench
                tally.crashes[type(error).__name__] += 1
                result = fallback.check(whole)
            for index, seg in enumerate(segs):
                for counts, wanted in ((tally.omitted, seg.omission()), (tally.clean, seg.clean())):
                    if wanted:
                        counts[0] += 1
                        counts[1] += flagged(result, mt, index, False)
                        counts[2] += flagged(result, mt, index, True)
                if seg.clean():
                    for rule in _rules_in(result, mt, index):
                        tally.false_alarms[rule] += 1
            if ref_segs is None:
                continue
            tally.stories.append({
                "doc": doc, "system": system, "mqm": sum(s.mqm() for s in segs) / n,
                "chrf": result.scores.chrf, "units": len(result.units),
                "findings": [[f.rule, str(f.severity)] for f in result.findings],
            })
            tally.study.append({
                **tally.stories[-1], "triage": result.triage,
                "spans": [[f.start, f.end, f.unit, f.message] for f in result.findings],
                "mt": mt.text, "segments": [[s.mt, r.mt, s.mqm(), dict(s.ratings)] for s, r in
                                            zip(segs, ref_segs, strict=True)],
                "aligned": [[u.mt, u.ref, u.chrf] for u in result.units],
            })
            figures["mqm"].append(-sum(s.mqm() for s in segs) / n)
            figures["triage"].append(result.triage if result.triage is not None else -1e9)
            figures["figure base"].append(figure_base(result.scores, result.units) or 0.0)
            figures["story chrF"].append(result.scores.chrf or 0.0)
            figures["gold chrF"].append(
                chrf.corpus_score([s.mt for s in segs], [[r.mt for r in ref_segs]]).score
            )
        if len(figures["mqm"]) > 2:
            for name in ("triage", "figure base", "story chrF", "gold chrF"):
                tau = kendall(figures[name], figures["mqm"])
                if tau is not None:
                    tally.taus[name].append(tau)


def _count(total: list[int], gold: set, found: set) -> None:
    total[0] += len(gold & found)
    total[1] += len(found)
    total[2] += len(gold)


def main(argv: list[str]) -> int:
    argv = argv or ([os.environ["WIRECHECK_MQM_DATA"]] if "WIRECHECK_MQM_DATA" in os.environ
                    else [])
    outputs = dict(zip(argv[1::2], argv[2::2], strict=False))
    if len(argv) % 2 == 0 or not set(outputs) <= {"--dump", "--study"}:
        print("usage: bench_mqm.py DATA [--dump FILE] [--study FILE]  (DATA: folder with the "
              "WMT23 side-by-side MQM .tsv files; FILE: per-story figures as JSON)")
        return 0
    folder = Path(argv[0])
    present = {
        pair: folder / name
        for pair, name in FILES.items()
        if (folder / name).exists() or Path(f"{folder / name}.tar.gz").exists()
    }
    if not present:
        print(f"bench_mqm: no MQM data under {folder} (expected {', '.join(FILES.values())}); "
              "nothing measured")
        return 0
    align_only = Checker(Settings(select=("WC001",)))
    full = Checker(Settings())
    fallback = Checker(Settings(select=("WC0", "WC5", "WC8", "WC9")))
    tallies: dict[str, Tally] = {}
    for pair, path in present.items():
        run_pair(pair, load(path), align_only, full, fallback, tallies)
    for name, tally in tallies.items():
        print(f"== {name} ==")
        for side in ("MT-src", "MT-ref"):
            print(f"  link {side}: {tally.f1(side)}")
        if tally.lede[0]:
            print(f"  lede aligned with a byline-first reference: {tally.lede[1]}/{tally.lede[0]}")
        seen, any_rule, wc9 = tally.omitted
        if seen:
            print(f"  omission segments flagged warning/error: {any_rule / seen:.1%} any rule, "
                  f"{wc9 / seen:.1%} WC9 ({seen} segments)")
        seen, any_rule, wc9 = tally.clean
        if seen:
            print(f"  error-free segments flagged warning/error: {any_rule / seen:.1%} any rule, "
                  f"{wc9 / seen:.1%} WC9 ({seen} segments)")
        if tally.crashes:
            print(f"  stories where the full rule set raised (checked with WC0/5/8/9 only): "
                  f"{dict(tally.crashes)}")
        if tally.false_alarms:
            print(f"  rules raising them: {dict(sorted(tally.false_alarms.items()))}")
        for metric, taus in tally.taus.items():
            print(f"  Kendall tau vs MQM, {metric:11s}: {sum(taus) / len(taus):.3f} "
                  f"({len(taus)} documents)")
    for option, attribute in (("--dump", "stories"), ("--study", "study")):
        if option not in outputs:
            continue
        Path(outputs[option]).write_text(
            json.dumps({name: getattr(tally, attribute) for name, tally in tallies.items()}),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
