"""Throughput of ``wirecheck check`` with a reference, beside a plain scoring script.

Both run as fresh processes over the same synthetic feed (at least 5,000 segments):
wirecheck does everything (segmentation, alignment, scores, diffs, every rule); the
plain script only scores the same aligned pairs with sacrebleu BLEU and chrF, runs
langdetect on every MT segment and diffs every pair with diff-match-patch.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
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


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    python = sys.executable
    wirecheck = [python, "-m", "checker"]
    help_text = subprocess.run([*wirecheck, "check", "--help"], capture_output=True, text=True)
    jobs = ["--jobs", "1"] if "--jobs" in help_text.stdout else []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "mt").mkdir()
        (root / "ref").mkdir()
        feed = make_feed(stories=240, sentences=24, seed=3)
        for number, story in enumerate(feed):
            (root / "mt" / f"story-{number:04d}.txt").write_text(story.mt_text)
            (root / "ref" / f"story-{number:04d}.txt").write_text(story.ref_text)
        out = root / "out.json"
        base = [*wirecheck, "check", str(root / "mt"), "--ref", str(root / "ref"),
                "--lang", "en", "--format", "json", "-o", str(out), "--exit-zero"]
        wire_seconds = timed([*base, *jobs])
        parallel_seconds = timed(base) if jobs else None
        document = json.loads(out.read_text())
        segments = [s for story in document["stories"] for s in story["segments"]]
        pairs = [[s["mt"], s["ref"]] for s in segments if s["mt"] and s["ref"]]
        (root / "pairs.json").write_text(json.dumps(pairs))
        (root / "plain.py").write_text(PLAIN_SCRIPT)
        plain_seconds = timed([python, str(root / "plain.py"), str(root / "pairs.json")])
    findings = document["summary"]["findings"]
    print(f"feed: {len(feed)} stories, {len(segments)} aligned segments "
          f"({len(pairs)} with both sides); wirecheck reported {findings} findings")
    print(f"wirecheck check {' '.join(jobs) or '(default jobs)'}: {wire_seconds:6.2f} s  "
          f"{len(segments) / wire_seconds:8.0f} segments/s")
    print(f"plain script:            {plain_seconds:6.2f} s  "
          f"{len(pairs) / plain_seconds:8.0f} segments/s")
    print(f"ratio (plain time / wirecheck time): {plain_seconds / wire_seconds:.2f}x "
          f"(target >= 3x)")
    if parallel_seconds:
        print(f"wirecheck check (default --jobs, all cores): {parallel_seconds:6.2f} s  "
              f"{len(segments) / parallel_seconds:8.0f} segments/s, "
              f"ratio {plain_seconds / parallel_seconds:.2f}x")


if __name__ == "__main__":
    main()
