"""The WC4xx fast paths agree with the slow ones they replace, on many texts in en/fr/es/de."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from langdetect import detector_factory as factory
from wordfreq import get_frequency_dict

from checker import fastlangid, langid, lexicon
from checker.lexicon import NEWS_LANGUAGES
from checker.rules import untranslated
from tests.conftest import check

ROOT = Path(__file__).resolve().parent.parent

MIXED = [
    "He thanked the Minister of la Défense for sa presence at the ceremony.",
    "Le ministre a parlé with the press lundi soir, selon l'AFP.",
    "El ministro dijo que the government will not resign por ahora.",
    "Der Minister sagte, dass the government nicht zurücktreten werde.",
    "Il a remercié el presidente del gobierno pour son soutien.",
    "The talks will go on, poursuivra à l’Assemblée nationale avec la majorité.",
    "C'est la vie, said the déjà vu fan over a café au lait; joie de vivre!",
    "Ursula von der Leyen met de Gaulle's heirs; Le Monde and El País reported it.",
    "  ÉTATS-UNIS  :  Kyiv   says   Russian strikes hit power grid  ",
    "L’homme d’affaires n’a pas dit qu’il viendrait — aujourd’hui.",
    "DIE REGIERUNG wollte sich zu den Berichten nicht äußern, sagte Sprecherin Müller-Lüdenscheidt.",
    "İstanbul'da ISTANBUL 2024 ½ ² Ⅻ straße STRASSE ß ẞ ﬁnance",
]


def _sentences() -> list[str]:
    """Sentences and paragraphs of the fixtures, the clean texts and mixed lines."""
    texts = list(MIXED)
    folders = ("fixtures/feed/mt", "fixtures/feed/src", "fixtures/feed/ref",
               "fixtures/wire/text/mt", "fixtures/wire/text/src", "tests/data/clean")
    for folder in folders:
        for path in sorted((ROOT / folder).glob("*.txt")):
            story = path.read_text(encoding="utf-8")
            for paragraph in story.split("\n\n"):
                texts.append(paragraph)
                texts.extend(s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s.strip())
    rng = random.Random(11)
    alphabet = "abcdeéèçñüßAÉZDLQ ’'-,. Ωжя漢字"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(200)]
    return texts


TEXTS = _sentences()


@pytest.mark.parametrize("lang", NEWS_LANGUAGES)
@pytest.mark.parametrize("wordlist", ["best", "small"])
def test_zipf_tables_are_wordfreqs(lang: str, wordlist: str) -> None:
    """Every word of wordfreq's list has the Zipf frequency the per-word formula gives."""
    reference = get_frequency_dict(lang, wordlist)
    table = lexicon._table(lang, wordlist)
    assert table.keys() == reference.keys()
    assert all(table[word] == lexicon._zipf(freq) for word, freq in reference.items())


def test_stopword_votes_word_by_word() -> None:
    for text in TEXTS:
        assert langid.stopword_votes(text) == langid.stopword_votes_slow(text)


def _winner_by_ranking(votes: dict[str, int]) -> str | None:
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= 2 and top >= 2 * second + 1 else None


def test_vote_winner_as_the_ranking() -> None:
    rng = random.Random(5)
    languages = list(langid.stopwords())
    cases = [langid.stopword_votes(text) for text in TEXTS]
    cases += [{lang: rng.randint(0, 6) for lang in languages} for _ in range(2000)]
    for votes in cases:
        assert langid.vote_winner(votes) == _winner_by_ranking(votes)


def test_ngrams_word_by_word() -> None:
    """Per-word n-grams joined up are the walk over the whole text, and langdetect's."""
    factory.init_factory()
    known = fastlangid._profiles().word_lang_prob_map
    for text in TEXTS:
        whole = fastlangid._word_ngrams("".join(map(fastlangid._normal, text)), known)
        assert fastlangid._ngrams(text, known) == whole
        detector = factory._factory.create()
        detector.append(text)
        detector.cleaning_text()
        assert fastlangid._ngrams(detector.text, known) == detector._extract_ngrams()


@pytest.mark.parametrize("target", NEWS_LANGUAGES)
def test_plain_words_never_hide_a_foreign_word(target: str) -> None:
    """WC402's set of plain words: a sentence whose words are all in it has no word a
    source language flags, and the combined check says what the per-source one says."""
    for sources in [tuple(s for s in NEWS_LANGUAGES if s != target), *(
        (s,) for s in NEWS_LANGUAGES if s != target
    )]:
        plain: set[str] = set()
        for text in TEXTS:
            raw = untranslated._WORDS.findall(text)
            lows = [w.lower() for w in raw]
            slow = any(any(untranslated._flags(lows, target, s)) for s in sources)
            if plain.issuperset(raw):
                assert not slow
            assert untranslated._any_foreign(raw, lows, target, sources, plain) == slow


class _Forgetful(set):  # type: ignore[type-arg]
    """A set of plain words that never learns one: WC402 without its shortcut."""

    def update(self, *others: object) -> None:
        pass


@pytest.mark.parametrize("lang", NEWS_LANGUAGES)
def test_wc402_findings_without_the_shortcut(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(t for t in TEXTS if len(t) < 2000)
    fast = check(text, lang=lang, select=("WC4",), default_glossary=False)
    untranslated._plain_words.cache_clear()
    monkeypatch.setattr(untranslated, "_plain_words", lambda target, sources: _Forgetful())
    slow = check(text, lang=lang, select=("WC4",), default_glossary=False)
    assert [(f.rule, f.start, f.end, f.message) for f in fast.findings] == [
        (f.rule, f.start, f.end, f.message) for f in slow.findings
    ]
    assert any(f.rule == "WC402" for f in fast.findings)


def test_cleaned_text_is_langdetects() -> None:
    factory.init_factory()
    for text in [*TEXTS, "  a  b   ", " x", "see http://example.com/a?b=c  or  me@example.org  now",
                 "Москва и Киев, and a  few  words", "漢字かな abc " * 30, "a" * 12_000 + "  b"]:
        detector = factory._factory.create()
        detector.append(text)
        detector.cleaning_text()
        assert fastlangid._cleaned(factory._factory.create(), text) == detector.text


def test_one_row_at_a_time_is_the_table() -> None:
    profiles = fastlangid._profiles()
    grams = sorted({g for text in TEXTS[::7] for g in fastlangid._ngrams(text, profiles.word_lang_prob_map)})
    grams += ["", "abcd", "zzq", "ÿ"]
    table = profiles.table(grams)
    profiles._rows.clear()
    for gram, expected in zip(grams, table, strict=True):
        assert profiles.row(gram).tobytes() == expected.tobytes()


@pytest.mark.parametrize("part", range(4))
def test_probabilities_are_langdetects(part: int) -> None:
    """fastlangid's answers on the sentences above are langdetect's very numbers."""
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    for text in TEXTS[part::12]:
        try:
            reference = tuple((r.lang, r.prob) for r in detect_langs(text))
        except LangDetectException:
            reference = ()
        assert fastlangid.detect_langs(text) == reference
        for target in ("en", "fr", "de", "es"):
            top = reference[0] if reference else None
            sure = top if top and top[0].split("-")[0] != target and top[1] >= 0.9 else None
            assert fastlangid.confident_language(text, 0.9, target) == sure
        assert fastlangid.best_language(text) == (reference[0][0] if reference else None)


def test_letters_as_isalpha() -> None:
    for text in [*TEXTS, "".join(map(chr, range(128))), "", "abc", "ABC xyz 123 _"]:
        assert langid.letters(text) == sum(map(str.isalpha, text))
