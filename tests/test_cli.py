"""The command line: exit statuses, errors, the text format and the JSON contract."""

from __future__ import annotations

import re
from pathlib import Path

MT = (
    "The bank lent 1,600 million euros to the region, the ministry said.\n\n"
    "Le gouvernement a refusé de commenter ces informations publiées lundi par la presse.\n"
)
SRC = (
    "El banco prestó 1.500 millones de euros a la región, según el ministerio.\n\n"
    "El gobierno se negó a comentar estas informaciones publicadas el lunes por la prensa.\n"
)
REF = (
    "The bank lent 1,500 million euros to the region, according to the ministry.\n\n"
    "The government declined to comment on the reports published on Monday.\n"
)
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>WC\d{3}) "
    r"\[(?P<severity>error|warning|info)\] (?P<message>.+)$"
)


def story(tmp_path: Path) -> tuple[Path, Path, Path]:
    for folder, text in (("mt", MT), ("src", SRC), ("ref", REF)):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "loan.txt").write_text(text, encoding="utf-8")
    return tmp_path / "mt", tmp_path / "ref", tmp_path / "src"


def test_findings_fail_the_run_and_print_one_line_each(cli, tmp_path: Path) -> None:
    mt, ref, src = story(tmp_path)
    result = cli("check", str(mt), "--ref", str(ref), "--src", str(src), "--select", "WC4,WC5")
    assert result.code == 1
    lines = [LINE.match(line) for line in result.out.splitlines() if ": WC" in line]
    assert all(lines)
    found = {(m["code"], m["line"], m["col"]) for m in lines}
    assert ("WC501", "1", "15") in found  # "1,600 million" at line 1, column 15
    assert ("WC401", "3", "1") in found
    assert "story loan (es→en): 2 aligned units, 2 scored: BLEU" in result.out
    assert result.err == ""


def test_fail_on_and_exit_zero(cli, tmp_path: Path) -> None:
    mt, ref, src = story(tmp_path)
    base = ("check", str(mt), "--ref", str(ref), "--src", str(src), "--select", "WC502")
    assert cli(*base).code == 0  # WC502 is a warning: the default gate is error
    assert cli(*base, "--fail-on", "warning").code in (0, 1)
    assert cli(*base, "--severity", "WC502=error").code in (0, 1)
    assert cli("check", str(mt), "--src", str(src), "--select", "WC401").code == 1
    assert cli("check", str(mt), "--src", str(src), "--select", "WC401", "--exit-zero").code == 0
    assert (
        cli("check", str(mt), "--src", str(src), "--select", "WC401", "--fail-on", "never").code
        == 0
    )


def test_json_contract(cli, tmp_path: Path) -> None:
    mt, ref, src = story(tmp_path)
    result = cli("check", str(mt), "--ref", str(ref), "--src", str(src), "--format", "json")
    document = result.json()
    assert document["version"] == 1
    assert set(document) == {"version", "stories", "summary"}
    (entry,) = document["stories"]
    assert {
        "id",
        "mt_path",
        "ref_path",
        "src_path",
        "lang",
        "src_lang",
        "scores",
        "segments",
        "findings",
    } <= set(entry)
    assert (entry["id"], entry["lang"], entry["src_lang"]) == ("loan", "en", "es")
    assert {"bleu", "chrf", "ter", "signature"} <= set(entry["scores"])
    assert entry["scores"]["ter"] is None
    for segment in entry["segments"]:
        assert {
            "index",
            "mt_start",
            "mt_end",
            "ref_start",
            "ref_end",
            "src_start",
            "src_end",
            "mt",
            "ref",
            "src",
            "bleu",
            "chrf",
            "ter",
            "diff",
        } <= set(segment)
        if segment["mt_start"] is not None:
            assert MT[segment["mt_start"] : segment["mt_end"]] == segment["mt"]
        if segment["ref_start"] is not None:
            assert REF[segment["ref_start"] : segment["ref_end"]] == segment["ref"]
        if segment["src_start"] is not None:
            assert SRC[segment["src_start"] : segment["src_end"]] == segment["src"]
        assert all(op in ("equal", "insert", "delete") for op, _ in segment["diff"])
    assert entry["findings"]
    for finding in entry["findings"]:
        assert {
            "rule",
            "name",
            "category",
            "severity",
            "start",
            "end",
            "line",
            "column",
            "text",
            "message",
            "suggestion",
        } <= set(finding)
        assert MT[finding["start"] : finding["end"]] == finding["text"]
        assert finding["category"] in (
            "glossary",
            "artefact",
            "boilerplate",
            "untranslated",
            "number",
            "typography",
            "style",
            "score",
            "input",
        )
    summary = document["summary"]
    assert summary["stories"] == 1
    assert summary["findings"] == len(entry["findings"])
    assert set(summary["by_severity"]) == {"error", "warning", "info"}


def test_output_file_is_written_and_stdout_stays_empty(cli, tmp_path: Path) -> None:
    mt, ref, _ = story(tmp_path)
    out = tmp_path / "report.json"
    result = cli(
        "check", str(mt), "--ref", str(ref), "--format", "json", "-o", str(out), "--exit-zero"
    )
    assert result.code == 0 and result.out == ""
    assert '"version": 1' in out.read_text() or '"version":1' in out.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_inputs_are_never_modified(cli, tmp_path: Path) -> None:
    mt, ref, src = story(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.txt")}
    cli("check", str(mt), "--ref", str(ref), "--src", str(src), "--format", "json")
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.txt")} == before


def test_bad_input_is_one_line_and_exit_2(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Année".encode("latin-1"))
    result = cli("check", str(bad))
    assert result.code == 2
    assert (
        result.err.strip() == f"wirecheck: error: {bad}:1: not valid UTF-8 (byte 0xe9 at offset 3)"
    )
    assert "Traceback" not in result.err


def test_usage_errors_exit_2(cli, tmp_path: Path) -> None:
    story(tmp_path)
    assert cli("check", str(tmp_path / "missing.txt")).code == 2
    unknown = cli("check", str(tmp_path / "mt"), "--select", "WC999")
    assert unknown.code == 2 and "unknown rule code or prefix 'WC999'" in unknown.err
    assert cli("check", str(tmp_path / "mt"), "--severity", "WC401=fatal").code == 2
    assert cli("check", str(tmp_path / "mt"), "--format", "yaml").code == 2
    assert cli("check", str(tmp_path / "mt"), "--glossary", "nope.tbx").code == 2


def test_empty_story_is_fine(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("check", str(empty), "--format", "json")
    assert result.code == 0
    (entry,) = result.json()["stories"]
    assert entry["segments"] == [] and entry["findings"] == []


def test_configuration_from_pyproject(cli, tmp_path: Path) -> None:
    mt, _, src = story(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wirecheck]\nselect = ["WC5"]\n[tool.wirecheck.severity]\nWC501 = "info"\n'
    )
    result = cli("check", str(mt), "--src", str(src), "--format", "json")
    findings = result.json()["stories"][0]["findings"]
    assert {f["rule"] for f in findings} == {"WC501"}
    assert findings[0]["severity"] == "info"
    assert result.code == 0
    override = cli("check", str(mt), "--src", str(src), "--format", "json", "--select", "WC4")
    assert {f["rule"] for f in override.json()["stories"][0]["findings"]} == {"WC401"}
    isolated = cli(
        "check", str(mt), "--src", str(src), "--format", "json", "--isolated", "--select", "WC501"
    )
    assert isolated.json()["stories"][0]["findings"][0]["severity"] == "error"


def test_bad_configuration_names_the_file(cli, tmp_path: Path) -> None:
    mt, _, _ = story(tmp_path)
    (tmp_path / "wirecheck.toml").write_text('selct = ["WC4"]\n')
    result = cli("check", str(mt))
    assert result.code == 2
    assert "wirecheck.toml: unknown option 'selct'" in result.err


def test_rules_command(cli) -> None:
    listing = cli("rules")
    assert listing.code == 0
    assert re.search(
        r"^WC401\s+untranslated-segment\s+untranslated\s+error\s+", listing.out, re.MULTILINE
    )
    doc = cli("rules", "WC501")
    assert (
        doc.code == 0 and "# number-mismatch (WC501)" in doc.out and "## Why it matters" in doc.out
    )
    assert cli("rules", "untranslated-segment").code == 0
    family = cli("rules", "WC5")
    assert family.out.splitlines()[0].startswith("WC501")
    assert cli("rules", "WC999").code == 2


def test_jsonl_feed_locations_name_the_feed_line(cli) -> None:
    from tests.conftest import ROOT

    feed = ROOT / "fixtures" / "jsonl" / "wire-feed.jsonl"
    result = cli("check", str(feed), "--select", "WC4")
    assert result.code == 1
    assert f"{feed}:1[afp-lyon-floods 5:1]: WC401 [error]" in result.out
    assert "story empty-wire (en)" in result.out
    assert "1 error, 0 warnings, 0 info." in result.out
