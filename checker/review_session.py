"""The working copy of stories under review, and the session that saves them.

:class:`StoryState` is one story during a review (text, decisions, last result, undo
history); :class:`ReviewSession` holds the feed's states and writes the corrected copies
and the review file, all or nothing. The terminal UI drives both; nothing here imports
an interface. The decisions and the review file itself are in :mod:`checker.review`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from checker.atomic import Staged, resolve_target, stage_text
from checker.errors import InputError
from checker.model import Finding, StoryInput, StoryResult
from checker.review import (
    Action,
    Decision,
    ReviewFile,
    StoryReview,
    apply_suggestion,
    replace_span,
    replay,
    reviewed_path,
    text_hash,
)
from checker.safeio import read_regular
from checker.text import normalise


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
