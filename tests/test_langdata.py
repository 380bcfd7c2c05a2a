"""Per-language rule data: every file loads, and a language is supported by adding a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings
from checker.rules import all_rules, langdata
from tests.conftest import check

# The seed story, byte for byte (fixtures/README.md).
SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "feed" / "mt" / "sample-nk-troops.txt"
OWN_RULES = [r for r in all_rules() if r.code[2] in "2367" and r.code.startswith("WC")]


def test_every_language_file_loads() -> None:
    assert {"en", "fr", "es", "de", "pt", "it", "ar"} <= set(langdata.available())
    for lang in langdata.available():
        assert langdata.load(lang), lang
    assert langdata.load("xx") == {}
    assert langdata.agencies() and langdata.common()["social"]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de"])
def test_main_languages_have_every_table(lang: str) -> None:
    tables = {"attribution", "joins", "timestamp", "related", "punctuation", "quotes",
              "numbers", "byline", "dateline", "honorifics"}
    assert tables <= set(langdata.load(lang))


def test_rules_limit_themselves_to_languages_with_data() -> None:
    codes = {r.code: r for r in all_rules()}
    assert codes["WC704"].languages == frozenset({"en"})
    assert "ar" not in codes["WC201"].languages
    assert {"ar", "pt", "it"} <= codes["WC601"].languages


def test_every_rule_builds_and_runs_on_a_language_without_data() -> None:
    settings = Settings()
    for rule in OWN_RULES:
        rule(settings, {})
    text = "Overstromingen in Limburg\n\n-\n\nHet water steeg , zei de burgemeester."
    result = check(text, lang="nl", select=("WC2", "WC3", "WC6", "WC7"), default_glossary=False)
    assert [(f.rule, f.text) for f in result.findings] == [("WC301", "-")]


def test_sample_story_gives_exactly_the_planted_findings() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    result = check(text, lang="en", select=("WC2", "WC3", "WC6", "WC7"), default_glossary=False)
    found = {(f.rule, f.text, f.suggestion) for f in result.findings}
    assert found == {
        ("WC304", "DayFR Euro", ""),
        ("WC702", "(Seoul)", "SEOUL (AFP) -"),
        ("WC302", "Posted at 12:01 p.m.", ""),
        ("WC701", "Claire LEE", "Claire Lee"),
        ("WC703", "Mr. Hong", "Hong"),
        ("WC202", "Analysis. defense", None),
        ("WC704", "the AFP", "AFP"),
        ("WC201", " -he declared to AFP.", ""),
        ("WC301", "-", ""),
        ("WC303", "Related News :", ""),
        ("WC601", " :", ":"),
        ("WC307", "PHOTO SOUTH KOREAN NATIONAL INTELLIGENCE SERVICE/AGENCE FRANCE-PRESSE", ""),
    }
    for f in result.findings:
        assert text[f.start : f.end] == f.text


def test_per_language_data_is_built_on_first_use_only() -> None:
    built: list[str] = []

    def build(lang: str) -> str | None:
        built.append(lang)
        return None if lang == "ar" else lang.upper()

    table = langdata.PerLanguage({"en", "fr", "ar"}, build)
    assert built == []
    assert table.get("fr") == "FR" and table.get("fr") == "FR"
    assert built == ["fr"]
    assert table.get("ar") is None and "ar" not in table
    assert table.get("de") is None
    assert sorted(table) == ["en", "fr"]
