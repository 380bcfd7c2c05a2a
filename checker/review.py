"""Review decisions: what a copy editor accepted, dismissed or rewrote, and where it is kept.

A decision is keyed by story id, rule code and the flagged text — never by offsets, which
move as soon as the copy changes. Dismissals are waivers that ``wirecheck check`` can
honour (:func:`drop_dismissed`) and report when they no longer match anything
(:func:`stale_decisions`). Accepts and edits change the story text; the corrected story
is written beside the original as ``<name>.reviewed.txt``, never over it.

The review file is JSON, written atomically. :class:`StoryState` is the working copy of
one story during a review (text, decisions, undo history); the terminal UI drives it, and
nothing here imports an interface.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from checker.atomic import Staged, atomic_write_text, resolve_target, stage_text
from checker.errors import InputError
from checker.model import Finding, StoryInput, StoryResult, Unit
from checker.safeio import check_text, loads, read_regular
from checker.text import normalise

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


# -- the working copy of a story -------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    text: str
    decisions: tuple[Decision, ...]


class StoryState:
    """One story under review: its current text, decisions, last result and undo history."""

    def __init__(self, story: StoryInput, text: str | None = None,
                 decisions: Iterable[Decision] = ()) -> None:
        self.story = story
        self.text = story.mt if text is None else text
        self.decisions: list[Decision] = list(decisions)
        self.result: StoryResult | None = None
        self.notes: list[str] = []
        """What happened while restoring (an original that changed, unmatched decisions)."""
        self._undo: list[Snapshot] = []
        self._saved = self.snapshot()

    @property
    def id(self) -> str:
        return self.story.id

    def snapshot(self) -> Snapshot:
        return Snapshot(self.text, tuple(self.decisions))

    @property
    def dirty(self) -> bool:
        return self.snapshot() != self._saved

    @property
    def changed(self) -> bool:
        """True when the text differs from the original MT."""
        return self.text != self.story.mt

    @property
    def fresh(self) -> bool:
        """True when the last result was computed on the current text."""
        return self.result is not None and self.result.mt == self.text

    def input(self) -> StoryInput:
        """The story as it stands now, ready for :meth:`Checker.check`."""
        return replace(self.story, mt=self.text)

    def mark_saved(self) -> None:
        self._saved = self.snapshot()

    def dismissal(self, finding: Finding) -> Decision | None:
        for decision in reversed(self.decisions):
            if decision.action is Action.DISMISS and decision.matches(finding):
                return decision
        return None

    def active_findings(self) -> list[Finding]:
        findings = self.result.findings if self.result else ()
        return [f for f in findings if self.dismissal(f) is None]

    # -- actions (each one can be undone) ----------------------------------------------
    def _push(self) -> None:
        self._undo.append(self.snapshot())

    def accept(self, finding: Finding) -> Decision:
        """Apply the finding's suggestion to the text."""
        new_text = apply_suggestion(self.text, finding)
        decision = Decision(Action.ACCEPT, finding.rule, finding.text, finding.suggestion)
        self._push()
        self.text = new_text
        self.decisions.append(decision)
        return decision

    def dismiss(self, finding: Finding, reason: str | None = None) -> Decision:
        """Mark the finding (and every finding of that rule on that text) a false positive."""
        decision = Decision(Action.DISMISS, finding.rule, finding.text, None, reason or None)
        self._push()
        self.decisions = [d for d in self.decisions if d.action is not Action.DISMISS
                          or d.key != decision.key]
        self.decisions.append(decision)
        return decision

    def restore(self, finding: Finding) -> bool:
        """Withdraw the dismissal of ``finding``; False when it was not dismissed."""
        if self.dismissal(finding) is None:
            return False
        self._push()
        self.decisions = [d for d in self.decisions
                          if not (d.action is Action.DISMISS and d.matches(finding))]
        return True

    def edit(self, start: int, end: int, new_text: str) -> Decision | None:
        """Replace ``text[start:end]`` (a unit's MT) with ``new_text``; None if unchanged."""
        old = self.text[start:end]
        if old == new_text:
            return None
        if start == end and new_text and start > 0 and not self.text[start - 1].isspace():
            new_text = " " + new_text
        updated = replace_span(self.text, start, end, new_text)
        decision = Decision(Action.EDIT, None, old, new_text)
        self._push()
        self.text = updated
        self.decisions.append(decision)
        return decision

    def undo(self) -> bool:
        if not self._undo:
            return False
        snap = self._undo.pop()
        self.text, self.decisions = snap.text, list(snap.decisions)
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)


def _same_place(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same entry: same real folder, same name."""
    try:
        return a.name == b.name and a.parent.resolve() == b.parent.resolve()
    except (OSError, RuntimeError):
        return False


def own_copy(story: StoryInput, entry: StoryReview | None, base: Path) -> Path | None:
    """The corrected copy the review file records for ``story``, if it may be trusted.

    The recorded path is only a claim: it is honoured when it names the copy
    :func:`reviewed_path` derives for the story (beside the story, in the feed's
    folder), never another path, however it is spelt.
    """
    if entry is None or not entry.reviewed_path:
        return None
    target = reviewed_path(story)
    claimed = base / entry.reviewed_path
    return target if _same_place(claimed, target) else None


def _read_own(path: Path, digest: str | None) -> str | None:
    """The text of ``path`` if it is wirecheck's copy: a plain file (no link), and the
    bytes wirecheck wrote when their hash was recorded; None otherwise."""
    try:
        data = read_regular(path, no_follow=True, single_link=True)
        text = data.decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return None
    if digest is not None and hashlib.sha256(data).hexdigest() != digest:
        return None
    return text


def restored_text(
    story: StoryInput, entry: StoryReview, base: Path | None = None
) -> tuple[str, list[str]]:
    """The corrected copy saved for ``story``, or the decisions replayed on its original.

    A relative ``reviewed_path`` is relative to ``base`` (the review file's folder); a
    path that is not the story's own corrected copy is ignored (see :func:`own_copy`).
    """
    notes: list[str] = []
    if entry.mt_sha256 == text_hash(story.mt) and entry.reviewed_path:
        reviewed = own_copy(story, entry, base or Path("."))
        text = _read_own(reviewed, entry.reviewed_sha256) if reviewed else None
        if text is not None:
            return normalise(text), notes
        if reviewed is None:
            notes.append(f"the review file names {entry.reviewed_path!r}, which is not this "
                         "story's corrected copy: ignored, decisions replayed")
        else:
            notes.append(f"{reviewed} is missing or changed: decisions replayed on the original")
    elif entry.mt_sha256 not in (None, text_hash(story.mt)) and any(
        d.action is not Action.DISMISS for d in entry.decisions
    ):
        notes.append("the original changed since the review: decisions replayed")
    text, unmatched = replay(story.mt, entry.decisions)
    notes.extend(
        f"{d.action} of {d.rule or 'unit'} {d.text[:40]!r} no longer applies" for d in unmatched
    )
    return text, notes


class ReviewSession:
    """All the stories of one review, with the review file they are saved to."""

    def __init__(self, review: ReviewFile) -> None:
        self.review = review
        self.states: dict[str, StoryState] = {}

    @classmethod
    def open(cls, path: str | Path) -> ReviewSession:
        return cls(ReviewFile.load(path))

    def add(self, story: StoryInput) -> StoryState:
        """Start reviewing ``story``, restoring its saved decisions and corrected copy."""
        if story.id in self.states:
            first = self.states[story.id].story.mt_path
            raise InputError(story.mt_path, f"story id {story.id!r} is also the id of a story "
                             f"in {first}: ids must be unique in a review")
        entry = self.review.stories.get(story.id)
        if entry is None:
            state = StoryState(story)
        else:
            text, notes = restored_text(story, entry, self.review.path.parent)
            state = StoryState(story, text, entry.decisions)
            state.notes = notes
        self.states[story.id] = state
        return state

    def _relative(self, path: Path) -> str:
        """``path`` as stored in the review file: relative to it, so the feed can move."""
        return os.path.relpath(path.resolve(), self.review.path.resolve().parent)

    def __iter__(self) -> Iterator[StoryState]:
        return iter(self.states.values())

    @property
    def dirty(self) -> bool:
        return any(state.dirty for state in self)

    def _inputs(self) -> set[Path]:
        paths = set()
        for state in self:
            for name in (state.story.mt_path, state.story.ref_path, state.story.src_path):
                if name:
                    with contextlib.suppress(OSError, RuntimeError):
                        paths.add(Path(name).resolve())
        return paths

    def _ours(self, state: StoryState, target: Path) -> bool:
        """Whether ``target`` may be replaced or removed: absent, or the plain file
        wirecheck wrote there for this story (its recorded hash matches)."""
        if not os.path.lexists(target):
            return True
        entry = self.review.stories.get(state.id)
        if entry is None or entry.reviewed_sha256 is None or own_copy(
            state.story, entry, self.review.path.parent
        ) is None:
            return False
        return _read_own(target, entry.reviewed_sha256) is not None

    def save(self) -> list[Path]:
        """Write corrected stories and the review file; return the paths written.

        Every file is written to a temporary file first; only when all are complete are
        they renamed into place (the review file last), so a failure while writing (a
        full disk) changes nothing. A corrected copy is only ever replaced or removed
        when it is the file wirecheck wrote; anything else at its path is an error.
        """
        inputs = self._inputs()
        writes: list[tuple[StoryState, Path]] = []
        removals: list[Path] = []
        entries = dict(self.review.stories)
        for state in self:
            if not state.dirty:
                continue
            target = reviewed_path(state.story)
            previous = entries.get(state.id)
            if state.changed:
                if target.resolve() in inputs or not self._ours(state, target):
                    raise InputError(str(target), "exists and is not a corrected copy written "
                                     "by wirecheck review: move it away to save")
                writes.append((state, target))
            elif previous is not None and previous.reviewed_path and os.path.lexists(target) \
                    and self._ours(state, target) and target.resolve() not in inputs:
                removals.append(target)
            if not state.decisions and not state.changed:
                entries.pop(state.id, None)
                continue
            entries[state.id] = StoryReview(
                list(state.decisions),
                text_hash(state.story.mt),
                self._relative(target) if state.changed else None,
                text_hash(state.text) if state.changed else None,
            )
        review = ReviewFile(self.review.path, entries)
        staged: list[Staged] = []
        try:
            for state, target in writes:
                staged.append(stage_text(target, state.text))
            review_target, streaming = resolve_target(review.path)
            if streaming:
                raise InputError(str(review.path), "a review file must be a regular file")
            staged.append(stage_text(review_target, review.dumps()))
        except BaseException:
            for item in staged:
                item.discard()
            raise
        for item in staged:
            item.commit()
        self.review.stories = entries
        for target in removals:
            with contextlib.suppress(OSError):
                target.unlink()
        for state in self:
            state.mark_saved()
        return [target for _, target in writes] + [self.review.path]
