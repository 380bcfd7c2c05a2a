"""What ``-o`` and ``--write-baseline`` may write: never an input, never over a non-file."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checker.atomic import atomic_write_text, resolve_target, stage_text
from checker.errors import InputError

STORY = "ROME - Police arrested 14 people on Sunday after clashes near the stadium.\n"
REF = "ROME - Police detained 14 people on Sunday after clashes outside the stadium.\n"
BASE = ("--no-default-glossary", "--isolated")


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    for side, text in (("mt", STORY), ("ref", REF)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "rome.txt").write_text(text, encoding="utf-8")
    (tmp_path / "base.json").write_text('{"wirecheck_baseline": 1, "findings": []}\n')
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "extra, problem",
    [
        (["-o", "mt/rome.txt"], "story file in the MT folder"),
        (["-o", "mt/rome.txt", "--ref", "mt/rome.txt"], "is the --ref input"),
        (["-o", "ref/rome.txt", "--ref", "ref"], "story file in the --ref folder"),
        (["-o", "mt/../mt/rome.txt"], "story file in the MT folder"),
        (["-o", "base.json", "--baseline", "base.json"], "is the --baseline input"),
        (["--write-baseline", "base.json", "--baseline", "base.json"], "--baseline input"),
        (["-o", "out.json", "--write-baseline", "out.json"], "also the -o output"),
        (["-o", "mt"], "is a folder"),
        (["-o", ""], "output path is empty"),
        (["--write-baseline", ""], "output path is empty"),
        (["-o", "missing/out.txt"], "cannot write"),
    ],
)
def test_an_output_that_would_destroy_an_input_is_refused(cli, feed, extra, problem) -> None:
    os.chdir(feed)
    before = _snapshot(feed)
    result = cli("check", "mt", *BASE, *extra)
    assert result.code == 2, result.err
    assert problem in result.err and result.err.count("\n") == 1
    assert _snapshot(feed) == before


def test_a_symlinked_output_stays_a_link(cli, feed) -> None:
    os.chdir(feed)
    (feed / "real.txt").write_text("old\n")
    (feed / "link.txt").symlink_to("real.txt")
    assert cli("check", "mt", *BASE, "--fail-on", "never", "-o", "link.txt").code == 0
    assert (feed / "link.txt").is_symlink() and "rome" in (feed / "real.txt").read_text()


def test_a_fifo_output_is_streamed_to_not_replaced(cli, feed) -> None:
    os.chdir(feed)
    fifo = feed / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert cli("check", "mt", *BASE, "--fail-on", "never", "-o", str(fifo)).code == 0
    reader.join(10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b"rome" in got[0]


def test_dev_stdout_receives_the_report(feed) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "mt", *BASE, "--format", "json",
         "-o", "/dev/stdout"], cwd=feed, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["stories"][0]["id"] == "rome"


def test_written_files_get_ordinary_permissions(cli, feed) -> None:
    os.chdir(feed)
    old = os.umask(0o022)
    try:
        cli("check", "mt", *BASE, "-o", "out.txt", "--write-baseline", "b2.json")
    finally:
        os.umask(old)
    for name in ("out.txt", "b2.json"):
        assert stat.S_IMODE((feed / name).stat().st_mode) == 0o644, name


def test_the_writer_refuses_non_files_and_cleans_up(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        atomic_write_text(tmp_path, "x")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError, match="symbolic link to nothing"):
        resolve_target(tmp_path / "dangling")
    staged = stage_text(tmp_path / "a.txt", "x")
    assert not (tmp_path / "a.txt").exists()
    staged.discard()
    assert sorted(os.listdir(tmp_path)) == ["dangling"]


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_file_size_limit_while_writing_is_one_error_and_keeps_the_old_file(feed) -> None:
    story = " ".join(["Police arrested 14 people on Sunday."] * 60) + "\n"
    for n in range(4):
        (feed / "mt" / f"s{n:02d}.txt").write_text(story)
    (feed / "out.json").write_text("previous\n")
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "mt", *BASE, "--format", "json",
         "-o", "out.json", "-j", "1"], cwd=feed, capture_output=True, text=True, timeout=300,
        preexec_fn=_limit_file_size)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "out.json" in done.stderr
    assert (feed / "out.json").read_text() == "previous\n"
    assert not [p for p in os.listdir(feed) if p.endswith(".tmp")]


def test_dev_stdout_redirected_to_a_file_is_appended_to_not_replaced(feed) -> None:
    log = feed / "log.txt"
    log.write_text("earlier lines\n")
    inode = log.stat().st_ino
    with log.open("a") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "checker", "check", "mt", *BASE, "--fail-on", "never",
             "-o", "/dev/stdout"], cwd=feed, stdout=stream, stderr=subprocess.PIPE,
            text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = log.read_text()
    assert text.startswith("earlier lines\n") and "rome" in text
    assert log.stat().st_ino == inode  # written through the descriptor, not renamed over
