"""Messages the checking workers post to the app (from their threads)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from checker.model import StoryResult
from checker.review_session import StoryState


@dataclass
class StoryChecked(Message):
    """A story was checked again after a change."""

    state: StoryState
    result: StoryResult


@dataclass
class StoriesChecked(Message):
    """Stories of the feed checked for the first time, posted in batches."""

    results: list[tuple[StoryState, StoryResult]]


@dataclass
class FeedProgress(Message):
    """How far the first check of the feed has got; a newer one replaces an older one."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FeedProgress)


@dataclass
class FeedChecked(Message):
    """Every story of the feed has been checked once."""

    total: int
    seconds: float


@dataclass
class CheckFailed(Message):
    """Checking a story raised; the message is shown, the app keeps running."""

    story: str
    problem: str
