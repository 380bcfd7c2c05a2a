"""``--format junit``: a JUnit XML report, one test case per story.

A story with findings at or above ``--fail-on`` is a failed test case with one
``<failure>`` per such finding; findings below the gate are listed in the test case's
``<system-out>``. CI servers (GitLab, Jenkins, Azure Pipelines...) show the report as
test results. The report holds no timings, so a rerun gives the same file; text that
XML 1.0 cannot carry (control characters) is dropped.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from checker.model import Finding, Scores, StoryResult
from checker.output.base import Formatter, reaches
from checker.output.text import location, message_text, suggestion_text
from checker.serialize import Summary

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def xml_attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _describe(result: StoryResult, finding: Finding) -> str:
    return (
        f"{location(result, finding)}: {finding.rule} [{finding.severity}] {message_text(finding)}"
        f"{suggestion_text(finding)}\n  flagged text: {finding.text!r}"
    )


class JunitFormatter(Formatter):
    name = "junit"
    description = "JUnit XML: one test case per story, a failure per finding at the gate"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cases: list[str] = []
        self._failed = 0

    def story(self, result: StoryResult) -> None:
        failing = [f for f in result.findings if reaches(f, self.options.fail_on)]
        other = [f for f in result.findings if not reaches(f, self.options.fail_on)]
        self._failed += bool(failing)
        lines = [
            f"    <testcase classname={xml_attr('wirecheck.' + result.mt_path)} "
            f"name={xml_attr(result.id)} file={xml_attr(result.mt_path)}>"
        ]
        for finding in failing:
            message = f"{finding.rule} {finding.name}: {finding.message}"
            lines.append(
                f"      <failure message={xml_attr(message)} type={xml_attr(finding.rule)}>"
                f"{xml_text(_describe(result, finding))}</failure>"
            )
        if other:
            listing = "\n".join(_describe(result, f) for f in other)
            lines.append(f"      <system-out>{xml_text(listing)}</system-out>")
        lines.append("    </testcase>")
        self._cases.append("\n".join(lines))

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        total = len(self._cases)
        counts = f'tests="{total}" failures="{self._failed}" errors="0" skipped="0"'
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(f'<testsuites name="wirecheck" {counts}>\n')
        self.stream.write(
            f'  <testsuite name="wirecheck" {counts}>\n'
            "    <properties>\n"
        )
        for key, value in sorted(signature.items()):
            self.stream.write(
                f"      <property name={xml_attr('wirecheck.' + key)} value={xml_attr(value)}/>\n"
            )
        self.stream.write("    </properties>\n")
        for case in self._cases:
            self.stream.write(case + "\n")
        self.stream.write("  </testsuite>\n</testsuites>\n")
