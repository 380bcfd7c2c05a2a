"""Throughput of ``wirecheck check`` with a reference, beside scoring alone.

Every row runs as a fresh process over the same synthetic feed (at least 5,000
segments), and prints wall time and CPU time (user + system of the process and the
children it waited for; a Dask cluster's workers are its children):

* wirecheck does everything (segmentation, alignment, scores, diffs, every rule), with
  ``--jobs 1``, ``--jobs 2`` and on a local Dask cluster of two workers (when the
  ``dask`` extra is installed); the ``--jobs 2`` and Dask outputs are compared byte
  for byte with ``--jobs 1``;
* sacrebleu's own command line scores the gold-aligned pairs wirecheck reports (one
  ``-sl -m bleu`` run and one ``-sl -m chrf`` run): the cost of scoring alone;
* a plain script scores the same pairs with sacrebleu BLEU and chrF, runs langdetect on
  every MT segment and diffs every pair with diff-match-patch.

One run on whatever machine this is: on a shared machine the numbers are noisy.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wirefeed import make_feed

PLAIN_SCRIPT = """
import json, sys
from diff_match_patch import diff_match_patch
from langdetect import DetectorFactory, detect
from sacrebleu.metrics import BLEU, CHRF
DetectorFactory.seed = 0
bleu, chrf, dmp = BLEU(effective_order=True), CHRF(), diff_match_patch()
pairs = json.load(open(sys.argv[1]))
for hyp, ref in pairs:
    bleu.sentence_score(hyp, [ref]); chrf.sentence_score(hyp, [ref])
    try:
        detect(hyp)
    except Exception:
        pass
    dmp.diff_main(ref, hyp)
"""


@dataclass(frozen=True)
class Cost:
    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> Cost:
    """Wall and CPU seconds of a command run to its end (its output is discarded)."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return Cost(time.perf_counter() - start, _children_cpu() - cpu)


def _row(label: str, cost: Cost, segments: int) -> str:
    return (f"{label:<42} wall {cost.wall:7.2f} s  CPU {cost.cpu:7.2f} s  "
            f"{segments / cost.wall:7.0f} segments/s")


def main() -> None:
    python = sys.executable
    wirecheck = [python, "-m", "checker"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mt").mkdir()
        (root / "ref").mkdir()
        feed = make_feed(stories=240, sentences=24, seed=3)
        for number, story in enumerate(feed):
            (root / "mt" / f"story-{number:04d}.txt").write_text(story.mt_text)
            (root / "ref" / f"story-{number:04d}.txt").write_text(story.ref_text)

        def check(name: str, *options: str) -> tuple[Cost, bytes]:
            out = root / f"{name}.json"
            cost = timed([*wirecheck, "check", str(root / "mt"), "--ref", str(root / "ref"),
                          "--lang", "en", "--format", "json", "-o", str(out), "--exit-zero",
                          *options])
            return cost, out.read_bytes()

        one, serial = check("jobs1", "--jobs", "1")
        two, parallel = check("jobs2", "--jobs", "2")
        dask = check("dask", "--dask", "--jobs", "2") if find_spec("distributed") else None

        document = json.loads(serial)
        segments = [s for story in document["stories"] for s in story["segments"]]
        pairs = [[" ".join(s["mt"].split()), " ".join(s["ref"].split())]
                 for s in segments if s["mt"].strip() and s["ref"].strip()]
        (root / "pairs.json").write_text(json.dumps(pairs))
        (root / "hyp.txt").write_text("".join(hyp + "\n" for hyp, _ in pairs))
        (root / "gold.txt").write_text("".join(ref + "\n" for _, ref in pairs))
        sacrebleu = [python, "-m", "sacrebleu", str(root / "gold.txt"), "-i",
                     str(root / "hyp.txt"), "-sl"]
        bleu_cli = timed([*sacrebleu, "-m", "bleu"])
        chrf_cli = timed([*sacrebleu, "-m", "chrf"])
        scoring = Cost(bleu_cli.wall + chrf_cli.wall, bleu_cli.cpu + chrf_cli.cpu)
        (root / "plain.py").write_text(PLAIN_SCRIPT)
        plain = timed([python, str(root / "plain.py"), str(root / "pairs.json")])

    findings = document["summary"]["findings"]
    print(f"feed: {len(feed)} stories, {len(segments)} aligned segments "
          f"({len(pairs)} with both sides); wirecheck reported {findings} findings")
    print(_row("wirecheck check --jobs 1", one, len(segments)))
    print(_row("wirecheck check --jobs 2", two, len(segments)))
    if dask is not None:
        print(_row("wirecheck check --dask --jobs 2", dask[0], len(segments)))
    print(_row("sacrebleu CLI -sl: BLEU run + chrF run", scoring, len(pairs)))
    print(_row("plain script (scores, langdetect, diffs)", plain, len(pairs)))
    print(f"CPU of check --jobs 1 / CPU of sacrebleu CLI scoring: "
          f"{one.cpu / scoring.cpu:.2f}x (target <= 1.0x)")
    print(f"speed-up of --jobs 2 over --jobs 1 (wall): {one.wall / two.wall:.2f}x "
          f"(target >= 1.8x); output identical: {parallel == serial}")
    if dask is not None:
        print(f"Dask output byte-identical to --jobs 1: {dask[1] == serial}")
    else:
        print("Dask row skipped: the dask extra is not installed")
    print(f"plain script CPU / check --jobs 1 CPU: {plain.cpu / one.cpu:.2f}x "
          f"(target >= 3x)")


if __name__ == "__main__":
    main()
