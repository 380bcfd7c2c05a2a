"""Scaling with input size: time and peak memory per doubling, for four worst cases.

* ``xml-text``: one NITF ``<p>`` of N short lines (the text node expat delivers in
  pieces), read with ``read_feed``;
* ``xliff``: an XLIFF 1.2 file of N trans-units, read and checked against its source;
* ``story-ref``: one story of N sentences checked against a reference of N sentences
  (synthetic wire copy from ``wirefeed.py``);
* ``paragraph``: one paragraph of N words, checked without a reference.

Every point runs in a fresh process under an address-space limit (``--memory``, 4 GiB
by default), which prints the seconds the work took and its peak resident set size.
The table shows each doubling's ratio of CPU time (steadier than wall time on a shared
machine): linear work gives about 2.0.

    python bench/bench_scaling.py                 # every case, five sizes each
    python bench/bench_scaling.py --case xliff --points 3
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

START = {"xml-text": 25_000, "xliff": 250, "story-ref": 250, "paragraph": 5_000}
UNIT = {"xml-text": "lines", "xliff": "units", "story-ref": "sentences", "paragraph": "words"}


def _xml_text(folder: Path, size: int) -> Path:
    line = "Police said the crowd dispersed late in the evening\n"
    path = folder / "long.xml"
    path.write_text("<nitf><body><body.content><p>" + line * size
                    + "</p></body.content></body></nitf>", encoding="utf-8")
    return path


def _xliff(folder: Path, size: int) -> Path:
    from wirefeed import make_story

    rng = random.Random(size)
    story = make_story(size, rng)
    units = [
        f'<trans-unit id="u{n}"><source>{ref}</source><target>{mt}</target></trans-unit>'
        for n, (ref, mt) in enumerate(zip(story.ref, story.mt, strict=False))
    ]
    path = folder / "many.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
        'original="a.txt" source-language="en" target-language="en" datatype="plaintext">'
        "<body>" + "".join(units) + "</body></file></xliff>", encoding="utf-8")
    return path


def point(case: str, size: int) -> dict[str, float]:
    """Run one measurement in this process; seconds and peak RSS in MiB."""
    from checker.config import Settings
    from checker.engine import Checker
    from checker.model import StoryInput
    from checker.reading import read_feed

    checker = Checker(Settings(default_glossary=False))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if case == "xml-text":
            path = _xml_text(folder, size)
            started, cpu = time.perf_counter(), time.process_time()
            stories = list(read_feed(path))
            assert stories and stories[0].mt
        elif case == "xliff":
            path = _xliff(folder, size)
            started, cpu = time.perf_counter(), time.process_time()
            for story in read_feed(path, lang="en", src_lang="en"):
                checker.check(story)
        else:
            from wirefeed import make_story

            story = make_story(size if case == "story-ref" else max(size // 12, 1),
                               random.Random(size))
            if case == "story-ref":
                given = StoryInput("s", "\n\n".join(story.mt) + "\n", "s.txt",
                                   ref="\n\n".join(story.ref) + "\n", lang="en",
                                   expects_ref=True)
            else:
                words = " ".join(story.ref).split()[:size]
                given = StoryInput("p", " ".join(words) + "\n", "p.txt", lang="en")
            started, cpu = time.perf_counter(), time.process_time()
            checker.check(given)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "peak_mib": peak}


def _limit(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def measure(case: str, size: int, memory: int, timeout: float) -> dict[str, float] | None:
    command = [sys.executable, __file__, "--point", case, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              preexec_fn=lambda: _limit(memory))
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"  {case} {size}: failed ({done.stderr.strip().splitlines()[-1:]})")
        return None
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=sorted(START), action="append")
    parser.add_argument("--points", type=int, default=5, help="sizes per case (doublings + 1)")
    parser.add_argument("--memory", type=int, default=4 << 30, help="address-space limit")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per point")
    parser.add_argument("--point", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.point:
        print(json.dumps(point(args.point[0], int(args.point[1]))))
        return
    for case in args.case or sorted(START):
        print(f"{case} ({UNIT[case]}):")
        previous: float | None = None
        for step in range(args.points):
            size = START[case] << step
            result = measure(case, size, args.memory, args.timeout)
            if result is None:
                print(f"  {size:>9,}: over {args.timeout:.0f} s or the memory limit")
                break
            ratio = f"x{result['cpu'] / previous:.2f}" if previous else ""
            print(f"  {size:>9,}: {result['seconds']:8.2f} s wall {result['cpu']:8.2f} s CPU "
                  f"{ratio:>6}  peak {result['peak_mib']:7.1f} MiB")
            previous = max(result["cpu"], 1e-6)


if __name__ == "__main__":
    main()
