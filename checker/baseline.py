"""Baselines: adopt wirecheck on an existing archive and gate only on new findings.

A baseline file records findings by story id, rule code and flagged text, plus an
occurrence number when the same rule flags the same text more than once in a story
(the first, second... in text order). Offsets are not recorded, so editing a story
elsewhere does not invalidate its entries. ``--write-baseline FILE`` writes one (JSON,
sorted, atomically); ``--baseline FILE`` moves the findings it records to
``StoryResult.baselined``, where they neither print nor fail the run, and reports the
entries of the stories checked that no longer match any finding.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.atomic import atomic_write_text
from checker.errors import InputError
from checker.model import Finding, StoryResult
from checker.safeio import check_text, loads, read_regular

FORMAT = 1
Key = tuple[str, str, str, int]
"""``(story id, rule code, flagged text, occurrence)``."""


def occurrence_keys(result: StoryResult) -> dict[int, Key]:
    """The baseline key of every finding of ``result`` (new and baselined), by ``id()``."""
    seen: Counter[tuple[str, str]] = Counter()
    keys: dict[int, Key] = {}
    everything = sorted(
        (*result.findings, *result.baselined), key=lambda f: (f.start, f.end, f.rule)
    )
    for finding in everything:
        occurrence = seen[finding.rule, finding.text]
        seen[finding.rule, finding.text] += 1
        keys[id(finding)] = (result.id, finding.rule, finding.text, occurrence)
    return keys


def fingerprint(key: Key) -> str:
    """A stable hash of a baseline key (SARIF ``partialFingerprints``)."""
    data = json.dumps(list(key), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


class Baseline:
    """Findings recorded in a baseline file; :meth:`apply` sets known ones apart."""

    def __init__(self, path: str | Path, entries: dict[str, set[tuple[str, str, int]]]) -> None:
        self.path = str(path)
        self.entries = entries
        self._matched: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
        self._checked: set[str] = set()

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        where = str(path)
        if not os.path.lexists(path):
            raise InputError(where, "baseline file does not exist")
        try:
            data = loads(read_regular(path).decode("utf-8"), where, "baseline")
        except UnicodeDecodeError:
            raise InputError(where, "baseline is not valid UTF-8") from None
        except json.JSONDecodeError as exc:
            raise InputError(where, f"baseline is not valid JSON: {exc.msg}", exc.lineno) from None
        if not isinstance(data, dict) or data.get("wirecheck_baseline") != FORMAT:
            raise InputError(where, f"not a wirecheck baseline (format {FORMAT})")
        records = data.get("findings")
        if not isinstance(records, list):
            raise InputError(where, "baseline has no 'findings' list")
        entries: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
        for number, record in enumerate(records, start=1):
            entries[_story(record, where, number)].add(_entry(record, where, number))
        return cls(path, dict(entries))

    def apply(self, result: StoryResult) -> StoryResult:
        """``result`` with the findings this baseline records moved to ``baselined``."""
        self._checked.add(result.id)
        known = self.entries.get(result.id)
        if not known:
            return result
        keys = occurrence_keys(result)
        new: list[Finding] = []
        old: list[Finding] = list(result.baselined)
        for finding in result.findings:
            _, rule, text, occurrence = keys[id(finding)]
            if (rule, text, occurrence) in known:
                old.append(finding)
                self._matched[result.id].add((rule, text, occurrence))
            else:
                new.append(finding)
        if not old:
            return result
        return replace(result, findings=tuple(new), baselined=tuple(old))

    def unmatched(self) -> list[Key]:
        """Entries for the stories checked so far that matched no finding, sorted."""
        stale = [
            (story, rule, text, occurrence)
            for story in self._checked
            for rule, text, occurrence in self.entries.get(story, ())
            if (rule, text, occurrence) not in self._matched.get(story, ())
        ]
        return sorted(stale)


class BaselineWriter:
    """Collects the findings of a run (new and baselined) and writes them as a baseline."""

    def __init__(self) -> None:
        self._records: list[tuple[str, str, str, int, str]] = []

    def add(self, result: StoryResult) -> None:
        keys = occurrence_keys(result)
        for finding in (*result.findings, *result.baselined):
            story, rule, text, occurrence = keys[id(finding)]
            self._records.append((story, rule, text, occurrence, finding.name))

    def __len__(self) -> int:
        return len(self._records)

    def write(self, path: str | Path) -> None:
        findings = [
            {"story": story, "rule": rule, "name": name, "text": text, "occurrence": occurrence}
            for story, rule, text, occurrence, name in sorted(self._records)
        ]
        document = {"wirecheck_baseline": FORMAT, "findings": findings}
        atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _story(record: Any, where: str, number: int) -> str:
    if not isinstance(record, dict) or not isinstance(record.get("story"), str):
        raise InputError(where, f"baseline entry {number} has no 'story' string")
    return check_text(record["story"], where, f"baseline entry {number}")


def _entry(record: dict[str, Any], where: str, number: int) -> tuple[str, str, int]:
    rule, text, occurrence = record.get("rule"), record.get("text"), record.get("occurrence", 0)
    if not isinstance(rule, str) or not isinstance(text, str):
        raise InputError(where, f"baseline entry {number} needs 'rule' and 'text' strings")
    check_text(rule + text, where, f"baseline entry {number}")
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 0:
        raise InputError(where, f"baseline entry {number}: 'occurrence' must be a number >= 0")
    return rule, text, occurrence
