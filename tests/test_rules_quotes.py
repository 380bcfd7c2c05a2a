"""Quotation-mark rules: WC602's house-style options, WC604 spacing, WC605 mixed pairs;
and the full stop added to WC601."""

from __future__ import annotations

import pytest

from checker.config import Settings, build_settings
from checker.engine import Checker
from checker.errors import ConfigError
from checker.model import Finding, StoryInput
from tests.conftest import check


def found(text: str, code: str, lang: str = "en", options: dict | None = None) -> list[Finding]:
    if options is None:
        result = check(text, lang=lang, select=(code,), default_glossary=False)
    else:
        settings = Settings(select=(code,), default_glossary=False,
                            rule_options={"WC602": options})
        result = Checker(settings).check(StoryInput(id="t", mt=text, mt_path="t", lang=lang))
    return [f for f in result.findings if f.rule == code]


DPA = "«Wir bleiben dabei», sagte der Sprecher. «Mehr gibt es nicht.»"


# -- WC602 house style ------------------------------------------------------------------------
def test_guillemets_are_foreign_in_german_by_default() -> None:
    assert len(found(DPA, "WC602", "de")) == 2


def test_house_style_is_one_line_per_language() -> None:
    options = {"quotes": {"de": [["«", "»"]]}}
    assert found(DPA, "WC602", "de", options) == []
    # the language's default marks are now the foreign ones, rewritten in the house style
    (finding,) = found("„Nein“, sagte er.", "WC602", "de", options)
    assert finding.suggestion == "«Nein»"


def test_house_style_applies_only_to_its_language() -> None:
    options = {"quotes": {"de": [["«", "»"]]}}
    assert len(found("«No,» he said.", "WC602", "en", options)) == 1


def test_accept_by_language_adds_pairs() -> None:
    options = {"accept": {"de": [["«", "»"]]}}
    assert found(DPA, "WC602", "de", options) == []
    assert found("„Nein“, sagte er.", "WC602", "de", options) == []


def test_french_house_style_without_guillemets_drops_the_inner_space() -> None:
    options = {"quotes": {"fr": [["“", "”"]]}}
    (finding,) = found("« Non », a-t-il dit.", "WC602", "fr", options)
    assert finding.suggestion == "“Non”"


def test_spanish_default_accepts_both() -> None:
    assert found("«No», dijo. “Sí”, respondió.", "WC602", "es") == []


@pytest.mark.parametrize(
    "options",
    [{"quotes": {"xx": [["«", "»"]]}}, {"quotes": {"de": ["«»"]}}, {"accept": [["«»", "»"]]}],
)
def test_bad_house_style_options(options: dict) -> None:
    with pytest.raises(ConfigError):
        found("x", "WC602", "de", options)


def test_house_style_from_pyproject(tmp_path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.wirecheck.rules.WC602]\nquotes.de = [["«", "»"]]\n', encoding="utf-8"
    )
    settings = build_settings({"default_glossary": False}, config=config)
    story = StoryInput(id="t", mt=DPA, mt_path="t", lang="de")
    result = Checker(settings).check(story)
    assert not [f for f in result.findings if f.rule.startswith("WC60")]


# -- WC604 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flagged", "suggestion", "lang"),
    [
        ("he says: “It is nice. ”It can be that easy.", " ”", "” ", "en"),
        ("she called it “ fair” and left.", "“ ", "“", "en"),
        ("the “plan”was ready", "”", "” ", "en"),
        ("La direction« a précisé » hier.", "«", " «", "fr"),
        ("dijo“basta” y se fue.", "“", " “", "es"),
        ("Sie sagte„Ja“ dazu.", "„", " „", "de"),
    ],
)
def test_misplaced_quote_space(text: str, flagged: str, suggestion: str, lang: str) -> None:
    (finding,) = found(text, "WC604", lang)
    assert finding.text == flagged
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("“Yes,” he said, “we will.” And “no” — “maybe.”", "en"),
        ("« Nous ne céderons pas », a-t-il dit.", "fr"),
        ("«No cederemos», dijo. “Nunca”.", "es"),
        ("„Wir schaffen das“, sagte sie. »Nein«, sagte er.", "de"),
    ],
)
def test_well_placed_quotes(text: str, lang: str) -> None:
    assert found(text, "WC604", lang) == []


# -- WC605 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flagged", "suggestion", "lang"),
    [
        ("it is “ a priori “ acceptable", "“ a priori “", "“a priori”", "en"),
        ("“We will not give in» he said.", "“We will not give in»", "“We will not give in”", "en"),
        ("«Il a dit “non» et partit.", "“non»", "«\u00a0non\u00a0»", "fr"),
        ("dijo «basta” y se fue.", "«basta”", "«basta»", "es"),
        ("sagte er “Nein» dazu.", "“Nein»", "„Nein“", "de"),
    ],
)
def test_mismatched_pairs(text: str, flagged: str, suggestion: str, lang: str) -> None:
    (finding,) = found(text, "WC605", lang)
    assert finding.text == flagged
    assert finding.suggestion == suggestion


def test_stray_guillemet_in_english() -> None:
    (finding,) = found("the management« specified the plan.", "WC605")
    assert finding.text == "«"
    assert finding.suggestion is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chanting “We Want Trump!” Love France,” Trump wrote.", "en"),
        ("« Il a dit “non” et partit », raconte-t-elle.", "fr"),
        ("la «ley “ómnibus”» fue aprobada", "es"),
        ("„Das ist »unerhört«“, sagte er.", "de"),
        ("Il a dit « non » et elle « oui ».", "fr"),
    ],
)
def test_nested_and_paired_quotes(text: str, lang: str) -> None:
    assert found(text, "WC605", lang) == []


# -- WC601: the full stop ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flagged", "suggestion", "lang"),
    [
        ("the Ministry of Defense . Then", " .", ".", "en"),
        ("was highlighted. . Then", " .", "", "en"),
        ("le ministère de la Défense . Puis", " .", ".", "fr"),
        ("el Ministerio de Defensa . Luego", " .", ".", "es"),
        ("das Ministerium . Dann", " .", ".", "de"),
    ],
)
def test_space_before_full_stop(text: str, flagged: str, suggestion: str, lang: str) -> None:
    (finding,) = found(text, "WC601", lang)
    assert finding.text == flagged
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "lang"),
    [("wait ... and see", "en"), ("wait . . . and see", "en"), ("attendre ... et voir", "fr"),
     ("esperar ... y ver", "es"), ("warten ... und sehen", "de")],
)
def test_spaced_ellipsis_is_a_style(text: str, lang: str) -> None:
    assert found(text, "WC601", lang) == []
