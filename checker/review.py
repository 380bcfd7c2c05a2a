"""Review decisions: what a copy editor accepted, dismissed or rewrote, and where it is kept.

A decision is keyed by story id, rule code and the flagged text — never by offsets, which
move as soon as the copy changes. Dismissals are waivers that ``wirecheck check`` can
honour (:func:`drop_dismissed`) and report when they no longer match anything
(:func:`stale_decisions`). Accepts and edits change the story text; the corrected story
is written beside the original as ``<name>.reviewed.txt``, never over it.

The review file is JSON, written atomically. The working copy of a story under review and
the session that saves it are in :mod:`checker.review_session`; nothing here imports an
interface.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from checker.atomic import atomic_write_text
from checker.errors import InputError
from checker.model import Finding, StoryInput, StoryResult, Unit
from checker.safeio import check_text, loads, read_regular

REVIEW_VERSION = 1
REVIEW_SUFFIX = ".reviewed.json"
"""Review files carry ``.reviewed.`` in their name, so feed readers skip them too."""


class Action(StrEnum):
    """What the editor did about a finding or a unit."""

    ACCEPT = "accept"
    DISMISS = "dismiss"
    EDIT = "edit"


@dataclass(frozen=True)
class Decision:
    """One editorial decision in a story.

    ``text`` is the flagged text (accept, dismiss) or the unit's text before an edit;
    ``replacement`` is what replaced it (the accepted suggestion or the edited text).
    """

    action: Action
    rule: str | None
    text: str
    replacement: str | None = None
    reason: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule or "", self.text)

    def matches(self, finding: Finding) -> bool:
        return finding.rule == self.rule and finding.text == self.text

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": str(self.action), "rule": self.rule, "text": self.text}
        if self.replacement is not None:
            data["replacement"] = self.replacement
        if self.reason:
            data["reason"] = self.reason
        return data

    @classmethod
    def from_json(cls, data: Any, where: str) -> Decision:
        if not isinstance(data, dict):
            raise InputError(where, "each decision must be a JSON object")
        try:
            action = Action(data.get("action"))
        except ValueError:
            raise InputError(where, f"unknown decision action {data.get('action')!r}") from None
        rule, text = data.get("rule"), data.get("text")
        replacement, reason = data.get("replacement"), data.get("reason")
        if not isinstance(text, str) or not (rule is None or isinstance(rule, str)):
            raise InputError(where, "a decision needs a string 'text' and a 'rule' code")
        for name, value in (("replacement", replacement), ("reason", reason)):
            if value is not None and not isinstance(value, str):
                raise InputError(where, f"decision field {name!r} must be a string")
        if action is not Action.DISMISS and replacement is None:
            raise InputError(where, f"an {action} decision needs a 'replacement'")
        for name, value in (("rule", rule), ("text", text), ("replacement", replacement),
                            ("reason", reason)):
            if value is not None:
                check_text(value, where, f"decision field {name!r}")
        return cls(action, rule, text, replacement, reason)


@dataclass
class StoryReview:
    """The saved decisions of one story, with the corrected copy they produced."""

    decisions: list[Decision] = field(default_factory=list)
    mt_sha256: str | None = None
    """Hash of the original MT text the decisions were made on."""
    reviewed_path: str | None = None
    """The corrected copy, relative to the review file. Untrusted: only ever honoured
    when it names the copy :func:`reviewed_path` derives for the story."""
    reviewed_sha256: str | None = None
    """Hash of the corrected copy as written: what proves a file there is wirecheck's."""

    def dismissals(self) -> dict[tuple[str, str], Decision]:
        return {d.key: d for d in self.decisions if d.action is Action.DISMISS}


@dataclass
class ReviewFile:
    """Every story's decisions, as kept on disk at ``path``."""

    path: Path
    stories: dict[str, StoryReview] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> ReviewFile:
        """The review file at ``path``; an empty one when it does not exist yet."""
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            return cls(path)
        try:
            data = loads(read_regular(path).decode("utf-8"), str(path), "review file")
        except UnicodeDecodeError:
            raise InputError(str(path), "review file is not valid UTF-8") from None
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"malformed review file: {exc.msg}", exc.lineno) from None
        if not isinstance(data, dict) or not isinstance(data.get("stories"), dict):
            raise InputError(str(path), "a review file is an object with a 'stories' table")
        if data.get("version") != REVIEW_VERSION:
            raise InputError(str(path), f"unsupported review file version {data.get('version')!r}")
        stories: dict[str, StoryReview] = {}
        for story_id, entry in data["stories"].items():
            check_text(story_id, str(path), "a story id")
            where = f"{path} (story {story_id!r})"
            if not isinstance(entry, dict) or not isinstance(entry.get("decisions", []), list):
                raise InputError(where, "a story entry needs a 'decisions' list")
            fields = [entry.get(name) for name in
                      ("mt_sha256", "reviewed_path", "reviewed_sha256")]
            for name, value in zip(("mt_sha256", "reviewed_path", "reviewed_sha256"), fields,
                                   strict=True):
                if value is not None and not isinstance(value, str):
                    raise InputError(where, f"{name!r} must be a string or null")
                if value is not None:
                    check_text(value, where, repr(name))
            stories[story_id] = StoryReview(
                [Decision.from_json(d, where) for d in entry.get("decisions", [])], *fields
            )
        return cls(path, stories)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": REVIEW_VERSION,
            "stories": {
                story_id: {
                    "mt_sha256": entry.mt_sha256,
                    "reviewed_path": entry.reviewed_path,
                    "reviewed_sha256": entry.reviewed_sha256,
                    "decisions": [d.to_json() for d in entry.decisions],
                }
                for story_id, entry in sorted(self.stories.items())
            },
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def save(self) -> None:
        atomic_write_text(self.path, self.dumps())

    def is_dismissed(self, story_id: str, finding: Finding) -> bool:
        entry = self.stories.get(story_id)
        return entry is not None and (finding.rule, finding.text) in entry.dismissals()


# -- paths ----------------------------------------------------------------------------
def default_review_path(mt: str | Path) -> Path:
    """Where the decisions about the feed at ``mt`` are kept: beside it, never inside it."""
    path = Path(os.path.realpath(mt))  # never raises, even on a symlink loop
    stem = path.name or "root"
    if path.is_file():
        stem = path.name.rsplit(".", 1)[0] if "." in path.name[1:] else path.name
    return path.parent / (stem + REVIEW_SUFFIX)


_KEEP = re.compile(r"[A-Za-z0-9_-]+")
_LONGEST = 100


def file_part(name: str) -> str:
    """``name`` spelt safely and injectively for a file name.

    ASCII letters, digits, ``_`` and ``-`` stay; every other character (``.``, ``/``,
    ``%``...) becomes ``%XX`` per UTF-8 byte; ``""`` becomes ``%``. A spelling longer
    than 100 characters is cut and ends in ``~`` and a hash of the whole name.
    """
    if not name:
        return "%"
    parts: list[str] = []
    at = 0
    for match in _KEEP.finditer(name):
        parts.extend(f"%{b:02X}" for b in name[at : match.start()].encode("utf-8", "surrogatepass"))
        parts.append(match.group())
        at = match.end()
    parts.extend(f"%{b:02X}" for b in name[at:].encode("utf-8", "surrogatepass"))
    spelt = "".join(parts)
    if len(spelt) > _LONGEST:
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        spelt = f"{spelt[:_LONGEST - 20]}~{digest}"
    return spelt


def reviewed_path(story: StoryInput) -> Path:
    """Where the corrected copy of ``story`` goes: ``<name>.reviewed.txt`` beside it.

    A file holding several stories (a JSON Lines feed, an XML package) gets one corrected
    copy per story: ``<name>.<story id>.reviewed.txt``. Both parts are spelt by
    :func:`file_part`, which keeps no ``.``: the name is a function of the file and the
    id that never repeats, so distinct stories never share a copy.
    """
    path = Path(story.mt_path)
    stem = path.name[:-4] if path.name.endswith(".txt") else path.stem
    if story.id == stem:
        return path.with_name(f"{file_part(stem)}.reviewed.txt")
    return path.with_name(f"{file_part(stem)}.{file_part(story.id)}.reviewed.txt")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- applying decisions ---------------------------------------------------------------
def replace_span(text: str, start: int, end: int, new: str) -> str:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    return text[:start] + new + text[end:]


def apply_suggestion(text: str, finding: Finding) -> str:
    """``text`` with the finding's span replaced by its suggestion (``""`` deletes it)."""
    if finding.suggestion is None:
        raise ValueError(f"{finding.rule} at {finding.start} has no suggestion to apply")
    if text[finding.start : finding.end] != finding.text:
        raise ValueError(
            f"{finding.rule} at {finding.start} no longer matches the text (check it again)"
        )
    from checker.fix import apply_one  # a deleted line takes its stranded blank lines

    return apply_one(text, finding)


def replay(text: str, decisions: Iterable[Decision]) -> tuple[str, list[Decision]]:
    """Apply accepts and edits by matching their text; for an original that has changed.

    Returns the new text and the decisions whose text was not found.
    """
    unmatched = []
    for decision in decisions:
        if decision.action is Action.DISMISS or decision.replacement is None:
            continue
        at = text.find(decision.text) if decision.text else -1
        if at < 0:
            unmatched.append(decision)
            continue
        text = replace_span(text, at, at + len(decision.text), decision.replacement)
    return text, unmatched


def unit_span(result: StoryResult, unit: Unit) -> tuple[int, int]:
    """The MT span an edit of ``unit`` replaces; for an omission, where to insert."""
    if unit.mt_start is not None and unit.mt_end is not None:
        return unit.mt_start, unit.mt_end
    before = [u.mt_end for u in result.units[: unit.index] if u.mt_end is not None]
    at = before[-1] if before else 0
    return at, at


# -- what ``wirecheck check`` does with a review file ----------------------------------
def drop_dismissed(result: StoryResult, review: ReviewFile) -> StoryResult:
    """``result`` without the findings the editor dismissed."""
    entry = review.stories.get(result.id)
    if entry is None:
        return result
    keys = entry.dismissals()
    kept = tuple(f for f in result.findings if (f.rule, f.text) not in keys)
    return result if len(kept) == len(result.findings) else replace(result, findings=kept)


@dataclass(frozen=True)
class StaleDecision:
    """A dismissal that matches no finding of its story any more."""

    story: str
    decision: Decision

    def __str__(self) -> str:
        return (
            f"{self.story}: dismissal of {self.decision.rule} {self.decision.text!r} "
            "matches no finding"
        )


def stale_decisions(review: ReviewFile, results: Iterable[StoryResult]) -> list[StaleDecision]:
    """Dismissals that match nothing, for the stories in ``results`` (unfiltered findings)."""
    stale = []
    for result in results:
        entry = review.stories.get(result.id)
        if entry is None:
            continue
        present = {(f.rule, f.text) for f in result.findings}
        stale.extend(
            StaleDecision(result.id, d)
            for key, d in entry.dismissals().items()
            if key not in present
        )
    return stale
