"""Artefact rules (WC2xx): pieces of the source's syntax left in the translation.

The speech verbs, pronouns and attribution patterns of each language come from
``checker/rules/langdata/<lang>.toml`` (table ``attribution``), the abbreviations that
may precede a lower-case word from its ``joins`` table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule
from checker.rules.boundaries import STOP_THEN_LOWER

# A dash glued to (or spaced before) an attribution, up to the end of its sentence.
_GLUED = (
    r"(?<![\p{{L}}\p{{N}}\-–])(?P<dash>[{dashes}])(?P<gap>[ \t]?)"
    r"(?P<frag>{attr})(?![\p{{L}}\-])"
    r"(?:(?P<tail>[^\n.!?«»“”\"]{{0,40}}?)(?P<stop>[.!?]|(?=\n)|\Z))?"
)
# An attribution standing alone as a sentence after a sentence end ("he said. He declared
# to AFP."), optionally naming whom it was said to.
_ALONE = (
    r"[.!?…][\"”»’)]?(?P<lead>[ \t]+)"
    r"(?P<frag>{attr}{recipient}?[.!?])(?=\s|\Z)"
)
# Whom it was said to: "to AFP", "a la AFP", "gegenüber der dpa".
_RECIPIENT = (
    r"(?:\s+(?:to|to the|a|a la|al|à|à la|der|dem|gegenüber|alla|ad"
    # the channel it was said on: "on X", "sur France Inter", "en Twitter", "auf X"
    r"|on|on the|in|in the|via|sur|dans|en|en el|auf|im|in der|bei|über|su|no|na)"
    r"\s+(?-i:\p{{Lu}})[\p{{L}}.'’-]*(?:\s+(?-i:\p{{Lu}})[\p{{L}}.'’-]*){{0,2}})"
)
_SENTENCE_END = ".!?…"
_CLOSING_QUOTES = "\"”»’)"


def expand(template: str, data: Mapping[str, Any]) -> str:
    """Turn ``"{aux}-t-{pronoun} {verb}"`` into a regex using the language's word lists."""
    out = template.replace(" ", r"\s+")
    for key, field in (("pronoun", "pronouns"), ("verb", "verbs"), ("aux", "aux"),
                       ("present", "present")):
        out = out.replace("{" + key + "}", langdata.alternation(data.get(field, [])))
    return out


@dataclass(frozen=True)
class AttributionPatterns:
    """The compiled attribution regexes of one language."""

    glued: regex.Pattern[str]
    alone: regex.Pattern[str]
    recipient: regex.Pattern[str]
    speech: regex.Pattern[str]
    time_word: regex.Pattern[str]

    @classmethod
    def of(cls, lang: str) -> AttributionPatterns:
        data = langdata.section(lang, "attribution")
        stamp = langdata.section(lang, "timestamp")
        attr = "(?:" + "|".join(expand(t, data) for t in data.get("patterns", [])) + ")"
        dashes = regex.escape(data.get("dashes", "-–"))
        words = [*data.get("verbs", []), *data.get("present", [])]
        flags = regex.IGNORECASE | regex.V0
        return cls(
            glued=regex.compile(_GLUED.format(dashes=dashes, attr=attr), flags),
            alone=regex.compile(_ALONE.format(attr=attr, recipient=_RECIPIENT.format()), flags),
            recipient=regex.compile(_RECIPIENT.format() + r"?\s*", flags),
            speech=regex.compile(
                r"(?<![\p{L}-])" + langdata.alternation(words) + r"(?![\p{L}])", flags
            ),
            time_word=regex.compile(
                r"(?<![\p{L}])"
                + langdata.alternation([*stamp.get("weekdays", []), *stamp.get("months", [])])
                + r"(?![\p{L}])",
                flags,
            ),
        )


def _clause_before(text: str, end: int) -> str:
    """The sentence that ends at ``end`` (from the previous sentence end or line start)."""
    line_start = text.rfind("\n", 0, end) + 1
    head = text[line_start:end].rstrip()
    while head and head[-1] in _CLOSING_QUOTES + _SENTENCE_END:
        head = head[:-1]
    cut = max(head.rfind(mark) for mark in _SENTENCE_END)
    return head[cut + 1 :]


def _ends_sentence(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends with a sentence end (possibly inside closing quotes)."""
    before = text[max(0, pos - 20) : pos].rstrip(" \t")
    if before.endswith(tuple(_CLOSING_QUOTES)):
        before = before[:-1]
    return before.endswith(tuple(_SENTENCE_END))


class StrayAttributionFragment(Rule):
    """Finds attribution fragments glued to a dash or repeated after the attribution.

    Wire copy in French, Spanish or German often puts the attribution after the quote,
    inverted ("a-t-il ajouté", "dijo él", "erklärte er"); engines translate it a second
    time, or keep the dash that joined it, leaving "he said. -he declared to AFP.". The
    rule looks for a speech verb of the target language with its pronoun right after a
    dash ("-he declared", "-a-t-il ajouté", "-dijo él", "-erklärte er"), or standing alone
    as a sentence after a sentence that already has one. Hyphenated names
    ("Kim Jong-un"), ranges ("2010-2011") and genuine attributions ("he added",
    "a-t-il ajouté" after a comma) are left alone.

    ## Why it matters
    The fragment is visible nonsense in the published story and doubles the attribution.

    ## Example
    `“… address both problems,” he said. -he declared to AFP.`

    ## Use instead
    `“… address both problems,” he said.` (the fix deletes ` -he declared to AFP.`; where
    the fragment is the only attribution, it drops the dash.)

    ## Languages
    Those whose data file has an `attribution` table (speech verbs, pronouns, patterns):
    en, fr, es, de, pt, it.
    """

    code = "WC201"
    name = "stray-attribution-fragment"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Delete the fragment (or its dash)"
    fix_applicability = "safe"
    languages = langdata.languages_with("attribution")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, AttributionPatterns.of)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        patterns = self.patterns.get(story.lang)
        if patterns is None:
            return
        text = story.text
        found: list[tuple[int, int]] = []
        for match in patterns.glued.finditer(text):
            hit = self._glued(text, match, patterns)
            if hit is not None:
                found.append((hit.start, hit.end))
                yield hit
        for match in patterns.alone.finditer(text):
            start, end = match.start("lead"), match.end("frag")
            if any(s < end and start < e for s, e in found):
                continue
            before = _clause_before(text, start)
            if not patterns.speech.search(before) or not any(q in before for q in "”»\"“"):
                continue  # only an attribution after a quotation's attribution is repeated
            fragment = match.group("frag")
            if patterns.time_word.search(fragment):
                continue  # "He wrote on Monday." dates an action; it is not a channel
            yield Hit(
                start, end,
                f"attribution '{fragment}' repeats the one before it; delete it",
                suggestion="",
            )

    @staticmethod
    def _glued(text: str, match: regex.Match[str], patterns: AttributionPatterns) -> Hit | None:
        dash_start = lead_start = match.start("dash")
        while lead_start > 0 and text[lead_start - 1] in " \t":
            lead_start -= 1
        end = match.end("stop") if match.group("stop") is not None else match.end("frag")
        fragment = text[match.start("frag") : end].strip()
        line_start = text.rfind("\n", 0, dash_start) + 1
        at_line_start = not text[line_start:dash_start].strip()
        after_sentence = _ends_sentence(text, lead_start)
        if at_line_start:
            # "- He said the plan..." is a bullet; only a line that is just the fragment
            # ("-he declared to AFP.") is junk.
            line_end = text.find("\n", end)
            rest = text[end : len(text) if line_end < 0 else line_end]
            tail = match.group("tail") or ""
            if match.group("gap") or match.group("stop") is None or rest.strip():
                return None
            if not patterns.recipient.fullmatch(tail):
                return None
            return Hit(
                dash_start, end,
                f"line is a stray attribution fragment '{fragment}'; delete it",
                suggestion="",
            )
        if match.group("gap") and not after_sentence:
            return None  # "pumps - he said" is a spaced dash in running text
        if after_sentence and patterns.speech.search(_clause_before(text, lead_start)):
            if match.group("stop") is None:  # the fragment runs on: where it ends is unclear
                return Hit(
                    dash_start, end,
                    f"stray attribution fragment '{fragment}' after a complete attribution",
                )
            return Hit(
                lead_start, end,
                f"stray attribution fragment '{text[dash_start:end]}' after a complete "
                "attribution; delete it",
                suggestion="",
            )
        return Hit(
            dash_start, match.end("frag"),
            f"dash glued to the attribution '{match.group('frag')}'; remove the dash",
            suggestion=match.group("frag"),
        )


# A capitalised word (part of a name), a full stop, then a lower-case word.
_JOIN = regex.compile(
    r"(?<![\p{L}\p{N}.\-])(?P<prev>\p{Lu}[\p{L}'’\-]*\p{L})\.[ \t]+"
    r"(?P<next>\p{Ll}[\p{Ll}'’\-]*)(?=[\s,;:.!?)]|\Z)"
)


class BrokenJoin(Rule):
    """Finds a sentence that runs into a fragment of another after a name.

    When an engine garbles a long name it often cuts it with a full stop and carries the
    rest over in lower case: "Korea Institute of Economic Analysis. defense, to the AFP.".
    The rule flags a capitalised word, a full stop and a lower-case word, unless the
    capitalised word is an abbreviation of the target language ("Inc. said", "Dr. med.",
    "Sr. del Río"); brand names such as "iPhone" after a full stop are left alone.

    ## Why it matters
    The name is wrong and the sentence is broken; the fix needs the source or the
    reference, so the span is flagged for a human to rewrite.

    ## Example
    `said Lee Sang-min, a researcher at the Korea Institute of Economic Analysis. defense,
    to the AFP.`

    ## Use instead
    `said Lee Sang-min, a researcher at the Korea Institute for Defense Analyses.`

    ## Options
    `abbreviations = ["Intl."]`: more capitalised abbreviations a lower-case word may follow.
    """

    code = "WC202"
    name = "broken-join"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Rewrite the name and join the sentence"
    fix_applicability = "none"

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.abbreviations = {
            lang: frozenset(langdata.section(lang, "joins").get("abbreviations", []))
            for lang in langdata.available()
        }
        extra = self.options.get("abbreviations", [])
        self.extra = frozenset(a.rstrip(".") for a in extra if isinstance(a, str))

    def check(self, story: StoryContext) -> Iterator[Hit]:
        known = self.abbreviations.get(story.lang, frozenset()) | self.extra
        if STOP_THEN_LOWER.search(story.text) is None:
            return
        for match in _JOIN.finditer(story.text):
            prev = match.group("prev")
            if prev in known or prev.capitalize() in known:
                continue
            yield Hit(
                match.start(), match.end(),
                f"lower-case '{match.group('next')}' after '{prev}.': the sentence runs "
                "into a fragment (a name cut in two?)",
            )
