"""The number finder as it was before its fast paths, kept as the slow path they are
tested against (``tests/test_number_fastpaths.py``). Not used by the checker."""

from __future__ import annotations

from collections.abc import Iterator

from checker.number_calendar import dates, decades, free, times
from checker.number_tails import _marks as marks
from checker.number_tails import (
    _prefix_pattern,
    _scales,
    _tail_pattern,
    may_have_tail,
    prefix_ends,
)
from checker.number_units import converts, mark_table, names_a_unit
from checker.number_words import (
    _AND_A_HALF,
    _HYPHEN,
    _WORD,
    MONTH,
    NUMBER_WORD,
    ROUGH,
    WordNumber,
    _combine,
    _tables,
    _vocabulary,
    _word_value,
    lexicon,
)
from checker.numbers import (
    _DIGIT,
    _FRACTIONS,
    _NUMBER,
    _ORDINAL_TAIL,
    NumberMention,
    _close,
    _german_ordinal,
    _hours,
    _overlap,
    _ranges,
    _readings,
    is_small,
)
from checker.rules.numbers import _dimensions, _relative

_ONCE = frozenset({1.0})


def quantity_tail(
    text: str, end: int, lang: str, has_currency: bool
) -> tuple[frozenset[float], set[str], int, int]:
    match = _tail_pattern(lang).match(text, end) if may_have_tail(text, end, lang) else None
    if not match or not (match["scale"] or match["mark"]):
        return frozenset({1.0}), set(), end, end
    multipliers, units, new_end = frozenset({1.0}), set(), end
    scale, mark = match["scale"], match["mark"]
    if scale:
        new_end = match.end("scale")
        multiplier = _scales(lang).get(scale.lower(), 1.0)
        if scale == "m" and not has_currency and not mark:
            return frozenset({1.0, multiplier}), {"metre"}, new_end, new_end
        multipliers = frozenset({multiplier})
    if mark:
        units = set(marks(mark, lang))
        lowered = mark.lower()
        if lowered in ("m€", "md€", "mds€", "mrd€"):
            new_end = match.end("mark")
        if lowered == "m€":
            multipliers = frozenset({1e6})
        elif lowered in ("md€", "mds€", "mrd€"):
            multipliers = frozenset({1e9})
    return multipliers, units, new_end, match.end()


def find_numbers(text: str, lang: str, strict: bool = False) -> list[NumberMention]:
    taken: list[tuple[int, int]] = []
    mentions: list[NumberMention] = []
    found = word_cues(text, lang)
    if _DIGIT.search(text) is not None:
        mentions = figures(text, lang, strict, taken, bool(found & MONTH))
    words = word_numbers(text, lang, taken, found) if found & (NUMBER_WORD | ROUGH) else ()
    for word in words:
        multipliers, units, end = frozenset({1.0}), set(), word.end
        if not word.approx and not word.ordinal:
            multipliers, units, end, _ = quantity_tail(text, word.end, lang, False)
        multiplier = max(multipliers)
        low = word.low * multiplier if word.approx else None
        high = word.high * multiplier if word.approx else None
        value = frozenset({word.low * multiplier})
        mentions.append(NumberMention(word.start, end, text[word.start : end], value,
                                      units=frozenset(units), low=low, high=high,
                                      spelled=True, ordinal=word.ordinal,
                                      scale=multiplier * word.scale))
    if len(mentions) < 2:
        return mentions
    mentions.sort(key=lambda m: m.start)
    return _ranges(text, lang, mentions)


def figures(
    text: str, lang: str, strict: bool, taken: list[tuple[int, int]], named: bool
) -> list[NumberMention]:
    found = [
        *dates(text, lang, taken, named), *decades(text, lang, taken), *times(text, lang, taken)
    ]
    mentions = [NumberMention(start, end, said, values, kind)
                for start, end, said, values, kind in found]
    comma_decimal = lexicon(lang).get("decimal", ".") == ","
    ends = prefix_ends()
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
        multipliers, tail_units, end, consumed = quantity_tail(text, end, lang, bool(units))
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
        values = range_end(text, match.start("num"), match["num"], values)
        mentions.append(NumberMention(start, end, text[start:end], values,
                                      units=frozenset(units), ordinal=ordinal,
                                      scale=max(multipliers)))
        taken.append((start, max(end, consumed)))
    return mentions


def range_end(text: str, start: int, digits: str, values: frozenset[float]) -> frozenset[float]:
    if len(digits) != 2 or start < 5 or text[start - 1] not in "-–/":
        return values
    year = text[start - 5 : start - 1]
    if year.isdigit() and 1000 <= int(year) <= 2100:
        return values | {float(year[:2] + digits)}
    return values


def number_prefixes(text: str, lang: str) -> set[float]:
    found: set[float] = set()
    words, multipliers, _ = _tables(lang)
    for match in _WORD.finditer(text):
        for token in _HYPHEN.split(match.group(0).lower()):
            for size in range(len(token), 2, -1):
                values = _word_value(token[:size], lang) if lang == "de" else (
                    [words[token[:size]]] if token[:size] in words else None
                )
                if values is not None:
                    found.add(_combine(values, multipliers))
                    break
    return found


def word_cues(text: str, lang: str) -> int:
    """:func:`checker.number_words.cues` by its definition: the union of its words' cues."""
    vocabulary = _vocabulary(lang)
    found = 0
    for word in set(text.split()):
        found |= vocabulary.word_cues(word)
    return found


def word_numbers(
    text: str, lang: str, taken: list[tuple[int, int]], found: int | None = None
) -> Iterator[WordNumber]:
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
    reading = vocabulary.reading
    for match in _WORD.finditer(text):  # flush() does nothing while the run is empty
        start, end = match.span()
        if any(claimed[start:end]):
            if run:
                yield from flush()
            continue
        if run and text[previous_end:start].strip(" \u00a0-"):
            yield from flush()
        token = match.group(0)
        rank, values = reading(token)
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


def same_as(a: NumberMention, b: NumberMention) -> bool:
    if {a.kind, b.kind} == {"time", "number"}:
        return _hours(a, b)
    if not (a.kind == b.kind or {a.kind, b.kind} == {"decade", "number"}):
        return False
    if a.approx or b.approx:
        return _overlap(a, b)
    equal = any(_close(x, y) for x in a.values for y in b.values)
    if a.units and b.units:
        return (equal and bool(a.units & b.units)) or converts(a.units, a.values, b.units, b.values)
    return equal


def unmatched(wanted: list[NumberMention], have: list[NumberMention]) -> list[NumberMention]:
    pool = list(have)
    left = []
    ordered = sorted(wanted, key=lambda m: m.approx)
    for mention in ordered:
        candidates = [i for i, c in enumerate(pool) if same_as(mention, c)]
        if candidates:
            exact = [i for i in candidates if not pool[i].approx]
            del pool[(exact or candidates)[0]]
        else:
            left.append(mention)
    return sorted(left, key=lambda m: m.start)


def clearly_missing(
    mention: NumberMention, mt_text: str, mt: list[NumberMention], lang: str
) -> bool:
    if mention.spelled or is_small(mention) or mention.approx:
        return False
    if mention.kind == "number" and mention.values & number_prefixes(mt_text, lang):
        return False
    if "measure" in _dimensions(mention) and (
        any("measure" in _dimensions(m) for m in mt) or names_a_unit(mt_text)
    ):
        return False
    if (mention.year_like or mention.kind in ("date", "time")) and _relative(mt_text, lang):
        return False
    return bool(mt_text.strip())
