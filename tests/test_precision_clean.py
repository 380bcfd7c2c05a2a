"""Precision: clean, well-edited news copy gives no artefact, boilerplate or typography
finding, and nothing above ``info``, in every supported target language.

``tests/data/clean/<lang>.txt`` holds one paragraph per line (at least 200 sentences),
written for the project: hyphenated names, date ranges, quotations in the language's own
marks, genuine attributions ("he said.", "a-t-il ajouté"), house-style datelines and
numbers with the language's decimal mark. Each file is checked as one story and each
line as a story of its own (so dateline and first-line rules see every line).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput
from checker.segment import segment

CLEAN = Path(__file__).parent / "data" / "clean"
LANGS = ("en", "fr", "es", "de")
FAMILIES = ("WC2", "WC3", "WC6", "WC7")
MIN_SENTENCES = 200


@cache
def checker() -> Checker:
    return Checker(Settings(select=FAMILIES, default_glossary=False))


def lines(lang: str) -> list[str]:
    text = (CLEAN / f"{lang}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def findings(lang: str) -> list[Finding]:
    paragraphs = lines(lang)
    stories = [StoryInput(id=f"{lang}-all", mt="\n\n".join(paragraphs), mt_path="all", lang=lang)]
    stories += [
        StoryInput(id=f"{lang}-{n}", mt=p, mt_path=f"line {n}", lang=lang)
        for n, p in enumerate(paragraphs, 1)
    ]
    return [f for story in stories for f in checker().check(story).findings]


def describe(found: list[Finding]) -> str:
    return "\n".join(f"  {f.rule} {f.severity} {f.text!r}: {f.message}" for f in found)


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_is_big_enough(lang: str) -> None:
    text = "\n\n".join(lines(lang))
    assert len(segment(text, lang).sentences) >= MIN_SENTENCES


@pytest.mark.parametrize("lang", LANGS)
def test_no_artefact_boilerplate_or_typography_finding(lang: str) -> None:
    found = [f for f in findings(lang) if f.rule.startswith(("WC2", "WC3", "WC6"))]
    assert not found, f"{lang}:\n{describe(found)}"


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_above_info(lang: str) -> None:
    found = [f for f in findings(lang) if f.severity != "info"]
    assert not found, f"{lang}:\n{describe(found)}"
