"""Word diffs: spans rebuild both texts, words stay whole, large vocabularies work."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.diffing import word_diff

_WORDS = st.sampled_from(["the", "talks", "resumed", "on", "Friday", ",", ".", "1,500", "é", "北京"])
_TEXT = st.lists(_WORDS, max_size=25).map(" ".join)


def _sides(diff: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    mt = "".join(text for op, text in diff if op != "delete")
    ref = "".join(text for op, text in diff if op != "insert")
    return mt, ref


@settings(max_examples=200, deadline=None, database=None)
@given(mt=st.one_of(_TEXT, st.text(max_size=40)), ref=st.one_of(_TEXT, st.text(max_size=40)))
def test_spans_rebuild_both_texts(mt: str, ref: str) -> None:
    diff = word_diff(mt, ref)
    assert _sides(diff) == (mt, ref)
    assert all(text for _, text in diff)
    assert all(a[0] != b[0] for a, b in pairwise(diff))  # runs merged


def test_changed_word_is_one_delete_and_one_insert() -> None:
    assert word_diff("The talks resumed on Friday.", "The talks restarted on Friday.") == (
        ("equal", "The talks "), ("delete", "restarted"), ("insert", "resumed"),
        ("equal", " on Friday."),
    )
    assert word_diff("", "") == ()
    assert word_diff("Same.", "Same.") == (("equal", "Same."),)


def test_more_distinct_words_than_the_first_code_block() -> None:
    ref = " ".join(f"w{i}" for i in range(7000))
    mt = ref.replace("w6999", "changed").replace("w10 ", "")
    diff = word_diff(mt, ref)
    assert _sides(diff) == (mt, ref)
    assert ("insert", "changed") in diff and ("delete", "w6999") in diff
