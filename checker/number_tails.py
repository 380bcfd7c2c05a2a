"""What stands around a figure: a currency before it, a scale, currency, unit or percent
word after it ("$4.7bn", "44 Millionen Pfund", "2,5 %", "12 M€").

:func:`quantity_tail` reads what follows a figure; :func:`prefix_units` what precedes it.
Both first try a cheap proof that nothing can be there (two characters after the figure,
the four before it) and run the full search only when that proof fails.
"""

from __future__ import annotations

import string
from functools import cache

import regex

from checker.memo import remember
from checker.number_units import mark_table, unit_table
from checker.number_words import lexicon

_SPACES = " \u00a0\u202f"


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


def may_have_tail(text: str, end: int, lang: str) -> bool:
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
def prefix_ends() -> frozenset[str] | None:
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


_ONCE: frozenset[float] = frozenset({1.0})
_NO_UNITS: frozenset[str] = frozenset()
Meaning = tuple[frozenset[float], frozenset[str], str | None, bool]
"""Multipliers, units, the group whose end ends the figure's span (``None``: the figure
ends it) and whether the span consumed runs to the end of the match."""
_MEANINGS: dict[tuple[str, str | None, str | None, bool], Meaning] = {}


def quantity_tail(
    text: str, end: int, lang: str, has_currency: bool
) -> tuple[frozenset[float], frozenset[str], int, int]:
    """Multipliers (one per reading), units, the end of the figure's span (its scale word
    included) and the end of what it consumed (unit words too), for a number at ``end``."""
    if not may_have_tail(text, end, lang):
        return _ONCE, _NO_UNITS, end, end
    return read_tail(text, end, lang, has_currency)


def read_tail(
    text: str, end: int, lang: str, has_currency: bool
) -> tuple[frozenset[float], frozenset[str], int, int]:
    """:func:`quantity_tail` without the cheap proof that nothing follows."""
    match = _tail_pattern(lang).match(text, end)
    if not match:
        return _ONCE, _NO_UNITS, end, end
    scale, mark = match.group("scale", "mark")
    if not (scale or mark):
        return _ONCE, _NO_UNITS, end, end
    key = (lang, scale, mark, has_currency)
    meaning = _MEANINGS.get(key) or remember(_MEANINGS, key, _meaning(*key))
    multipliers, units, stop, whole = meaning
    new_end = match.end(stop) if stop else end
    return multipliers, units, new_end, match.end() if whole else new_end


def _meaning(lang: str, scale: str | None, mark: str | None, has_currency: bool) -> Meaning:
    """What a scale word and a mark after a figure do to it (they depend on nothing else)."""
    multipliers, units, stop = _ONCE, _NO_UNITS, None
    if scale:
        stop = "scale"
        multiplier = _scales(lang).get(scale.lower(), 1.0)
        if scale == "m" and not has_currency and not mark:
            # "100m": metres or millions
            return frozenset({1.0, multiplier}), frozenset({"metre"}), stop, False
        multipliers = frozenset({multiplier})
    if mark:  # the span stops at the scale word: "1,600 million" of "1,600 million euros"
        units = _marks(mark, lang)
        lowered = mark.lower()
        if lowered in ("m€", "md€", "mds€", "mrd€"):
            stop = "mark"
        if lowered == "m€":
            multipliers = frozenset({1e6})
        elif lowered in ("md€", "mds€", "mrd€"):
            multipliers = frozenset({1e9})
    return multipliers, units, stop, True


def prefix_units(text: str, start: int) -> frozenset[str]:
    """What a mark written just before the figure at ``start`` counts ("$", "US$", "EUR")."""
    before = text[max(0, start - 4) : start]
    ends = prefix_ends()
    if ends is not None and ends.isdisjoint(before):
        return frozenset()
    prefix = _prefix_pattern().search(before)
    if prefix and prefix["mark"].lower() in mark_table():
        return mark_table()[prefix["mark"].lower()]
    return frozenset()
