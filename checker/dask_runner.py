"""``--dask`` / ``--scheduler ADDRESS``: the per-story check as a Dask bag.

For archives beyond one machine (the optional extra ``wirecheck[dask]``). The story
files of the given folders, files or glob patterns are listed here, split into
partitions, and each partition is read and checked on a Dask worker with the same pure
``Checker.check`` that ``--jobs`` maps; a worker builds its Checker once per settings.
Without ``--scheduler`` a local cluster with ``workers`` single-threaded processes runs
the bag; with it, any Dask scheduler does (workers must see the same paths). Results
come back in input order, a bounded number of partitions at a time.
"""

from __future__ import annotations

import glob
import hashlib
import pickle
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.config import Settings
from checker.errors import ConfigError, InputError, WirecheckError
from checker.model import StoryResult

_CHECKERS: dict[str, Any] = {}


@dataclass(frozen=True)
class _Failure:
    """A WirecheckError raised on a worker, sent back as data (it does not pickle)."""

    kind: str
    path: str | None
    problem: str
    line: int | None

    def error(self) -> WirecheckError:
        cls = ConfigError if self.kind == "ConfigError" else InputError
        return cls(self.path, self.problem, self.line)


def require_dask() -> tuple[Any, Any]:
    """``(dask.bag, distributed)``, or a one-line error naming the missing extra."""
    try:
        import dask.bag as bag
        import distributed
    except ImportError:
        raise ConfigError(
            "--dask",
            "Dask is not installed; install the extra: pip install 'wirecheck[dask]'",
        ) from None
    return bag, distributed


def story_paths(patterns: list[str]) -> list[str]:
    """Story files of folders, files and glob patterns (``archive/**/*.xml``), in order."""
    from checker.reading import story_files

    found: list[str] = []
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            found.extend(str(p) for p in story_files(path))
        elif path.is_file():
            found.append(str(path))
        elif glob.has_magic(pattern):
            matches = sorted(p for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(pattern, "no file matches this pattern")
            found.extend(matches)
        else:
            raise InputError(pattern, "no such file or folder")
    return found


def _checker(settings: Settings) -> Any:
    from checker.engine import Checker

    key = hashlib.sha256(pickle.dumps(settings)).hexdigest()
    if key not in _CHECKERS:
        _CHECKERS[key] = Checker(settings)
    return _CHECKERS[key]


def check_files(
    files: list[str],
    settings: Settings,
    ref: str | None,
    src: str | None,
    lang: str | None,
    src_lang: str | None,
) -> list[StoryResult | _Failure]:
    """Read and check every story of ``files``: what one Dask partition does."""
    from checker.parallel import check_story
    from checker.reading import read_feed

    results: list[StoryResult | _Failure] = []
    try:
        checker = _checker(settings)
        for file in files:
            for story in read_feed(file, ref, src, lang, src_lang):
                results.append(check_story(checker, story))
    except WirecheckError as exc:
        results.append(_Failure(type(exc).__name__, exc.path, exc.problem, exc.line))
    return results


def dask_results(
    patterns: list[str],
    settings: Settings,
    ref: str | None = None,
    src: str | None = None,
    lang: str | None = None,
    src_lang: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 16,
    window: int | None = None,
) -> Iterator[StoryResult]:
    """Results of checking every story of ``patterns`` on Dask, in input order."""
    bag_module, distributed = require_dask()
    files = story_paths(patterns)
    if not files:
        return
    for path in (ref, src):  # fail early, not on a worker
        if path is not None and not Path(path).exists():
            raise InputError(path, "no such file or folder")
    bag = bag_module.from_sequence(files, partition_size=partition_size)
    checked = bag.map_partitions(check_files, settings, ref, src, lang, src_lang)
    parts = checked.to_delayed()
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, set_as_default=False)
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=40,
            )
            client = distributed.Client(cluster, set_as_default=False)
    except OSError as exc:
        raise ConfigError("--scheduler", f"cannot reach the Dask scheduler: {exc}") from None
    limit = window or 2 * max(workers, 1) + 2
    pending: deque[Any] = deque()
    seen: dict[str, str] = {}
    try:
        for part in parts:
            pending.append(client.compute(part))
            if len(pending) >= limit:
                yield from _unpack(pending.popleft().result(), seen)
        while pending:
            yield from _unpack(pending.popleft().result(), seen)
    finally:
        for future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _unpack(
    results: list[StoryResult | _Failure], seen: dict[str, str]
) -> Iterator[StoryResult]:
    """The results of a partition; InputError for a failure or an id seen before."""
    for item in results:
        if isinstance(item, _Failure):
            raise item.error()
        first = seen.get(item.id)
        if first is not None:
            raise InputError(item.mt_path, f"duplicate story id {item.id!r} (first in "
                             f"{first}); story ids must be unique")
        seen[item.id] = item.mt_path
        yield item
