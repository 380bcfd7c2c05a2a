"""The garble search's shortcuts agree with the plain search on many texts.

:class:`checker.glossary.garble.Reach` skips candidates that cannot gather enough of a
term's words, :meth:`GarbleSearch.live` and :meth:`GarbleSearch.others` keep each written word's
window starts and later words across texts, :func:`word_keys` and :func:`mention_spans` reuse what they worked out: each is
compared here with the computation it shortens, on the fixtures, the clean texts and
glossary terms damaged in many ways.
"""

from __future__ import annotations

import random
from pathlib import Path

from checker.config import Settings
from checker.glossary import load_index
from checker.glossary.garble import find_garbles
from checker.glossary.matcher import GlossaryIndex, word_keys
from checker.glossary.search import GarbleSearch, GarbleSettings
from checker.glossary.tokens import Language, tokenize
from checker.rules.consistency import _spans, mention_spans

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "fr", "de", "es")


def corpus() -> list[tuple[str, str]]:
    """``(text, lang)``: fixture stories and the clean texts, paragraph by paragraph."""
    found = []
    for lang in LANGS:
        text = (ROOT / "tests/data/clean" / f"{lang}.txt").read_text("utf-8")
        found += [(p, lang) for p in text.split("\n\n") if p.strip()]
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        found.append((path.read_text("utf-8"), "en" if "/mt/" in str(path) else "fr"))
    return found


def damaged(word: str, rng: random.Random) -> str:
    """``word`` with one typo: a letter dropped, doubled, swapped or changed."""
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(5)
    if kind == 0:
        return word[:at] + word[at + 1 :]
    if kind == 1:
        return word[:at] + word[at] + word[at:]
    if kind == 2:
        return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    if kind == 3:
        return word[:at] + rng.choice("aeiknrst") + word[at + 1 :]
    return word.lower() if rng.random() < 0.5 else word[:at] + " " + word[at:]


def term_variants(index: GlossaryIndex, lang: str, count: int, seed: int) -> list[str]:
    """Sentences naming glossary terms of ``lang`` with typos, dropped, swapped, extra or
    lower-case words, stray punctuation, in lists and across line breaks."""
    rng = random.Random(seed)
    terms = [t.term.text for t in index.terms if t.lang == lang]
    fillers = ["the", "said", "of", "and", "Minister", "(", ")", ",", "-", ".", "\n", "New"]
    texts = []
    for _ in range(count):
        words: list[str] = []
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(terms).split()
            change = rng.randrange(7)
            if change == 0 and len(name) > 1:
                del name[rng.randrange(len(name))]
            elif change == 1 and len(name) > 1:
                i = rng.randrange(len(name) - 1)
                name[i], name[i + 1] = name[i + 1], name[i]
            elif change == 2:
                name.insert(rng.randrange(len(name) + 1), rng.choice(fillers))
            elif change in (3, 4):
                i = rng.randrange(len(name))
                name[i] = damaged(name[i], rng)
            words += [rng.choice(fillers), *name, rng.choice(fillers)]
        texts.append(" ".join(words).replace(" \n ", "\n"))
    return texts


def garbles(index: GlossaryIndex, text: str, lang: str, fast: bool) -> list[tuple]:
    analysed = index.analyse(text, lang)
    found = find_garbles(analysed, GarbleSettings(), prefilter=fast)
    return [(g.start, g.end, g.term.index, g.score, g.damage, g.certain, g.replacement)
            for g in found]


def test_the_prefilter_finds_every_garble_the_full_search_finds() -> None:
    index = load_index(Settings())
    texts = corpus() + [
        (text, lang) for n, lang in enumerate(LANGS)
        for text in term_variants(index, lang, 400, seed=n)
    ]
    found = 0
    for text, lang in texts:
        slow = garbles(index, text, lang, fast=False)
        assert garbles(index, text, lang, fast=True) == slow, (lang, text)
        found += len(slow)
    assert found > 200  # the variants do hold garbles


def plain_candidates(search: GarbleSearch, i: int) -> set[int]:
    """Candidates with the window starts worked out afresh."""
    token = search.tokens[i]
    if not token.capitalised or token.key in search.language.connectors:
        return set()
    found: set[int] = set()
    for j in range(i + 1, min(len(search.tokens), i + 1 + 24)):
        if j > i + 1 and search.tokens[j].line_break:
            break
        if search.tokens[j].is_word:
            near = set(search.near(j)) | {search.joined(j)}
            others = [w for w in near if w in search.index.seconds]
            for first in search.firsts(i):
                for other in others:
                    found.update(search.index.pairs.get((first, other), ()))
    return found


def test_window_starts_kept_across_texts_are_the_plain_ones() -> None:
    index = load_index(Settings())
    for n, lang in enumerate(LANGS):
        texts = term_variants(index, lang, 150, seed=10 + n)
        for text in texts + texts:  # the second time from the kept starts
            analysed = index.analyse(text, lang)
            search = GarbleSearch(analysed, index.language(lang), GarbleSettings())
            for i in range(len(analysed.tokens)):
                assert search.candidates(i) == plain_candidates(search, i), (text, i)


def test_word_keys_are_the_language_keys() -> None:
    for text, lang in corpus():
        language = Language.of(lang)
        tokens = tokenize(text)
        spelled, normals = word_keys(tokens, language)
        assert spelled == [language.spell(t.key) if t.is_word else t.key for t in tokens]
        assert normals == [language.normal(t) for t in tokens]


def test_kept_name_spans_are_the_fresh_ones() -> None:
    for text, lang in corpus():
        fresh = list(_spans(text, lang, 6))
        assert list(mention_spans(text, lang)) == fresh
        assert list(mention_spans(text, lang)) == fresh  # kept
        assert list(mention_spans(text, lang, 2)) == list(_spans(text, lang, 2))
