"""``--jobs``: parallel runs give the serial run's output, in input order, reading the
feed lazily; the progress line shows only where it should."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.config import Settings
from checker.model import StoryInput
from checker.parallel import check_stories
from checker.progress import Progress, count_stories, wanted
from tests.conftest import ROOT

TEXT = ROOT / "fixtures" / "wire" / "text"
IDS = ("efe-cpi-february", "afp-rail-strike")


def make_feed(folder: Path, count: int = 14) -> Path:
    """``count`` stories of varied length (long and short interleaved), with refs and sources."""
    for side in ("mt", "ref", "src"):
        (folder / side).mkdir(parents=True)
    for number in range(count):
        base = IDS[number % 2]
        keep = 7 if number % 3 == 0 else 2 + number % 4  # paragraphs kept
        for side in ("mt", "ref", "src"):
            paragraphs = (TEXT / side / f"{base}.txt").read_text(encoding="utf-8").split("\n\n")
            text = "\n\n".join(paragraphs[:keep]).strip() + "\n"
            (folder / side / f"{number:02d}-{base}.txt").write_text(text, encoding="utf-8")
    return folder


def run(cli, feed: Path, jobs: str, fmt: str) -> str:
    result = cli("check", str(feed / "mt"), "--ref", str(feed / "ref"), "--src", str(feed / "src"),
                 "--format", fmt, "--jobs", jobs)
    assert result.code == 1 and result.err == ""
    return result.out


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_two_jobs_print_what_one_job_prints(cli, tmp_path: Path, fmt: str) -> None:
    feed = make_feed(tmp_path / "feed")
    serial = run(cli, feed, "1", fmt)
    assert run(cli, feed, "2", fmt) == serial
    if fmt == "json":
        document = json.loads(serial)
        assert [s["id"] for s in document["stories"]] == sorted(p.stem for p in (feed / "mt").iterdir())
        assert document["summary"]["findings"] > 0


def _stories(count: int, pulled: list[int]) -> Iterator[StoryInput]:
    texts = [(TEXT / "mt" / f"{i}.txt").read_text(encoding="utf-8") for i in IDS]
    refs = [(TEXT / "ref" / f"{i}.txt").read_text(encoding="utf-8") for i in IDS]
    for number in range(count):
        pulled.append(number)
        text = texts[number % 2] if number % 5 else texts[number % 2] * 3  # some much longer
        yield StoryInput(f"s{number}", text, f"s{number}.txt", ref=refs[number % 2], lang="en",
                         origin=((0, number + 1, "headline"),))


def test_results_come_in_input_order_with_a_bounded_window() -> None:
    settings = Settings()
    pulled: list[int] = []
    results = check_stories(_stories(30, pulled), settings, jobs=2, batch=1, window=3)
    first = next(results)
    assert first.id == "s0"
    assert len(pulled) <= 3 + 1  # the window, plus the story that filled it
    rest = list(results)
    assert [r.id for r in (first, *rest)] == [f"s{n}" for n in range(30)]
    assert [r.origin[0][1] for r in (first, *rest)] == list(range(1, 31))  # origin travels
    serial = list(check_stories(_stories(30, []), settings, jobs=1))
    assert [(r.id, r.findings, r.units) for r in serial] == [
        (r.id, r.findings, r.units) for r in (first, *rest)
    ]


def test_jobs_must_be_positive(cli, tmp_path: Path) -> None:
    result = cli("check", str(TEXT / "mt"), "--jobs", "0")
    assert result.code == 2 and "--jobs: must be at least 1" in result.err


def test_progress_is_silent_in_ci_and_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert wanted(Tty()) is True
    assert wanted(io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert wanted(Tty()) is False
    assert wanted(Tty(), choice=True) is True


def test_progress_waits_draws_and_erases_itself() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(40, stream, delay=2.0, clock=lambda: now[0])
    for _ in range(10):
        now[0] += 0.1
        progress.advance()
    assert stream.getvalue() == ""  # a short run draws nothing
    now[0] = 4.0
    progress.advance()
    assert stream.getvalue() == "\rcheck: 11/40 stories  28%  2.8/s  ETA 0:10\x1b[K"
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_story_count_for_the_progress_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.xml").write_text("<nitf/>")
    (tmp_path / ".hidden").write_text("x")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n')
    assert count_stories([str(tmp_path)]) == 4
    assert count_stories([str(feed)]) == 2
