"""Word-level differences between an MT unit and its reference, by diff-match-patch.

diff-match-patch diffs characters; words are mapped to single private characters first
(the library's line-mode trick, applied to words), so a changed word shows as one
deletion and one insertion rather than a scatter of letters.

The word → character table is kept across calls (it only grows, and starts afresh
before it runs out of private characters): diff-match-patch compares the characters
for equality only, and every private character is of the same kind to its semantic
clean-up, so which character stands for a word never changes a diff. The spans are
read back by position in each side's word list rather than by decoding characters.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+", re.UNICODE)
_OPS = {0: "equal", 1: "insert", -1: "delete"}
_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0.5
# Words are coded in the private-use block U+E000.. (6,400), then planes 15 and 16.
_LOW_CODES = 6400
_PLANE_CODES = 0xFFFE  # U+F0000..U+FFFFD, U+100000..U+10FFFD
CAPACITY = _LOW_CODES + 2 * _PLANE_CODES
"""Distinct words the table holds before it starts afresh."""

_codes: dict[str, str] = {}


def word_diff(mt: str, ref: str) -> tuple[tuple[str, str], ...]:
    """``(op, text)`` spans turning the reference into the MT.

    ``delete`` is reference text the MT lacks; ``insert`` is MT text the reference
    lacks; ``equal`` is shared. Equal inputs cost nothing.
    """
    if mt == ref:
        return (("equal", mt),) if mt else ()
    ref_tokens, mt_tokens = _TOKEN.findall(ref), _TOKEN.findall(mt)
    codes = _codes
    if len(codes) + len(ref_tokens) + len(mt_tokens) > CAPACITY:
        codes.clear()
        if len(ref_tokens) + len(mt_tokens) > CAPACITY:
            codes = {}  # one pair with more distinct words than codes: its own table
    try:
        ref_codes = "".join(map(codes.__getitem__, ref_tokens))
        mt_codes = "".join(map(codes.__getitem__, mt_tokens))
    except KeyError:
        for token in (*ref_tokens, *mt_tokens):
            if token not in codes:
                codes[token] = _code(len(codes))
        ref_codes = "".join(map(codes.__getitem__, ref_tokens))
        mt_codes = "".join(map(codes.__getitem__, mt_tokens))
    diffs = _dmp.diff_main(ref_codes, mt_codes, False)
    _dmp.diff_cleanupSemantic(diffs)
    merged: list[tuple[str, str]] = []
    at_ref = at_mt = 0
    for op, code_text in diffs:
        size = len(code_text)
        if not size:
            continue
        if op == 1:
            text = "".join(mt_tokens[at_mt:at_mt + size])
            at_mt += size
        else:
            text = "".join(ref_tokens[at_ref:at_ref + size])
            at_ref += size
            if not op:
                at_mt += size
        name = _OPS[op]
        if merged and merged[-1][0] == name:
            merged[-1] = (name, merged[-1][1] + text)
        else:
            merged.append((name, text))
    return tuple(merged)


def _code(index: int) -> str:
    """The private-use character standing for the ``index``-th word of the table."""
    if index < _LOW_CODES:
        return chr(0xE000 + index)
    index -= _LOW_CODES
    return chr(0xF0000 + index if index < _PLANE_CODES else 0x100000 + index - _PLANE_CODES)
