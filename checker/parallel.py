"""``--jobs N``: check stories in worker processes, results in input order.

Each worker maps the pure ``Checker.check`` of one :class:`~checker.engine.Checker` over
the stories sent to it. Where workers are forked (Linux), this process checks the first
story itself and the workers inherit its Checker, warm (patterns, profiles and indexes
built on first use are built once); elsewhere each worker builds its own in its
initializer. Stories are read lazily and at most
a bounded number are in flight, so memory stays flat however long the feed is; results
come back in input order, identical to a serial run. ``jobs=1`` (or a one-story feed)
checks in this process without starting a pool.

Workers are never more than the cores this process may use (:func:`max_jobs`). They
ignore Ctrl-C (the parent handles it), die with the parent (Linux ``PR_SET_PDEATHSIG``),
and are terminated, not waited for, when the run stops early. A story whose check
raises becomes a :class:`~checker.errors.InputError` naming it, with any number of jobs.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from checker.config import Settings
from checker.engine import Checker
from checker.errors import InputError, WirecheckError
from checker.model import StoryInput, StoryResult
from checker.safeio import check_story_size

_worker_checker: Checker | None = None
_active: set[ProcessPoolExecutor] = set()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def max_jobs() -> int:
    """The most worker processes a run starts: the number of cores it may use."""
    return default_jobs()


def check_story(checker: Checker, story: StoryInput) -> StoryResult:
    """``checker.check(story)``, with the story's XML origin carried to the result.

    Anything the check raises other than a WirecheckError (a bug, a story too deep for
    the interpreter) becomes an InputError naming the story, so one bad story ends the
    run with one line and exit status 2 rather than a traceback.
    """
    check_story_size(story)
    try:
        result = checker.check(story)
    except WirecheckError:
        raise
    except Exception as exc:  # RecursionError, MemoryError and bugs alike
        where = f"{story.mt_path}:{story.mt_line}" if story.mt_line > 1 else story.mt_path
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        problem = f"story {story.id!r} could not be checked ({detail[:200]})"
        raise InputError(where, problem) from None
    if story.origin and not result.origin:
        result = replace(result, origin=story.origin)
    return result


def _die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent died before prctl
        os._exit(1)


def _init_worker(settings: Settings) -> None:
    """Build the worker's Checker, unless it was inherited (fork) with these settings."""
    global _worker_checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent around the fork
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent()
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
    jobs = min(jobs, max_jobs())
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
    if multiprocessing.get_start_method() == "fork":
        # Forked workers inherit this process's Checker instead of building one. Its
        # resources built on first use (a language's patterns and profiles, indexes)
        # are built by checking the first story here, once, rather than in every worker.
        _worker_checker = checker or Checker(settings)
        yield check_story(_worker_checker, head.pop(0))
    elif checker is not None:
        _worker_checker = checker
    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(settings,))
    _active.add(pool)
    finished = False
    try:
        for group in _batches(itertools.chain(head, iterator), batch):
            with _sigint_held():  # submit may fork a worker
                pending.append(pool.submit(_check_batch, group))
            if len(pending) >= limit:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
        finished = True
    finally:
        _active.discard(pool)
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool, pending)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back while workers may be forked, so a new worker cannot receive it
    before its initializer ignores it (it would print a traceback from the child);
    the parent receives it as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _result(future: Future[list[StoryResult]]) -> list[StoryResult]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WirecheckError(None, "a worker process died (out of memory, or killed); "
                             "try fewer --jobs") from None


def terminate_workers() -> None:
    """Terminate every worker process of the pools running now (for a SIGTERM handler)."""
    for pool in list(_active):
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                process.terminate()


def _stop(pool: ProcessPoolExecutor, pending: Iterable[Future[list[StoryResult]]]) -> None:
    """End a run early (an error, Ctrl-C, SIGTERM): terminate workers, wait for nothing."""
    for future in pending:
        future.cancel()
    # The queue feeding the workers may be blocked writing to a pipe no live worker will
    # read; without this, interpreter exit joins its feeder thread and hangs.
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        with contextlib.suppress(Exception):
            call_queue.cancel_join_thread()
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=2)
