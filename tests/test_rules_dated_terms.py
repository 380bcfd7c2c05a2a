"""Story dates (readers, configuration) and glossary terms out of use from a date (WC112)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings, build_settings
from checker.engine import Checker
from checker.errors import ConfigError, InputError
from checker.glossary.model import Status
from checker.glossary.tabular import read_table
from checker.glossary.tbx import read_tbx
from checker.model import StoryInput
from checker.reading import read_feed
from checker.storydate import iso_date
from tests.conftest import check


def wc112(mt: str, lang: str, day: str | None):
    result = check(mt, lang, select=("WC112",), date=day)
    assert all(f.rule == "WC112" for f in result.findings)
    return result.findings


# -- dates -----------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:12:00+01:00", "2024-03-05"),
    ("2013-03-04T11:37:47.000Z", "2013-03-04"),
    ("20131020T192751+1100", "2013-10-20"),
    ("2023-02-30", None),
    ("5 March 2024", None),
    ("", None),
])
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_newsml_story_date_is_version_created(tmp_path: Path) -> None:
    path = tmp_path / "item.xml"
    path.write_text(
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="a" version="1" '
        'standard="NewsML-G2" standardversion="2.33">'
        "<itemMeta><versionCreated>2023-05-02T08:00:00+02:00</versionCreated>"
        "<firstCreated>2023-05-01T22:00:00Z</firstCreated></itemMeta>"
        "<contentMeta><headline>Sirens in the capital</headline></contentMeta>"
        '<contentSet><inlineXML contenttype="application/xhtml+xml" xml:lang="en">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Sirens sounded overnight.</p>'
        "</body></html></inlineXML></contentSet></newsItem>", encoding="utf-8")
    [story] = read_feed(path)
    assert story.date == "2023-05-02"


def test_nitf_story_date_is_date_issue(tmp_path: Path) -> None:
    path = tmp_path / "story.xml"
    path.write_text(
        '<nitf><head><docdata><date.issue norm="20210310T101200+0100"/></docdata></head>'
        "<body><body.head><hedline><hl1>Vaccines arrive</hl1></hedline></body.head>"
        "<body.content><p>The first deliveries arrived.</p></body.content></body></nitf>",
        encoding="utf-8")
    [story] = read_feed(path)
    assert story.date == "2021-03-10"


def test_xliff_file_date(tmp_path: Path) -> None:
    path = tmp_path / "story.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="a" source-language="fr" target-language="en" datatype="plaintext" '
        'date="2023-05-02T10:00:00Z"><body><trans-unit id="1"><source>Des sirènes à Kiev.'
        "</source><target>Sirens in Kiev.</target></trans-unit></body></file></xliff>",
        encoding="utf-8")
    [story] = read_feed(path)
    assert story.date == "2023-05-02"
    [finding] = Checker(Settings(select=("WC112",))).check(story).findings
    assert finding.text == "Kiev"


def test_jsonl_date_field_and_plain_text_without(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "One.", "date": "2022-07-01T10:00:00Z"}\n'
                    '{"id": "b", "text": "Two."}\n', encoding="utf-8")
    assert [s.date for s in read_feed(feed)] == ["2022-07-01", None]
    plain = tmp_path / "plain.txt"
    plain.write_text("Three.\n", encoding="utf-8")
    assert [s.date for s in read_feed(plain)] == [None]


def test_jsonl_date_that_is_not_a_date_is_an_input_error(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "One.", "date": "yesterday"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="ISO date"):
        list(read_feed(feed))


def test_story_date_from_configuration_and_command_line(cli, tmp_path: Path) -> None:
    config = tmp_path / "wirecheck.toml"
    config.write_text("story-date = 2023-05-02\n", encoding="utf-8")
    assert build_settings(config=config).story_date == "2023-05-02"
    config.write_text('story-date = "May 2023"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="ISO date"):
        build_settings(config=config)
    story = tmp_path / "story.txt"
    story.write_text("Sirens sounded in Kiev overnight, officials said.\n", encoding="utf-8")
    dated = cli("check", str(story), "--lang", "en", "--select", "WC112", "--isolated",
                "--story-date", "2023-05-02", "--format", "json").json()
    assert [f["rule"] for s in dated["stories"] for f in s["findings"]] == ["WC112"]
    undated = cli("check", str(story), "--lang", "en", "--select", "WC112", "--isolated",
                  "--format", "json").json()
    assert [f for s in undated["stories"] for f in s["findings"]] == []
    assert cli("check", str(story), "--story-date", "soon").code == 2


# -- glossary dates --------------------------------------------------------------------

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <termSec><term>Newtown</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="x-validFrom">2020-01-01</termNote></termSec>
        <termSec><term>Oldtown</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
          <transacGrp><transac type="transactionType">origination</transac>
            <date>2010-04-17</date></transacGrp>
          <transacGrp><transac type="transactionType">withdrawal</transac>
            <date>{until}</date></transacGrp></termSec>
        <termSec><term>Old Town</term><validUntil>2020-01-01</validUntil></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_dates_from_withdrawal_and_valid_notes(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_text(TBX.format(until="2020-01-01"), encoding="utf-8")
    terms = {t.text: t for t in read_tbx(path).concept("c1").terms}
    assert terms["Newtown"].valid_from == "2020-01-01" and terms["Newtown"].valid_until is None
    # the origination date is history, not validity; superseded from a date is admitted
    assert terms["Oldtown"].valid_until == "2020-01-01"
    assert terms["Oldtown"].status is Status.ADMITTED
    assert terms["Old Town"].valid_until == "2020-01-01"
    path.write_text(TBX.format(until="1 Jan 2020"), encoding="utf-8")
    with pytest.raises(InputError, match="ISO date"):
        read_tbx(path)


def test_csv_valid_until_column(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,valid_until\n"
                    "mk,en,North Macedonia,preferred,\n"
                    "mk,en,Republic of Macedonia,deprecated,2019-02-12\n", encoding="utf-8")
    terms = {t.text: t for t in read_table(path).concept("mk").terms}
    assert terms["Republic of Macedonia"].valid_until == "2019-02-12"
    assert terms["Republic of Macedonia"].status is Status.ADMITTED
    assert terms["North Macedonia"].valid_until is None
    assert not terms["Republic of Macedonia"].current("2019-02-12")
    assert terms["Republic of Macedonia"].current("2019-02-11")
    path.write_text("concept,lang,term,status,deprecated_from\nmk,en,X,admitted,2019\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="ISO date"):
        read_table(path)


# -- the rule --------------------------------------------------------------------------

def test_old_name_after_its_date_en() -> None:
    [finding] = wc112("Air raid sirens sounded in Kiev overnight.\n", "en", "2023-05-02")
    assert finding.text == "Kiev" and finding.suggestion == "Kyiv"
    assert "2019-08-14" in finding.message


def test_dateline_in_capitals_keeps_its_case_en() -> None:
    [finding] = wc112("KIEV (AFP) - Sirens sounded.\n", "en", "2023-05-02")
    assert finding.suggestion == "KYIV"


@pytest.mark.parametrize("day", ["2018-05-02", "2019-08-13", None])
def test_old_name_before_its_date_or_undated_en(day: str | None) -> None:
    assert wc112("Air raid sirens sounded in Kiev overnight.\n", "en", day) == ()


def test_old_name_inside_a_longer_accepted_term_en() -> None:
    assert wc112("The canteen served chicken Kiev on Friday.\n", "en", "2023-05-02") == ()


def test_bundled_glossary_keeps_news_usage_for_turkey_en() -> None:
    assert wc112("Ministers from Turkey met on Monday.\n", "en", "2023-01-01") == ()


def test_desk_glossary_dates_a_bundled_term_case_sensitively_en(tmp_path: Path) -> None:
    desk = tmp_path / "desk.csv"
    desk.write_text("concept,lang,term,status,case,valid_until\n"
                    "turkiye,en,Turkey,admitted,yes,2022-06-01\n", encoding="utf-8")
    checker = Checker(Settings(select=("WC112",), glossaries=(str(desk),)))
    text = "Ministers from Turkey met on Monday. The turkey was roasted.\n"
    [finding] = checker.check(StoryInput("t", text, "t.txt", lang="en", date="2023-01-01")).findings
    assert finding.text == "Turkey" and finding.suggestion == "Türkiye"
    before = StoryInput("t", text, "t.txt", lang="en", date="2022-05-31")
    assert checker.check(before).findings == ()


def test_languages_whose_usage_did_not_change_fr_es_de() -> None:
    assert wc112("Des sirènes ont retenti à Kiev.\n", "fr", "2023-05-02") == ()
    assert wc112("Sonaron las sirenas en Kiev.\n", "es", "2023-05-02") == ()
    assert wc112("In Kiew heulten die Sirenen.\n", "de", "2023-05-02") == ()


def test_renamed_country_fr_es_de() -> None:
    [fr] = wc112("Le roi du Swaziland est arrivé à Paris.\n", "fr", "2019-03-01")
    assert fr.suggestion == "Eswatini"
    [es] = wc112("El rey de Suazilandia llegó a Madrid.\n", "es", "2019-03-01")
    assert es.suggestion == "Esuatini"
    found = wc112("Der König von Swasiland reiste ab. Swasilands Regierung schwieg.\n", "de",
                  "2020-01-01")
    assert [(f.text, f.suggestion) for f in found] == [
        ("Swasiland", "Eswatini"), ("Swasilands", None)]  # inflected: no suggestion
    assert wc112("Le roi du Swaziland est arrivé à Paris.\n", "fr", "2017-03-01") == ()


def test_run_story_date_applies_to_undated_stories_only(tmp_path: Path) -> None:
    checker = Checker(Settings(select=("WC112",), story_date="2023-05-02"))
    undated = StoryInput("a", "Sirens sounded in Kiev.\n", "a.txt", lang="en")
    older = StoryInput("b", "Sirens sounded in Kiev.\n", "b.txt", lang="en", date="2018-01-01")
    assert [f.rule for f in checker.check(undated).findings] == ["WC112"]
    assert checker.check(older).findings == ()
