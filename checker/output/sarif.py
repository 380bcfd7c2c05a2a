"""``--format sarif``: a SARIF 2.1.0 log for code-scanning dashboards.

One run; ``tool.driver.rules`` describes every registered rule (summary, full
documentation, default level); each finding is a result with a physical location in the
MT file: line, column (Unicode code points, ``columnKind``) and character offset for
plain-text stories; the element's or feed line's line, a logical location naming the
XML element, and the flagged text as snippet for extracted stories. Findings a baseline
records are kept, marked with an external suppression. Results are written as stories
finish (one per line), so the log streams like ``jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.baseline import fingerprint, occurrence_keys
from checker.model import Finding, Scores, Severity, StoryResult
from checker.output.base import Formatter
from checker.output.text import file_position
from checker.rules import all_rules
from checker.serialize import Summary, scores_dict

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a story file: relative paths stay relative, with ``/``."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")


def rule_descriptors() -> list[dict[str, Any]]:
    """``reportingDescriptor`` objects for every registered rule, in code order."""
    descriptors = []
    for rule in all_rules():
        documentation = rule.documentation()
        properties: dict[str, Any] = {"category": str(rule.category), "tags": [str(rule.category)]}
        if rule.fix_title:
            properties["fix"] = rule.fix_title
        if rule.languages:
            properties["languages"] = sorted(rule.languages)
        descriptors.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": documentation},
                "help": {"text": documentation, "markdown": documentation},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": properties,
            }
        )
    return descriptors


class SarifFormatter(Formatter):
    name = "sarif"
    description = "SARIF 2.1.0 log: rules and results with physical locations"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rules = rule_descriptors()
        self._index = {d["id"]: i for i, d in enumerate(self._rules)}
        self._started = False
        self._first_result = True

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        driver = {
            "name": "wirecheck",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": self._rules,
        }
        head = {"$schema": SCHEMA, "version": "2.1.0"}
        run_head = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"}
        # Write everything up to the results array; results follow as stories finish.
        self.stream.write(json.dumps(head, ensure_ascii=False)[:-1])
        self.stream.write(', "runs": [')
        self.stream.write(json.dumps(run_head, ensure_ascii=False)[:-1])
        self.stream.write(', "results": [')

    def story(self, result: StoryResult) -> None:
        self._start()
        keys = occurrence_keys(result)
        known = {id(f) for f in result.baselined}
        for finding in sorted((*result.findings, *result.baselined), key=_order):
            entry = self.result(result, finding, keys[id(finding)])
            if id(finding) in known:
                entry["suppressions"] = [
                    {"kind": "external", "status": "accepted",
                     "justification": "recorded in the wirecheck baseline"}
                ]
            self.stream.write("\n" if self._first_result else ",\n")
            self._first_result = False
            self.stream.write(json.dumps(entry, ensure_ascii=False))

    def result(self, story: StoryResult, finding: Finding, key: tuple[str, ...]) -> dict[str, Any]:
        where = file_position(story, finding)
        region: dict[str, Any] = {"startLine": where.line}
        if where.column is not None and where.end_column is not None:
            region.update(startColumn=where.column, endLine=where.end_line,
                          endColumn=where.end_column)
            if story.mt_line == 1:
                region.update(charOffset=finding.start, charLength=finding.end - finding.start)
        region["snippet"] = {"text": finding.text}
        uri = artifact_uri(story.mt_path)
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}
        }
        if where.element is not None:
            location["logicalLocations"] = [
                {"name": where.element, "fullyQualifiedName": f"{story.id}/{where.element}",
                 "kind": "element"}
            ]
        message = finding.message
        if finding.suggestion is not None:
            message += " (suggestion: delete it)" if finding.suggestion == "" else (
                f" (suggestion: {finding.suggestion!r})"
            )
        entry: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [location],
            "partialFingerprints": {"wirecheckFinding/v1": fingerprint(key)},
            "properties": {
                "story": story.id,
                "start": finding.start,
                "end": finding.end,
                "category": str(finding.category),
                **({"concept": finding.concept} if finding.concept else {}),
                **({"unit": finding.unit} if finding.unit is not None else {}),
            },
        }
        if finding.rule in self._index:
            entry["ruleIndex"] = self._index[finding.rule]
        if finding.suggestion is not None and "charOffset" in region:
            rule = self._rules[self._index[finding.rule]] if finding.rule in self._index else {}
            title = rule.get("properties", {}).get("fix") or "Apply the suggestion"
            entry["fixes"] = [
                {
                    "description": {"text": title},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": finding.start,
                                                      "charLength": finding.end - finding.start},
                                    "insertedContent": {"text": finding.suggestion},
                                }
                            ],
                        }
                    ],
                }
            ]
        return entry

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        self._start()
        tail = {
            "invocations": [{"executionSuccessful": True}],
            "properties": {
                "stories": summary.stories,
                "findingsByRule": dict(sorted(summary.by_rule.items())),
                "scores": scores_dict(scores),
                "signature": dict(signature),
            },
        }
        self.stream.write("\n], ")
        self.stream.write(json.dumps(tail, ensure_ascii=False)[1:])
        self.stream.write("]}\n")


def _order(finding: Finding) -> tuple[int, int, str]:
    return finding.start, finding.end, finding.rule

