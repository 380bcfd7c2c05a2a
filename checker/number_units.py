"""Units of measure and currencies: what a word after a figure counts, and conversions.

Reads ``[units]`` (word -> dimension and factor to the dimension's base unit) and
``[marks]`` (currency symbols and words naming one or more units) from
``checker/rules/langdata/numbers/common.toml``. Two figures in different units of one
dimension are the same quantity when they agree within rounding.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import regex

from checker.number_words import shared

_SPACES = " \u00a0\u202f"


@cache
def unit_table() -> Mapping[str, tuple[str, float]]:
    return {k: (v[0], float(v[1])) for k, v in shared().get("units", {}).items()}


@cache
def mark_table() -> Mapping[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in shared().get("marks", {}).items()}


_CURRENCY_CODES = frozenset({"GBP", "USD", "EUR", "JPY", "CNY", "CHF"})


def currencies(units: frozenset[str]) -> frozenset[str]:
    return units & _CURRENCY_CODES


def _to_base(value: float, unit: str) -> tuple[str, float] | None:
    if unit == "lb":
        return "mass", value * 0.45359237
    entry = unit_table().get(unit)
    if entry is None:
        return None
    dimension, factor = entry
    if dimension == "temperature":
        celsius = (value - 32) * 5 / 9 if unit in ("°f", "fahrenheit") else value
        return dimension, celsius
    return dimension, value * factor


def converts(
    units_a: frozenset[str], values_a: frozenset[float],
    units_b: frozenset[str], values_b: frozenset[float],
) -> bool:
    """A unit conversion within rounding (5 miles = 8 km, 70 °F = 21 °C, 12 ft = 4 m)."""
    for unit_a in units_a:
        for unit_b in units_b:
            for value_a in values_a:
                for value_b in values_b:
                    base_a, base_b = _to_base(value_a, unit_a), _to_base(value_b, unit_b)
                    if base_a is None or base_b is None or base_a[0] != base_b[0]:
                        continue
                    if base_a[0] == "temperature":
                        if abs(base_a[1] - base_b[1]) <= 1.5:
                            return True
                        continue
                    # Each side may be rounded to its leading digit ("about 4 metres").
                    slack = max(
                        0.08 * max(abs(base_a[1]), abs(base_b[1])),
                        _half_step(value_a) * (base_a[1] / value_a if value_a else 0),
                        _half_step(value_b) * (base_b[1] / value_b if value_b else 0),
                    )
                    if abs(base_a[1] - base_b[1]) <= slack:
                        return True
    return False


def _half_step(value: float) -> float:
    """Half the unit of a whole number's only significant digit (4 -> 0.5, 300 -> 50)."""
    if value <= 0 or value != int(value):
        return 0.0
    digits = str(int(value)).rstrip("0")
    if len(digits) != 1:
        return 0.0
    return 0.5 * 10 ** (len(str(int(value))) - 1)


@cache
def _unit_words() -> regex.Pattern[str]:
    words = sorted(
        (k for k, (dimension, _) in unit_table().items() if dimension != "temperature"),
        key=len, reverse=True,
    )
    extra = ["fuß", "fuss", "foot", "pied", "pie", "meile", "mile", "meter", "metre", "mètre",
             "metro", "zoll", "inch", "pouce", "pulgada", "pfund", "livre", "libra", "grad",
             "degree", "degré", "grado"]
    alternatives = "|".join(regex.escape(w) for w in [*words, *extra])
    return regex.compile(
        rf"(?<![\p{{L}}])(?:{_ONE})[{_SPACES}]+(?:{alternatives})(?![\p{{L}}])", regex.IGNORECASE
    )


# "a foot", "einen Meter", "un mètre", "media milla": a measure stated with an article.
_ONE = (
    "a|an|one|half a|un|une|uno|una|medio|media|un demi|ein|eine|einen|einem|einer|"
    "ein halber|einen halben|eine halbe"
)


def names_a_unit(text: str) -> bool:
    """Whether ``text`` states a measure without a figure ("about a foot", "einen Meter")."""
    return bool(_unit_words().search(text))
