"""Numbers written in words: "twenty-five", "zweihundert", "une dizaine", "cientos".

Reads the per-language lexicons in ``checker/rules/langdata/numbers/<lang>.toml``
(cardinal words, multipliers, ordinal words, words for rough quantities) and turns
runs of number words into values. German compounds ("fünfundzwanzig") are split into
their known parts; a word that does not split completely is not a number.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from checker.errors import ConfigError
from checker.memo import remember, trim

_AND_A_HALF = regex.compile(r"\s+(?:and a half|et demie?|y medi[oa])(?![\p{L}])")
_HYPHEN = regex.compile(r"[-'’]")
_WORD = regex.compile(r"[\p{L}]+(?:[-'’][\p{L}]+)*")


@cache
def lexicon(lang: str) -> Mapping[str, Any]:
    """Number data of ``lang`` (English when the language has none)."""
    folder = resources.files("checker.rules.langdata").joinpath("numbers")
    name = lang if folder.joinpath(f"{lang}.toml").is_file() else "en"
    resource = folder.joinpath(f"{name}.toml")
    try:
        return tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a packaging bug, but say where
        raise ConfigError(str(resource), f"invalid number data: {exc}") from None


@cache
def shared() -> Mapping[str, Any]:
    """Units and currencies every language shares."""
    return lexicon("common")


@dataclass(frozen=True)
class WordNumber:
    """A number stated in words: its span, value(s) and how exact it is."""

    start: int
    end: int
    low: float
    high: float
    ordinal: bool = False
    scale: float = 1.0
    """The largest scale word of the run ("zwei Millionen": a million)."""

    @property
    def approx(self) -> bool:
        return self.low != self.high


@cache
def _approx_pattern(lang: str) -> regex.Pattern[str] | None:
    keys = sorted(lexicon(lang).get("approx", {}), key=len, reverse=True)
    if not keys:
        return None
    alternatives = "|".join(regex.escape(k) for k in keys)
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternatives})(?![\p{{L}}])", regex.IGNORECASE)


def _pieces(word: str, table: Mapping[str, float]) -> list[float] | None:
    """Split a compound ("fünfundzwanzig") into known number words, longest first."""
    if not word:
        return []
    for size in range(len(word), 0, -1):
        head = word[:size]
        value = table.get(head)
        if value is None:
            continue
        rest = _pieces(word[size:], table)
        if rest is not None:
            return [value, *rest]
    return None


def _combine(values: list[float], multipliers: frozenset[float]) -> float:
    total = current = 0.0
    for value in values:
        if value in multipliers:
            if value == 100:
                current = max(current, 1.0) * 100
            else:
                total += max(current, 1.0) * value
                current = 0.0
        elif value < 0:  # a joiner ("und" inside a compound)
            continue
        else:
            current += value
    return total + current


@cache
def _tables(lang: str) -> tuple[dict[str, float], frozenset[float], dict[str, float]]:
    data = lexicon(lang)
    words = {k.lower(): float(v) for k, v in data.get("cardinals", {}).items()}
    multipliers = {k.lower(): float(v) for k, v in data.get("multipliers", {}).items()}
    words.update(multipliers)
    ordinals = {k.lower(): float(v) for k, v in data.get("ordinals", {}).items()}
    return words, frozenset(multipliers.values()), ordinals


def _word_value(token: str, lang: str) -> list[float] | None:
    words, _, _ = _tables(lang)
    lowered = token.lower()
    if lowered in words:
        return [words[lowered]]
    parts = _HYPHEN.split(lowered)
    if len(parts) > 1:  # "vingt-cinq", "quatre-vingt-dix": longest known run first
        values, index = [], 0
        while index < len(parts):
            for stop in range(len(parts), index, -1):
                key = "-".join(parts[index:stop])
                if key in words:
                    values.append(words[key])
                    index = stop
                    break
            else:
                return None
        return values
    if lang == "de" and len(lowered) > 5:
        compound = dict(words)
        compound.update({"ein": 1.0, "und": -1.0, "einhalb": 0.5, "mal": -1.0, "fach": -1.0})
        return _pieces(lowered, compound)
    return None


# Endings that turn a cardinal into an ordinal ("sechzehn-ten", "sixteen-th", "seiz-ième").
_ORDINAL_ENDINGS = {
    "de": ("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te"),
    "en": ("th",),
    "fr": ("ième",),
}


def _ordinal_value(word: str, lang: str) -> float | None:
    """An ordinal built on a cardinal: "sechzehnten", "sixteenth", "seizième", "thirtieth"."""
    for ending in _ORDINAL_ENDINGS.get(lang, ()):
        if not word.endswith(ending) or len(word) <= len(ending) + 2:
            continue
        stem = word[: -len(ending)]
        for candidate in (stem, stem + "e", stem[:-2] + "y" if stem.endswith("ie") else stem):
            values = _word_value(candidate, lang)
            if values is not None:
                return _combine(values, _tables(lang)[1])
    return None


def number_prefixes(text: str, lang: str) -> set[float]:
    """Values of number words that open a longer word: "zwölfsekündige", "zehnfachen",
    "tenfold", "twelve-second" (a figure rendered inside a compound)."""
    found: set[float] = set()
    known = _PREFIXES.setdefault(lang, {})
    for match in _WORD.finditer(text):
        for token in _HYPHEN.split(match.group(0).lower()):
            if token in known:
                value = known[token]
            else:
                value = remember(known, token, _prefix_value(token, lang))
            if value is not None:
                found.add(value)
    return found


_PREFIXES: dict[str, dict[str, float | None]] = {}
"""Per language, lowercased token -> :func:`_prefix_value` (it depends on the token alone)."""


def _prefix_value(token: str, lang: str) -> float | None:
    """The value of the longest number word (three letters or more) opening ``token``."""
    words, multipliers, _ = _tables(lang)
    for size in range(len(token), 2, -1):
        values = _word_value(token[:size], lang) if lang == "de" else (
            [words[token[:size]]] if token[:size] in words else None
        )
        if values is not None:
            return _combine(values, multipliers)
    return None


NUMBER_WORD = 1
"""A cue of :func:`cues`: a word reads as a number word (cardinal or ordinal)."""
ROUGH = 2
"""A cue of :func:`cues`: a word of a rough quantity ("dozen", "centaines")."""
MONTH = 4
"""A cue of :func:`cues`: a month name."""

_LETTERS = regex.compile(r"[\p{L}]+")


def _whole_words(keys: list[str]) -> regex.Pattern[str] | None:
    """Case-insensitive full match of any of ``keys``; ``None`` without keys."""
    if not keys:
        return None
    alternatives = "|".join(regex.escape(k) for k in sorted(set(keys), key=len, reverse=True))
    return regex.compile(rf"(?:{alternatives})", regex.IGNORECASE)


def _signatures(phrases: list[str]) -> list[str] | None:
    """The longest word of each phrase: a text that holds the phrase as a whole (not
    inside a longer word) holds that word as a whole run of letters. ``None`` when a
    phrase has characters other than letters, spaces, hyphens and apostrophes."""
    words = []
    for phrase in phrases:
        runs = _LETTERS.findall(phrase)
        if not runs or regex.sub(r"[\p{L} '’-]", "", phrase) or not _LETTERS.match(phrase):
            return None
        words.append(max(reversed(runs), key=len))  # "rund zehn": zehn
    return words


@dataclass
class _Vocabulary:
    """What the number finders need of a language, read once, and what they have learnt
    of the words seen so far (a token's reading depends on the token alone)."""

    lang: str
    joiners: frozenset[str]
    approx: dict[str, tuple[float, float]]
    pattern: regex.Pattern[str] | None
    multipliers: frozenset[float]
    ordinals: dict[str, float]
    rough: regex.Pattern[str] | None
    """The signature words of the rough quantities; ``None`` when they cannot be used."""
    months: regex.Pattern[str] | None
    """The month names, when each is one run of letters; ``None`` otherwise."""
    readings: dict[str, tuple[float | None, list[float] | None]]
    """Token -> (its value as an ordinal, its values as cardinal words), either ``None``."""
    plain: set[str]
    """Whitespace-separated words that give no cue."""
    flagged: dict[str, int]
    """Whitespace-separated words that give a cue, with their cues."""

    def reading(self, token: str) -> tuple[float | None, list[float] | None]:
        found = self.readings.get(token)
        if found is None:
            lowered = token.lower()
            rank = self.ordinals.get(lowered) or _ordinal_value(lowered, self.lang)
            found = remember(self.readings, token, (rank, _word_value(token, self.lang)))
        return found

    def word_cues(self, word: str) -> int:
        """The cues of one whitespace-separated word (its tokens and their parts)."""
        found = 0 if self.pattern is None or self.rough is not None else ROUGH
        if self.months is None:
            found |= MONTH
        for token in _WORD.findall(word):
            rank, values = self.reading(token)
            if rank is not None or values is not None:
                found |= NUMBER_WORD
            for part in _HYPHEN.split(token):
                if self.rough is not None and self.rough.fullmatch(part):
                    found |= ROUGH
                if self.months is not None and self.months.fullmatch(part):
                    found |= MONTH
        return found

    def cues(self, text: str) -> int:
        split = text.split()
        if self.plain.issuperset(split):  # the usual case, without building a set
            return 0
        words = set(split)
        words.difference_update(self.plain)
        found = 0
        if not words:
            return found
        trim(self.plain)
        trim(self.flagged)
        for word in words:
            cue = self.flagged.get(word)
            if cue is None:
                cue = self.word_cues(word)
                if cue:
                    self.flagged[word] = cue
                else:
                    self.plain.add(word)
            found |= cue
        return found


@cache
def _vocabulary(lang: str) -> _Vocabulary:
    data = lexicon(lang)
    _, multipliers, ordinals = _tables(lang)
    approx = {k.lower(): (float(v[0]), float(v[1])) for k, v in data.get("approx", {}).items()}
    signatures = _signatures(list(approx))
    months = [m.lower() for m in data.get("months", {})]
    single = bool(months) and all(_LETTERS.fullmatch(m) for m in months)
    return _Vocabulary(
        lang=lang,
        joiners=frozenset(j.lower() for j in data.get("joiners", [])),
        approx=approx,
        pattern=_approx_pattern(lang),
        multipliers=multipliers,
        ordinals=ordinals,
        rough=_whole_words(signatures) if signatures is not None else None,
        months=_whole_words(months) if single else None,
        readings={},
        plain=set(),
        flagged={},
    )


def cues(text: str, lang: str) -> int:
    """What ``text`` may hold besides figures, as :data:`NUMBER_WORD`, :data:`ROUGH` and
    :data:`MONTH` bits: a bit that is clear proves there is no such word in the text.

    Tokens never cross white space, so the answer is the union of the cues of the
    text's whitespace-separated words, each worked out once and remembered."""
    return _vocabulary(lang).cues(text)


def find_word_numbers(
    text: str, lang: str, taken: list[tuple[int, int]], found: int | None = None
) -> Iterator[WordNumber]:
    """Numbers in words outside the ``taken`` spans, in order (``found``: the text's
    :func:`cues`, if known)."""
    vocabulary = _vocabulary(lang)
    if found is None:
        found = vocabulary.cues(text)
    if not found & (NUMBER_WORD | ROUGH):
        return  # no number word and no rough quantity: nothing to read
    multipliers, joiners, approx = vocabulary.multipliers, vocabulary.joiners, vocabulary.approx
    pattern = vocabulary.pattern
    claimed = bytearray(len(text) + 1)  # 1 where a span is already read
    for a, b in taken:
        claimed[a:b] = b"\x01" * (b - a)
    if pattern is not None and found & ROUGH:
        for match in pattern.finditer(text):
            if any(claimed[match.start() : match.end()]):
                continue
            low, high = approx[match.group(0).lower()]
            claimed[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            yield WordNumber(match.start(), match.end(), low, high)
    if not found & NUMBER_WORD:
        return
    run: list[tuple[int, int, list[float]]] = []

    def flush() -> Iterator[WordNumber]:
        while run and run[-1][2] == [-1.0]:  # a trailing joiner is not part of it
            run.pop()
        values = [v for _, _, vs in run for v in vs]
        if run and not all(v in multipliers and v >= 1e6 for v in values):
            value, end = _combine(values, multipliers), run[-1][1]
            if half := _AND_A_HALF.match(text, end):  # "three and a half"
                value, end = value + 0.5, half.end()
            scale = max([v for v in values if v in multipliers and v >= 1e6] or [1.0])
            yield WordNumber(run[0][0], end, value, value, scale=scale)
        run.clear()

    previous_end = -1
    reading, known = vocabulary.reading, vocabulary.readings
    for match in _WORD.finditer(text):  # flush() does nothing while the run is empty
        token = match.group(0)
        rank, values = known.get(token) or reading(token)
        if rank is None and values is None and not run:
            continue  # no number and no run: nothing to do (previous_end serves a run only)
        start, end = match.span()
        if any(claimed[start:end]):
            if run:
                yield from flush()
            continue
        if run and text[previous_end:start].strip(" \u00a0-"):
            yield from flush()
        if rank is not None:
            if run:
                yield from flush()
            yield WordNumber(start, end, rank, rank, ordinal=True)
        elif run and token.lower() in joiners:
            run.append((start, end, [-1.0]))
        elif values is not None:
            run.append((start, end, values))
        elif run:
            yield from flush()
        previous_end = end
    yield from flush()
