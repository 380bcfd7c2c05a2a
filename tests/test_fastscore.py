"""checker.fastscore gives sacrebleu's own statistics, and so its scores, bit for bit.

sacrebleu is the reference implementation: every pair here is scored by both, with each
tokenizer wirecheck uses, over generated text (any Unicode, white space and punctuation
runs, CJK, empty and very long strings) and over wire-like sentence pairs.
"""

from __future__ import annotations

import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import BLEU, CHRF

from checker.fastscore import FastStats, bleu_stats, chrf_stats
from checker.scoring import Scorer
from tests.conftest import ROOT

TOKENIZERS = ("13a", "zh", "char", "intl")
_METRICS = {
    name: (BLEU(tokenize=name), BLEU(tokenize=name, effective_order=True), CHRF())
    for name in TOKENIZERS
}

# Text that stresses tokenisation: words, digits, punctuation runs, CJK and Hangul, any
# white space (tabs, no-break and ideographic spaces, line breaks) and any code point.
_PIECES = st.sampled_from([
    "the", "The", "AFP", "Agence", "France-Presse", "1,200", "3.5", "U.S.", "-", "--", ".",
    ",", '"', "'", "«", "»", "(", ")", "&amp;", "&quot;", "<skipped>", "é", "Éire", "ß",
    "北京", "新华社", "记者", "。", "，", "서울", "연합뉴스", "東京", "ข่าว", "١٢٣",
    " ", "  ", "\t", "\u00a0", "\u3000", "\n", "-\n", "…", "€", "%", "$5", "😀",
])
_TEXT = st.one_of(
    st.lists(_PIECES, max_size=40).map("".join),
    st.lists(_PIECES, max_size=12).map(" ".join),
    st.text(max_size=60),
)


def _reference(hyp: str, ref: str, tokenize: str) -> tuple[list, list, float, float]:
    bleu, sentence_bleu, chrf = _METRICS[tokenize]
    b = bleu._extract_corpus_statistics([hyp], [[ref]])[0]
    c = chrf._extract_corpus_statistics([hyp], [[ref]])[0]
    return b, c, sentence_bleu.sentence_score(hyp, [ref]).score, chrf.sentence_score(
        hyp, [ref]
    ).score


def _assert_same(hyp: str, ref: str, tokenize: str) -> None:
    bleu, sentence_bleu, chrf = _METRICS[tokenize]
    stats = FastStats(bleu, chrf).pair(hyp, ref)
    want_bleu, want_chrf, want_sentence_bleu, want_sentence_chrf = _reference(hyp, ref, tokenize)
    assert stats["bleu"] == want_bleu
    assert stats["chrf"] == want_chrf
    assert all(type(v) is int for v in stats["bleu"] + stats["chrf"])
    assert sentence_bleu._compute_score_from_stats(stats["bleu"]).score == want_sentence_bleu
    assert chrf._compute_score_from_stats(stats["chrf"]).score == want_sentence_chrf


@pytest.mark.parametrize("tokenize", TOKENIZERS)
@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(hyp=_TEXT, ref=_TEXT)
def test_generated_pairs_match_sacrebleu(tokenize: str, hyp: str, ref: str) -> None:
    _assert_same(hyp, ref, tokenize)


@pytest.mark.parametrize("tokenize", TOKENIZERS)
@settings(max_examples=100, deadline=None, database=None)
@given(ref=_TEXT, edits=st.lists(st.tuples(st.integers(0, 200), _PIECES), max_size=4))
def test_near_copies_match_sacrebleu(tokenize: str, ref: str, edits: list) -> None:
    hyp = ref
    for position, piece in edits:  # a reference with a few insertions: many shared n-grams
        at = position % (len(hyp) + 1)
        hyp = hyp[:at] + piece + hyp[at:]
    _assert_same(hyp, ref, tokenize)
    _assert_same(ref, ref, tokenize)


EDGE_CASES = [
    ("", ""), ("", "The talks resumed."), ("The talks resumed.", ""), (" ", "\n"),
    ("...", "!!!"), ("- - -", "-"), ("a", "a"), ("a a a a a", "a a"), ("the the", "the"),
    ("北京时间。", "北京时间"), ("新华社北京3月1日电", "新华社北京3月1日电（记者）"),
    ("“Yes,” he said.", '"Yes," he said .'), ("x" * 5000, "x" * 4999 + "y"),
    (" ".join(["word"] * 3000), " ".join(["word", "other"] * 1500)),
]


@pytest.mark.parametrize("tokenize", TOKENIZERS)
@pytest.mark.parametrize(("hyp", "ref"), EDGE_CASES)
def test_edge_cases_match_sacrebleu(tokenize: str, hyp: str, ref: str) -> None:
    _assert_same(hyp, ref, tokenize)


def _wire_pairs() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from wirefeed import make_feed

    pairs = []
    for story in make_feed(stories=8, sentences=20, seed=11):
        pairs.extend(zip(story.mt, story.ref, strict=False))
    return pairs


def test_wire_pairs_and_corpus_scores_match_sacrebleu() -> None:
    pairs = _wire_pairs()
    feed = ROOT / "fixtures" / "feed"
    for mt in sorted((feed / "mt").glob("*.txt")):  # the fixture stories, line by line
        ref = feed / "ref" / mt.name
        if ref.exists():
            pairs.extend(zip(mt.read_text().splitlines(), ref.read_text().splitlines(),
                             strict=False))
    assert len(pairs) > 150
    scorer = Scorer("en")
    hyps, refs = [h for h, _ in pairs], [r for _, r in pairs]
    for hyp, ref in pairs:
        _assert_same(hyp, ref, "13a")
    corpus = scorer.corpus([scorer.unit(h, r).stats for h, r in pairs])
    assert corpus.bleu == round(BLEU().corpus_score(hyps, [refs]).score, 4)
    assert corpus.chrf == round(CHRF().corpus_score(hyps, [refs]).score, 4)


def test_counting_is_clipped_and_orders_the_reference_lacks_count_nothing() -> None:
    assert bleu_stats(["a", "a", "b"], ["a", "c"]) == [3, 2, 1, 0, 0, 0, 3, 2, 1, 0]
    assert chrf_stats("ab", "a") == [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]


def test_other_options_are_refused() -> None:
    with pytest.raises(ValueError, match="default options"):
        FastStats(BLEU(lowercase=True), CHRF())
    with pytest.raises(ValueError, match="default options"):
        FastStats(BLEU(), CHRF(word_order=2))


def test_random_unicode_soup_matches_sacrebleu() -> None:
    rng = random.Random(5)
    alphabet = "abcé北京。, .-\u3000\tखि"
    for _ in range(300):
        hyp = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        ref = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for tokenize in TOKENIZERS:
            _assert_same(hyp, ref, tokenize)



def test_regrouped_blocks_of_wire_sentences_match_sacrebleu() -> None:
    """The story figure scores runs of units joined into one block: long pairs where
    the hypothesis lacks whole reference sentences."""
    rng = random.Random(13)
    pairs = _wire_pairs()
    for _ in range(150):
        start = rng.randrange(len(pairs) - 6)
        group = pairs[start : start + rng.randint(2, 6)]
        hyp = " ".join(mt for mt, _ in group if rng.random() < 0.6)
        ref = " ".join(r for _, r in group)
        _assert_same(hyp, ref, "13a")
        _assert_same(ref, hyp, "13a")
