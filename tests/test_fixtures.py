"""The bundled feed: every story produces the findings it must and none it must not.

Expectations live in ``fixtures/feed/expectations.toml``; each story lists ``must`` and
``must_not`` entries of ``{rule, text}`` (exact finding text) or ``{rule, contains}``
(a substring of the finding text), ``rule`` being a code or a prefix.
"""

from __future__ import annotations

import tomllib
from functools import cache

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.feedcheck import with_feed_names
from checker.model import Finding, StoryResult
from checker.reading import read_feed
from checker.rules import all_rules
from tests.conftest import FEED

EXPECTATIONS = tomllib.loads((FEED / "expectations.toml").read_text(encoding="utf-8"))


@cache
def results() -> dict[str, StoryResult]:
    """The feed checked as ``wirecheck check`` does: feed-level spellings first."""
    settings = with_feed_names(Settings(), read_feed(FEED / "mt", FEED / "ref", FEED / "src"))
    checker = Checker(settings)
    stories = read_feed(FEED / "mt", FEED / "ref", FEED / "src")
    return {story.id: checker.check(story) for story in stories}


def matches(finding: Finding, entry: dict[str, str]) -> bool:
    if not finding.rule.startswith(entry["rule"]):
        return False
    if "text" in entry and finding.text != entry["text"]:
        return False
    return "contains" not in entry or entry["contains"] in finding.text


def describe(result: StoryResult) -> str:
    return "\n".join(f"  {f.rule} {f.text!r} ({f.message})" for f in result.findings)


CASES = [
    (story, kind, entry)
    for story, spec in EXPECTATIONS.items()
    for kind in ("must", "must_not")
    for entry in spec.get(kind, [])
]


@pytest.mark.parametrize(
    ("story", "kind", "entry"), CASES,
    ids=[f"{s}-{k}-{e['rule']}-{e.get('text') or e.get('contains') or ''}"[:90]
         for s, k, e in CASES],
)
def test_expectation(story: str, kind: str, entry: dict[str, str]) -> None:
    if kind == "must" and not any(r.code.startswith(entry["rule"]) for r in all_rules()):
        pytest.skip(f"no registered rule matches {entry['rule']} yet")
    result = results()[story]
    found = [f for f in result.findings if matches(f, entry)]
    if kind == "must":
        assert found, f"{story}: expected {entry}, found:\n{describe(result)}"
    else:
        assert not found, f"{story}: unexpected {[(f.rule, f.text) for f in found]}"


def test_every_story_has_expectations() -> None:
    assert set(results()) == set(EXPECTATIONS)


def test_feed_covers_four_language_pairs() -> None:
    pairs = {spec["pair"] for spec in EXPECTATIONS.values()}
    assert len(pairs) >= 4


@pytest.mark.parametrize("rule", [r.code for r in all_rules()])
def test_every_rule_has_a_fixture(rule: str) -> None:
    """A registered rule must be exercised by at least one story of the feed."""
    assert any(e["rule"] == rule for _, kind, e in CASES if kind == "must"), (
        f"no fixture story expects {rule}"
    )


def test_clean_story_has_nothing_above_info() -> None:
    clean = [s for s in results() if "clean" in s]
    assert clean
    for story in clean:
        loud = [f for f in results()[story].findings if f.severity != "info"]
        assert not loud, f"{story}:\n" + "\n".join(f"  {f.rule} {f.text!r}" for f in loud)
