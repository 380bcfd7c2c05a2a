"""Feed-scale numbers: stories per second with ``--jobs 1`` and ``--jobs 2``, and peak
memory as the feed grows.

Every run is a fresh ``python -m checker check`` process over synthetic wire stories
(``wirefeed.py``: reference stories and noisy MT rewrites) written to a temp folder.
Throughput runs use stories of about fixture size; the memory runs use shorter stories
so that 10,000 of them fit the time budget, stream ``--format jsonl`` to /dev/null and
read the child's peak resident set size from ``os.wait4``. Nothing wirecheck keeps grows
with the feed; what does grow at first is sacrebleu's tokenizer caches (bounded at
65,536 sentences each), which fill after about 17,000 short stories: the peak grows
until then and stays put after (measured in-process: 169.3 MiB at 17,500 stories,
169.6 MiB at 20,000). The 20,000-story run shows the peak near that ceiling.

    python bench/bench_scale.py     # 2,000 stories; memory at 1,000, 10,000 and 20,000
    python bench/bench_scale.py --stories 300 --memory 200 1000   # a quick look
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wirefeed import make_story

PYTHON = sys.executable
CHECK = [PYTHON, "-m", "checker", "check"]


def write_feed(root: Path, stories: int, sentences: int, seed: int) -> Path:
    """``stories`` MT/reference pairs as ``root/mt`` and ``root/ref`` text files."""
    rng = random.Random(seed)
    for side in ("mt", "ref"):
        (root / side).mkdir(parents=True)
    for number in range(stories):
        story = make_story(sentences, rng)
        name = f"story-{number:05d}.txt"
        (root / "mt" / name).write_text(story.mt_text, encoding="utf-8")
        (root / "ref" / name).write_text(story.ref_text, encoding="utf-8")
    return root


def run(feed: Path, jobs: int, output: Path | None = None) -> tuple[float, int]:
    """Wall seconds and the child's peak RSS in KiB for one check of ``feed``."""
    command = [*CHECK, str(feed / "mt"), "--ref", str(feed / "ref"), "--lang", "en",
               "--format", "jsonl", "--exit-zero", "--no-progress", "--jobs", str(jobs)]
    if output is not None:
        command += ["-o", str(output)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"wirecheck exited with {child.returncode}: {' '.join(command)}")
    return seconds, usage.ru_maxrss  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=2000, help="throughput feed size")
    parser.add_argument("--memory", type=int, nargs="+", default=[1000, 10000, 20000],
                        help="feed sizes for the peak-memory runs")
    args = parser.parse_args()
    total = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="wirecheck-scale-") as tmp:
        root = Path(tmp)
        feed = write_feed(root / "throughput", args.stories, sentences=8, seed=11)
        size = sum(p.stat().st_size for p in (feed / "mt").iterdir()) / args.stories
        print(f"throughput feed: {args.stories:,} stories, {size:.0f} characters of MT each, "
              f"with references; {os.cpu_count()} cores")
        outputs = {}
        for jobs in (1, 2):
            outputs[jobs] = root / f"jobs{jobs}.jsonl"
            seconds, _ = run(feed, jobs, outputs[jobs])
            print(f"  --jobs {jobs}: {seconds:7.2f} s  {args.stories / seconds:7.1f} stories/s")
        same = outputs[1].read_bytes() == outputs[2].read_bytes()
        print(f"  --jobs 2 output identical to --jobs 1: {'yes' if same else 'NO'}")
        for count in args.memory:
            feed = write_feed(root / f"memory-{count}", count, sentences=3, seed=count)
            seconds, peak = run(feed, jobs=1)
            print(f"memory: {count:6,} short stories, --jobs 1, --format jsonl: "
                  f"peak RSS {peak / 1024:6.1f} MiB  ({seconds:.1f} s, "
                  f"{count / seconds:.0f} stories/s)")
    print(f"bench total: {time.perf_counter() - total:.0f} s")


if __name__ == "__main__":
    main()
