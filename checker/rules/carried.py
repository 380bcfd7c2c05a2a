"""Words copied from the source: source-language words the MT carried over verbatim.

WC403 reports the copies that are certain (warnings), WC404 those only likely (info);
both come from one analysis of the story, made once (``story.memo``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from checker.context import StoryContext
from checker.langid import letters, stopwords
from checker.lexicon import supported, top_words, zipf
from checker.model import Severity
from checker.rules.base import Hit, Rule
from checker.rules.untranslated import SourceLanguageFragment, UntranslatedSegment

_WORDS = regex.compile(r"\p{L}+")
_HAN = regex.compile(r"\p{Han}+(?:[\p{Han}\p{P}\p{Zs}\p{N}]*\p{Han})?")
_HAN_PIECE = regex.compile(r"\p{Han}+")
_NOUN_CAPITALS = frozenset({"de", "lb"})
"""Source languages that capitalise their nouns: a capital there is no sign of a name."""
_HAN_LANGS = frozenset({"zh", "ja", "ko"})
"""Targets whose writing uses Chinese characters: a copy there proves nothing."""
_JOINERS = regex.compile(r"[ \t]*(?:['’\-][ \t]*)?")
_OPENERS = frozenset(".!?:;\"“”„«»‘'(–—-\n")
"""What may stand before a word that starts a sentence, a quote or a title."""

FOREIGN_GAP = 1.5
"""A copied word is foreign when this much more frequent (Zipf) in the source language
than in the target ("Council", "Department", "retirement")."""
LOAN_GAP = 0.7
"""...and likely foreign, when the reference renders it otherwise, from this gap on
("Backlash", "Drink"); below it the word is shared or a loanword ("Team", "Hotel")."""
RARE_TARGET = 3.0
"""A foreign word this rare in the target language is no loanword there ("Backlash")."""
COMMON_TARGET = 4.0
"""A word this frequent in the target language is a loanword there ("Sound", "School")."""
SHORTEST = 3
"""A word copied alone is judged from this length on ("ft" is an abbreviation), and from
one more when it is not a common word of the source ("dpa")."""
KNOWN_SOURCE = 1.0
"""A copied word rarer than this in the source language proves nothing ("Insidium")."""
TITLE_WORDS = 6
"""A quotation of at most this many words is a title ("No man is an island")."""
_QUOTED = regex.compile(r"[\"“„«‚‘]([^\"“”„«»\n]{1,120})[\"”“»‘’]")


@dataclass
class _SourceWord:
    lower: bool = False
    """Seen in lower case: a word, not a name."""
    capital_inside: bool = False
    """Seen capitalised inside a sentence: a name (in a language that does not capitalise
    its nouns)."""


@dataclass(frozen=True)
class _Copy:
    """A word of the MT that its source has too, and what it looks like."""

    start: int
    end: int
    text: str
    foreign: bool
    """More frequent in the source language than in the target, by the gap that counts."""
    strong: bool
    """Foreign beyond doubt: a function word of the source, or a word the target
    language does not use."""
    name: bool
    """Capitalised in the source: part of a name."""
    function: bool
    """A function word of the source language that the target does not have."""
    loan: bool
    """A loanword the reference avoids, not common in the target language."""
    leaning: bool
    """More frequent in the source language, if not enough to be foreign on its own
    ("village" after "next door to a retirement")."""
    compound: bool
    """Joined by a hyphen to a word of the target language ("Logik-Gate")."""
    common: bool
    """A common word of the source language ("Council"), not only a name ("Hatshepsut")."""
    doubtful: bool = False
    """Capitalised in a source that capitalises its nouns and unknown to the target
    language: a noun left untranslated ("Abschiebung"), or a name ("Wüst")."""


def _source_words(text: str) -> dict[str, _SourceWord]:
    words: dict[str, _SourceWord] = {}
    matches = list(_WORDS.finditer(text))
    for i, match in enumerate(matches):
        word = match.group()
        info = words.setdefault(word.lower(), _SourceWord())
        if word[:1].islower():
            info.lower = True
        elif not _starts_sentence(text, match.start()) or (
            # A capital at the start of a sentence says nothing, unless the next word
            # has one too: then the two begin a name ("Agence France-Presse said").
            i + 1 < len(matches) and matches[i + 1].group()[:1].isupper()
        ):
            info.capital_inside = True
    return words


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t")
    if before.endswith("-") and start and text[start - 1] == "-":
        return False  # the second part of a compound: "France-Presse"
    return not before or before[-1] in _OPENERS


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORDS.findall(text))


@cache
def _function_words(lang: str) -> frozenset[str]:
    return stopwords().get(lang, frozenset()) | top_words(lang, 150)


def _agrees(low: str, reference: frozenset[str]) -> bool:
    """Whether the reference uses the word too, inflected ("Dollar" for "Dollars") or in
    a compound ("Supportsystem" for "support", "Dragqueens" for "Drag")."""
    if low in reference:
        return True
    if len(low) < 4:
        return False
    for word in reference:
        if word.startswith(low) or (len(low) >= 5 and low in word):
            return True  # inflected, or the head of a compound ("Dragqueens")
        if len(word) >= 4 and len(low) - len(word) <= 3 and low.startswith(word):
            return True  # the reference's form is shorter ("Dollar")
    return False


def _copy(text: str, start: int, end: int, src_words: dict[str, _SourceWord], target: str,
          source: str, reference: frozenset[str] | None) -> _Copy:
    """The judgement of the copied word ``text[start:end]``."""
    word = text[start:end]
    low = word.lower()
    info = src_words[low]
    in_source, in_target = zipf(low, source), zipf(low, target)
    gap = in_source - in_target
    name = word[:1].isupper() and (
        info.capital_inside or (not info.lower and in_source < RARE_TARGET)
    )
    doubtful = (name and source in _NOUN_CAPITALS and in_target == 0.0
                and in_source >= RARE_TARGET)
    name = name and not doubtful
    own = len(low) < 2 or low in _function_words(target)
    agreed = reference is not None and _agrees(low, reference)
    function = not own and low in _function_words(source)
    # A word the source writes in lower case and the MT capitalises was taken for a
    # noun of the target language ("Backlash"): rare there, it is no loanword.
    recased = info.lower and word[:1].isupper() and not name
    strong = not own and not agreed and (function or (in_source >= KNOWN_SOURCE and (
        in_target == 0.0
        or (gap >= FOREIGN_GAP and in_target < COMMON_TARGET)
        or (recased and gap >= LOAN_GAP and in_target < RARE_TARGET)
    )))
    # A loanword the reference avoids: only a capitalised one, since the target's own
    # inflected forms can match a source word ("relative", "all").
    avoided = (not own and not agreed and reference is not None and gap >= LOAN_GAP
               and word[:1].isupper())
    return _Copy(
        start, end, word,
        foreign=strong or avoided,
        strong=strong,
        name=name,
        function=function,
        loan=avoided and in_target < COMMON_TARGET,
        leaning=not (own or agreed or name) and gap >= LOAN_GAP,
        compound=_hyphenated(text, start, end, src_words),
        common=in_source >= COMMON_TARGET,
        doubtful=doubtful,
    )


def copied(story: StoryContext) -> list[tuple[Severity, Hit]]:
    """Every copied-word finding of the story with its severity (computed once per story).

    Sentences wholly in another language are WC401's, and are left out here.
    """
    found = story.memo.get("copied-source-words")
    if found is None:
        found = story.memo["copied-source-words"] = _outside_untranslated(story, _find(story))
    return found  # type: ignore[return-value]


def _outside_untranslated(story: StoryContext,
                          found: Iterator[tuple[Severity, Hit]]) -> list[tuple[Severity, Hit]]:
    kept: list[tuple[Severity, Hit]] = []
    verdicts: dict[int, bool] = {}
    sentences = story.mt.sentences
    starts = [s.start for s in sentences]
    for severity, hit in found:
        index = bisect_right(starts, hit.start) - 1
        if 0 <= index < len(sentences) and hit.end <= sentences[index].end:
            if index not in verdicts:
                segment = story.mt.sentence_text(index)
                verdicts[index] = letters(segment) >= story.settings.min_detect_chars and bool(
                    UntranslatedSegment._language(segment, story.lang)
                )
            if verdicts[index]:
                continue
        kept.append((severity, hit))
    return kept


def _find(story: StoryContext) -> Iterator[tuple[Severity, Hit]]:
    target, source = story.lang, story.src_lang
    if story.src is None or not source or source == target:
        return
    text = story.text
    reference = _words(story.ref.text) if story.ref is not None else None
    han = target not in _HAN_LANGS
    lexical = target in supported() and source in supported()
    for unit in story.units:
        if unit.mt_start is None or unit.mt_end is None or not unit.src.strip():
            continue
        if han:
            for match in _HAN.finditer(text, unit.mt_start, unit.mt_end):
                if all(piece in unit.src for piece in _HAN_PIECE.findall(match.group())):
                    yield Severity.WARNING, Hit(
                        match.start(), match.end(),
                        f"'{match.group()}' is copied from the source in Chinese characters",
                        unit=unit.index,
                    )
        if lexical:
            has_ref = reference is not None and bool(unit.ref.strip())
            yield from _copies(story, unit.mt_start, unit.mt_end, unit.src,
                               reference if has_ref else None, unit.index)


def _copies(story: StoryContext, start: int, end: int, src: str,
            reference: frozenset[str] | None, index: int) -> Iterator[tuple[Severity, Hit]]:
    text, target, source = story.text, story.lang, story.src_lang or ""
    src_words = _source_words(src)
    src_lower = " ".join(w.lower() for w in _WORDS.findall(src))
    quoted = [  # short quotations are titles, kept in their language on purpose
        m.span(1) for m in _QUOTED.finditer(text, start, end)
        if len(_WORDS.findall(m.group(1))) <= TITLE_WORDS
    ]
    copies = [
        _copy(text, m.start(), m.end(), src_words, target, source, reference)
        for m in _WORDS.finditer(text, start, end)
        # not copied; or an acronym or a brand ("DOJ", "iPhone")
        if m.group().lower() in src_words and not any(c.isupper() for c in m.group()[1:])
    ]
    for run in _runs(text, copies, src_lower):
        judged = _judge(run, reference is not None)
        if judged is None or any(a <= run[0].start and run[-1].end <= b for a, b in quoted):
            continue  # a title or a quotation kept in its language
        severity, why = judged
        first, last = run[0].start, run[-1].end
        yield severity, Hit(
            first, last,
            f"'{text[first:last]}' is copied from the source ({source!r}) untranslated: {why}",
            unit=index,
        )


class CopiedSourceWords(Rule):
    """Finds words the MT copied verbatim from the source that are no target-language words.

    Each MT unit is compared with its aligned source. A word, or a run of words, that
    the MT shares with the source is reported when wordfreq finds it much more frequent
    in the source language than in the target ("retirement", "next door to a") and the
    reference, when there is one, does not use it too (inflected or in a compound).
    Names are left alone: acronyms, words with a capital inside ("iPhone"), short
    abbreviations ("dpa"), words the source capitalises in mid-sentence, quoted titles,
    and loanwords the target shares ("Team", "Hotel"); a name is reported only when a
    reference translates its common words ("Cornwall Council" where the reference has
    "Grafschaftsrat von Cornwall"). Chinese characters copied from a Chinese source
    into English, French, Spanish or German output are reported too. Sentences wholly
    in the source language are WC401's; copies that are only likely are WC404's.

    ## Why it matters
    Engines pass through what they fail to translate: a common noun, the end of a
    clause, an institution's name. Readers get English words in a German sentence,
    which language identification misses because the sentence is mostly German.

    ## Example
    German MT of "flooded a caravan park next door to a retirement village":
    `überflutete einen Campingplatz next door to a retirement village`

    ## Use instead
    `überflutete einen Campingplatz neben einer Seniorensiedlung`
    """

    code = "WC403"
    name = "copied-source-words"
    category = SourceLanguageFragment.category
    severity = Severity.WARNING
    fix_title = "Translate the copied words"
    fix_applicability = "none"
    level = Severity.WARNING

    def check(self, story: StoryContext) -> Iterator[Hit]:
        return (hit for severity, hit in copied(story) if severity == self.level)


class PossiblyCopiedSourceWords(CopiedSourceWords):
    """Finds source words the MT carried over that are likely, not certainly, untranslated.

    The companion of WC403 for copies that may be deliberate: a loanword the target
    language uses but the reference avoids ("Sound" where the reference has "Klang"),
    a loanword in a compound ("Sound-System"), a name the reference writes otherwise,
    a noun of a source that capitalises its nouns which the target language does not
    know ("Abschiebung" in English), or, without a reference, a name made of
    source-language words with a function word inside.

    ## Why it matters
    Loanwords and names left in the source language can be house style or a missed
    translation; a copy editor decides, and the reference shows what the desk used.

    ## Example
    German MT of "the festival's sound system": `das Sound-System des Festivals`

    ## Use instead
    `die Tonanlage des Festivals`, or keep the loanword if that is house style.
    """

    code = "WC404"
    name = "possibly-copied-source-words"
    severity = Severity.INFO
    fix_title = "Check whether the copied words should be translated"
    level = Severity.INFO


def _hyphenated(text: str, start: int, end: int, src_words: dict[str, _SourceWord]) -> bool:
    """Whether the word at ``text[start:end]`` is hyphenated to a word not in the source."""
    after = _WORDS.match(text, end + 1) if text[end : end + 1] == "-" else None
    before = regex.search(r"\p{L}+-$", text[max(0, start - 40) : start])
    return any(
        m is not None and m.group().rstrip("-").lower() not in src_words for m in (after, before)
    )


def _runs(text: str, copies: list[_Copy], src_lower: str) -> Iterator[list[_Copy]]:
    """Runs of copied words, separated only by spaces, hyphens or elisions, that begin and
    end with a foreign word or a name and appear in the source as they are (else word
    by word)."""
    run: list[_Copy] = []
    for copy in [*copies, None]:
        if copy is not None and (not run or _JOINERS.fullmatch(text[run[-1].end : copy.start])):
            run.append(copy)
            continue
        core = [i for i, c in enumerate(run) if c.foreign]
        if core:
            # The foreign words, and the words of a name around them ("Cornwall Council").
            first, last = core[0], core[-1]
            while first > 0 and (run[first - 1].name or run[first - 1].leaning):
                first -= 1
            while last < len(run) - 1 and (run[last + 1].name or run[last + 1].leaning):
                last += 1
            run = run[first : last + 1]
            if len(run) > 1 and " ".join(c.text.lower() for c in run) not in src_lower:
                yield from ([c] for c in run if c.foreign)
            else:
                yield run
        run = [copy] if copy is not None else []


def _judge(run: list[_Copy], has_ref: bool) -> tuple[Severity, str] | None:
    """Severity and reason for a run of copied words, or None when it is no damage."""
    foreign = [c for c in run if c.foreign]
    if not foreign or (len(run) == 1 and len(run[0].text) < SHORTEST - (not run[0].common)):
        return None  # "ft", "dpa": abbreviations and words too short to judge
    words = [c for c in foreign if not c.name]
    if not words:
        # Articles in a title ("Le Monde", "Der Spiegel") are no evidence.
        common = [c for c in foreign if c.common and not c.function and (c.strong or c.loan)]
        if has_ref and (any(c.strong for c in common) or len(common) > 1):
            return Severity.WARNING, "a name whose words the reference translates"
        if has_ref and any(c.strong for c in foreign):
            return Severity.INFO, "a name the reference writes otherwise"
        return None
    if all(c.function for c in words):
        if len(run) == 1:
            return None  # a lone function word: WC402 judges those in context
        if has_ref:
            return Severity.WARNING, "a name the reference translates"
        return Severity.INFO, "a name left in the source language"
    if all(c.doubtful for c in words):
        return Severity.INFO, "a noun of the source language, or a name"
    if len(run) == 1 and run[0].compound and not run[0].strong:
        return Severity.INFO, "a loanword in a compound; the reference does not use it"
    if any(c.strong or c.loan for c in words):
        if has_ref:
            return Severity.WARNING, "the reference translates it"
        return Severity.WARNING, "no word of the target language"
    return Severity.INFO, "a loanword the reference does not use"


