"""The shortcuts of the glossary and name searches give what the plain computation gives.

Each shortcut (one regex pass for tokens, key strings built in bulk, caches kept on the
language index across texts, a prefilter of garble anchors, name runs without objects)
is compared here with a plain, obviously right computation of the same thing.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from checker.config import Settings
from checker.feedcheck import story_spellings
from checker.glossary import load_index
from checker.glossary.matcher import _keystring, loose_keys, word_keys
from checker.glossary.search import GarbleSearch, GarbleSettings
from checker.glossary.tokens import _TOKEN, Language, tokenize
from checker.rules.consistency import mention_spans, mentions, spelling, translit_key

_ALPHABET = [
    *"aBz. \n\t-‐‑'’ʼ_½²٣,;:!?()«»“”Éé1", "\u00a0", "\u202f", "\u0301", "中", "ß", "U.N.",
    "la ", "du ", "des ", "Bank", "World ",
]


def random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(count)
    ]


def plain_tokens(text: str) -> list[tuple[int, int, str, str, bool, str]]:
    """Tokens as one regex match at a time gives them."""
    found = []
    previous = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        is_word = word[:1].isalnum()
        key = word.lower() if is_word else word
        if is_word and word.endswith("."):
            key = key.replace(".", "")
        found.append((match.start(), match.end(), word, key, is_word, text[previous : match.start()]))
        previous = match.end()
    return found


def test_tokens_are_the_regex_matches_with_their_gaps() -> None:
    for text in [*random_texts(3000), "", "   ", "U.N. agency’s staff - ʼOkina", "end."]:
        assert [tuple(t) for t in tokenize(text)] == plain_tokens(text), repr(text)


def plain_keystring(keys: list[str], line_break: list[bool], kept: list[int]) -> str:
    """Keys joined by spaces, a line break anywhere between two kept tokens kept."""
    out = " "
    for number, key in enumerate(keys):
        if number and any(line_break[k] for k in range(kept[number - 1] + 1, kept[number] + 1)):
            out += "\n "
        out += key + " "
    return out


def test_key_strings_mark_line_breaks_also_of_dropped_tokens() -> None:
    french = Language.of("fr")
    for text in [*random_texts(2000, seed=3), "la\nBanque de la\nFrance", "Banque la\n la France"]:
        tokens = tokenize(text)
        breaks = ["\n" in t.gap for t in tokens]
        spelled, normals = word_keys(tokens, french)
        assert spelled == [french.spell(t.key) if t.is_word else t.key for t in tokens]
        assert normals == [french.normal(t) for t in tokens]
        kept, keys = loose_keys(tokens, french, normals)
        assert (kept, keys) == loose_keys(tokens, french)
        for numbers, strings in ((list(range(len(tokens))), spelled), (kept, keys)):
            starts, keystring = _keystring(strings, breaks, None if strings is spelled else kept)
            assert keystring == plain_keystring(strings, breaks, numbers)
            assert [keystring[s : s + len(k)] for s, k in zip(starts, strings, strict=True)] == (
                strings
            )
    tokens = tokenize("Banque la\nFrance")
    kept, keys = loose_keys(tokens, french)
    assert keys == ["banque", "france"]  # "la" dropped, its line break kept
    assert _keystring(keys, ["\n" in t.gap for t in tokens], kept)[1] == " banque \n france "


def test_garble_search_gives_the_same_answer_with_warm_caches() -> None:
    index = load_index(Settings())
    text = (
        "Officials of the World Bnak and the Korea Institute for National Reunification "
        "met the Agence France -Presse and the World Bank.\nThe Bnak said nothing."
    )
    first = [(g.start, g.end, g.term.index, g.certain) for g in index.analyse(text, "en").garbled()]
    second = [
        (g.start, g.end, g.term.index, g.certain) for g in index.analyse(text, "en").garbled()
    ]
    assert first == second
    assert [text[s:e] for s, e, _, _ in first] == [
        "World Bnak", "Korea Institute for National Reunification", "Agence France -Presse",
    ]


def test_only_anchors_near_a_first_word_have_candidates() -> None:
    index = load_index(Settings())
    text = "Yesterday Paris and Berlin said the World Bnak and Agence -Presse agreed."
    analysed = index.analyse(text, "en")
    search = GarbleSearch(analysed, index.language("en"), GarbleSettings())
    anchors = search.anchors()
    assert all(analysed.tokens[i].capitalised for i in anchors)
    with_candidates = [analysed.tokens[i].text for i in anchors if search.candidates(i)]
    assert "World" in with_candidates and "Agence" in with_candidates
    assert "Yesterday" not in with_candidates and "Paris" not in with_candidates
    assert all(not search.firsts(i) for i in anchors if analysed.tokens[i].text == "Paris")


def test_name_spans_are_the_mentions() -> None:
    text = (
        "President Kim Jong Un met al-Qaeda's envoy. Die Europäische Zentralbank and "
        "BEIJING Xinhua News wrote about Zelenskyy, O’Neill-Smith and NATO-Russia ties."
    )
    for lang in ("en", "de"):
        assert [(m.start, m.end, m.form) for m in mentions(text, lang)] == list(
            mention_spans(text, lang)
        )
    forms = [form for _, _, form in mention_spans(text)]
    assert "Kim Jong Un" in forms and "Jong Un" in forms and "Zelenskyy" in forms
    assert "BEIJING" not in forms and "Xinhua News" in forms
    assert not any(form == "Kim" for form in forms)  # one short word is no mention


def test_a_story_uses_its_most_frequent_spelling_the_first_one_on_a_tie() -> None:
    text = "Zelenskiy spoke. Zelensky replied. Zelensky left. Kim Jong-un and Kim Jong Un met."
    expected: dict[str, Counter[str]] = {}
    for _, _, form in mention_spans(text):
        expected.setdefault(translit_key(spelling(form)), Counter())[spelling(form)] += 1
    spellings = story_spellings(text, "en")
    assert spellings == {key: c.most_common(1)[0][0] for key, c in expected.items()}
    assert spellings[translit_key("Zelensky")] == "Zelensky"
    assert spellings[translit_key("Kim Jong Un")] == "Kim Jong-un"  # a tie: the first


def test_tokens_never_split_a_letter_apostrophe() -> None:
    assert re.fullmatch(r"\w", "ʼ")  # a letter: one word with what follows
    assert [t.text for t in tokenize("Hawaiʼi’s")] == ["Hawaiʼi", "s"]
