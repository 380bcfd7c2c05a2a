"""Reading untrusted files safely: regular files only, a size limit, no deep-JSON crash.

Every file wirecheck reads whole (a story, an XML package, a review file, a baseline)
goes through :func:`read_regular`: it opens without blocking, refuses anything that is
not a regular file (a FIFO would block forever, ``/dev/zero`` never ends) and anything
larger than the limit. The limit is :data:`DEFAULT_MAX_FILE_SIZE` unless the
environment variable ``WIRECHECK_MAX_FILE_SIZE`` (bytes, or with a ``K``/``M``/``G``
suffix) says otherwise; ``--max-file-size`` sets that variable, so worker processes
inherit it. In a JSON Lines feed the limit applies to each line (each story).

Each text of a story (MT, reference, source) is limited too, to
:data:`DEFAULT_MAX_STORY_SIZE` characters unless ``WIRECHECK_MAX_STORY_SIZE`` (or
``--max-story-size``) says otherwise: checking takes memory in proportion to the text.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import InputError

if TYPE_CHECKING:
    from checker.model import StoryInput

DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024
ENV_MAX_FILE_SIZE = "WIRECHECK_MAX_FILE_SIZE"
DEFAULT_MAX_STORY_SIZE = 4 * 1024 * 1024
ENV_MAX_STORY_SIZE = "WIRECHECK_MAX_STORY_SIZE"
_SIZE = re.compile(r"\s*(\d+)\s*([kmg]i?b?|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """``"64M"`` -> 67108864; ValueError for anything that is not a size >= 1."""
    match = _SIZE.fullmatch(value)
    if match is None:
        raise ValueError(f"expected a size such as 8M or 1048576, got {value!r}")
    size = int(match.group(1)) * _UNITS[(match.group(2) or "")[:1].lower()]
    if size < 1:
        raise ValueError("a size limit must be at least 1 byte")
    return size


def _from_env(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return parse_size(value)
    except ValueError as exc:
        raise InputError(name, str(exc)) from None


def max_file_size() -> int:
    """The file size limit in force (environment, else the default)."""
    return _from_env(ENV_MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE)


def max_story_size() -> int:
    """The story size limit in force, in characters per text (MT, reference, source)."""
    return _from_env(ENV_MAX_STORY_SIZE, DEFAULT_MAX_STORY_SIZE)


def check_story_size(story: StoryInput) -> None:
    """InputError naming ``story`` when one of its texts is over :func:`max_story_size`.

    Checking costs a few hundred bytes of memory per word, so this bounds the memory
    one story can take (about 0.5 GiB at the default 4 Mi characters).
    """
    limit = max_story_size()
    for side, text in (("MT", story.mt), ("reference", story.ref), ("source", story.src)):
        if text is not None and len(text) > limit:
            where = f"{story.mt_path}:{story.mt_line}" if story.mt_line > 1 else story.mt_path
            raise InputError(where, f"story {story.id!r}: the {side} text has {len(text):,} "
                             f"characters, over the {limit:,} limit (see --max-story-size)")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, expected a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), expected a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, expected a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, expected a regular file"
    return "is not a regular file"


def _too_big(limit: int) -> str:
    return f"is larger than the {format_size(limit)} limit (see --max-file-size)"


def format_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"


def oserror(path: str | Path, exc: OSError, verb: str = "cannot read") -> InputError:
    """An InputError naming ``path`` for an OSError (symlink loops, permissions...)."""
    return InputError(str(path), f"{verb}: {exc.strerror or exc}")


def open_regular(path: str | Path, no_follow: bool = False) -> int:
    """A read-only descriptor of the regular file at ``path``; InputError otherwise.

    Opening is non-blocking, so a FIFO is recognised instead of waited on. With
    ``no_follow`` a symbolic link at ``path`` is refused.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if no_follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, expected a file") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        if no_follow and os.path.islink(path):
            raise InputError(str(path), "is a symbolic link; refused") from None
        raise oserror(path, exc) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(str(path), _kind(mode))
    return fd


def read_regular(
    path: str | Path, limit: int | None = None, no_follow: bool = False,
    single_link: bool = False,
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``no_follow`` refuses a symbolic link, ``single_link`` a file with other hard links.
    """
    limit = max_file_size() if limit is None else limit
    fd = open_regular(path, no_follow)
    try:
        info = os.fstat(fd)
        if single_link and info.st_nlink != 1:
            raise InputError(str(path), "has other hard links; refused")
        if info.st_size > limit:
            raise InputError(str(path), _too_big(limit))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > limit:  # the file grew while being read
                raise InputError(str(path), _too_big(limit))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise oserror(path, exc) from None
    finally:
        os.close(fd)


def iter_lines(path: str | Path, limit: int | None = None) -> Iterator[bytes]:
    """The lines of the regular file at ``path`` (without ``\\n``), each at most ``limit``."""
    limit = max_file_size() if limit is None else limit
    fd = open_regular(path)
    try:
        with os.fdopen(fd, "rb", closefd=False) as stream:
            number = 0
            while True:
                line = stream.readline(limit + 1)
                if not line:
                    return
                number += 1
                if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
                    raise InputError(str(path), f"line {_too_big(limit)}", number)
                yield line.removesuffix(b"\n")
    except OSError as exc:
        raise oserror(path, exc) from None
    finally:
        os.close(fd)


def is_regular(path: str | Path) -> bool:
    """Whether ``path`` is a regular file (following symbolic links); never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def loads(text: str | bytes, where: str, what: str = "JSON") -> Any:
    """``json.loads`` that turns excessive nesting into an InputError, not a crash."""
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(where, f"{what} is nested too deeply") from None


def check_text(value: str, where: str, name: str, line: int | None = None) -> str:
    """``value`` if it can be written as UTF-8; InputError for lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        char = value[exc.start]
        raise InputError(
            where, f"{name} holds a lone surrogate (\\u{ord(char):04x}), not text", line
        ) from None
    return value
