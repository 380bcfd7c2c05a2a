"""Pairing rules (WC622-WC623): brackets that do not close, questions that became answers.

Brackets are matched within a paragraph (news copy never carries a bracket across
paragraphs). End punctuation is compared per aligned unit with the source, or with the
reference when there is no source: a question in the source that the MT states as a
fact (or the reverse) changes what the sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
# A closing bracket that is not one: list markers "1)", "a)", "iv)" and emoticons ":)".
_NOT_A_CLOSER = regex.compile(
    r"(?:(?<=^|\s)(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)|[:;=][-'^]?[)\]])",
    regex.MULTILINE,
)
_NOT_AN_OPENER = regex.compile(r"[:;=][-'^]?[(\[]")
_BRACKET = re.compile(r"[][(){}]")
_QUESTION = frozenset("?？؟;")  # ";" is the Greek question mark
_CLOSERS = "\"'”’»›)]}* \t\u00a0"


class UnpairedBracket(Rule):
    """Finds a bracket that is never closed, or closed without being opened, in a paragraph.

    Round, square and curly brackets are matched within each paragraph. List markers
    ("1)", "a)") and emoticons (":)") are not brackets. The finding points at the lone
    mark.

    ## Why it matters
    An engine that drops or reorders part of a parenthesis leaves its other half
    behind; the sentence then reads wrongly, and a bracket left open can swallow the
    rest of a web page's paragraph.

    ## Example
    `The central bank (ECB raised its rate on Thursday.`

    ## Use instead
    `The central bank (ECB) raised its rate on Thursday.`
    """

    code = "WC622"
    name = "unpaired-bracket"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Close or remove the bracket"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        if not _BRACKET.search(text):
            return
        # Both patterns end with a bracket: a text without one has no marker to find.
        markers = (
            {m.end() - 1 for m in _NOT_A_CLOSER.finditer(text)}
            if ")" in text or "]" in text else set()
        )
        skip = (
            {m.end() - 1 for m in _NOT_AN_OPENER.finditer(text)}
            if "(" in text or "[" in text else set()
        )
        for start, end in story.mt.paragraphs:
            stack: list[int] = []
            for bracket in _BRACKET.finditer(text, start, end):
                index = bracket.start()
                char = text[index]
                if index in skip:
                    continue
                if index in markers:
                    # "1)", "a)" close an open bracket ("(from L)"), else mark a list item.
                    if stack and text[stack[-1]] == _CLOSE[char]:
                        stack.pop()
                    continue
                if char in _OPEN:
                    stack.append(index)
                elif stack and text[stack[-1]] == _CLOSE[char]:
                    stack.pop()
                else:
                    yield Hit(index, index + 1, f"'{char}' closes a bracket that was never opened")
                    stack.clear()  # one finding per confusion, not a cascade
            for index in stack:
                yield Hit(index, index + 1, f"'{text[index]}' is never closed in its paragraph")


def _ends_as_question(text: str) -> bool | None:
    """True/False for a sentence that ends as a question or not; None without an ending."""
    stripped = text.rstrip(_CLOSERS)
    if not stripped:
        return None
    last = stripped[-1]
    if last in _QUESTION:
        return last != ";" or bool(regex.search(r"\p{Greek}", stripped))
    if last in ".!…:":
        return False
    return None


class QuestionMismatch(Rule):
    """Finds aligned units that end as a question on one side and a statement on the other.

    The MT unit is compared with its aligned source (or reference, when the story has
    no source). Only units with text on both sides and an end mark on both are
    compared; exclamation and full stop count alike.

    ## Why it matters
    Turning "Will the ceasefire hold?" into "The ceasefire will hold." reverses what a
    headline or a quote says; it is a meaning error that scores barely notice.

    ## Example
    Source `¿Subirá el BCE los tipos en julio?`, MT `The ECB will raise rates in July.`

    ## Use instead
    `Will the ECB raise rates in July?`
    """

    code = "WC623"
    name = "question-mismatch"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Restore the question (or the statement)"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for unit in story.units:
            counterpart = unit.counterpart()
            if counterpart is None or unit.mt_start is None or unit.mt_end is None:
                continue
            other, label = counterpart
            mt_q, other_q = _ends_as_question(unit.mt), _ends_as_question(other)
            if mt_q is None or other_q is None or mt_q == other_q:
                continue
            end = unit.mt_start + len(unit.mt.rstrip(_CLOSERS))
            message = (
                f"the {label} ends as a statement but the MT asks a question"
                if mt_q
                else f"the {label} asks a question but the MT ends as a statement"
            )
            yield Hit(end - 1, end, message, unit=unit.index)
