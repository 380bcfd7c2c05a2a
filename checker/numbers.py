"""Find the numbers a text states and what they are worth, whatever the locale.

``1 500``, ``1.500`` and ``1,500`` are all fifteen hundred in some language; ``2,5`` and
``2.5`` are both two and a half; ``$4.7bn`` equals ``4 700 millions de dollars``;
``3 p.m.`` is ``15 Uhr``; ``5 March`` is ``le 5 mars``; ``the 1990s`` is ``les années
1990``; ``ten`` is ``zehn``; ``5 miles`` is ``8 km`` within rounding. A mention keeps every
value it can mean (the text's own language's reading first) and what it counts (a
currency, a unit, a percentage), so numbers in a source and its translation compare
equal when they are. Language data lives in ``checker/rules/langdata/numbers/``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from functools import cache

import regex

from checker.number_calendar import dates, decades, free, times
from checker.number_units import (
    converts,
    currencies,
    mark_table,
    names_a_unit,
    unit_table,
)
from checker.number_words import MONTH, NUMBER_WORD, ROUGH, cues, find_word_numbers, lexicon

_SPACES = " \u00a0\u202f"
# Thousands groups use one separator consistently: 1,500,000 / 1.500.000 / 1 500 000.
_NUMBER = regex.compile(
    r"(?<![\p{L}\d.,])(?<![\p{L}]-)"
    r"(?P<num>\d{1,3}(?:(?P<sep>[ \u00a0\u202f.,’'])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?!\d|[.,]\d)"
)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_ORDINAL_TAIL = regex.compile(r"(?:st|nd|rd|th|er|re|ère|ème|eme|e|è|º|ª|\.º|\.ª|\.)(?![\p{L}\d])")


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: its span, every value it can stand for, and what it counts."""

    start: int
    end: int
    text: str
    values: frozenset[float]
    kind: str = "number"
    """``number``, ``time`` (minutes after midnight), ``date`` (month*100+day), ``decade``."""
    units: frozenset[str] = frozenset()
    """Currency codes (``GBP``), unit words (``miles``) or ``%``; empty for a bare number."""
    low: float | None = None
    high: float | None = None
    """Bounds of a rough quantity ("a dozen", "des centaines"); ``None`` when exact."""
    spelled: bool = False
    ordinal: bool = False
    scale: float = 1.0
    """The multiplier of a scale word ("million") the figure carries."""
    year_like: bool = field(init=False)

    def __post_init__(self) -> None:
        year = (
            self.kind == "number"
            and not self.units
            and any(1000 <= v <= 2100 and v == int(v) for v in self.values)
        )
        object.__setattr__(self, "year_like", year)

    @property
    def is_time(self) -> bool:
        return self.kind == "time"

    @property
    def approx(self) -> bool:
        return self.low is not None

    def same_as(self, other: NumberMention) -> bool:
        """Whether the two mentions can state the same quantity."""
        if {self.kind, other.kind} == {"time", "number"}:
            return _hours(self, other)
        if not _kinds_match(self, other):
            return False
        if self.approx or other.approx:
            return _overlap(self, other)
        equal = any(_close(a, b) for a in self.values for b in other.values)
        if self.units and other.units:
            return (equal and bool(self.units & other.units)) or converts(
                self.units, self.values, other.units, other.values
            )
        return equal

    def currency_differs(self, other: NumberMention) -> bool:
        """Same figure, different currencies explicitly written on both sides."""
        mine, theirs = currencies(self.units), currencies(other.units)
        return bool(
            mine and theirs and not mine & theirs
            and len(mine) == len(self.units) == 1 and len(theirs) == len(other.units) == 1
            and any(_close(a, b) for a in self.values for b in other.values)
        )


def _kinds_match(a: NumberMention, b: NumberMention) -> bool:
    return a.kind == b.kind or {a.kind, b.kind} == {"decade", "number"}


def _hours(a: NumberMention, b: NumberMention) -> bool:
    """A time of day and a bare number of hours ("18 horas" / "18 hours")."""
    time, number = (a, b) if a.kind == "time" else (b, a)
    if number.kind != "number" or number.units:
        return False
    return any(_close(v % 720 / 60, n % 12) for v in time.values for n in number.values)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _range(m: NumberMention) -> tuple[float, float]:
    if m.low is not None and m.high is not None:
        return m.low, m.high
    return min(m.values), max(m.values)


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    (a_low, a_high), (b_low, b_high) = _range(a), _range(b)
    return a_low <= b_high and b_low <= a_high


# -- reading digits ------------------------------------------------------------------------
def _readings(digits: str, sep: str | None, comma_decimal: bool) -> list[float]:
    """Values a digit string can have; the language's own reading first."""
    if sep:  # grouped: 1,500 / 1.500 / 1 500 [+ decimals]
        body, tail = digits, ""
        decimal_mark = "," if sep == "." else "."
        if sep in " \u00a0\u202f’'":
            decimal_mark = "," if comma_decimal else "."
        if decimal_mark in body and body.rfind(decimal_mark) > body.rfind(sep):
            body, _, tail = body.rpartition(decimal_mark)
        whole = float(body.replace(sep, "") + ("." + tail if tail else ""))
        values = [whole]
        # A single group after , or . may also be a decimal: "1.500" in English is 1.5.
        if sep in ",." and body.count(sep) == 1 and not tail:
            decimal = float(body.replace(sep, "."))
            own_decimal = (sep == ",") == comma_decimal
            values = [decimal, whole] if own_decimal else [whole, decimal]
        return values
    if "," in digits or "." in digits:
        return [float(digits.replace(",", "."))]
    return [float(digits)]


@cache
def _tail_words(lang: str) -> tuple[list[str], list[str]]:
    """Scale words, and currency, unit and percent words, longest first."""
    data = lexicon(lang)
    scales = sorted(data.get("scales", {}), key=len, reverse=True)
    marks = [*mark_table(), *unit_table(), *data.get("percent", []), "%", "‰"]
    return scales, sorted({m.lower() for m in marks}, key=len, reverse=True)


@cache
def _tail_pattern(lang: str) -> regex.Pattern[str]:
    """Scale word, then currency, unit or percent word, after a number."""
    scales, marks = _tail_words(lang)

    def alt(items: list[str]) -> str:
        return "|".join(regex.escape(i) for i in items)

    return regex.compile(
        rf"(?:[{_SPACES}-]?(?P<scale>{alt(scales)})(?![\p{{L}}]|\.\p{{L}}))?"
        rf"(?:[{_SPACES}-]?(?:de[{_SPACES}]|d['’])?(?P<mark>{alt(marks)})(?![\p{{L}}]))?",
        regex.IGNORECASE,
    )


_TAIL_GAP = frozenset(_SPACES + "-")


@cache
def _tail_openings(lang: str) -> frozenset[str] | None:
    """Every two ASCII characters that can open what :func:`_tail_pattern` reads (a scale,
    currency, unit or percent word, or "de "/"d'" before one), as it reads them
    (case-insensitively); ``None`` if a word is empty."""
    scales, marks = _tail_words(lang)
    words = [*scales, *marks, *(f"de{space}" for space in _SPACES), "d'", "d’"]
    if not all(words):
        return None
    return frozenset(
        a + b
        for word in words
        for a in ascii_cases(word[0])
        for b in (ascii_cases(word[1]) if len(word) > 1 else _ASCII)
    )


_ASCII = tuple(chr(code) for code in range(128))


@cache
def ascii_cases(char: str) -> tuple[str, ...]:
    """The ASCII characters a case-insensitive pattern takes for ``char``."""
    if char.isascii():  # an ASCII letter's only ASCII cases are its two (tested)
        return tuple(sorted({char.lower(), char.upper()}))
    pattern = regex.compile(regex.escape(char), regex.IGNORECASE)
    return tuple(a for a in _ASCII if pattern.fullmatch(a))


def _may_have_tail(text: str, end: int, lang: str) -> bool:
    """Whether a scale, currency, unit or percent word may follow the figure ending at
    ``end``: ``False`` only when the text there proves it cannot."""
    openings = _tail_openings(lang)
    if openings is None:
        return True
    starts = (end, end + 1) if text[end : end + 1] in _TAIL_GAP else (end,)
    for start in starts:
        head = text[start : start + 2]
        if len(head) < 2 or not head.isascii() or head in openings:
            return True
    return False


@cache
def _prefix_ends() -> frozenset[str] | None:
    """The characters a mark before a figure (``$``, ``US$``, ``EUR``) can end with."""
    symbols = [k for k in mark_table() if not k.isalpha()]
    if not all(symbols):
        return None
    # The search reads the four characters before the figure: longer symbols never fit.
    return frozenset(s[-1] for s in symbols if len(s) <= 4) | frozenset(string.ascii_uppercase)


@cache
def _prefix_pattern() -> regex.Pattern[str]:
    symbols = sorted((k for k in mark_table() if not k.isalpha()), key=len, reverse=True)
    return regex.compile(
        r"(?P<mark>" + "|".join(regex.escape(s) for s in symbols) + r"|[A-Z]{3})[ \u00a0]?$"
    )


@cache
def _scales(lang: str) -> dict[str, float]:
    return {k.lower(): float(v) for k, v in lexicon(lang).get("scales", {}).items()}


@cache
def _percent_words(lang: str) -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon(lang).get("percent", []))


def _marks(word: str, lang: str) -> frozenset[str]:
    lowered = word.lower()
    if lowered in ("%", "‰") or lowered in _percent_words(lang):
        return frozenset({"%"})
    if lowered in mark_table():
        return mark_table()[lowered]
    if lowered in unit_table():
        return frozenset({lowered})
    return frozenset()


def _quantity_tail(
    text: str, end: int, lang: str, has_currency: bool
) -> tuple[frozenset[float], set[str], int, int]:
    """Multipliers (one per reading), units, the end of the figure's span (its scale word
    included) and the end of what it consumed (unit words too), for a number at ``end``."""
    match = _tail_pattern(lang).match(text, end) if _may_have_tail(text, end, lang) else None
    if not match or not (match["scale"] or match["mark"]):
        return frozenset({1.0}), set(), end, end
    scales = _scales(lang)
    multipliers, units, new_end = frozenset({1.0}), set(), end
    scale, mark = match["scale"], match["mark"]
    if scale:
        new_end = match.end("scale")
        multiplier = scales.get(scale.lower(), 1.0)
        if scale == "m" and not has_currency and not mark:
            # "100m": metres or millions
            return frozenset({1.0, multiplier}), {"metre"}, new_end, new_end
        else:
            multipliers = frozenset({multiplier})
    if mark:  # the span stops at the scale word: "1,600 million" of "1,600 million euros"
        units = set(_marks(mark, lang))
        lowered = mark.lower()
        if lowered in ("m€", "md€", "mds€", "mrd€"):
            new_end = match.end("mark")
        if lowered == "m€":
            multipliers = frozenset({1e6})
        elif lowered in ("md€", "mds€", "mrd€"):
            multipliers = frozenset({1e9})
    return multipliers, units, new_end, match.end()


# -- finding mentions ----------------------------------------------------------------------
def find_numbers(text: str, lang: str, strict: bool = False) -> list[NumberMention]:
    """Every number stated in ``text`` (times, dates, decades and words included), in order.

    A figure such as ``1.500`` keeps its reading in the other convention too (an MT may
    copy its source's format) unless ``strict``: a source or reference is read as its
    own language writes numbers.
    """
    taken: list[tuple[int, int]] = []
    mentions: list[NumberMention] = []
    found = cues(text, lang)
    if _DIGIT.search(text) is not None:  # every date, decade, time and figure has one
        mentions = _figures(text, lang, strict, taken, bool(found & MONTH))
    words = find_word_numbers(text, lang, taken, found) if found & _WORDS else ()
    for word in words:
        multipliers, units, end = frozenset({1.0}), set(), word.end
        if not word.approx and not word.ordinal:
            multipliers, units, end, _ = _quantity_tail(text, word.end, lang, False)
        multiplier = max(multipliers)
        low = word.low * multiplier if word.approx else None
        high = word.high * multiplier if word.approx else None
        value = frozenset({word.low * multiplier})
        mentions.append(NumberMention(word.start, end, text[word.start : end], value,
                                      units=frozenset(units), low=low, high=high,
                                      spelled=True, ordinal=word.ordinal,
                                      scale=multiplier * word.scale))
    if len(mentions) < 2:  # nothing to order, no range
        return mentions
    mentions.sort(key=lambda m: m.start)
    return _ranges(text, lang, mentions)


_DIGIT = regex.compile(r"\d")
_WORDS = NUMBER_WORD | ROUGH
_ONCE = frozenset({1.0})


def _figures(
    text: str, lang: str, strict: bool, taken: list[tuple[int, int]], named: bool
) -> list[NumberMention]:
    """Dates, decades, times and figures in digits, in that order; claims their spans
    (``named``: whether the text may name a month)."""
    found = [
        *dates(text, lang, taken, named), *decades(text, lang, taken), *times(text, lang, taken)
    ]
    mentions = [NumberMention(start, end, said, values, kind)
                for start, end, said, values, kind in found]
    comma_decimal = lexicon(lang).get("decimal", ".") == ","
    ends = _prefix_ends()
    for match in _NUMBER.finditer(text):
        start, end = match.start("num"), match.end("num")
        if not free(taken, start, end):
            continue
        before = text[max(0, start - 4) : start]
        prefix = _prefix_pattern().search(before) if ends is None or not ends.isdisjoint(
            before
        ) else None
        units: set[str] = set()
        if prefix and prefix["mark"].lower() in mark_table():
            units |= mark_table()[prefix["mark"].lower()]
        multipliers, tail_units, end, consumed = _quantity_tail(text, end, lang, bool(units))
        units |= tail_units
        ordinal = False
        tail = _ORDINAL_TAIL.match(text, end) if not units and multipliers == _ONCE else None
        if tail and (tail.group(0) != "." or _german_ordinal(text, tail.end(), lang)):
            ordinal, end = True, tail.end()
        readings = _readings(match["num"], match["sep"], comma_decimal)
        if strict:
            readings = readings[:1]
        if (fraction := _FRACTIONS.get(text[match.end("num") : match.end("num") + 1])) is not None:
            readings = [r + fraction for r in readings]
            end = max(end, match.end("num") + 1)
        values = frozenset(v * k for v in readings for k in multipliers)
        values = _range_end(text, match.start("num"), match["num"], values, mentions)
        mentions.append(NumberMention(start, end, text[start:end], values,
                                      units=frozenset(units), ordinal=ordinal,
                                      scale=max(multipliers)))
        taken.append((start, max(end, consumed)))
    return mentions


_RANGE_WORDS = {
    "en": ("to", "and", "or"), "fr": ("à", "et", "ou"), "es": ("a", "y", "o"),
    "de": ("bis", "und", "oder"),
}


@cache
def _range_joint(lang: str) -> regex.Pattern[str]:
    """What may stand between the two figures of a range: a dash, "to", "bis"..."""
    words = "|".join(_RANGE_WORDS.get(lang, _RANGE_WORDS["en"]))
    return regex.compile(rf"[{_SPACES}]*(?:[-–/]|(?:{words})(?![\p{{L}}]))[{_SPACES}]*$")


def _ranges(text: str, lang: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"2 to 3 million euros": the first figure takes the scale and unit of the second."""
    joint = _range_joint(lang)
    result = list(mentions)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        if first.kind != "number" or second.kind != "number" or first.units or first.approx:
            continue
        if first.scale != 1.0 or not (second.units or second.scale != 1.0):
            continue
        if not joint.match(text[first.end : second.start]) or first.year_like:
            continue
        values = first.values | frozenset(v * second.scale for v in first.values)
        result[index] = replace(first, values=values, units=second.units)
    return result


_SPACE_LETTER = regex.compile(r" \p{L}")


def _german_ordinal(text: str, end: int, lang: str) -> bool:
    """"der 10. Gipfel": a figure, a full stop and a word (the sentence goes on)."""
    return lang == "de" and bool(_SPACE_LETTER.match(text[end : end + 2]))


def _range_end(
    text: str, start: int, digits: str, values: frozenset[float], before: list[NumberMention]
) -> frozenset[float]:
    """"1950-53": a two-digit end of a range of years is also the full year."""
    if len(digits) != 2 or start < 5 or text[start - 1] not in "-–/":
        return values
    year = text[start - 5 : start - 1]
    if year.isdigit() and 1000 <= int(year) <= 2100:
        return values | {float(year[:2] + digits)}
    return values


def is_trivial(mention: NumberMention) -> bool:
    """Numbers that can match but are never reported: rough words, ones, word ordinals."""
    if mention.approx or (mention.spelled and mention.ordinal):
        return True
    return all(v in (0.0, 1.0) for v in mention.values) and not mention.units


def is_small(mention: NumberMention) -> bool:
    """Whole numbers under ten without a unit: wire style may spell them or drop them."""
    return (
        mention.kind == "number"
        and not mention.units
        and all(v < 10 and v == int(v) for v in mention.values)
    )


__all__ = ["NumberMention", "find_numbers", "is_small", "is_trivial", "names_a_unit"]
