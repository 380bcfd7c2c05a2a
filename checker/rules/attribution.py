"""Attribution rules (WC220, WC221): how a quotation is attributed, beyond stray fragments.

WC201 (in :mod:`checker.rules.artefacts`) finds fragments of an attribution glued to a
dash or repeated; these rules find a quotation attributed twice in one sentence, and
the source language's way of naming whom something was said to ("declared to AFP").
Speech verbs and pronouns come from the ``attribution`` table of
``checker/rules/langdata/<lang>.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.artefacts import expand
from checker.rules.base import Hit, Rule

_ARTICLES = {
    "en": ["the"], "fr": ["la", "le", "les", "l'", "l’"], "es": ["el", "la", "los", "las"],
    "de": ["der", "die", "das"], "it": ["il", "la", "lo", "l'", "l’"], "pt": ["o", "a", "os", "as"],
}
_NAME = r"(?-i:\p{Lu})[\p{L}.'’-]+(?:\s+(?-i:\p{Lu})[\p{L}.'’-]+){0,2}"
_CLOSE = "”»\"“"
_OPEN = "“«\"„"


def _clause(lang: str) -> str:
    """An attribution clause: "he says", "adds the chamber", "Mr Hong said", "a-t-il dit"."""
    data = langdata.section(lang, "attribution")
    templates = "|".join(expand(t, data) for t in data.get("patterns", []))
    verb = langdata.alternation([*data.get("verbs", []), *data.get("present", [])])
    article = langdata.alternation(_ARTICLES.get(lang, []))
    subject = rf"(?:{article}\s*[\p{{L}}-]+(?:\s+[\p{{L}}-]+){{0,3}}|{_NAME})"
    return (
        rf"(?:{templates}|{verb}\s+{subject}|{subject}\s+{verb})"
        if templates else rf"(?:{verb}\s+{subject}|{subject}\s+{verb})"
    )


class DoubleAttribution(Rule):
    """Finds a quotation attributed twice in one sentence: "“…,” adds the chamber, “…,” he says".

    French and Spanish copy can split a quotation around one attribution and add a second
    after it; translated word for word, the English sentence attributes the same quote
    twice. The rule looks for quotation, attribution, comma, quotation, attribution and
    a sentence end, and flags the second attribution. A normal split quotation
    ("“…,” he said, “….”") has no second attribution and is left alone. In English it
    also flags an attribution with two subjects after a quotation ("“…,” he says the
    deputy"), for speech verbs that take no object (`attribution.takes_object` lists
    those that do: "he told the minister").

    ## Why it matters
    The sentence reads as two speakers or as an editing error; one attribution must go.

    ## Example
    `“The costs will rise,” adds the chamber, “and jobs will go,” he points out.`

    ## Use instead
    `“The costs will rise,” the chamber says. “And jobs will go.”`
    """

    code = "WC220"
    name = "double-attribution"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Keep one attribution"
    fix_applicability = "none"
    languages = langdata.languages_with("attribution")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _double_attribution)
        self.double_subject = langdata.PerLanguage(self.languages, _double_subject)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        for match in pattern.finditer(story.text):
            first = match.group("first")
            yield Hit(
                match.start("second"), match.end("second"),
                f"second attribution '{match.group('second').strip()}' for a quotation "
                f"already attributed ('{first}')",
            )
        double = self.double_subject.get(story.lang)
        if double is None:
            return
        for match in double.finditer(story.text):
            clause = match.group("clause")
            if clause.rsplit(None, 1)[-1].lower() in _TIME_NOUNS:
                continue  # "she said the day before", "he said a week later"
            yield Hit(
                match.start("clause"), match.end("clause"),
                f"attribution '{clause}' has two subjects (a pronoun and a noun)",
            )


# -- WC221 ---------------------------------------------------------------------------------
_TIME_NOUNS = frozenset(
    ["day", "days", "next", "following", "previous", "last", "same", "other", "night",
     "morning", "evening", "afternoon", "week", "weekend", "month", "year", "time", "moment",
     "while", "minute", "hour", "decade", "century", "first", "second", "third", "latter"]
)
_MEDIA = ["newspaper", "daily", "weekly", "magazine", "radio", "channel", "station",
          "broadcaster", "television", "news agency", "agency", "website"]
_DASHED = regex.compile(r"[-–][ \t]?\p{L}+[ \t]+$")
_TOLD = frozenset(
    ["said", "declared", "stated", "indicated", "specified", "affirmed", "assured", "confided"]
)


class ChannelCalque(Rule):
    """Finds "declared to AFP": a speech verb, "to" and the medium, calqued from French or Spanish.

    French "a-t-il déclaré à l'AFP" and Spanish "dijo a EFE" name whom it was said to
    after the verb; English says "told AFP". The rule flags a speech verb of the
    `attribution.calqued` list of the target language followed by "to" and an agency
    or a medium ("to the newspaper Le Monde"); the suggestion is "told …" when the verb
    only means saying ("said", "declared", "indicated"…). German's dative read as a
    genitive is flagged too: "said Merz of the “FAZ”", "said the minister of the weekly
    newspaper" (a quoted medium, or a medium noun ending the clause; "John Smith of the
    University of Oxford" is left alone).

    ## Why it matters
    "He declared to AFP" is unidiomatic English and marks the copy as translated.

    ## Example
    `“Prices will rise,” she added to Reuters.`, `he declared to AFP.`

    ## Use instead
    `“Prices will rise,” she told Reuters.`, `he told AFP.`
    """

    code = "WC221"
    name = "attribution-channel-calque"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Use 'told' and the medium"
    fix_applicability = "unsafe"
    languages = frozenset(
        lang for lang in langdata.languages_with("attribution")
        if langdata.section(lang, "attribution").get("calqued")
    )

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.patterns = langdata.PerLanguage(self.languages, _channel_calque)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        compiled = self.patterns.get(story.lang)
        if compiled is None:
            return
        pattern, genitive, hints = compiled
        text = story.text
        calque_hint, genitive_hint = hints
        for match in genitive.finditer(text) if genitive_hint.search(text) else ():
            yield Hit(
                match.start("calque"), match.end("calque"),
                f"'{match.group('calque')}' after the speaker calques a German dative "
                "(\"sagte er der FAZ\"); English writes 'told …'",
            )
        for match in pattern.finditer(text) if calque_hint.search(text) else ():
            if _DASHED.search(text, max(0, match.start() - 12), match.start()):
                continue  # "-he declared to AFP": a stray fragment, WC201 deletes it whole
            verb, who = match.group("verb"), match.group("who")
            suggestion = None
            if verb.lower() in _TOLD:
                medium = regex.sub(r"^the\s+(?=(?-i:\p{Lu}))", "", who)
                suggestion = f"told {medium}"
            yield Hit(
                match.start(), match.end(),
                f"'{verb} to {who}' is calqued; English writes 'told {who}'",
                suggestion=suggestion,
            )


_Patterns = tuple[regex.Pattern[str], regex.Pattern[str]]


def _channel_calque(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str], _Patterns]:
    """A speech verb calqued with "to" before the medium, and a genitive medium, in
    ``lang``; then what every match of each holds ("to AFP", "of the daily"), which rules
    most texts out faster than the patterns themselves."""
    names = sorted({f for a in langdata.agencies() for f in [a["name"], *a.get("forms", [])]
                    if not f.startswith("(")})
    verbs = langdata.section(lang, "attribution").get("calqued", [])
    followers = [*langdata.section(lang, "agency_article").get("followers", []), "and", "but"]
    # The medium ends the clause ("to AFP.", "to AFP on Friday"); "added to the AFP
    # budget" is a noun phrase. Passives ("was added to") are not attributions.
    end = rf"(?=\s*(?:[.,;:!?”\"»)]|$)|\s+{langdata.alternation(followers)}(?![\p{{L}}]))"
    pattern = regex.compile(
        r"(?<![\p{L}])(?<!(?:was|were|been|being|be|is|are)\s+)"
        rf"(?P<verb>{langdata.alternation(verbs)})\s+to\s+"
        rf"(?P<who>(?:the\s+)?(?-i:{langdata.alternation(names)})(?![\p{{L}}])"
        rf"|the\s+{langdata.alternation(_MEDIA)}\s+{_NAME}){end}",
        regex.IGNORECASE | regex.V0,
    )
    data = langdata.section(lang, "attribution")
    speech = langdata.alternation([*data.get("verbs", []), *data.get("present", [])])
    genitive = regex.compile(
        rf"(?<![\p{{L}}])(?:{speech})\s+(?:{_NAME}|the\s+[\p{{L}}-]+(?:\s+[\p{{L}}-]+)?)"
        rf",?\s+(?P<calque>of\s+the\s+(?:[“\"][^”\"\n]{{1,40}}[”\"]"
        rf"|(?:weekly\s+|daily\s+)?{langdata.alternation(_MEDIA)}(?=\s*[.,;:!?]|$)))",
        regex.IGNORECASE | regex.V0,
    )
    media = langdata.alternation(_MEDIA)
    hints = (
        regex.compile(rf"to\s+(?:the\s+)?(?:(?-i:{langdata.alternation(names)})|{media})",
                      regex.IGNORECASE | regex.V0),
        regex.compile(rf"of\s+the\s+(?:[“\"]|(?:weekly\s+|daily\s+)?{media})",
                      regex.IGNORECASE | regex.V0),
    )
    return pattern, genitive, hints


def _double_attribution(lang: str) -> regex.Pattern[str]:
    """A quotation, an attribution, another quotation and a second attribution."""
    clause = _clause(lang)
    return regex.compile(
        rf"[{_CLOSE}][ \t]*,?[ \t]+(?P<first>{clause})[ \t]*,[ \t]*[{_OPEN}]"
        rf"[^{_CLOSE}\n]{{1,500}}?[{_CLOSE}][ \t]*,?(?P<second>[ \t]+{clause})"
        r"[ \t]*(?=[.!?])",
        regex.IGNORECASE | regex.V0,
    )


def _double_subject(lang: str) -> regex.Pattern[str] | None:
    """"…,” he says the deputy": a pronoun and a noun phrase both as the subject."""
    data = langdata.section(lang, "attribution")
    if "takes_object" not in data:
        return None
    objects = set(data["takes_object"])
    verbs = [v for v in [*data.get("verbs", []), *data.get("present", [])]
             if v not in objects and " " not in v]
    return regex.compile(
        rf"[{_CLOSE}][ \t]*,?[ \t]+(?P<clause>{langdata.alternation(data['pronouns'])}"
        rf"[ \t]+{langdata.alternation(verbs)}[ \t]+(?-i:the|a|an)[ \t]+\p{{L}}+)",
        regex.IGNORECASE | regex.V0,
    )
