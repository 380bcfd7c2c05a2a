"""``--format text``: one line per finding, like the linters people know."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from checker.errors import one_line
from checker.model import Finding, Scores, Severity, StoryResult
from checker.output.base import Formatter
from checker.serialize import Summary

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _plural(count: int, severity: Severity) -> str:
    word = severity.value
    return f"{count} {word}" if count == 1 or severity is Severity.INFO else f"{count} {word}s"


def units_text(aligned: int, scores: Scores) -> str:
    """``35 aligned units, 30 scored``: every unit of the alignment, and those the scores
    cover (text on both the MT and the reference side; see :class:`Scores`)."""
    word = "unit" if aligned == 1 else "units"
    return f"{aligned} aligned {word}, {scores.units} scored"


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


@dataclass(frozen=True)
class FilePosition:
    """Where a finding is in the file the story was read from.

    Columns are ``None`` when the story text was extracted (a JSON Lines feed, an XML
    element), so that no column in the file matches; ``element`` then names the XML
    element and ``element_column`` the 1-based column inside its text.
    """

    line: int
    column: int | None
    end_line: int
    end_column: int | None
    element: str | None = None
    element_column: int | None = None


def is_feed(result: StoryResult) -> bool:
    return result.mt_path.endswith((".jsonl", ".ndjson"))


def file_position(result: StoryResult, finding: Finding) -> FilePosition:
    """The finding's position in the original file (see :class:`FilePosition`)."""
    if result.origin:
        index = max(bisect.bisect_right([o[0] for o in result.origin], finding.start) - 1, 0)
        offset, line, label = result.origin[index]
        column = finding.start - offset + 1
        return FilePosition(line, None, line, None, label, column)
    if is_feed(result):
        return FilePosition(result.mt_line, None, result.mt_line, None)
    line = finding.line + result.mt_line - 1
    breaks = finding.text.count("\n")
    if breaks:
        end_column = len(finding.text) - finding.text.rfind("\n")
    else:
        end_column = finding.column + len(finding.text)
    return FilePosition(line, finding.column, line + breaks, end_column)


def location(result: StoryResult, finding: Finding) -> str:
    """``path:line:col`` in the file; for a feed line, ``path:feedline[id line:col]``; for
    XML, ``path:line[element col N]`` with the line where the element starts."""
    if result.origin:
        where = file_position(result, finding)
        return f"{result.mt_path}:{where.line}[{where.element} col {where.element_column}]"
    if is_feed(result):
        return f"{result.mt_path}:{result.mt_line}[{result.id} {finding.line}:{finding.column}]"
    return f"{result.mt_path}:{finding.line + result.mt_line - 1}:{finding.column}"


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut in the middle with ``…`` when longer than ``limit``."""
    if "\n" in text:
        text = " ".join(text.split())
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def describe_fix(finding: Finding) -> str:
    """What applying the suggestion does: ``'the AFP' → 'AFP'``, ``delete '-'``."""
    if finding.suggestion == "":
        return f"delete {shorten(finding.text)!r}"
    return f"{shorten(finding.text)!r} → {shorten(finding.suggestion or '')!r}"


def suggestion_text(finding: Finding) -> str:
    """`` (fix: 'the AFP' → 'AFP')``; empty without a suggestion that changes the text."""
    if finding.suggestion is None or finding.suggestion == finding.text:
        return ""
    return f" (fix: {describe_fix(finding)})"


_DELETE_HINTS = ("; delete it", ", delete it")


def message_text(finding: Finding) -> str:
    """The finding's message, without a closing "delete it" that the fix already says."""
    if finding.suggestion == "":
        for hint in _DELETE_HINTS:
            if finding.message.endswith(hint):
                return finding.message[: -len(hint)]
    return finding.message


class TextFormatter(Formatter):
    name = "text"
    description = "one line per finding and a score line per story, for people"

    def story(self, result: StoryResult) -> None:
        colour = self.options.color
        if not self.options.quiet:
            for finding in result.findings:
                severity = _paint(f"[{finding.severity}]", _COLOURS[finding.severity], colour)
                code = _paint(finding.rule, "1", colour)
                message = one_line(f"{message_text(finding)}{suggestion_text(finding)}")
                self.stream.write(
                    f"{one_line(location(result, finding))}: {code} {severity} {message}\n"
                )
        pair = f"{result.src_lang}→{result.lang}" if result.src_lang else result.lang
        counts = ", ".join(
            _plural(result.count(s), s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        scores = result.scores
        line = (
            f"{result.mt_path}: story {result.id} ({pair}): "
            f"{units_text(len(result.units), scores)}: "
            f"BLEU {_score(scores.bleu)} chrF {_score(scores.chrf)}"
            + (f" TER {_score(scores.ter)}" if scores.ter is not None else "")
            + (f" figure {_score(result.triage)}" if result.triage is not None else "")
            + f"; {counts}"
        )
        if not self.options.quiet:
            self.stream.write(_paint(one_line(line), "2", colour) + "\n")

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        if self.options.statistics:
            self.stream.write("\n")
            for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                self.stream.write(f"{count:6d}  {code}  {summary.names.get(code, '')}\n")
        by = summary.by_severity
        self.stream.write(
            f"\n{summary.stories} {'story' if summary.stories == 1 else 'stories'}, "
            f"{units_text(summary.units, scores)}: "
            f"{_plural(by['error'], Severity.ERROR)}, {_plural(by['warning'], Severity.WARNING)}, "
            f"{by['info']} info. "
            f"Corpus BLEU {_score(scores.bleu)} chrF {_score(scores.chrf)}"
            + (f" TER {_score(scores.ter)}" if scores.ter is not None else "")
            + "\n"
        )
        if scores.signature:
            self.stream.write(f"sacreBLEU: {scores.signature.get('bleu', '')}\n")
        self.stream.write(f"wirecheck: {signature.get('hash', '')} (run signature)\n")
