"""German ordinal dates left in other languages (WC705)."""

from __future__ import annotations

from functools import cache

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput


@cache
def checker() -> Checker:
    return Checker(Settings(select=("WC705",), default_glossary=False))


def check(mt: str, lang: str) -> list[Finding]:
    return list(checker().check(StoryInput("s", mt, "s.txt", lang=lang)).findings)


@pytest.mark.parametrize(
    ("lang", "mt", "flagged", "fixed"),
    [
        ("en", "The party congress on 7. December will elect a leader.", "7. December", "7 December"),
        ("en", "The retreat on the 2. and 3. June was cancelled.", "2. and 3. June", "2 and 3 June"),
        ("en", "The Hamburg congress on January 7. December was moved.", "7. December", "7 December"),
        ("fr", "Le congrès du 7. décembre élira un nouveau président.", "7. décembre", "7 décembre"),
        ("es", "El congreso del 7. diciembre elegirá a un nuevo líder.", "7. diciembre", "7 de diciembre"),
    ],
)
def test_ordinal_dates_are_found(lang: str, mt: str, flagged: str, fixed: str) -> None:
    found = check(mt, lang)
    assert [(f.text, f.suggestion) for f in found] == [(flagged, fixed)]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("de", "Der Parteitag am 7. Dezember wählt einen neuen Vorsitzenden."),
        ("en", "Inflation was 7. December figures will show whether it falls."),
        ("en", "The programme:\n1. March on the capital\n2. Rally at the square"),
        ("en", "She turned 25. May brought her first title."),
        ("en", "The congress on 7 December will elect a leader."),
        ("fr", "Le taux était de 7. Décembre a été un mois difficile."),
        ("es", "El congreso del 7 de diciembre elegirá a un nuevo líder."),
    ],
)
def test_other_numbers_and_native_dates_are_not_flagged(lang: str, mt: str) -> None:
    assert check(mt, lang) == []
