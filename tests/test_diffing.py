"""Word diffs: spans rebuild both texts, words stay whole, large vocabularies work."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import diffing
from checker.diffing import _TOKEN, word_diff

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


def _plain_word_diff(mt: str, ref: str) -> tuple[tuple[str, str], ...]:
    """The plain approach: a fresh word table per pair, spans decoded character by
    character (what :func:`word_diff` must always agree with)."""
    if mt == ref:
        return (("equal", mt),) if mt else ()
    ref_tokens, mt_tokens = _TOKEN.findall(ref), _TOKEN.findall(mt)
    tokens = list(dict.fromkeys(ref_tokens + mt_tokens))
    codes = {token: chr(0xE000 + k) if k < 6400 else chr(0xF0000 + k) for k, token in enumerate(tokens)}
    decode = {code: token for token, code in codes.items()}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0.5
    diffs = dmp.diff_main("".join(map(codes.get, ref_tokens)), "".join(map(codes.get, mt_tokens)), False)
    dmp.diff_cleanupSemantic(diffs)
    merged: list[tuple[str, str]] = []
    names = {0: "equal", 1: "insert", -1: "delete"}
    for op, code_text in diffs:
        text = "".join(map(decode.__getitem__, code_text))
        if merged and merged[-1][0] == names[op]:
            merged[-1] = (names[op], merged[-1][1] + text)
        elif text:
            merged.append((names[op], text))
    return tuple(merged)


_EDITS = st.lists(st.tuples(st.sampled_from(["keep", "drop", "swap", "add"]), _WORDS), max_size=30)


def _edited(words: list[str], edits: list[tuple[str, str]]) -> list[str]:
    """``words`` with word-level edits applied, like an MT output of a reference."""
    out = list(words)
    for k, (kind, word) in enumerate(edits):
        at = k % (len(out) + 1)
        if kind == "drop" and at < len(out):
            del out[at]
        elif kind == "swap" and at < len(out):
            out[at] = word
        elif kind == "add":
            out.insert(at, word)
    return out


@settings(max_examples=400, deadline=None, database=None)
@given(words=st.lists(_WORDS, max_size=30), edits=_EDITS, joiner=st.sampled_from([" ", "  ", ""]))
def test_agrees_with_the_plain_approach_on_edited_texts(
    words: list[str], edits: list[tuple[str, str]], joiner: str
) -> None:
    ref, mt = joiner.join(words), joiner.join(_edited(words, edits))
    assert word_diff(mt, ref) == _plain_word_diff(mt, ref)
    assert word_diff(ref, mt) == _plain_word_diff(ref, mt)


@settings(max_examples=200, deadline=None, database=None)
@given(mt=st.one_of(_TEXT, st.text(max_size=60)), ref=st.one_of(_TEXT, st.text(max_size=60)))
def test_agrees_with_the_plain_approach_on_any_texts(mt: str, ref: str) -> None:
    assert word_diff(mt, ref) == _plain_word_diff(mt, ref)


def _fixture_pairs() -> list[tuple[str, str]]:
    """Line pairs of the feed fixtures' MT and reference stories, and shifted pairs."""
    root = Path(__file__).resolve().parent.parent / "fixtures" / "feed"
    pairs = []
    for mt_path in sorted((root / "mt").glob("*.txt")):
        ref_path = root / "ref" / mt_path.name
        if ref_path.is_file():
            mt_lines = mt_path.read_text(encoding="utf-8").splitlines()
            ref_lines = ref_path.read_text(encoding="utf-8").splitlines()
            pairs += zip(mt_lines, ref_lines, strict=False)
            pairs += zip(mt_lines[1:], ref_lines, strict=False)
    return pairs


def test_agrees_with_the_plain_approach_on_the_feed_fixtures() -> None:
    pairs = _fixture_pairs()
    assert len(pairs) > 100
    for mt, ref in pairs:
        assert word_diff(mt, ref) == _plain_word_diff(mt, ref)


def test_word_table_starting_afresh_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = _fixture_pairs()[:60]
    monkeypatch.setattr(diffing, "CAPACITY", 50)
    for mt, ref in pairs:
        assert word_diff(mt, ref) == _plain_word_diff(mt, ref)
        assert len(diffing._codes) <= 50 or len(_TOKEN.findall(mt + " " + ref)) > 50
