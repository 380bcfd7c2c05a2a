"""Hostile feeds: every one ends in one line on stderr and exit 2, or a clean run.

Inputs are generated here (deep nesting, FIFOs, surrogates, duplicate ids, odd names),
never committed. Nothing here opens a real device node.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.errors import InputError
from checker.model import StoryInput
from checker.parallel import check_stories, max_jobs
from checker.safeio import ENV_MAX_FILE_SIZE

BASE = ("--no-default-glossary", "--isolated")
STORY = "Police arrested 14 people on Sunday after clashes near the stadium.\n"


def _one_error(result, *needles: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err and result.err.count("\n") == 1, result.err
    for needle in needles:
        assert needle in result.err, result.err


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in records))
    return path


DEEP = 100_000


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("deep.jsonl", '{"id": "a", "text": ' + "[" * DEEP + "]" * DEEP + "}\n", "too deeply"),
        ("bool.jsonl", '{"id": true, "text": "x"}\n', "'id' must be a string"),
        ("surrogate-id.jsonl", '{"id": "a\\ud800", "text": "x"}\n', "lone surrogate"),
        ("surrogate-text.jsonl", '{"id": "a", "text": "x\\udfff y"}\n', "lone surrogate"),
        ("dup.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "duplicate"),
        ("nitf.xml", "<nitf>" + "<a>" * 5000 + "</a>" * 5000 + "</nitf>", "nested deeper"),
        ("newsml.xml", "<newsItem>" + "<b>" * 1000 + "</b>" * 1000 + "</newsItem>",
         "nested deeper"),
        ("x.xlf", '<xliff version="1.2">' + "<g>" * 1000 + "</g>" * 1000 + "</xliff>",
         "nested deeper"),
        ("evil.xml", '<?xml version="1.0" encoding="x-evil"?><nitf/>', "x-evil"),
        ("bad-utf8.jsonl", b'{"id": "a", "text": "\xff"}\n', "not valid UTF-8"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else "",
)
def test_a_hostile_feed_file_is_one_error(cli, tmp_path: Path, name, content, needle) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    _one_error(cli("check", str(path), *BASE), name, needle)


def test_numeric_ids_are_still_accepted(cli, tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "n.jsonl", {"id": 7, "text": STORY})
    result = cli("check", str(feed), *BASE, "--format", "json", "--fail-on", "never")
    assert result.code == 0 and result.json()["stories"][0]["id"] == "7"


def test_files_that_share_an_id_in_one_folder_are_refused(cli, tmp_path: Path) -> None:
    mt = tmp_path / "mt"
    mt.mkdir()
    (mt / "a.txt").write_text(STORY)
    (mt / "a.md").write_text(STORY)
    _one_error(cli("check", str(mt), *BASE), "duplicate story id 'a'")
    _jsonl(mt / "b.jsonl", {"id": "c", "text": STORY})
    (mt / "a.md").unlink()
    (mt / "c.txt").write_text(STORY)
    _one_error(cli("check", str(mt), *BASE), "duplicate story id 'c'")


def test_a_deep_baseline_is_one_error(cli, tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    (tmp_path / "b.json").write_text('{"findings": ' + "[" * DEEP + "]" * DEEP + "}")
    _one_error(cli("check", str(tmp_path / "s.txt"), *BASE, "--baseline",
                   str(tmp_path / "b.json")), "b.json", "too deeply")


def _hang(signum, frame):
    raise AssertionError("blocked on a FIFO")


def test_a_fifo_story_is_refused_without_blocking(cli, tmp_path: Path) -> None:
    (tmp_path / "mt").mkdir()
    (tmp_path / "mt" / "story.txt").write_text(STORY)
    os.mkfifo(tmp_path / "story.txt")
    os.mkfifo(tmp_path / "mt" / "other.txt")  # in a folder: not a story, skipped
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(60)
    try:
        for args in (["story.txt"], ["mt", "--ref", "story.txt"], ["mt", "--src", "story.txt"]):
            _one_error(cli("check", *args, *BASE), "story.txt: is a pipe (FIFO)")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_files_over_the_size_limit_are_refused(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MAX_FILE_SIZE, "")
    story = tmp_path / "big.txt"
    story.write_text(STORY * 40)  # about 2.7 KB
    _one_error(cli("check", str(story), *BASE, "--max-file-size", "1K"),
               "big.txt", "larger than the 1 KiB limit")
    feed = _jsonl(tmp_path / "f.jsonl", {"id": "a", "text": "x"}, "\n",
                  {"id": "b", "text": STORY * 40})
    _one_error(cli("check", str(feed), *BASE, "--max-file-size", "1K"), "f.jsonl:3")
    monkeypatch.setenv(ENV_MAX_FILE_SIZE, "1M")
    assert cli("check", str(story), *BASE, "--fail-on", "never").code == 0
    monkeypatch.setenv(ENV_MAX_FILE_SIZE, "lots")
    _one_error(cli("check", str(story), *BASE), ENV_MAX_FILE_SIZE)


def test_symlink_loops_are_one_error_or_skipped(cli, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "s.txt").write_text(STORY)
    _one_error(cli("check", str(tmp_path / "a"), *BASE), "a")
    result = cli("check", str(tmp_path), *BASE, "--format", "json", "--fail-on", "never")
    assert result.code == 0 and [s["id"] for s in result.json()["stories"]] == ["s"]


def test_an_unreadable_folder_is_one_error(cli, tmp_path: Path, monkeypatch) -> None:
    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    _one_error(cli("check", str(tmp_path), *BASE), "Permission denied")


def test_a_malformed_pyproject_with_a_wirecheck_table_is_an_error(cli, tmp_path) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    (tmp_path / "pyproject.toml").write_text('[tool.wirecheck]\nselect = ["WC1"\n')
    _one_error(cli("check", "s.txt", "--no-default-glossary"), "pyproject.toml", "TOML")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x\n')  # not ours: ignored
    assert cli("check", "s.txt", "--no-default-glossary", "--fail-on", "never").code == 0


HOSTILE_NAME = "x\n::error file=forged.txt,line=1::forged \x1b[2J"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_ids_and_names_cannot_forge_output_lines(cli, tmp_path, fmt) -> None:
    mt = tmp_path / "mt"
    mt.mkdir()
    (mt / f"{HOSTILE_NAME}.txt").write_text(STORY)
    _jsonl(mt / "feed.jsonl", {"id": HOSTILE_NAME + "2", "text": STORY})
    (tmp_path / "ref").mkdir()
    result = cli("check", str(mt), *BASE, "--ref", str(tmp_path / "ref"), "--format", fmt,
                 "--color", "never", "--fail-on", "never")
    assert result.code == 0
    assert "\x1b" not in result.out
    forged = [line for line in result.out.splitlines() if line.startswith("::error")]
    assert forged == []
    findings = [line for line in result.out.splitlines() if "WC001" in line]
    assert len(findings) == 2  # one missing-reference line per story, nothing more


def test_dollars_in_ids_do_not_break_the_report_plots() -> None:
    from checker.report.plots import story_scores

    ids = ("a$b", "$x^{$", "$$", "\\$", "\x1b[2J")
    svg = story_scores([{"id": i, "chrf": 50.0 + n, "bleu": 20.0} for n, i in enumerate(ids)])
    assert svg is not None and "x^{" in svg and "\x1b" not in svg


class _Fragile(Checker):
    """A checker that breaks on one story, as a bug or a pathological text would."""

    def check(self, story: StoryInput):
        if story.id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        return super().check(story)


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_story_that_breaks_the_check_is_an_error_naming_it(jobs) -> None:
    settings = Settings(select=("WC5",), default_glossary=False)
    stories = [StoryInput(i, STORY, f"{i}.txt", lang="en") for i in ("a", "b", "bad", "c")]
    with pytest.raises(InputError) as caught:
        list(check_stories(stories, settings, jobs, _Fragile(settings)))
    assert "bad.txt" in str(caught.value) and "'bad'" in str(caught.value)
    assert "RecursionError" in str(caught.value)


def test_jobs_are_capped_at_the_cores_available(cli, tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(STORY)
    result = cli("check", "s.txt", *BASE, "-j", "100000", "--fail-on", "never")
    assert result.code == 0
    assert f"capped at {max_jobs()}" in result.err


def test_a_story_over_the_story_size_limit_is_refused(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WIRECHECK_MAX_STORY_SIZE", "")
    feed = _jsonl(tmp_path / "f.jsonl", {"id": "small", "text": STORY},
                  {"id": "huge", "text": STORY, "ref": STORY * 100})
    result = cli("check", str(feed), *BASE, "--max-story-size", "2K", "--format", "jsonl")
    _one_error(result, "f.jsonl:2", "'huge'", "reference text", "2,048 limit")
    with pytest.raises(InputError, match="over the"):
        list(check_stories([StoryInput("x", STORY * 100, "x.txt", lang="en")],
                           Settings(default_glossary=False), 1))


def test_a_long_text_node_delivered_in_pieces_reads_back_whole(tmp_path: Path) -> None:
    from checker.reading import read_feed

    lines = [f"Line {n} of a very long paragraph &amp; more" for n in range(20_000)]
    path = tmp_path / "long.xml"
    path.write_text("<nitf><body><body.content><p>" + "\n".join(lines)
                    + "</p></body.content></body></nitf>", encoding="utf-8")
    (story,) = read_feed(path)
    assert story.mt == " ".join(lines).replace("&amp;", "&") + "\n"
