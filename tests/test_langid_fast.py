"""checker.fastlangid gives langdetect's very answers (langdetect stays the reference)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from langdetect import DetectorFactory, detect_langs
from langdetect import detector_factory as factory
from langdetect.lang_detect_exception import LangDetectException

from checker import fastlangid, langid

ROOT = Path(__file__).resolve().parent.parent
DetectorFactory.seed = 0


def _texts() -> list[str]:
    texts = [
        "Ukraine: Kyiv says Russian strikes hit power grid",
        "Le gouvernement a refusé de commenter ces informations.",
        "El Gobierno se negó a comentar la información publicada el martes.",
        "Die Regierung wollte sich zu den Berichten nicht äußern.",
        "Witnesses in Hanoi described long queues and shops running out of goods.",
        "ABC DEF ghi Jkl MNO pqr",
        "Ș ț ş ţ ễ ự à la carte",
        "あア漢한ㄅ 北京 서울",
        "Москва и Киев", "١٢٣ القاهرة",
        "", "123 456", "http://example.com/a?b=c", "!!! ... ---",
    ]
    for folder in ("fixtures/feed/mt", "fixtures/feed/src", "tests/data/clean"):
        for path in sorted((ROOT / folder).glob("*.txt"))[:8]:
            story = path.read_text(encoding="utf-8")
            texts.append(story[:3000])
            texts.extend(p for p in story.split("\n\n")[:3] if p.strip())
    rng = random.Random(7)
    alphabet = "abcdeéèçñüßAÉZ Ωжя漢字かな ,.'-"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 50))) for _ in range(40)]
    return texts


TEXTS = _texts()


def _reference(text: str) -> tuple[tuple[str, float], ...]:
    try:
        return tuple((r.lang, r.prob) for r in detect_langs(text))
    except LangDetectException:
        return ()


@pytest.mark.parametrize("text", TEXTS)
def test_same_probabilities_as_langdetect(text: str) -> None:
    assert fastlangid.detect_langs(text) == _reference(text)


@pytest.mark.parametrize("text", TEXTS)
def test_same_ngrams_as_langdetect(text: str) -> None:
    factory.init_factory()
    detector = factory._factory.create()
    detector.append(text)
    detector.cleaning_text()
    known = fastlangid._profiles().word_lang_prob_map
    assert fastlangid._ngrams(detector.text, known) == detector._extract_ngrams()


@pytest.mark.parametrize("text", TEXTS)
def test_early_exits_give_the_full_answer(text: str) -> None:
    full = fastlangid.detect_langs(text)
    assert fastlangid.best_language(text) == (full[0][0] if full else None)
    for target in ("en", "fr", "de", "es", "af", "zh"):
        top = full[0] if full else None
        confident = top if top and top[0].split("-")[0] != target and top[1] >= 0.9 else None
        assert fastlangid.confident_language(text, 0.9, target) == confident


def test_repeatable() -> None:
    text = "Witnesses in Hanoi described long queues and shops running out of goods."
    assert fastlangid.detect_langs(text) == fastlangid.detect_langs(text)
    assert langid.detect(text)[0][0] == "en"


def _target_language_by_every_paragraph(text: str, exclude: str | None) -> str | None:
    """The vote as it was before langdetect was spared: every paragraph asked."""
    votes: dict[str, int] = {}
    for paragraph in text.split("\n\n"):
        weight = langid.letters(paragraph)
        if weight < 20:
            continue
        lang = langid.quick_language(paragraph)
        if lang is None and weight < langid.SHORT:
            lang = langid.frequent_word_language(paragraph)
        if lang is None:
            found = langid.detect(paragraph)
            lang = found[0][0].split("-")[0] if found else None
        if lang is not None and lang != exclude:
            votes[lang] = votes.get(lang, 0) + weight
    if votes:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return langid.story_language(text)


MIXED = [
    "Le président a annoncé mardi un plan.\n\nThe president announced a plan on Tuesday "
    "to cut energy prices for households and firms across the country.\n\nSoldats",
    "Der Minister sprach.\n\nEl ministro habló ayer ante el Congreso sobre el presupuesto "
    "de defensa y la ayuda a Ucrania.\n\nThe minister spoke to reporters afterwards.",
    "Ninguno\n\nKyiv says Russian strikes hit power grid overnight\n\nLes frappes russes "
    "ont touché le réseau électrique dans la nuit, selon Kiev.",
]


@pytest.mark.parametrize("exclude", [None, "fr", "en", "es"])
def test_target_language_votes_as_every_paragraph_would(exclude: str | None) -> None:
    stories = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/feed/mt").glob("*.txt"))]
    for text in [*stories, *MIXED]:
        assert langid.target_language(text, exclude) == _target_language_by_every_paragraph(
            text, exclude
        )


def test_safe_leader_needs_a_margin_beyond_the_open_paragraphs() -> None:
    assert langid._safe_leader({"en": 300, "fr": 100}, 199) == "en"
    assert langid._safe_leader({"en": 300, "fr": 100}, 200) is None
    assert langid._safe_leader({}, 0) is None
    assert langid._safe_leader({"de": 50}, 49) == "de"


def test_letters_counts_letters_of_every_script() -> None:
    assert langid.letters("Kyiv 2024: Ωж 漢字, é!") == 9
