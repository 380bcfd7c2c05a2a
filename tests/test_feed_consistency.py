"""Feed-level consistency (WC119): the feed's spellings are gathered before the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.feedcheck import feed_names, with_feed_names
from checker.model import StoryInput

STORIES = {
    "a": "Kim Jong Un inspected a missile launch on Sunday, state media said.",
    "b": "South Korea said Kim Jong Un had ordered more tests. Kim Jong Un did not comment.",
    "c": "Analysts said Kim Jong-un wanted to impress Moscow before the summit.",
    "d": "Der Bericht erwähnt Kim Jong-un nicht, sagte ein Sprecher in Seoul.",
}


def stories() -> list[StoryInput]:
    langs = {"d": "de"}
    return [StoryInput(k, v, f"{k}.txt", lang=langs.get(k, "en")) for k, v in STORIES.items()]


def test_each_story_votes_once_for_its_own_spelling() -> None:
    names = feed_names(stories())
    assert names["kimjongun"] == {"Kim Jong Un": 2, "Kim Jong-un": 2}


def test_the_minority_spelling_is_flagged_with_the_majority_suggested() -> None:
    feed = stories()[:3]
    checker = Checker(with_feed_names(Settings(select=("WC119",)), feed))
    found = {s.id: checker.check(s).findings for s in feed}
    assert [(f.text, f.suggestion) for f in found["c"]] == [("Kim Jong-un", "Kim Jong Un")]
    assert found["a"] == () and found["b"] == ()


def test_a_tie_flags_nothing() -> None:
    feed = stories()
    checker = Checker(with_feed_names(Settings(select=("WC119",)), feed))
    assert all(checker.check(s).findings == () for s in feed)


def test_not_gathered_when_the_rule_is_ignored() -> None:
    settings = with_feed_names(Settings(ignore=("WC119",)), stories())
    assert settings.feed_names == {}


def test_a_single_story_is_never_compared() -> None:
    story = StoryInput("x", "Kim Jong Un met Kim Jong-un's sister.", "x.txt", lang="en")
    assert feed_names([story]) == {}


def test_cli_results_do_not_depend_on_jobs(tmp_path: Path) -> None:
    for name, text in list(STORIES.items())[:3]:
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "checker", "check", str(tmp_path), "--select", "WC119",
             "--format", "json", "--jobs", jobs, "--isolated", "--lang", "en"],
            capture_output=True, text=True, check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    flagged = [(s["id"], f["text"]) for s in data["stories"] for f in s["findings"]]
    assert flagged == [("c", "Kim Jong-un")]
