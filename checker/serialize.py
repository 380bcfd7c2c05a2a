"""The public JSON shape of results (format version 1), shared by every JSON output.

See "JSON output" in the README for the contract; tests keep the two in step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from checker.model import Finding, Scores, Severity, StoryResult, Unit

FORMAT_VERSION = 1


def scores_dict(scores: Scores) -> dict[str, Any]:
    return {
        "bleu": scores.bleu,
        "chrf": scores.chrf,
        "ter": scores.ter,
        "units": scores.units,
        "signature": dict(scores.signature),
    }


def unit_dict(unit: Unit) -> dict[str, Any]:
    return {
        "index": unit.index,
        "mt_start": unit.mt_start,
        "mt_end": unit.mt_end,
        "ref_start": unit.ref_start,
        "ref_end": unit.ref_end,
        "src_start": unit.src_start,
        "src_end": unit.src_end,
        "mt": unit.mt,
        "ref": unit.ref,
        "src": unit.src,
        "bleu": unit.bleu,
        "chrf": unit.chrf,
        "ter": unit.ter,
        "diff": [[op, text] for op, text in unit.diff],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "category": str(finding.category),
        "severity": str(finding.severity),
        "start": finding.start,
        "end": finding.end,
        "line": finding.line,
        "column": finding.column,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "concept": finding.concept,
        "unit": finding.unit,
    }


def story_dict(result: StoryResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "mt_path": result.mt_path,
        "ref_path": result.ref_path,
        "src_path": result.src_path,
        "lang": result.lang,
        "src_lang": result.src_lang,
        "scores": scores_dict(result.scores),
        "triage": result.triage,
        "segments": [unit_dict(u) for u in result.units],
        "findings": [finding_dict(f) for f in result.findings],
    }


class Summary:
    """Totals over a run, accumulated story by story (memory does not grow with findings)."""

    def __init__(self) -> None:
        self.stories = 0
        self.units = 0
        self.by_severity: Counter[str] = Counter({s.value: 0 for s in Severity})
        self.by_rule: Counter[str] = Counter()
        self.names: dict[str, str] = {}

    def add(self, result: StoryResult, findings: Iterable[Finding] | None = None) -> None:
        self.stories += 1
        self.units += len(result.units)
        for finding in result.findings if findings is None else findings:
            self.by_severity[finding.severity.value] += 1
            self.by_rule[finding.rule] += 1
            self.names[finding.rule] = finding.name

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    def as_dict(self, scores: Scores, signature: dict[str, str]) -> dict[str, Any]:
        return {
            "stories": self.stories,
            "segments": self.units,
            "findings": self.findings,
            "by_severity": dict(self.by_severity),
            "by_rule": dict(sorted(self.by_rule.items())),
            "scores": scores_dict(scores),
            "signature": dict(signature),
        }
