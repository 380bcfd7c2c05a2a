"""Dates, decades and times of day, as each language writes them.

``5 March`` = ``March 5`` = ``5. März`` = ``le 5 mars`` = ``5 de marzo`` (a date is worth
month * 100 + day); ``the 1990s`` = ``les années 1990`` = ``die 1990er Jahre``; ``3 p.m.``
= ``15 Uhr`` = ``15h`` (a time is worth its minutes after midnight). Each finder claims the
spans it reads in ``taken`` so that plain-number reading skips them.
"""

from __future__ import annotations

from functools import cache

import regex

from checker.number_words import lexicon

_SPACES = " \u00a0\u202f"
Found = tuple[int, int, str, frozenset[float], str]
"""``(start, end, text, values, kind)`` of one date, decade or time."""

_TIME = regex.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?(?::|h|\.)\s?(?P<m>[0-5]\d)(?!\d)"
    r"(?:\s?(?P<ampm>[ap]\.?\s?m\.?)(?![\p{L}]))?",
    regex.IGNORECASE,
)
_HOUR = regex.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])\s?(?P<ampm>[ap]\.\s?m\.|[ap]m(?![\p{L}]))",
    regex.IGNORECASE,
)
_NUMERIC_DATE = regex.compile(
    r"(?<![\d.,/])(?:(?P<a>\d{1,2})(?P<s>[./])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d])"
)
_YEAR_SUFFIX = regex.compile(
    r"(?P<y>\d{4}|'\d{2}|’\d{2}|\d{2})(?P<s>s|ern?(?:[- ]?[Jj]ahren?)?)\b"
)


def free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(a < end and start < b for a, b in taken)


@cache
def _months(lang: str) -> dict[str, int]:
    return {k.lower(): v for k, v in lexicon(lang).get("months", {}).items()}


@cache
def _date_patterns(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Day before month (all languages) and month before day (English)."""
    names = "|".join(regex.escape(m) for m in sorted(_months(lang), key=len, reverse=True))
    day_first = regex.compile(
        rf"(?<![\d.,])(?P<d>[0-3]?\d)(?:\.|er|e|st|nd|rd|th|º)?[{_SPACES}]+(?:de[{_SPACES}]+)?"
        rf"(?P<mon>{names})(?![\p{{L}}])",
        regex.IGNORECASE,
    )
    month_first = regex.compile(
        rf"(?<![\p{{L}}])(?P<mon>{names})\.?[{_SPACES}]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?![\d\p{{L}}]|[-–:]\d)",
        regex.IGNORECASE,
    )
    return day_first, month_first


def dates(
    text: str, lang: str, taken: list[tuple[int, int]], named: bool = True, numeric: bool = True
) -> list[Found]:
    """Dates in ``text`` (``named``: whether it may name a month; ``False`` when a
    month name is known to be absent, which skips the searches that need one;
    ``numeric``: ``False`` when :func:`calendar_cue` proves there is no numeric date)."""
    found = []
    months = _months(lang)
    day_first, month_first = _date_patterns(lang)
    named_patterns = (day_first, month_first) if lang == "en" else (day_first,)
    for pattern in named_patterns if named else ():
        for match in pattern.finditer(text):
            day = int(match["d"])
            if not 1 <= day <= 31 or not free(taken, match.start(), match.end()):
                continue
            month = months[match["mon"].lower()]
            taken.append(match.span())
            found.append((match.start(), match.end(), match.group(0),
                          frozenset({month * 100.0 + day}), "date"))
    for match in _NUMERIC_DATE.finditer(text) if numeric else ():
        if not free(taken, match.start(), match.end()):
            continue
        if match["iy"]:
            pairs = [(int(match["im"]), int(match["id"]))]
            year_start, year_text = match.start("iy"), match["iy"]
        else:
            a, b = int(match["a"]), int(match["b"])
            pairs = [(b, a), (a, b)]
            year_start, year_text = match.start("y"), match["y"]
            if len(year_text) == 2 and match["s"] == ".":
                continue  # "12.05.24" is too often a version or a score
        values = frozenset(m * 100.0 + d for m, d in pairs if 1 <= m <= 12 and 1 <= d <= 31)
        if not values:
            continue
        taken.append(match.span())
        found.append((match.start(), match.end(), match.group(0), values, "date"))
        year = float(year_text) if len(year_text) == 4 else 2000.0 + float(year_text)
        found.append((year_start, year_start + len(year_text), year_text,
                      frozenset({year}), "number"))
    return found


@cache
def _decade_pattern(lang: str) -> regex.Pattern[str]:
    """"les années 1990", "los años 90": a decade word before the figure."""
    words = "|".join(regex.escape(w) for w in lexicon(lang).get("decade_before", []))
    return regex.compile(
        rf"(?<![\p{{L}}])(?:{words})[{_SPACES}]+(?P<y>\d{{4}}|\d{{2}})\b", regex.IGNORECASE
    )


def decades(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Found]:
    found = []
    before = lexicon(lang).get("decade_before", [])
    for match in _YEAR_SUFFIX.finditer(text):
        suffix = match["s"].lower()
        if (suffix == "s") != (lang == "en") or (suffix.startswith("er") and lang != "de"):
            continue
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        found.append(_decade(match.start(), match.end(), match.group(0), match["y"]))
        taken.append(match.span())
    if before:
        for match in _decade_pattern(lang).finditer(text):
            if free(taken, match.start("y"), match.end("y")):
                found.append(_decade(match.start("y"), match.end("y"), match["y"], match["y"]))
                taken.append(match.span("y"))
    return found


def _decade(start: int, end: int, text: str, digits: str) -> Found:
    digits = digits.lstrip("'’")
    if len(digits) == 4:
        values = frozenset({float(digits)})
    else:
        values = frozenset({float(digits), 1900.0 + int(digits), 2000.0 + int(digits)})
    return (start, end, text, values, "decade")


@cache
def _hour_pattern(lang: str) -> regex.Pattern[str]:
    """An hour and a time word: "15 Uhr", "15h", "3 o'clock", "3 de la tarde"."""
    after = [w for w in lexicon(lang).get("time_after", []) if w.lower() not in ("am", "pm")]
    words = "|".join(regex.escape(w) for w in sorted(after, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])[{_SPACES}]?(?:{words})(?![\p{{L}}\d])"
        if words else r"(?!)",
        regex.IGNORECASE,
    )


@cache
def _time_words(lang: str) -> tuple[str, ...]:
    """The language's words after an hour ("Uhr", "o'clock"), lowercased, but a.m./p.m."""
    after = lexicon(lang).get("time_after", [])
    return tuple(w.lower() for w in after if w.lower() not in ("am", "pm"))


def _time_cue_source(lang: str) -> str:
    after = [w for w in lexicon(lang).get("time_after", []) if w.lower() not in ("am", "pm")]
    words = "|".join(regex.escape(w) for w in sorted(after, key=len, reverse=True))
    named = rf"|\d[{_SPACES}]?(?:{words})" if words else ""
    return rf"\d\s?(?::|h|\.)\s?[0-5]\d|\d\s?(?:[ap]\.\s?m\.|[ap]m){named}"


@cache
def _time_cue(lang: str) -> regex.Pattern[str]:
    """What every match of ``_TIME``, ``_HOUR`` and the hour pattern holds: the hour's
    last digit and what follows it."""
    return regex.compile(_time_cue_source(lang), regex.IGNORECASE)


@cache
def calendar_cue(lang: str) -> regex.Pattern[str]:
    """What a text holds if :func:`dates` may find a numeric date ("05/03/2024",
    "2024-03-05"), :func:`decades` a decade or :func:`times` a time: where it fails, they
    find nothing but the dates with a month name. Each alternative is a part of what one
    search needs, read case-insensitively (a cue may only say yes too often)."""
    words = "|".join(regex.escape(w) for w in lexicon(lang).get("decade_before", []))
    before = rf"|(?:{words})[{_SPACES}]+\d" if words else ""
    return regex.compile(
        rf"\d[./]\d{{1,2}}[./]\d|\d-\d\d-\d|\d(?:s|er){before}|{_time_cue_source(lang)}",
        regex.IGNORECASE,
    )


def times(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    if not _time_cue(lang).search(text):
        return found
    after = _time_words(lang)
    for match in _TIME.finditer(text):
        hour, minute = int(match["h"]), int(match["m"])
        ampm = (match["ampm"] or "").lower()
        separator = text[match.end("h"):match.start("m")].strip()
        # "3.45" or "2.50" is a decimal unless "Uhr" or "horas" follows; "15h30" is a time
        # in French and Spanish only.
        named = _time_word_after(text, match.end(), after)
        if not ampm and separator == "." and (lang == "en" or not named):
            continue
        if not ampm and separator == "h" and not named and lang not in ("fr", "es"):
            continue
        found.append(_time(match, hour, minute, ampm, text, lang))
        taken.append(match.span())
    for pattern in (_HOUR, _hour_pattern(lang)):
        for match in pattern.finditer(text):
            if not free(taken, match.start(), match.end()):
                continue
            ampm = (match.groupdict().get("ampm") or "").lower()
            found.append(_time(match, int(match["h"]), 0, ampm, text, lang))
            taken.append(match.span())
    return found


def _time_word_after(text: str, end: int, words: tuple[str, ...]) -> bool:
    following = text[end : end + 30].lstrip(_SPACES).lower()
    return following.startswith(words) if words else False


def _afternoon(text: str, end: int, lang: str) -> bool:
    """Whether an afternoon word follows the hour, after its "Uhr" or "heures" if any."""
    following = text[end : end + 40].lstrip(_SPACES).lower()
    for word in lexicon(lang).get("time_after", []):
        if following.startswith(word.lower() + " "):
            following = following[len(word) + 1 :]
            break
    return any(following.startswith(w.lower()) for w in lexicon(lang).get("time_pm", []))


def _time(
    match: regex.Match[str], hour: int, minute: int, ampm: str, text: str, lang: str
) -> Found:
    """Minutes after midnight. English without a.m./p.m. may mean either half of the day;
    the other languages write the 24-hour clock unless an afternoon word follows."""
    if not ampm and lang != "en":
        pm_words = lexicon(lang).get("time_pm", [])
        said = match.group(0).lower()
        afternoon = _afternoon(text, match.end(), lang) or any(w in said for w in pm_words)
        ampm = "p" if hour < 12 and afternoon else "a"
        hours = {hour + 12} if ampm == "p" else {hour}
    elif ampm:
        hours = {hour % 12 + (12 if ampm.startswith("p") else 0)}
    else:
        hours = {hour, hour + 12} if hour <= 12 else {hour}
    values = frozenset(h * 60.0 + minute for h in hours if h < 24)
    return (match.start(), match.end(), match.group(0), values, "time")
