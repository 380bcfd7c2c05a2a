"""Bounded memos: plain dictionaries that cache a pure function's answers across texts.

Hot paths keep a dictionary lookup inline and call these only on a miss. A memo that
reaches its size starts afresh (cleared), which bounds memory on an endless feed; the
answers never depend on what a memo holds.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

MEMO_SIZE = 200_000
"""Entries a memo holds before it starts afresh."""


def trim(memo: dict[K, V], size: int = MEMO_SIZE) -> dict[K, V]:
    """``memo``, emptied first if it holds ``size`` entries or more."""
    if len(memo) >= size:
        memo.clear()
    return memo


def remember(memo: dict[K, V], key: K, value: V, size: int = MEMO_SIZE) -> V:
    """Store ``value`` under ``key`` in the bounded ``memo``; return ``value``."""
    trim(memo, size)[key] = value
    return value
