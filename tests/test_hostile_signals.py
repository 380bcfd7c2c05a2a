"""Signals during a ``--jobs 2`` run: workers die with the parent, no temporary file stays."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

STORY = ("ROME - Police arrested {n} people on Sunday after clashes near the stadium, the "
         "interior ministry said.\n\nThe match was stopped for 20 minutes.\n")


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    for side in ("mt", "ref"):
        (tmp_path / side).mkdir()
    for n in range(300):
        (tmp_path / "mt" / f"s{n:03d}.txt").write_text(STORY.format(n=n))
        (tmp_path / "ref" / f"s{n:03d}.txt").write_text(STORY.format(n=n + 1))
    return tmp_path


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(p) for p in text.split()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _wait_until(condition, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _start(feed: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "mt", "--ref", "ref", "-j", "2",
         "--no-default-glossary", "--isolated", "-o", "out.txt"],
        cwd=feed, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    assert _wait_until(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None)
    assert process.poll() is None, "the run ended before the workers could be seen"
    return process


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")


@pytest.mark.parametrize("how", ["term", "int", "kill"])
def test_stopping_the_parent_ends_the_workers(feed: Path, how: str) -> None:
    process = _start(feed)
    workers = _children(process.pid)
    if how == "term":
        process.send_signal(signal.SIGTERM)
    elif how == "int":  # Ctrl-C reaches the whole foreground process group
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.kill()
    _, err = process.communicate(timeout=60)
    assert process.returncode == {"term": 143, "int": 130, "kill": -9}[how], err
    assert "Traceback" not in err
    assert _wait_until(lambda: not any(_alive(w) for w in workers), 30), "orphaned workers"
    if how != "kill":  # SIGKILL leaves no chance to clean up
        assert not [p for p in os.listdir(feed) if p.endswith(".tmp")]
    assert not (feed / "out.txt").exists()
