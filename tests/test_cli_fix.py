"""``wirecheck check --fix/--diff``, dismissals and the figures the text output prints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FEED

SAMPLE = FEED / "mt" / "sample-nk-troops.txt"


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)


def sample(tmp_path: Path) -> Path:
    target = tmp_path / "story.txt"
    shutil.copy(SAMPLE, target)
    return target


def test_fix_repairs_the_sample_story_in_place(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    story.chmod(0o640)
    result = cli("check", "--fix", str(story))
    fixed = story.read_text(encoding="utf-8")
    assert "Agence France-Presse\n" in fixed and "Agence -Presse" not in fixed  # garbled name
    assert "he said. -he declared" not in fixed and "both problems,” he said.\n" in fixed
    assert "Posted at 12:01 p.m." not in fixed  # time stamp
    assert "Related News" not in fixed  # related-news prompt
    assert "\n-\n" not in fixed  # the lone dash
    assert fixed.rstrip("\n").endswith("Korean Peninsula.”")
    assert "\n\n\n\n" not in fixed  # no empty paragraphs left behind
    assert "Claire LEE" in fixed  # an unsafe fix waits for --unsafe-fixes
    assert oct(story.stat().st_mode & 0o777) == oct(0o640)
    assert "WC103 fixed: 'Agence -Presse' → 'Agence France-Presse'" in result.err
    assert "WC303 fixed: delete 'Related News :'" in result.err
    assert "findings remain" in result.err and "--unsafe-fixes" in result.err
    assert "WC701" in result.out  # what remains is printed as usual
    assert "WC103 [error] 'Agence -Presse'" not in result.out
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temporary files


def test_unsafe_fixes_apply_the_rest(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    cli("check", "--fix", "--unsafe-fixes", str(story))
    assert "Claire Lee" in story.read_text(encoding="utf-8")


def test_diff_writes_nothing_and_exits_1_when_there_is_a_fix(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    before = story.read_bytes()
    result = cli("check", "--diff", str(story))
    assert story.read_bytes() == before
    assert result.code == 1
    assert result.out.startswith(f"--- {story}\n+++ {story}\n@@ ")
    assert "-Agence -Presse\n+Agence France-Presse\n" in result.out
    assert "would fix" in result.err
    cli("check", "--fix", str(story))
    assert cli("check", "--diff", str(story)).code == 0


def test_fix_keeps_crlf_and_bom(cli, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfFirst paragraph.\r\n\r\n-\r\n\r\nSecond paragraph.\r\n")
    cli("check", "--fix", "--lang", "en", str(story))
    assert story.read_bytes() == b"\xef\xbb\xbfFirst paragraph.\r\n\r\nSecond paragraph.\r\n"


def test_fix_on_a_jsonl_feed_writes_a_corrected_copy_beside_it(cli, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "a", "lang": "en", "text": "Rain fell.\n\n-\n\nIt stopped.", "extra": 1},
        {"id": "b", "lang": "en", "text": "Nothing to fix here."},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = feed.read_bytes()
    result = cli("check", "--fix", str(feed))
    assert feed.read_bytes() == before
    copy = tmp_path / "feed.reviewed.jsonl"
    lines = [json.loads(line) for line in copy.read_text(encoding="utf-8").splitlines() if line]
    assert lines[0] == {**records[0], "text": "Rain fell.\n\nIt stopped."}
    assert lines[1] == records[1]
    assert str(copy) in result.err
    again = cli("check", str(tmp_path), "--lang", "en", "--select", "WC301")
    assert "1 story" not in again.out and "2 stories" in again.out  # the copy is not read


def test_fix_refuses_dask_and_unsafe_without_fix(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    assert cli("check", "--unsafe-fixes", str(story)).code == 2
    assert cli("check", "--fix", "--diff", str(story)).code == 2


def test_text_output_shows_what_a_fix_replaces(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    out = cli("check", str(story)).out
    assert "(fix: 'the AFP' → 'AFP')" in out
    assert "(fix: delete 'Posted at 12:01 p.m.')" in out
    wc201 = next(line for line in out.splitlines() if "WC201" in line)
    assert wc201.count("delete") == 1


def test_unit_counts_agree_between_story_and_summary(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    out = cli("check", str(story)).out
    assert "aligned units, 0 scored: BLEU n/a" in out
    counts = [line.split(" aligned units, ")[0].rsplit(" ", 1)[-1] for line in out.splitlines()
              if " aligned units, " in line]
    assert len(counts) == 2 and counts[0] == counts[1]
    feed = cli("check", str(FEED / "mt"), "--ref", str(FEED / "ref"), "--src", str(FEED / "src"),
               "--format", "json").json()
    stories = feed["stories"]
    assert sum(len(s["segments"]) for s in stories) == feed["summary"]["segments"]
    assert sum(s["scores"]["units"] for s in stories) == feed["summary"]["scores"]["units"]


def _dismiss(review: Path, story_id: str, rule: str, text: str) -> None:
    review.write_text(json.dumps({"version": 1, "stories": {story_id: {"decisions": [
        {"action": "dismiss", "rule": rule, "text": text, "reason": "house style"}]}}}))


def test_dismissals_are_counted_and_listed(cli, tmp_path: Path) -> None:
    folder = tmp_path / "mt"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "nk.txt")
    _dismiss(tmp_path / "mt.reviewed.json", "nk", "WC103", "Agence -Presse")
    result = cli("check", str(folder))
    assert "WC103 [error] 'Agence -Presse'" not in result.out
    assert "honouring the dismissals" in result.err
    assert "1 finding dismissed by" in result.err and "--show-dismissed" in result.err
    shown = cli("check", str(folder), "--show-dismissed")
    assert "WC103 'Agence -Presse' dismissed (house style)" in shown.err
    # a single story of that folder honours the folder's review file too
    single = cli("check", str(folder / "nk.txt"))
    assert "WC103 [error] 'Agence -Presse'" not in single.out
    assert "1 finding dismissed" in single.err


def test_a_review_file_beside_the_feed_is_not_honoured_in_ci(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Le gouvernement a refusé de commenter ces informations publiées lundi.\n")
    text = story.read_text().strip()
    review = tmp_path / "story.reviewed.json"
    _dismiss(review, "story", "WC401", text)
    assert cli("check", str(story), "--lang", "en", "--select", "WC401").code == 0
    monkeypatch.setenv("CI", "true")
    ci = cli("check", str(story), "--lang", "en", "--select", "WC401")
    assert ci.code == 1 and "ignored in CI" in ci.err
    named = cli("check", str(story), "--lang", "en", "--select", "WC401", "--review-file",
                str(review))
    assert named.code == 0


def test_fix_leaves_dismissed_findings_alone(cli, tmp_path: Path) -> None:
    story = sample(tmp_path)
    _dismiss(tmp_path / "story.reviewed.json", "story", "WC103", "Agence -Presse")
    cli("check", "--fix", str(story))
    assert "Agence -Presse" in story.read_text(encoding="utf-8")


def test_a_corrected_copy_pairs_with_its_reference_and_source(cli, tmp_path: Path) -> None:
    for role in ("mt", "ref", "src"):
        (tmp_path / role).mkdir()
        shutil.copy(FEED / role / "sample-nk-troops.txt", tmp_path / role / "nk.txt")
    copy = tmp_path / "mt" / "nk.reviewed.txt"
    shutil.copy(SAMPLE, copy)
    data = cli("check", str(copy), "--ref", str(tmp_path / "ref"), "--src", str(tmp_path / "src"),
               "--format", "json").json()
    story = data["stories"][0]
    assert story["id"] == "nk"
    assert story["ref_path"] == str(tmp_path / "ref" / "nk.txt")
    assert story["src_path"] == str(tmp_path / "src" / "nk.txt")
    assert not any(f["rule"] in ("WC001", "WC002") for f in story["findings"])


def test_fix_on_an_xml_file_writes_a_json_lines_copy(cli, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "fixtures" / "wire" / "nitf"
    xml = tmp_path / "story.xml"
    shutil.copy(source / "es-en-inflation.xml", xml)
    before = xml.read_bytes()
    cli("check", "--fix", "--unsafe-fixes", str(xml))
    assert xml.read_bytes() == before
    copy = tmp_path / "story.reviewed.jsonl"
    (record,) = [json.loads(line) for line in copy.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "story" and "Bank of Spain" in record["text"]
    again = cli("check", str(copy), "--fix").err
    assert "fixed 0 findings" in again
