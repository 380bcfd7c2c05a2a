"""Inline codes (WC624): XLIFF tags and placeholders lost, added or doubled by the MT.

The XLIFF reader keeps each unit's inline codes as plain data on the story
(:attr:`checker.model.StoryInput.codes`); this rule compares the codes of each unit's
source with those of its target. Any story with a source also has its placeholders
written as text (``{0}``, ``{name}``, ``{{name}}``, ``%s``, ``%1$d``, ``%(name)s``)
compared, story-wide, with the source's.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator

import regex

from checker.context import StoryContext
from checker.model import Category, InlineCode, Severity, UnitCodes
from checker.rules.base import Hit, Rule

# XLIFF 2 lets a spanning code be written as one <pc> or as a <sc>/<ec> pair (a target
# may join what the source split across segments): both give a start and an end.
_PAIRED_V2 = {"pc": ("start", "end"), "sc": ("start",), "ec": ("end",)}
_WORD = regex.compile(r"\S+")
# Placeholders of software strings and templates, written as text: ICU/.NET "{0}",
# "{name}", Mustache/Jinja "{{ name }}", printf "%s", "%1$d", Python "%(name)s".
_PLACEHOLDER = regex.compile(
    r"\{\{\s*[\w.]+\s*\}\}|\{\d{1,2}\}|\{[A-Za-z_][\w.]*\}"
    r"|(?<![\w%])%(?:\d\$)?[sd](?!\w)|(?<![\w%])%\([A-Za-z_]\w*\)[sd]"
)


def _keys(code: InlineCode) -> tuple[tuple[str, str], ...]:
    """What a code counts as when source and target are compared."""
    return tuple((part, code.id) for part in _PAIRED_V2.get(code.kind, (code.kind,)))


def describe(code: InlineCode) -> str:
    """``<ph id="1">`` and, when known, what the code stands for."""
    name = f'<{code.kind} id="{code.id}">' if code.id else f"<{code.kind}>"
    return f"{name} ({code.equiv})" if code.equiv else name


def _stands_for_a_character(code: InlineCode) -> bool:
    """Whether the code only stands for one printable character (``&#39;``, ``&amp;``)."""
    text = html.unescape(code.equiv)
    return len(text) == 1 and not text.isspace() and text != "<"


def _word_at(text: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """The word at or after ``offset`` within ``text[start:end]``, else the one before."""
    after = _WORD.search(text, offset, end)
    if after is not None:
        return after.start(), after.end()
    before = [m for m in _WORD.finditer(text, start, offset)]
    if before:
        return before[-1].start(), before[-1].end()
    return start, end


class InlineCodeMismatch(Rule):
    """Finds XLIFF inline codes of a source unit that its target lacks, doubles or adds.

    Every tag and placeholder of a translation unit's source (XLIFF 1.2 `x`, `bx`, `ex`,
    `g`, `ph`, `bpt`, `ept`, `it`; XLIFF 2 `ph`, `pc`, `sc`, `ec`) must appear in its
    target as often as in the source, with the same id. A code missing from the target
    is reported on the unit's text in the MT (unless it only stands for one character,
    such as an escaped apostrophe, which the target language may not need); a code the
    target has more often than the source (a duplicate, or one the source does not have)
    is reported on the word where it sits. XLIFF 2's `<pc>` counts as a `<sc>`/`<ec>`
    pair, so a target that joins or splits a spanning code is not flagged. Codes keep
    their order freedom: moving a code is not a finding. Only units whose target has
    text are compared; stories read from other formats have no codes. In any story with
    a source, placeholders written as text (`{0}`, `{name}`, `{{name}}`, `%s`, `%1$d`,
    `%(name)s`) are counted over the whole story: one the translation lacks is reported
    on the aligned unit whose source has it, one it adds on the placeholder.

    ## Why it matters
    Inline codes carry links, bold type, line breaks and variables. A target that
    drops one loses the link or the break when the file is merged back (or fails to
    merge at all); a doubled one repeats a link or a variable. Every CAT tool's QA
    checks this; machine translation drops codes it cannot place.

    ## Example
    Source `<source>Read the <g id="1">full report</g> here.</source>`, target
    `<target>Lisez le rapport complet ici.</target>`.

    ## Use instead
    `<target>Lisez le <g id="1">rapport complet</g> ici.</target>`
    """

    code = "WC624"
    name = "inline-code-mismatch"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    fix_title = "Restore the source's inline codes in the target"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for unit in story.story.codes:
            if not unit.has_target or unit.mt_start is None or unit.mt_end is None:
                continue
            yield from _compare(story.text, unit)
        if story.src is not None:
            yield from _placeholders(story)


def _key(token: str) -> str:
    return regex.sub(r"\s+", "", token)


def _placeholders(story: StoryContext) -> Iterator[Hit]:
    """Text placeholders the MT lacks (on the unit whose source has them) or adds."""
    assert story.src is not None
    source = Counter(_key(m.group()) for m in _PLACEHOLDER.finditer(story.src.text))
    found = list(_PLACEHOLDER.finditer(story.text))
    target = Counter(_key(m.group()) for m in found)
    if source == target:
        return
    for token, count in source.items():
        if target[token] >= count:
            continue
        unit = next((u for u in story.units if u.mt_start is not None and u.mt_end is not None
                     and u.mt.strip() and any(_key(m.group()) == token
                                              for m in _PLACEHOLDER.finditer(u.src))), None)
        if unit is not None and unit.mt_start is not None and unit.mt_end is not None:
            start, end = unit.mt_start, unit.mt_end
            while end > start and story.text[end - 1].isspace():
                end -= 1
            yield Hit(start, end, f"placeholder {token!r} of the source is missing from the "
                      "translation")
    seen: Counter[str] = Counter()
    for match in found:
        token = _key(match.group())
        seen[token] += 1
        if seen[token] > source[token]:
            problem = "not in the source" if not source[token] else "more often than in the source"
            yield Hit(match.start(), match.end(),
                      f"placeholder {match.group()!r} appears in the translation {problem}")


def _compare(text: str, unit: UnitCodes) -> Iterator[Hit]:
    assert unit.mt_start is not None and unit.mt_end is not None
    source: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], InlineCode] = {}
    for code in unit.source:
        for key in _keys(code):
            source[key] += 1
            first.setdefault(key, code)
    target: Counter[tuple[str, str]] = Counter()
    missing_codes: list[InlineCode] = []
    seen_missing: set[int] = set()
    for code in unit.target:
        for key in _keys(code):
            target[key] += 1
    for key, count in source.items():
        code = first[key]
        if _stands_for_a_character(code):
            continue  # an escaped apostrophe or ampersand: the translation may not need it
        if target[key] < count and id(code) not in seen_missing:
            seen_missing.add(id(code))
            missing_codes.append(code)
    if missing_codes:
        names = ", ".join(describe(code) for code in missing_codes)
        plural = "s" if len(missing_codes) > 1 else ""
        where = unit.label.rsplit("[", 1)
        label = f"{where[0]} {where[1].rstrip(']')}" if len(where) == 2 else unit.label
        yield Hit(unit.mt_start, unit.mt_end,
                  f"inline code{plural} of the source missing from the target of {label}: "
                  f"{names}")
    counted: Counter[tuple[str, str]] = Counter()
    for code in unit.target:
        keys = _keys(code)
        for key in keys:
            counted[key] += 1
        if not any(counted[key] > source[key] for key in keys):
            continue
        offset = code.offset if code.offset is not None else unit.mt_start
        start, end = _word_at(text, offset, unit.mt_start, unit.mt_end)
        problem = "not in the source" if not any(source[k] for k in keys) else \
            "more often than in the source"
        yield Hit(start, end, f"inline code {describe(code)} appears in the target {problem}")
