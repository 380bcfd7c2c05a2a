"""Find the numbers a text states and what they are worth, whatever the locale.

``1 500``, ``1.500`` and ``1,500`` are all fifteen hundred in some language; ``2,5`` and
``2.5`` are both two and a half; ``4.7 billion`` equals ``4 700 millions``. A mention
keeps every value it can mean (the text's own language's reading first), so numbers
in a French source and an English translation compare equal when they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Thousands groups use one separator consistently: 1,500,000 / 1.500.000 / 1 500 000.
_NUMBER = re.compile(
    r"(?<![^\W\d_])(?<![^\W\d_]-)(?<![\d.,])"
    r"(?P<num>\d{1,3}(?:(?P<sep>[ \u00a0\u202f.,’'])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
    r"(?:[ \u00a0\u202f]?(?P<scale>[^\W\d_]+\.?(?:[ \u00a0][^\W\d_]+)?))?"
)
_TIME = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?(?::|h|\.)\s?(?P<m>[0-5]\d)(?![\d])"
    r"(?:\s?(?P<ampm>[ap]\.?\s?m\.?))?",
    re.IGNORECASE,
)

_SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "trillion": 1e12, "trillions": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "md": 1e9, "mds": 1e9, "billion": 1e12, "billions": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9,
           "millardos": 1e9, "billón": 1e12, "billones": 1e12},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "mio": 1e6,
           "milliarde": 1e9, "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9, "billion": 1e12,
           "billionen": 1e12},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9,
           "mil milhões": 1e9},
    "it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
}
# Languages whose decimal mark is the comma (the others use the point).
_DECIMAL_COMMA = frozenset({"fr", "es", "de", "pt", "it", "nl", "ru", "pl"})


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: its span and every value it can stand for."""

    start: int
    end: int
    text: str
    values: frozenset[float]
    is_time: bool = False

    def same_as(self, other: NumberMention) -> bool:
        if self.is_time != other.is_time:
            return False
        return any(_close(a, b) for a in self.values for b in other.values)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _readings(digits: str, sep: str | None, lang: str) -> list[float]:
    """Values a digit string can have; the language's own reading first."""
    comma_decimal = lang in _DECIMAL_COMMA
    if sep:  # grouped: 1,500 / 1.500 / 1 500 [+ decimals]
        grouped_sep = sep
        body, _, tail = digits, "", ""
        decimal_mark = "," if grouped_sep == "." else "."
        if grouped_sep in " \u00a0\u202f’'":
            decimal_mark = "," if comma_decimal else "."
        if decimal_mark in body and body.rfind(decimal_mark) > body.rfind(grouped_sep):
            body, _, tail = body.rpartition(decimal_mark)
        whole = float(body.replace(grouped_sep, "") + ("." + tail if tail else ""))
        values = [whole]
        # A single group after , or . may also be a decimal: "1.500" in English is 1.5.
        if grouped_sep in ",." and body.count(grouped_sep) == 1 and not tail:
            decimal = float(body.replace(grouped_sep, "."))
            own_decimal = (grouped_sep == ",") == comma_decimal
            values = [decimal, whole] if own_decimal else [whole, decimal]
        return values
    if "," in digits or "." in digits:
        return [float(digits.replace(",", "."))]
    return [float(digits)]


def _scale(word: str | None, lang: str) -> tuple[float, int]:
    """Multiplier for a scale word after a number, and how many characters it covers."""
    if not word:
        return 1.0, 0
    table = _SCALES.get(lang, _SCALES["en"])
    lowered = word.lower()
    if lowered in table:
        return table[lowered], len(word)
    first = lowered.split()[0] if " " in lowered or "\u00a0" in lowered else lowered
    first_raw = word.split()[0] if " " in word or "\u00a0" in word else word
    if first in table:
        return table[first], len(first_raw)
    if first.endswith(".") and first[:-1] in table:
        return table[first[:-1]], len(first_raw) - 1
    return 1.0, 0


def find_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number stated in ``text`` (times of day included), in order."""
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _TIME.finditer(text):
        hour, minute = int(match["h"]), int(match["m"])
        ampm = (match["ampm"] or "").lower()
        if not ampm and match.group(0).count(".") and lang == "en":
            continue  # "3.45" in English is a decimal, not a time
        hours = {hour % 12 + (12 if ampm.startswith("p") else 0)} if ampm else {hour, hour + 12}
        values = frozenset(h * 60.0 + minute for h in hours if h < 24)
        mentions.append(NumberMention(match.start(), match.end(), match.group(0), values, True))
        taken.append((match.start(), match.end()))
    for match in _NUMBER.finditer(text):
        start = match.start("num")
        if any(a <= start < b for a, b in taken):
            continue
        multiplier, covered = _scale(match["scale"], lang)
        end = match.end("num")
        if covered:
            end = match.start("scale") + covered
        values = frozenset(v * multiplier for v in _readings(match["num"], match["sep"], lang))
        mentions.append(NumberMention(start, end, text[start:end], values))
    mentions.sort(key=lambda m: m.start)
    return mentions


def is_trivial(mention: NumberMention) -> bool:
    """Whole numbers under ten: wire style spells them out, so they are not compared."""
    return not mention.is_time and all(v < 10 and v == int(v) for v in mention.values)
