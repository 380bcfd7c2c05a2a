"""The core stays free of interfaces, and every rule is a complete, documented unit."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from checker.model import Category, Severity
from checker.rules import Rule, all_rules


def test_core_and_check_command_never_import_textual() -> None:
    code = (
        "import sys\n"
        "import checker.engine, checker.reading, checker.output, checker.cli.check\n"
        "from checker.cli import build_parser\n"
        "build_parser()\n"
        "from checker.rules import all_rules; all_rules()\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert not any(m.startswith('checker.tui') for m in sys.modules), 'tui imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_complete(rule: type[Rule]) -> None:
    assert re.fullmatch(r"WC\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)
    assert isinstance(rule.category, Category)
    assert isinstance(rule.severity, Severity)
    doc = rule.documentation()
    assert rule.summary() and len(rule.summary()) <= 120
    for section in ("## Why it matters", "## Example"):
        assert section in doc, f"{rule.code} docstring lacks {section!r}"
    assert rule.fix_title, f"{rule.code} has no fix title"


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_family_digit_matches_category() -> None:
    families = {
        "0": Category.INPUT, "1": Category.GLOSSARY, "2": Category.ARTEFACT,
        "3": Category.BOILERPLATE, "4": Category.UNTRANSLATED, "5": Category.NUMBER,
        "6": Category.TYPOGRAPHY, "7": Category.STYLE, "8": Category.SCORE,
        "9": Category.ACCURACY,
    }
    for rule in RULES:
        assert families[rule.code[2]] == rule.category, rule.code
