"""The rules' quick tests (prefilters, rewritten patterns) change no finding.

Each quick test is switched off (or the pattern it replaced put back) and the rules are
run again on many texts in English, French, Spanish and German: the repository's
fixtures and clean corpora, their paragraphs, and copies with the damage each rule looks
for written in. Both runs must give the same hits.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.engine import Checker
from checker.model import StoryInput
from checker.rules import (
    artefacts,
    boundaries,
    chrome,
    credits,
    langdata,
    markup,
    omission,
    quotes,
    repetition,
    typography,
)
from checker.rules.base import Hit

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "fr", "es", "de")
SOURCE_LANG = {"afp": "fr", "efe": "es"}

# Damage written into copies of the texts: what the quick tests must let through.
EDGES = [
    "The the minister said that that the plan was ready. ßtraße STRASSE strasse.",
    "İstanbul İstanbul was named. Σίσυφος ΣΊΣΥΦΟΣ σίσυφος. ﬁne fine ﬁne.",
    "Le ministre a dit  que le plan était prêt ; il a ajouté : « c'est fini » .",
    "Der Minister sagte , dass der\nPlan fertig sei. „Es ist vorbei“, sagte er.",
    "El ministro dijo que el\n\nplan estaba listo. «Es el fin», dijo. el gobierno dijo que sí.",
    "the plan was ready. the minister said so\nand left.It was late. He said.This is it",
    "Authorities are probing a\nsecond case, officials said. The report of the\nday.",
    "PHOTO: Jane Doe/AFP\n(Photo by JOHN SMITH / AFP)\n© Reuters\nREUTERS/Jane Doe",
    "… and buried far away … Read more\nLire la suite\nWeiterlesen »\nLeer más…",
    "Share this article\nEnlarge image\n105 total views, 1 today\nTags: Europe, ECB",
    "Sign up for our newsletter\nx: opens new window\nJe m'abonne\nTexto: EFE",
    "dÃ©cision of the â€œministerâ€\u009d\nВлaдимир Путин and Pаris\npic.twitter.com/abc",
    "— Jane Doe (@jdoe) March 5, 2023\n«Quote without end\n» and “mixed» and «mixed”",
    "He said \"yes\" and 'no' and “yes” and ‘no’ and „ja“ and ‚nein‘ and »ja« and ›nein‹.",
    "the ministry This evening the minister said. However the man left. It was the end",
    "Er sagte es Er kam dann. El ministro llegó El gobierno dijo. Il est parti Il reste.",
]


def _lang_of(path: Path) -> str:
    parts = path.stem.split("-")
    if path.parent.name == "src":
        return SOURCE_LANG.get(parts[0], parts[0])
    if parts[0] in LANGS and len(parts) > 1 and parts[1] in LANGS:
        return parts[1]
    return "en"


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "tests" / "data" / "clean").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        yield _lang_of(path), path.read_text(encoding="utf-8")
    for number, text in enumerate(EDGES):
        yield LANGS[number % len(LANGS)], text


def _damaged(text: str, rng: random.Random) -> str:
    """``text`` with a few of the kinds of damage the rules look for written in."""
    lines = text.split("\n")
    for _ in range(3):
        at = rng.randrange(len(lines))
        words = lines[at].split(" ")
        i = rng.randrange(len(words))
        kind = rng.randrange(10)
        if kind == 0:
            words.insert(i, words[i])  # a doubled word
        elif kind == 1:
            words[i] += rng.choice(["  ", " ,", " .", " :", " ;", " !", " ?"])
        elif kind == 2:
            words[i] = words[i].lower()
            lines.insert(at, "")
        elif kind == 3:
            words.insert(i, rng.choice(["the\n", "de\n", "el\n", "der\n", "a \n", "und\t\n"]))
        elif kind == 4:
            words.insert(i, rng.choice(["«", "»", "“", "”", "„", "\"", "‹", "›", "’"]))
        elif kind == 5:
            words[i] += rng.choice([".The", ". the", ".\nthe", "?Es", ". tu", "!«"])
        elif kind == 6:
            lines.insert(at, rng.choice(EDGES[7:10]).split("\n")[rng.randrange(4)])
        elif kind == 7:
            words[i] += rng.choice([" Read more", " (AFP)", " REUTERS/Jane Doe", "…"])
        elif kind == 8:
            words.insert(i, rng.choice(["This", "Il", "El", "Er", "However", "Sin embargo"]))
        else:
            words[i] = words[i].upper()
        lines[at] = " ".join(words)
    return "\n".join(lines)


@cache
def corpus() -> tuple[tuple[str, str], ...]:
    """Texts with their language: whole texts, paragraphs and damaged copies."""
    rng = random.Random(7)
    texts: list[tuple[str, str]] = []
    for lang, text in _sources():
        pieces = [text, *(p for p in text.split("\n\n") if p.strip())]
        for piece in pieces:
            texts.append((lang, piece))
            texts += [(lang, _damaged(piece, rng)) for _ in range(2)]
    return tuple(texts)


def test_corpus_is_big_and_multilingual() -> None:
    langs = [lang for lang, _ in corpus()]
    assert len(langs) >= 500
    assert all(langs.count(lang) >= 40 for lang in LANGS)


CODES = (
    "WC202", "WC212", "WC213", "WC214", "WC215", "WC223", "WC224", "WC226", "WC307",
    "WC308", "WC309", "WC601", "WC602", "WC605", "WC620", "WC621", "WC901", "WC902",
    "WC903", "WC904", "WC905", "WC906",
)


@cache
def contexts() -> tuple[StoryContext, ...]:
    """One story per text, with the reference of the fixture story when it has one."""
    built = Checker(Settings(select=CODES, default_glossary=False))
    stories = [StoryInput(f"s{n}", text, f"s{n}.txt", lang=lang)
               for n, (lang, text) in enumerate(corpus())]
    feed = ROOT / "fixtures" / "feed"
    for path in sorted((feed / "mt").glob("*.txt")):
        ref, src = feed / "ref" / path.name, feed / "src" / path.name
        stories.append(StoryInput(
            path.stem, path.read_text(encoding="utf-8"), path.name,
            ref=ref.read_text(encoding="utf-8") if ref.exists() else None,
            src=src.read_text(encoding="utf-8") if src.exists() else None,
            lang=_lang_of(path), src_lang=_lang_of(src),
        ))
    return tuple(built.context(story) for story in stories)


def _hits() -> list[list[tuple[str, Hit]]]:
    rules = Checker(Settings(select=CODES, default_glossary=False)).rules
    found = []
    for story in contexts():
        story.memo.clear()
        found.append([(rule.code, hit) for rule in rules if rule.applies_to(story.lang)
                      for hit in rule.check(story)])
    return found


@cache
def reference() -> tuple[tuple[tuple[str, Hit], ...], ...]:
    return tuple(tuple(hits) for hits in _hits())


def _always(*_: Any) -> bool:
    return True


def _old_run_on_pattern(lang: str) -> regex.Pattern[str] | None:
    """WC214's pattern as it was: the space first, then the starter."""
    starters = langdata.section(lang, "boundaries").get("starters", [])
    if not starters:
        return None
    return regex.compile(
        r"(?<=\p{Ll}[\"”»’]?)(?P<gap>[ \t])(?P<starter>"
        + langdata.alternation(starters)
        + r")[ \t]+\p{Ll}[\p{Ll}'’\-]*(?![\p{L}\p{N}])"
    )


_ANYWHERE = regex.compile("")
_NOWHERE = regex.compile("(?!)")
_EVERY_CHAR = regex.compile("(?s).")

# Each quick test, and how to switch it off: (module, name, slow replacement).
SWITCHES: dict[str, list[tuple[Any, str, Any]]] = {
    "WC620 neighbouring runs": [(repetition, "may_repeat", _always)],
    "WC621 space pairs": [(repetition, "_SPACE_PAIRS", ("",))],
    "WC213 lower line start": [(boundaries, "_lower_line_start", _always)],
    "WC213/WC202 stop then lower": [(boundaries, "STOP_THEN_LOWER", _ANYWHERE),
                                    (artefacts, "STOP_THEN_LOWER", _ANYWHERE)],
    "WC212 hint": [(boundaries, "_NO_SPACE_HINT", _ANYWHERE)],
    "WC214 starter first": [(boundaries, "_run_on_pattern", _old_run_on_pattern)],
    "WC215 line endings": [(boundaries, "_dangling_endings", lambda lang: ("",))],
    "WC9xx names only when short": [(omission, "_may_be_short", _always)],
    "WC307 credit characters": [(credits, "_may_hold_credit", _always)],
    "WC308 word count": [(chrome, "_TOO_MANY_WORDS", _NOWHERE)],
    "WC308 interface leads": [(chrome, "_may_hold", _always)],
    "WC309 prompt from the end": [(chrome, "_may_end_with", _always)],
    "WC601 space before mark": [(typography, "_space_hint", lambda lang: _ANYWHERE)],
    "WC602 marks only": [(quotes, "_mark_finder", lambda marks: _EVERY_CHAR)],
    "WC605 guillemets": [(quotes, "_has_guillemet", _always)],
    "WC223 embeds": [(markup, "_may_embed", _always)],
    "WC224/WC226 ascii": [(markup, "_ascii", lambda text: False)],
}


@pytest.mark.parametrize("name", sorted(SWITCHES))
def test_rules_agree_without_quick_test(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = reference()
    assert sum(map(len, expected)) >= 300  # the damage is found: the test has teeth
    for module, attribute, slow in SWITCHES[name]:
        monkeypatch.setattr(module, attribute, slow)
    assert [tuple(hits) for hits in _hits()] == list(expected)


def test_every_rule_of_the_test_finds_something() -> None:
    found = {code for hits in reference() for code, _ in hits}
    assert found >= set(CODES) - {"WC223", "WC226", "WC902", "WC903", "WC904", "WC906"}


def test_word_count_pattern_agrees_with_counting() -> None:
    for _, text in corpus():
        for line in text.split("\n"):
            for limit in (0, 3, 16):
                assert bool(chrome.more_words_than(limit).match(line)) == (
                    len(chrome._words(line)) > limit
                ), (limit, line)


def test_prompt_from_the_end_agrees_with_the_prompt() -> None:
    for langs in (("en",), ("fr",), ("es",), ("de",), ("en", "fr"), ("de", "es")):
        vocab = chrome.vocabulary(langs)
        for _, text in corpus():
            for line in text.split("\n"):
                assert (vocab.more_end.search(line) is None) == (
                    vocab.more.search(line) is None
                ), line

