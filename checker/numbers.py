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

from dataclasses import dataclass, field, replace
from functools import cache

import regex

from checker.number_calendar import calendar_cue, dates, decades, free, times
from checker.number_tails import may_have_tail, prefix_ends, prefix_units, quantity_tail, read_tail
from checker.number_units import converts, currencies, names_a_unit
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
        if self.kind != other.kind:
            kinds = {self.kind, other.kind}
            if kinds == {"time", "number"}:
                return _hours(self, other)
            if kinds != {"decade", "number"}:
                return False
        if self.low is not None or other.low is not None:  # either is rough
            return _overlap(self, other)
        equal = False
        for a in self.values:  # any(_close(a, b) ...), inline: this is the hot loop
            for b in other.values:
                if abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)):
                    equal = True
                    break
            if equal:
                break
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


_NEW, _SET = object.__new__, object.__setattr__


def mention(
    start: int, end: int, text: str, values: frozenset[float], kind: str = "number",
    units: frozenset[str] = frozenset(), low: float | None = None, high: float | None = None,
    spelled: bool = False, ordinal: bool = False, scale: float = 1.0,
) -> NumberMention:
    """``NumberMention(...)`` built without the frozen dataclass's one ``object.__setattr__``
    per field (an equal object: the tests compare the two)."""
    year_like = False
    if kind == "number" and not units:
        for v in values:
            if 1000 <= v <= 2100 and v == int(v):
                year_like = True
                break
    made = _NEW(NumberMention)
    _SET(made, "__dict__", {
        "start": start, "end": end, "text": text, "values": values, "kind": kind,
        "units": units, "low": low, "high": high, "spelled": spelled, "ordinal": ordinal,
        "scale": scale, "year_like": year_like,
    })
    return made


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
        multipliers, units, end = _ONCE, frozenset(), word.end
        if not word.approx and not word.ordinal:
            multipliers, units, end, _ = quantity_tail(text, word.end, lang, False)
        multiplier = max(multipliers)
        low = word.low * multiplier if word.approx else None
        high = word.high * multiplier if word.approx else None
        value = frozenset({word.low * multiplier})
        mentions.append(mention(word.start, end, text[word.start : end], value,
                                units=frozenset(units), low=low, high=high, spelled=True,
                                ordinal=word.ordinal, scale=multiplier * word.scale))
    if len(mentions) < 2:  # nothing to order, no range
        return mentions
    mentions.sort(key=lambda m: m.start)
    return _ranges(text, lang, mentions)


_DIGIT = regex.compile(r"\d")
_WORDS = NUMBER_WORD | ROUGH
_ONCE = frozenset({1.0})
_NO_UNITS: frozenset[str] = frozenset()


def _figures(
    text: str, lang: str, strict: bool, taken: list[tuple[int, int]], named: bool
) -> list[NumberMention]:
    """Dates, decades, times and figures in digits, in that order; claims their spans
    (``named``: whether the text may name a month)."""
    if calendar_cue(lang).search(text) is None:  # no numeric date, decade or time
        found = dates(text, lang, taken, named, numeric=False) if named else []
    else:
        found = [
            *dates(text, lang, taken, named), *decades(text, lang, taken),
            *times(text, lang, taken),
        ]
    mentions = [mention(start, end, said, values, kind)
                for start, end, said, values, kind in found]
    comma_decimal = lexicon(lang).get("decimal", ".") == ","
    ends = prefix_ends()
    for match in _NUMBER.finditer(text):
        start, num_end = match.span()  # the figure is the whole match
        end = num_end
        if taken and not free(taken, start, num_end):
            continue
        digits, sep = match.groups()
        units = _NO_UNITS
        if ends is None or not ends.isdisjoint(text[start - 4 if start > 4 else 0 : start]):
            units = prefix_units(text, start)
        if may_have_tail(text, end, lang):
            multipliers, tail_units, end, consumed = read_tail(text, end, lang, bool(units))
            if tail_units:
                units = units | tail_units
        else:
            multipliers, consumed = _ONCE, end
        ordinal = False
        if (
            not units and multipliers == _ONCE and text[end : end + 1] in _ORDINAL_OPENINGS
            and (tail := _ORDINAL_TAIL.match(text, end))
            and (tail.group(0) != "." or _german_ordinal(text, tail.end(), lang))
        ):
            ordinal, end = True, tail.end()
        if sep is None and "." not in digits and "," not in digits:
            readings = [float(digits)]
        else:
            readings = _readings(digits, sep, comma_decimal)
            if strict:
                readings = readings[:1]
        if (fraction := _FRACTIONS.get(text[num_end : num_end + 1])) is not None:
            readings = [r + fraction for r in readings]
            end = max(end, num_end + 1)
        if multipliers == _ONCE:
            values = frozenset(readings)
        else:
            values = frozenset(v * k for v in readings for k in multipliers)
        if len(digits) == 2:
            values = _range_end(text, start, digits, values)
        mentions.append(mention(start, end, text[start:end], values, units=frozenset(units),
                                ordinal=ordinal, scale=max(multipliers)))
        taken.append((start, max(end, consumed)))
    return mentions


# The first characters of every alternative of _ORDINAL_TAIL (it is case-sensitive).
_ORDINAL_OPENINGS = frozenset("snrteèºª.")


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


def _range_end(text: str, start: int, digits: str, values: frozenset[float]) -> frozenset[float]:
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


# Up to this length no value read in a text overflows to infinity (at most 250 digits,
# times two scale words; a word for a hundred has four letters or more: tested), so every
# mention equals itself.
_SAFE_LENGTH = 250
# The non-ASCII characters the regex engine matches with an ASCII letter when it ignores
# case (tested): with one, a month or rough quantity may be found that its table, keyed in
# lower case, does not hold.
_ASCII_FOLDS = "\u0130\u017f\u212a"
# What makes reading a text fail: such a letter, a digit float() may not know, or a figure
# grouped by spaces or apostrophes with a decimal mark the language does not use.
_UNSAFE = regex.compile(rf"[{_ASCII_FOLDS}]|(?![0-9])\d|[{_SPACES}’']\d{{3}}[.,]\d")


def matches_itself(text: str) -> bool:
    """Whether each number of ``text`` read as a source (``strict``) is certain to pair
    off with the same number read as an MT, with none left over either way.

    Strictness only drops a figure's other readings (spans, kinds, units and rough bounds
    stay, and each mention keeps its first, finite value), and a range start that loses
    its year reading takes the unit of its end on the strict side only, which a bare
    figure still matches; so only a value that overflows or a reading that fails could
    make the two differ."""
    return len(text) <= _SAFE_LENGTH and _UNSAFE.search(text) is None


__all__ = [
    "NumberMention", "find_numbers", "is_small", "is_trivial", "matches_itself", "names_a_unit",
]
