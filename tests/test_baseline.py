"""Baselines: recorded findings stop failing the run, new ones still do, and entries that
no longer match are reported; matching is by story, rule and text, not offsets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.baseline import Baseline, BaselineWriter, occurrence_keys
from checker.errors import InputError
from checker.model import Category, Finding, Scores, Severity, StoryResult
from tests.conftest import ROOT

TEXT = ROOT / "fixtures" / "wire" / "text"


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    """A writable copy of the plain-text wire stories (mt, ref, src)."""
    shutil.copytree(TEXT, tmp_path / "feed")
    return tmp_path / "feed"


def check(cli, feed: Path, *extra: str):
    return cli("check", str(feed / "mt"), "--ref", str(feed / "ref"), "--src", str(feed / "src"), *extra)


def test_write_then_apply_a_baseline(cli, feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "wirecheck-baseline.json"
    written = check(cli, feed, "--write-baseline", str(baseline))
    assert written.code == 0  # recording a baseline accepts what is there
    assert written.err.strip() == f"wirecheck: recorded 4 findings in {baseline}"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["wirecheck_baseline"] == 1
    entries = [(e["story"], e["rule"], e["text"], e["occurrence"]) for e in data["findings"]]
    assert entries == sorted(entries)
    assert ("efe-cpi-february", "WC501", "3.4", 0) in entries
    assert ("efe-cpi-february", "WC501", "3.4", 1) in entries  # same text twice: two occurrences
    assert all("start" not in e and "line" not in e for e in data["findings"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    again = check(cli, feed, "--baseline", str(baseline))
    assert again.code == 0 and again.err == ""
    assert ": WC" not in again.out
    assert "0 errors, 0 warnings, 0 info." in again.out


def test_edits_elsewhere_keep_the_baseline_and_new_findings_fail(cli, feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    check(cli, feed, "--write-baseline", str(baseline))
    story = feed / "mt" / "efe-cpi-february.txt"
    text = story.read_text(encoding="utf-8")
    # A new opening paragraph shifts every offset; a third '3.4' appears in the body.
    story.write_text(
        "UPDATE 1 - adds ministry reaction\n\n"
        + text.replace("fell one tenth to 2.9 percent", "fell one tenth to 3.4 percent"),
        encoding="utf-8",
    )
    result = check(cli, feed, "--baseline", str(baseline), "--format", "json")
    assert result.code == 1
    (clean, inflation) = result.json()["stories"]
    assert [(f["rule"], f["text"]) for f in inflation["findings"]] == [("WC501", "3.4")]
    assert inflation["findings"][0]["line"] == 9  # the new one: core inflation, two lines down
    assert clean["findings"] == []


def test_fixed_findings_are_reported_as_unmatched(cli, feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    check(cli, feed, "--write-baseline", str(baseline))
    story = feed / "mt" / "efe-cpi-february.txt"
    story.write_text(
        story.read_text(encoding="utf-8").replace(
            "El Gobierno prevé que la tasa se modere en los próximos meses gracias a la rebaja del IVA de los alimentos básicos.",
            "The government expects the rate to ease in the coming months thanks to the VAT cut on basic foods.",
        ),
        encoding="utf-8",
    )
    result = check(cli, feed, "--baseline", str(baseline))
    assert result.code == 0
    lines = result.err.splitlines()
    assert lines[0] == (
        f"wirecheck: {baseline}: 2 baseline entries match no finding any more "
        "(refresh it with --write-baseline)"
    )
    assert sorted(lines[1:]) == [
        "  efe-cpi-february: WC401 'El Gobierno prevé que la tasa se modere en los próximos meses gracias a la rebaja del IVA de los alimentos básicos.'",
        "  efe-cpi-february: WC801 'El Gobierno prevé que la tasa se modere en los próximos meses gracias a la rebaja del IVA de los alimentos básicos.'",
    ]


def test_entries_of_stories_not_checked_are_not_stale(cli, feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    check(cli, feed, "--write-baseline", str(baseline))
    one = cli("check", str(feed / "mt" / "afp-rail-strike.txt"), "--src", str(feed / "src"),
              "--baseline", str(baseline))
    assert one.code == 0 and one.err == ""


def _finding(start: int, text: str, rule: str = "WC501") -> Finding:
    return Finding(rule, "number-mismatch", Category.NUMBER, Severity.ERROR, start,
                   start + len(text), 1, start + 1, text, "numbers differ")


def _story(*findings: Finding) -> StoryResult:
    return StoryResult("s", "s.txt", None, None, "en", "es", Scores(None, None, None), (),
                       findings, "")


def test_occurrences_count_in_text_order() -> None:
    late, early, other = _finding(40, "3.4"), _finding(10, "3.4"), _finding(20, "7")
    keys = occurrence_keys(_story(late, early, other))
    assert keys[id(early)] == ("s", "WC501", "3.4", 0)
    assert keys[id(late)] == ("s", "WC501", "3.4", 1)
    assert keys[id(other)] == ("s", "WC501", "7", 0)
    baseline = Baseline("b.json", {"s": {("WC501", "3.4", 0), ("WC501", "9", 0)}})
    applied = baseline.apply(_story(early, late, other))
    assert applied.baselined == (early,)
    assert applied.findings == (late, other)
    assert baseline.unmatched() == [("s", "WC501", "9", 0)]


def test_writer_records_baselined_findings_too(tmp_path: Path) -> None:
    writer = BaselineWriter()
    early, late = _finding(10, "3.4"), _finding(40, "3.4")
    writer.add(StoryResult("s", "s.txt", None, None, "en", "es", Scores(None, None, None), (),
                           (late,), "", baselined=(early,)))
    path = tmp_path / "b.json"
    writer.write(path)
    loaded = Baseline.load(path)
    assert loaded.entries == {"s": {("WC501", "3.4", 0), ("WC501", "3.4", 1)}}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "baseline is not valid JSON"),
        ('{"findings": []}', "not a wirecheck baseline (format 1)"),
        ('{"wirecheck_baseline": 1, "findings": [{"story": "s", "rule": "WC501"}]}',
         "baseline entry 1 needs 'rule' and 'text' strings"),
        ('{"wirecheck_baseline": 1, "findings": [{"story": "s", "rule": "WC5", "text": "x", "occurrence": -1}]}',
         "baseline entry 1: 'occurrence' must be a number >= 0"),
    ],
)
def test_bad_baselines_are_one_line_errors(cli, feed: Path, tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        Baseline.load(path)
    assert problem in str(info.value)
    result = check(cli, feed, "--baseline", str(path))
    assert result.code == 2 and result.err.count("\n") == 1 and str(path) in result.err


def test_missing_baseline_file(cli, feed: Path, tmp_path: Path) -> None:
    result = check(cli, feed, "--baseline", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert result.err.strip() == f"wirecheck: error: {tmp_path / 'nope.json'}: baseline file does not exist"


def test_sarif_marks_baselined_findings_as_suppressed(cli, feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    check(cli, feed, "--write-baseline", str(baseline))
    story = feed / "mt" / "efe-cpi-february.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("to 2.9 percent", "to 3.4 percent"),
                     encoding="utf-8")
    log = json.loads(check(cli, feed, "--baseline", str(baseline), "--format", "sarif").out)
    results = log["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    open_ = [r for r in results if "suppressions" not in r]
    assert len(suppressed) == 4
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in open_] == [("WC501", 7)]
