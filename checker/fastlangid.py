"""langdetect's answers at a fraction of its cost: same profiles, seed, trials and floats.

langdetect stays the reference and does the text work itself (its ``Detector`` cleans the
text and extracts the n-grams). What this module replaces is the part that costs: loading
all 55 profiles into one Python list per n-gram (0.6 s per process), and the random trials,
which multiply 55 probabilities in a Python loop for every n-gram drawn. Here the profiles
are read once as plain dictionaries, a language-probability row is built only for the
n-grams a text actually has, and each draw multiplies a numpy row. Every float operation
is the one langdetect does, in the same order (element-wise products, a left-to-right
``sum`` for the normalisation, the same ``random.Random`` calls), so the probabilities are
bit-identical: ``tests/test_langid_fast.py`` compares them with ``detect_langs``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np
from langdetect import DetectorFactory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.utils.ngram import NGram

Probabilities = tuple[tuple[str, float], ...]


class _Profiles:
    """langdetect's profiles as its ``Detector`` sees a factory, with rows built lazily."""

    def __init__(self, directory: str) -> None:
        self.langlist: list[str] = []
        self._freq: list[dict[str, int]] = []
        self._n_words: list[list[int]] = []
        # The same files in the same order as DetectorFactory.load_profile: the order of
        # the languages is the order of the sum that normalises the probabilities.
        for name in os.listdir(directory):
            path = Path(directory, name)
            if name.startswith(".") or not path.is_file():
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
            self.langlist.append(data["name"])
            self._freq.append(data["freq"])
            self._n_words.append(data["n_words"])
        self.word_lang_prob_map: frozenset[str] = frozenset().union(*self._freq)
        """What ``Detector._extract_ngrams`` asks: is the n-gram in any profile."""
        self._rows: dict[str, np.ndarray] = {}
        self._totals = np.array(self._n_words, dtype=np.float64)
        """Each profile's n-gram counts by length (one row per language)."""

    @property
    def seed(self) -> int | None:
        return DetectorFactory.seed

    def table(self, grams: list[str]) -> np.ndarray:
        """langdetect's probability of each of ``grams`` in each language, one row per
        gram (``add_profile``: the count over the profile's n-grams of that length)."""
        new = [gram for gram in grams if gram not in self._rows]
        if new:
            sizes = np.array([len(gram) for gram in new])
            usable = (sizes >= 1) & (sizes <= 3)
            column = np.where(usable, sizes - 1, 0)
            block = np.zeros((len(new), len(self.langlist)))
            for i, freq in enumerate(self._freq):
                counts = np.fromiter(map(freq.get, new, repeat(0)), np.float64, len(new))
                totals = np.array(self._n_words[i], dtype=np.float64)[column]
                # Only n-grams the profile has (a count above 0) get a probability.
                np.divide(counts, totals, out=block[:, i], where=usable & (counts > 0))
            self._rows.update(zip(new, block, strict=True))
        return np.array([self._rows[gram] for gram in grams])

    def row(self, gram: str) -> np.ndarray:
        """:meth:`table`'s row for one gram, built the first time it is asked for."""
        found = self._rows.get(gram)
        if found is None:
            found = np.zeros(len(self.langlist))
            if 1 <= len(gram) <= 3:
                counts = np.array([freq.get(gram, 0) for freq in self._freq], np.float64)
                np.divide(counts, self._totals[:, len(gram) - 1], out=found, where=counts > 0)
            self._rows[gram] = found
        return found


@cache
def _profiles() -> _Profiles:
    return _Profiles(PROFILES_DIRECTORY)


@lru_cache(maxsize=65_536)
def _normal(ch: str) -> str:
    return NGram.normalize(ch)


def _ngrams(text: str, known: frozenset[str]) -> list[str]:
    """``Detector._extract_ngrams`` (langdetect's ``NGram.add_char`` walk): the 1- to
    3-grams of ``text`` that some profile knows, skipping words in capitals.

    The walk starts afresh at every space, so the n-grams of a text are those of its
    words in turn, each with the space after it (when one follows): a word's are
    worked out once (:func:`_word_ngrams`) and looked up after that.
    """
    memo = _word_memo(known)
    pieces = "".join(map(_normal, text)).split(" ")
    last = len(pieces) - 1
    found: list[str] = []
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        key = piece + " " if i < last else piece
        grams = memo.get(key)
        if grams is None:
            if len(memo) >= 200_000:
                memo.clear()
            grams = memo[key] = _word_ngrams(key, known)
        found += grams
    return found


@cache
def _word_memo(known: frozenset[str]) -> dict[str, list[str]]:
    return {}


def _word_ngrams(text: str, known: frozenset[str]) -> list[str]:
    """langdetect's walk over already normalised ``text`` (the walk itself: the
    reference :func:`_ngrams` agrees with on whole texts)."""
    found: list[str] = []
    grams = " "
    capitals = False
    for ch in text:
        last = grams[-1]
        if last == " ":
            grams = " "
            capitals = False
            if ch == " ":
                continue
        elif len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capitals = True
        else:
            capitals = False
        if capitals:
            continue
        for n in range(1, min(len(grams), NGram.N_GRAM) + 1):
            gram = grams[-n:]
            if gram != " " and gram in known:
                found.append(gram)
    return found


_SPACES = re.compile(" {2,}")


def _cleaned(detector: Detector, text: str) -> str:
    """``detector.text`` after ``append(text)`` and ``cleaning_text()`` on a new detector:
    runs of spaces made one after the URLs and mail addresses go, and for a text not
    all ASCII (an ASCII one is all Latin: nothing to clean), langdetect's cleaning."""
    text = detector.MAIL_RE.sub(" ", detector.URL_RE.sub(" ", text))
    text = _SPACES.sub(" ", NGram.normalize_vi(text)[: detector.max_text_length])
    if not text.isascii():
        detector.text = text
        detector.cleaning_text()
        return detector.text
    return text


Stop = Callable[[np.ndarray, float], bool]
"""Asked after each trial with the probabilities summed so far (each trial adds its own
divided by the number of trials) and the most the trials left can still add to any one
language: True ends the run."""
SLACK = 1e-9
"""Room for rounding in the bounds below (the sums are exact to about 1e-16)."""


def _run(text: str, stop: Stop | None = None) -> tuple[Detector, np.ndarray, bool] | None:
    """langdetect's trials on ``text``: the detector, the summed probabilities, and
    whether every trial ran (False when ``stop`` ended the run); None without n-grams."""
    profiles = _profiles()
    detector = Detector(profiles)
    detector.text = _cleaned(detector, text)
    grams = _ngrams(detector.text, profiles.word_lang_prob_map)
    if not grams:
        return None
    row = profiles.row
    languages = len(profiles.langlist)
    trials = detector.n_trial
    limit = detector.ITERATION_LIMIT
    converged = detector.CONV_THRESHOLD
    rand = detector.random
    rand.seed(detector.seed)
    choice = rand.choice  # draws an index by the length alone: grams or their positions
    total = np.zeros(languages)
    for trial in range(trials):
        prob = np.full(languages, 1.0 / languages)
        alpha = detector.alpha + rand.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        shift = alpha / detector.BASE_FREQ
        # The factor of each gram drawn (only those: a run often ends after few draws).
        factors: dict[str, np.ndarray] = {}
        i = 0
        while True:
            gram = choice(grams)
            factor = factors.get(gram)
            if factor is None:
                factor = factors[gram] = shift + row(gram)
            prob *= factor
            if i % 5 == 0:
                values = prob.tolist()
                norm = sum(values)  # langdetect's left-to-right sum
                prob /= norm
                # Division by a positive number keeps the order, so the largest quotient
                # is the quotient of the largest value.
                if max(values) / norm > converged or i >= limit:
                    break
            i += 1
        total += prob / trials
        left = trials - trial - 1
        # A trial's probabilities are normalised: none adds more than 1 / trials.
        if stop is not None and left and stop(total, left / trials * (1 + SLACK) + SLACK):
            return detector, total, False
    return detector, total, True


def detect_langs(text: str) -> Probabilities:
    """``langdetect.detect_langs(text)`` as (language, probability) pairs, best first;
    empty when the text has no n-gram langdetect knows (where it raises)."""
    run = _run(text)
    if run is None:
        return ()
    detector, total, _ = run
    return tuple((r.lang, r.prob) for r in detector._sort_probability(total.tolist()))


def best_language(text: str) -> str | None:
    """The language of ``detect_langs(text)[0]`` (None when that is empty), without the
    trials left once no other language can overtake the leader."""

    def settled(total: np.ndarray, room: float) -> bool:
        lead = int(total.argmax())
        ceiling = total + room
        ceiling[lead] = 0.0
        floor = total[lead] - SLACK
        return bool(floor > ceiling.max() and floor > Detector.PROB_THRESHOLD)

    run = _run(text, settled)
    if run is None:
        return None
    detector, total, finished = run
    if not finished:
        return detector.langlist[int(total.argmax())]
    ranked = detector._sort_probability(total.tolist())
    return ranked[0].lang if ranked else None


def confident_language(text: str, confidence: float, besides: str) -> tuple[str, float] | None:
    """``detect_langs(text)[0]`` when its language (base code) is not ``besides`` and it
    is at least ``confidence`` sure; None otherwise, without the trials left once no
    other language can reach ``confidence``."""
    profiles = _profiles()
    others = np.array([lang.split("-")[0] != besides for lang in profiles.langlist])

    def hopeless(total: np.ndarray, room: float) -> bool:
        return bool((total[others] + room).max() < confidence)

    run = _run(text, hopeless)
    if run is None:
        return None
    detector, total, finished = run
    if not finished:
        return None
    ranked = detector._sort_probability(total.tolist())
    if not ranked or ranked[0].lang.split("-")[0] == besides or ranked[0].prob < confidence:
        return None
    return ranked[0].lang, ranked[0].prob
