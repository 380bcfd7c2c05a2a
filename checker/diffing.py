"""Word-level differences between an MT unit and its reference, by diff-match-patch.

diff-match-patch diffs characters; words are mapped to single private characters first
(the library's line-mode trick, applied to words), so a changed word shows as one
deletion and one insertion rather than a scatter of letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+", re.UNICODE)
_OPS = {0: "equal", 1: "insert", -1: "delete"}
_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0.5
# Words are coded in the private-use block U+E000.. (the first 6,400), then plane 15.
_LOW_CODES = 6400


def word_diff(mt: str, ref: str) -> tuple[tuple[str, str], ...]:
    """``(op, text)`` spans turning the reference into the MT.

    ``delete`` is reference text the MT lacks; ``insert`` is MT text the reference
    lacks; ``equal`` is shared. Equal inputs cost nothing.
    """
    if mt == ref:
        return (("equal", mt),) if mt else ()
    ref_tokens, mt_tokens = _TOKEN.findall(ref), _TOKEN.findall(mt)
    tokens = list(dict.fromkeys(ref_tokens + mt_tokens))  # in order of first use
    codes = dict(zip(tokens, _codes(len(tokens)), strict=True))
    decode = dict(zip(codes.values(), tokens, strict=True))
    ref_codes = "".join(map(codes.__getitem__, ref_tokens))
    mt_codes = "".join(map(codes.__getitem__, mt_tokens))
    diffs = _dmp.diff_main(ref_codes, mt_codes, False)
    _dmp.diff_cleanupSemantic(diffs)
    merged: list[tuple[str, str]] = []
    for op, code_text in diffs:
        text = "".join(map(decode.__getitem__, code_text))
        name = _OPS[op]
        if merged and merged[-1][0] == name:
            merged[-1] = (name, merged[-1][1] + text)
        elif text:
            merged.append((name, text))
    return tuple(merged)


def _codes(count: int) -> Iterator[str]:
    """The private-use characters standing for the first ``count`` distinct words."""
    low = min(count, _LOW_CODES)
    return chain(map(chr, range(0xE000, 0xE000 + low)),
                 map(chr, range(0xF0000 + low, 0xF0000 + count)))
