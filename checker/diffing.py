"""Word-level differences between an MT unit and its reference, by diff-match-patch.

diff-match-patch diffs characters; words are mapped to single private characters first
(the library's line-mode trick, applied to words), so a changed word shows as one
deletion and one insertion rather than a scatter of letters.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+", re.UNICODE)
_OPS = {0: "equal", 1: "insert", -1: "delete"}
_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0.5


def word_diff(mt: str, ref: str) -> tuple[tuple[str, str], ...]:
    """``(op, text)`` spans turning the reference into the MT.

    ``delete`` is reference text the MT lacks; ``insert`` is MT text the reference
    lacks; ``equal`` is shared. Equal inputs cost nothing.
    """
    if mt == ref:
        return (("equal", mt),) if mt else ()
    vocabulary: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _TOKEN.findall(text):
            code = vocabulary.get(token)
            if code is None:
                n = len(tokens)
                code = chr(0xE000 + n) if n < 6400 else chr(0xF0000 + n)
                vocabulary[token] = code
                tokens.append(token)
            out.append(code)
        return "".join(out)

    ref_codes, mt_codes = encode(ref), encode(mt)
    diffs = _dmp.diff_main(ref_codes, mt_codes, False)
    _dmp.diff_cleanupSemantic(diffs)
    merged: list[tuple[str, str]] = []
    for op, codes in diffs:
        text = "".join(tokens[_index(c)] for c in codes)
        name = _OPS[op]
        if merged and merged[-1][0] == name:
            merged[-1] = (name, merged[-1][1] + text)
        elif text:
            merged.append((name, text))
    return tuple(merged)


def _index(code: str) -> int:
    value = ord(code)
    return value - 0xE000 if value < 0xF0000 else value - 0xF0000
