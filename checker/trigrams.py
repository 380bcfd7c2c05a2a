"""Character-trigram overlaps between two lists of sentences, counted with numpy.

Each sentence becomes the set of character trigrams of its words, joined and padded by
single spaces. Trigrams are numbered per story, each sentence's set becomes a row of bits
over those numbers, and the number of trigrams two sentences share is the bit count of
their rows' AND, for all pairs at once. (Integer bit counts are exact and stay on one
thread; a float matrix product would call BLAS, whose threads spin on a busy machine.)
A story with many sentences is counted in blocks, only when asked for, so it pays for the
band the aligner searches, not for every pair of sentences.
"""

from __future__ import annotations

import numpy as np

BLOCK = 64
"""Sentences per side in one block of counted overlaps."""

_BYTE_BITS = np.array([bin(k).count("1") for k in range(256)], dtype=np.uint8)


def bit_counts(words: np.ndarray, fast: bool = True) -> np.ndarray:
    """Set bits of each row of 64-bit words (summed over the last axis)."""
    count = getattr(np, "bitwise_count", None) if fast else None  # numpy >= 2
    if count is not None:
        return count(words).sum(axis=-1, dtype=np.int64)
    return _BYTE_BITS[words.view(np.uint8)].sum(axis=-1, dtype=np.int64)


def _bit_rows(count: int, width: int, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """``count`` rows of ``width`` bits (rounded up to whole 64-bit words) with the bits
    at (``rows``, ``columns``) set."""
    bits = np.zeros((count, -(-width // 64) * 64), dtype=bool)
    bits[rows, columns] = True
    return np.packbits(bits, axis=1).view(np.uint64)


def _shared(bits_a: np.ndarray, bits_b: np.ndarray) -> np.ndarray:
    """Bits every row of ``bits_a`` shares with every row of ``bits_b``."""
    return bit_counts(bits_a[:, None, :] & bits_b[None, :, :])


def _numbered(words: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every trigram occurrence as (story-wide trigram number, sentence), in sentence
    order, and where each sentence's occurrences start (one more entry at the end)."""
    padded = [f" {' '.join(ws)} " for ws in words]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    chars = np.frombuffer("".join(padded).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    chars = chars.astype(np.int64)
    # Three code points (below 2**21 each) in one integer, at every position.
    codes = (chars[:-2] << 42) | (chars[1:-1] << 21) | chars[2:]
    owner = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)[: len(codes)]
    ends = np.cumsum(lengths)
    inside = np.arange(len(codes), dtype=np.int64) + 3 <= ends[owner]  # not across sentences
    counts = np.maximum(lengths - 2, 0)
    starts = np.zeros(len(padded) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    numbers = np.unique(codes[inside], return_inverse=True)[1].reshape(-1)
    return numbers, owner[inside], starts


class TrigramOverlap:
    """Trigram sets of A and B sentences and how many trigrams each A-B pair shares."""

    def __init__(
        self, a_words: list[list[str]], b_words: list[list[str]], block_size: int | None = None
    ) -> None:
        self.block_size = size = block_size or BLOCK
        n, m = len(a_words), len(b_words)
        self._n = n
        self._numbers, owner, self._starts = _numbered(a_words + b_words)
        self.single: np.ndarray | None = None
        """All shared counts at once, when both sides fit in one block."""
        if 0 < n <= size and 0 < m <= size:
            width = int(self._numbers.max(initial=-1)) + 1
            bits = _bit_rows(n + m, width, owner, self._numbers)
            sizes = bit_counts(bits)
            self.single = _shared(bits[:n], bits[n:])
        else:
            total = int(self._numbers.max(initial=-1)) + 1
            distinct = np.unique(owner * total + self._numbers)
            sizes = np.bincount(distinct // max(total, 1), minlength=n + m)
        self.sizes_a: list[int] = sizes[:n].tolist()
        self.sizes_b: list[int] = sizes[n:].tolist()
        self._sets: dict[int, frozenset[int]] = {}

    def block(self, row: int, col: int) -> np.ndarray:
        """Shared trigram counts of the ``row``-th run of ``block_size`` A sentences with
        the ``col``-th run of B sentences."""
        if self.single is not None:
            return self.single
        size, n, starts = self.block_size, self._n, self._starts
        a0, b0 = row * size, col * size
        a1 = min(a0 + size, n)
        b1 = min(b0 + size, len(self.sizes_b))
        numbers_a = self._numbers[starts[a0] : starts[a1]]
        numbers_b = self._numbers[starts[n + b0] : starts[n + b1]]
        present, index = np.unique(np.concatenate((numbers_a, numbers_b)), return_inverse=True)
        index = index.reshape(-1)
        bits_a = _bit_rows(a1 - a0, len(present),
                           np.repeat(np.arange(a1 - a0), np.diff(starts[a0 : a1 + 1])),
                           index[: len(numbers_a)])
        bits_b = _bit_rows(b1 - b0, len(present),
                           np.repeat(np.arange(b1 - b0), np.diff(starts[n + b0 : n + b1 + 1])),
                           index[len(numbers_a) :])
        return _shared(bits_a, bits_b)

    def sizes(self, row: int, col: int) -> tuple[np.ndarray, np.ndarray]:
        """Trigram counts of the A and B sentences of block (``row``, ``col``)."""
        size = self.block_size
        return (
            np.array(self.sizes_a[row * size : (row + 1) * size], dtype=np.int64),
            np.array(self.sizes_b[col * size : (col + 1) * size], dtype=np.int64),
        )

    def set_a(self, i: int) -> frozenset[int]:
        """The trigram numbers of A sentence ``i``."""
        return self._set(i)

    def set_b(self, j: int) -> frozenset[int]:
        """The trigram numbers of B sentence ``j``."""
        return self._set(self._n + j)

    def _set(self, k: int) -> frozenset[int]:
        found = self._sets.get(k)
        if found is None:
            found = self._sets[k] = frozenset(
                self._numbers[self._starts[k] : self._starts[k + 1]].tolist()
            )
        return found
