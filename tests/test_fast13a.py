"""checker.fastscore.Fast13a tokenises exactly as sacrebleu's 13a tokenizer.

Its first substitution is a translate table and the others are skipped when the text
lacks their character: compared with sacrebleu's own tokenizer on every code point,
on every short string of the characters the substitutions look at, on generated
Unicode and on wire-like text.
"""

from __future__ import annotations

import itertools
import random
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
from sacrebleu.tokenizers.tokenizer_zh import TokenizerZh

from checker.fastscore import Fast13a
from tests.conftest import ROOT

SACREBLEU = Tokenizer13a()
FAST = Fast13a(SACREBLEU)


def _same(text: str) -> None:
    assert FAST(text) == SACREBLEU(text).split(), text


def test_every_code_point_alone_and_between_letters_and_digits() -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    padded = SACREBLEU._post_tokenizer._re[0][0]
    assert {ord(c) for c in chars if padded.fullmatch(c)} == set(FAST._pad)
    for start in range(0, len(chars), 2000):
        block = chars[start : start + 2000]
        _same("".join(block))
        _same(" ".join(block))
        _same("".join(f"a{c}1" for c in block))


def test_every_short_string_of_the_characters_the_rules_look_at() -> None:
    for alphabet, longest in (("0a.,-& \n;", 5), ("0a.,- ", 6)):
        for size in range(longest + 1):
            for chars in itertools.product(alphabet, repeat=size):
                _same("".join(chars))
    for text in ("<skipped>", "a-\nb", "&quot;&amp;&lt;&gt;", "&amp;quot;", "1-\n2", "-<skipped>\n"):
        _same(text)


_PIECES = st.sampled_from([
    "0", "7", "12", ".", ",", "-", "--", "&", "&amp;", "&quot;", "&lt;", "&gt;", ";", "\n",
    "-\n", "<skipped>", " ", "\t", "\u00a0", "a", "The", "U.S.", "1,200", "3.5", "é", "北京",
    "«", "»", "“", "”", "'", '"', "(", ")", "/", "$", "%", "…", "😀", "١٢٣", "٫",
])


@settings(max_examples=2000, deadline=None, database=None)
@given(text=st.one_of(st.lists(_PIECES, max_size=30).map("".join), st.text(max_size=80)))
def test_generated_text_tokenises_as_sacrebleu(text: str) -> None:
    _same(text)


def test_runs_of_periods_and_commas_between_any_neighbours() -> None:
    rng = random.Random(7)
    neighbours = ["", "0", "9", "a", " ", "-", "é", "٣", "\u00a0", "(", "x1", "1x"]
    for _ in range(3000):
        run = "".join(rng.choice(".,") for _ in range(rng.randint(1, 12)))
        _same(rng.choice(neighbours) + run + rng.choice(neighbours))
        _same("".join(rng.choice([run, *neighbours]) for _ in range(rng.randint(1, 20))))


def test_wire_text_and_long_text_tokenise_as_sacrebleu() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from wirefeed import make_feed

    lines = [line for story in make_feed(stories=10, sentences=20, seed=3)
             for line in (*story.mt, *story.ref)]
    feed = ROOT / "fixtures" / "feed"
    for path in sorted(feed.glob("*/*.txt")):
        lines.extend(path.read_text().splitlines())
    assert len(lines) > 300
    for line in lines:
        _same(line)
        _same(line)  # the memoised answer too
    _same(" ".join(lines))


def test_other_tokenizers_are_refused() -> None:
    with pytest.raises(ValueError, match="13a"):
        Fast13a(TokenizerZh())
