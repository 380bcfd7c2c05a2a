"""``--jobs N``: check stories in worker processes, results in input order.

Each worker builds one :class:`~checker.engine.Checker` in its initializer and maps the
pure ``Checker.check`` over the stories sent to it. Stories are read lazily and at most
a bounded number are in flight, so memory stays flat however long the feed is; results
come back in input order, identical to a serial run. ``jobs=1`` (or a one-story feed)
checks in this process without starting a pool.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput, StoryResult

_worker_checker: Checker | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_story(checker: Checker, story: StoryInput) -> StoryResult:
    """``checker.check(story)``, with the story's XML origin carried to the result."""
    result = checker.check(story)
    if story.origin and not result.origin:
        result = replace(result, origin=story.origin)
    return result


def _init_worker(settings: Settings) -> None:
    """Build the worker's Checker, unless it was inherited (fork) with these settings."""
    global _worker_checker
    if _worker_checker is None or _worker_checker.settings != settings:
        _worker_checker = Checker(settings)


def _check_batch(stories: list[StoryInput]) -> list[StoryResult]:
    assert _worker_checker is not None, "worker initializer did not run"
    return [check_story(_worker_checker, story) for story in stories]


def _batches(stories: Iterable[StoryInput], size: int) -> Iterator[list[StoryInput]]:
    iterator = iter(stories)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def check_stories(
    stories: Iterable[StoryInput],
    settings: Settings,
    jobs: int = 1,
    checker: Checker | None = None,
    batch: int = 2,
    window: int | None = None,
) -> Iterator[StoryResult]:
    """Results for ``stories``, in order, checked by ``jobs`` processes.

    ``batch`` stories travel to a worker together (fewer round trips); at most
    ``window`` batches (default: four per worker) are queued or running at once.
    """
    iterator = iter(stories)
    if jobs <= 1:
        local = checker or Checker(settings)
        yield from (check_story(local, story) for story in iterator)
        return
    head = list(itertools.islice(iterator, 2))
    if len(head) < 2:  # not worth starting processes
        local = checker or Checker(settings)
        yield from (check_story(local, story) for story in head)
        return
    limit = window or 4 * jobs
    pending: deque[Future[list[StoryResult]]] = deque()
    global _worker_checker
    if checker is not None:
        _worker_checker = checker  # forked workers inherit it instead of building one
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        try:
            for group in _batches(itertools.chain(head, iterator), batch):
                pending.append(pool.submit(_check_batch, group))
                if len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
