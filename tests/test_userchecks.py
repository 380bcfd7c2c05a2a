"""User-defined checks: configuration, validation, matching, pair checks, time limits."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from checker.config import Settings, build_settings
from checker.engine import Checker
from checker.errors import ConfigError
from checker.model import StoryInput
from checker.userchecks import parse_checks

KIEV = {
    "code": "WCU001", "name": "kiev-spelling", "pattern": r"\bKiev\b",
    "message": "write Kyiv", "suggestion": "Kyiv", "languages": ["en"],
}


def run(settings: Settings, mt: str, src: str | None = None, lang: str = "en",
        src_lang: str | None = None) -> list:
    story = StoryInput("s", mt, "s.txt", src=src, lang=lang, src_lang=src_lang)
    return list(Checker(settings).check(story).findings)


def settings_with(*tables: dict) -> Settings:
    return replace(Settings(select=("WCU",)), checks=parse_checks(list(tables), "test.toml"))


def test_pattern_check_reports_each_match_with_its_suggestion() -> None:
    found = run(settings_with(KIEV), "Troops left Kiev on Monday. Kievan Rus is history.")
    assert [(f.rule, f.text, f.suggestion) for f in found] == [("WCU001", "Kiev", "Kyiv")]
    assert found[0].category == "custom"


def test_languages_limit_the_check() -> None:
    text = "Les troupes ont quitté Kiev lundi, selon le ministère de la Défense."
    assert run(settings_with(KIEV), text, lang="fr") == []


def test_suggestion_expands_groups() -> None:
    table = {"code": "WCU002", "name": "percent-word", "pattern": r"(\d+) per cent",
             "message": "house style is 'percent'", "suggestion": r"\g<1> percent"}
    found = run(settings_with(table), "Prices rose 4 per cent in March.")
    assert [(f.text, f.suggestion) for f in found] == [("4 per cent", "4 percent")]


def test_literal_and_ignore_case() -> None:
    table = {"code": "WCU003", "name": "no-breaking", "pattern": "BREAKING:",
             "literal": True, "ignore-case": True, "message": "remove the flash tag"}
    found = run(settings_with(table), "Breaking: the minister resigned.\n\nBREAKINGX remains.")
    assert [f.text for f in found] == ["Breaking:"]


@pytest.mark.parametrize(
    ("mt", "expected"),
    [
        ("The president travelled to Germany on Tuesday.", []),
        ("The president travelled to France on Tuesday.", ["WCU010"]),
    ],
)
def test_pair_check_must_match(mt: str, expected: list[str]) -> None:
    table = {"code": "WCU010", "name": "allemagne-germany", "source-pattern": r"\bAllemagne\b",
             "pattern": r"\bGermany\b", "must-match": True,
             "message": "'Allemagne' in the source is not rendered 'Germany'"}
    src = "Le président s'est rendu en Allemagne mardi."
    found = run(settings_with(table), mt, src=src, src_lang="fr")
    assert [f.rule for f in found] == expected


def test_pair_check_must_not_match_points_at_the_match() -> None:
    table = {"code": "WCU011", "name": "no-billion-for-millones", "source-pattern": "millones",
             "pattern": r"\bbillions?\b", "must-not-match": True,
             "message": "'millones' is not 'billion'"}
    src = "El Gobierno destinará 1.600 millones de euros al plan."
    mt = "The government will allocate 1,600 billion euros to the plan."
    found = run(settings_with(table), mt, src=src, src_lang="es")
    assert [f.text for f in found] == ["billion"]


def test_pathological_pattern_cannot_hang_a_run() -> None:
    table = {"code": "WCU020", "name": "catastrophic", "pattern": r"(x+x+)+y",
             "message": "never matches"}
    start = time.monotonic()
    assert run(settings_with(table), "x" * 20_000) == []
    assert time.monotonic() - start < 5


def test_select_and_ignore_apply_to_user_codes() -> None:
    checks = parse_checks([KIEV], "t.toml")
    text = "They met in Kiev."
    assert run(replace(Settings(select=("WCU001",)), checks=checks), text)
    assert not run(replace(Settings(select=("ALL",), ignore=("WCU",)), checks=checks), text)
    assert not run(replace(Settings(select=("WC1",)), checks=checks), text)  # a family


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({**KIEV, "pattern": r"(Kiev"}, "invalid pattern"),
        ({**KIEV, "code": "WC999"}, "user range"),
        ({**KIEV, "name": "Kiev Spelling"}, "kebab-case"),
        ({**KIEV, "severity": "fatal"}, "severity"),
        ({**KIEV, "pattern": r"x*"}, "empty string"),
        ({**KIEV, "suggestion": r"\g<3>"}, "invalid suggestion"),
        ({**KIEV, "colour": "red"}, "unknown key 'colour'"),
        ({**KIEV, "must-match": True}, "need 'source-pattern'"),
        ({k: v for k, v in KIEV.items() if k != "message"}, "'message' is required"),
    ],
)
def test_invalid_checks_are_one_line_config_errors(table: dict, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_checks([table], "house.toml")
    assert problem in str(caught.value)
    assert str(caught.value).startswith("house.toml:")
    assert "\n" not in str(caught.value)


def test_duplicate_codes_across_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[[checks]]\ncode = "WCU001"\nname = "other"\npattern = "x"\nmessage = "m"\n',
        encoding="utf-8",
    )
    (tmp_path / "wirecheck.toml").write_text(
        'check-files = ["house.toml"]\n[[checks]]\ncode = "WCU001"\nname = "kiev"\n'
        'pattern = "Kiev"\nmessage = "m"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="defined twice"):
        build_settings(config=tmp_path / "wirecheck.toml")


def test_shared_check_file_loads_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "house.toml").write_text(
        '[[checks]]\ncode = "WCU005"\nname = "kiev"\npattern = \'\\bKiev\\b\'\n'
        'message = "write Kyiv"\nsuggestion = "Kyiv"\n',
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wirecheck]\ncheck-files = ["profiles/house.toml"]\n', encoding="utf-8"
    )
    settings = build_settings(config=tmp_path / "pyproject.toml")
    assert [c.code for c in settings.checks] == ["WCU005"]
    assert "check:WCU005" in Checker(settings).signature()


def test_cli_reports_a_bad_pattern_as_exit_2(tmp_path: Path) -> None:
    (tmp_path / "wirecheck.toml").write_text(
        '[[checks]]\ncode = "WCU001"\nname = "bad"\npattern = "(unclosed"\nmessage = "m"\n',
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text("Some text here.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "story.txt"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "WCU001: invalid pattern" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
