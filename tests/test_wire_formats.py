"""NewsML-G2, NITF and XLIFF: the same story text, so the same findings, as the plain-text
stories of the bundled feed; locations name the element; hostile XML is refused with one
line and exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import InputError
from checker.reading import read_feed
from tests.conftest import ROOT

WIRE = ROOT / "fixtures" / "wire"
FEED = ROOT / "fixtures" / "feed"
IDS = ("es-en-inflation", "fr-en-clean")  # the feed stories the wire fixtures carry
HOSTILE = ROOT / "tests" / "data" / "hostile"
PAIRS = ("--ref", str(FEED / "ref"), "--src", str(FEED / "src"))


def findings(document: dict) -> dict[str, list[tuple]]:
    return {
        story["id"]: [
            (f["rule"], f["severity"], f["start"], f["end"], f["text"], f["message"])
            for f in story["findings"]
        ]
        for story in document["stories"]
    }


@pytest.fixture(scope="module")
def plain() -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", *(str(FEED / "mt" / f"{i}.txt") for i in IDS), *PAIRS, "--format", "json",
              "--isolated"])
    return json.loads(out.getvalue())


@pytest.mark.parametrize("folder", ["newsml", "nitf"])
def test_newsml_and_nitf_give_the_plain_text_findings(cli, plain: dict, folder: str) -> None:
    document = cli("check", str(WIRE / folder), *PAIRS, "--format", "json").json()
    assert [s["id"] for s in document["stories"]] == list(IDS)
    assert findings(document) == findings(plain)
    assert {f[0] for f in findings(document)["es-en-inflation"]} >= {"WC401", "WC501"}
    for xml_story, text_story in zip(document["stories"], plain["stories"], strict=True):
        assert xml_story["lang"] == text_story["lang"] == "en"
        assert [u["mt"] for u in xml_story["segments"]] == [u["mt"] for u in text_story["segments"]]


def test_xliff_is_both_source_and_mt(cli, plain: dict) -> None:
    document = cli("check", str(WIRE / "xliff"), "--ref", str(FEED / "ref"), "--format", "json").json()
    assert findings(document) == findings(plain)
    inflation, clean = document["stories"]
    assert (inflation["src_lang"], inflation["lang"]) == ("es", "en")  # source-language / target-language
    assert (clean["src_lang"], clean["lang"]) == ("fr", "en")  # srcLang / trgLang
    assert inflation["src_path"].endswith("es-en-inflation.xlf")
    assert [u["src"] for u in inflation["segments"]] == [u["src"] for u in plain["stories"][0]["segments"]]


def test_an_xliff_file_can_be_the_source_of_a_plain_text_story(cli, plain: dict) -> None:
    document = cli(
        "check", str(FEED / "mt" / "es-en-inflation.txt"), "--ref", str(FEED / "ref"),
        "--src", str(WIRE / "xliff" / "es-en-inflation.xlf"), "--format", "json",
    ).json()
    assert findings(document)["es-en-inflation"] == findings(plain)["es-en-inflation"]


def test_wire_files_read_to_the_plain_text() -> None:
    expected = {i: (FEED / "mt" / f"{i}.txt").read_text(encoding="utf-8") for i in IDS}
    for folder in ("newsml", "nitf", "xliff"):
        stories = list(read_feed(WIRE / folder))
        assert {s.id: s.mt for s in stories} == expected, folder
    (xliff,) = read_feed(WIRE / "xliff" / "fr-en-clean.xliff")
    assert xliff.src == (FEED / "src" / "fr-en-clean.txt").read_text(encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    ("path", "element"),
    [
        (WIRE / "newsml" / "es-en-inflation.xml", "inlineXML/p[7]"),
        (WIRE / "nitf" / "es-en-inflation.xml", "body.content/p[7]"),
        (WIRE / "xliff" / "es-en-inflation.xlf", "trans-unit[p7]/target"),
    ],
)
def test_text_output_names_the_element_and_its_line(cli, path: Path, element: str) -> None:
    result = cli("check", str(path), "--src", str(FEED / "src"), "--select", "WC401")
    line = _line_of(path, "<p>El organismo" if "xliff" not in str(path) else "state=\"needs-review")
    assert result.out.splitlines()[0] == (
        f"{path}:{line}[{element} col 1]: WC401 [error] "
        "segment is in the source language, not in the target language 'en'"
    )


def test_the_dateline_opens_the_first_paragraph() -> None:
    (story,) = read_feed(WIRE / "nitf" / "es-en-inflation.xml")
    start = story.mt.index("Madrid, June 18 (EFE).- The Bank of Spain has raised")
    labels = {label: offset for offset, _, label in story.origin}
    assert labels["dateline"] == start
    assert labels["body.content/p[1]"] == start + len("Madrid, June 18 (EFE).- ")
    # media references and tables hold no story text
    assert "Chart" not in story.mt and "GDP growth" not in story.mt


def test_news_message_with_several_items_and_plain_inline_data(tmp_path: Path) -> None:
    message = tmp_path / "bulletin.xml"
    message.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <itemSet>
    <newsItem guid="a" version="1" standard="NewsML-G2" standardversion="2.33" xml:lang="en">
      <contentMeta><headline>Floods close schools</headline></contentMeta>
      <contentSet>
        <inlineData contenttype="text/plain">Schools stayed shut on Monday.

Rain is expected to ease on Tuesday.</inlineData>
      </contentSet>
    </newsItem>
    <newsItem guid="b" version="1" standard="NewsML-G2" standardversion="2.33">
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentSet><remoteContent href="photo.jpg"/></contentSet>
    </newsItem>
    <newsItem guid="c" version="1" standard="NewsML-G2" standardversion="2.33">
      <contentMeta><language tag="fr"/></contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Crues</h1><p>Les écoles restent fermées.</p></body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
""",
        encoding="utf-8",
    )
    first, second = read_feed(message)  # the picture item has no text and is skipped
    assert (first.id, first.lang) == ("bulletin/1", "en")
    assert first.mt == (
        "Floods close schools\n\nSchools stayed shut on Monday.\n\nRain is expected to ease on Tuesday.\n"
    )
    assert [(line, label) for _, line, label in first.origin] == [
        (5, "contentMeta/headline"),
        (7, "inlineData/paragraph[1]"),
        (9, "inlineData/paragraph[2]"),
    ]
    assert (second.id, second.lang, second.mt) == ("bulletin/2", "fr", "Crues\n\nLes écoles restent fermées.\n")


def test_xliff_inline_codes_and_missing_targets(tmp_path: Path) -> None:
    doc = tmp_path / "codes.xlf"
    doc.write_text(
        """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="de" target-language="en" datatype="html">
  <body>
   <trans-unit id="1"><source>Die <bpt id="1">&lt;b&gt;</bpt>Regierung<ept id="1">&lt;/b&gt;</ept> tagt.</source>
     <target>The <bpt id="1">&lt;b&gt;</bpt>government<ept id="1">&lt;/b&gt;</ept> meets.</target></trans-unit>
   <trans-unit id="2"><source>Noch nicht übersetzt.</source></trans-unit>
  </body>
 </file>
</xliff>
""",
        encoding="utf-8",
    )
    (story,) = read_feed(doc)
    assert story.mt == "The government meets.\n"
    assert story.src == "Die Regierung tagt.\n\nNoch nicht übersetzt.\n"
    assert (story.lang, story.src_lang) == ("en", "de")


def test_a_bare_doctype_is_accepted() -> None:
    path = WIRE / "nitf" / "es-en-inflation.xml"
    assert "<!DOCTYPE nitf SYSTEM" in path.read_text(encoding="utf-8")
    (story,) = read_feed(path)
    assert story.mt.startswith("The Bank of Spain raises its growth forecast")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("external-entity.xml", "unsafe XML: entity declarations are not allowed"),
        ("billion-laughs.xml", "unsafe XML: entity declarations are not allowed"),
        ("parameter-entity.xlf", "unsafe XML: entity declarations are not allowed"),
        ("malformed.nitf", "malformed XML: mismatched tag"),
    ],
)
def test_hostile_xml_is_refused_with_one_line(cli, name: str, problem: str) -> None:
    path = HOSTILE / name
    started = time.monotonic()
    result = cli("check", str(path))
    assert time.monotonic() - started < 5
    assert result.code == 2 and result.out == ""
    assert re.fullmatch(rf"wirecheck: error: {re.escape(str(path))}:\d+: {re.escape(problem)}\n", result.err)


def test_hostile_xml_never_reads_the_entity_target() -> None:
    with pytest.raises(InputError) as info:
        list(read_feed(HOSTILE / "external-entity.xml"))
    assert "root:" not in str(info.value)  # /etc/passwd was not expanded into anything


def test_unsupported_xml_document(cli, tmp_path: Path) -> None:
    odd = tmp_path / "feed.xml"
    odd.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n')
    result = cli("check", str(odd))
    assert result.code == 2
    assert result.err.strip() == (
        f"wirecheck: error: {odd}:2: unsupported XML document <rss>: expected a NewsML-G2 "
        "newsItem or newsMessage, NITF or XLIFF"
    )
