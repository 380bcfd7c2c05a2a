"""Fixed costs of ``wirecheck``: start-up, imports and a one-story check.

Each row runs a fresh process several times and prints the least CPU time (user +
system) and wall time seen, since the fixed costs are what a CI job checking one story
pays, and the least of several runs is the figure least disturbed by other load:

* ``python -c pass``: the interpreter alone;
* ``wirecheck --version`` and ``wirecheck check --help``: building the parser, then
  importing everything the check command needs;
* ``wirecheck check`` of one story with ``--lang en``, and with the language detected.

``--tree DIR`` runs the commands against another copy of the source (a checkout of an
older commit, say), so two versions can be compared in one session on one machine.

    python bench/bench_startup.py [--runs 5] [--tree DIR] [STORY]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORY = ROOT / "fixtures" / "feed" / "mt" / "sample-nk-troops.txt"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def least(command: list[str], tree: Path, runs: int) -> tuple[float, float]:
    """Least CPU and least wall seconds of ``runs`` runs of ``command`` in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cpus, walls = [], []
    for _ in range(runs):
        cpu, start = _children_cpu(), time.perf_counter()
        subprocess.run(command, cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return min(cpus), min(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", type=Path, default=DEFAULT_STORY)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="source tree to run (default: this one)")
    args = parser.parse_args()
    python = sys.executable
    tree = args.tree.resolve()
    story = str(args.story.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.json")
        check = [python, "-m", "checker", "check", story, "--format", "json", "-o", out,
                 "--exit-zero", "--jobs", "1", "--isolated"]
        rows = [
            ("python -c pass", [python, "-c", "pass"]),
            ("wirecheck --version", [python, "-m", "checker", "--version"]),
            ("wirecheck check --help (imports)", [python, "-m", "checker", "check", "--help"]),
            ("check one story --lang en", [*check, "--lang", "en"]),
            ("check one story, language detected", check),
        ]
        print(f"tree {tree}; least of {args.runs} runs; story {args.story.name}")
        for label, command in rows:
            cpu, wall = least(command, tree, args.runs)
            print(f"{label:<38} CPU {cpu:6.2f} s  wall {wall:6.2f} s")


if __name__ == "__main__":
    main()
