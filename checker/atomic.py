"""Safe file writes: a temporary file in the destination folder, then a rename.

A reader never sees a half-written report or review file, and an interrupted write
leaves the previous version in place. The rename only ever replaces a regular file (or
nothing): a target that is a character device or a pipe (``/dev/stdout``, ``/dev/null``,
a FIFO) is written to as a stream instead, and a folder, a block device, a socket or an
empty path is refused with an :class:`~checker.errors.InputError`. A symbolic link to a
regular file is followed, so the link stays a link. Files are created with the usual
permissions (``0666`` less the umask), not the private ``0600`` of a temporary file.

A write can also be *staged* (:func:`stage_text`): the temporary file is complete and
synced, and :meth:`Staged.commit` renames it into place; several files can be staged
first and committed together, so a failure while writing changes nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from checker.errors import InputError

_pending: weakref.WeakSet[Staged] = weakref.WeakSet()


def _umask() -> int:
    """The process umask, read without changing it where /proc allows."""
    with contextlib.suppress(OSError, ValueError), open(
        "/proc/self/status", encoding="ascii"
    ) as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _problem(exc: OSError) -> str:
    return f"cannot write: {exc.strerror or exc}"


def resolve_target(path: str | Path) -> tuple[Path, bool]:
    """Where to write for ``path``, and whether it is a stream (device or pipe).

    InputError for an empty path, a folder, a block device, a socket or a dangling link.
    """
    text = os.fspath(path)
    if not text:
        raise InputError("-", "the output path is empty")
    try:
        mode = os.stat(text).st_mode
    except FileNotFoundError:
        if os.path.islink(text):
            raise InputError(text, "is a symbolic link to nothing; refused") from None
        if text.endswith(os.sep):
            raise InputError(text, "is a folder, expected a file") from None
        return Path(text), False
    except OSError as exc:
        raise InputError(text, _problem(exc)) from None
    if stat.S_ISREG(mode):
        real = os.path.realpath(text)
        if _is_descriptor(text) or _is_descriptor(real):  # /dev/stdout redirected to a file
            return Path(text), True
        return Path(real), False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Path(text), True
    if stat.S_ISDIR(mode):
        raise InputError(text, "is a folder, expected a file")
    raise InputError(text, "is not a regular file, a pipe or a character device")


def _is_descriptor(path: str) -> bool:
    """Whether ``path`` names an open descriptor (``/dev/stdout``, ``/proc/self/fd/1``)."""
    return path in ("/dev/stdout", "/dev/stderr") or path.startswith(
        ("/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/")
    ) or bool(re.match(r"/proc/\d+/fd/", path))


@dataclass(eq=False)
class Staged:
    """A complete, synced temporary file waiting to replace ``target``."""

    tmp: str
    target: Path
    done: bool = False

    def commit(self) -> None:
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise InputError(str(self.target), _problem(exc)) from None
        self.done = True
        _pending.discard(self)

    def discard(self) -> None:
        if not self.done:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.done = True
        _pending.discard(self)


def _mkstemp(target: Path) -> tuple[int, str]:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(str(target), _problem(exc)) from None
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


@contextlib.contextmanager
def _staging(target: Path, encoding: str) -> Iterator[tuple[TextIO, Staged]]:
    fd, tmp = _mkstemp(target)
    staged = Staged(tmp, target)
    _pending.add(staged)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as stream:
            yield stream, staged
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:  # a full disk, a file size limit...
        staged.discard()
        raise InputError(str(target), _problem(exc)) from None
    except BaseException:
        staged.discard()
        raise


@contextlib.contextmanager
def atomic_open(path: str | Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream that replaces ``path`` only when the block succeeds.

    For a character device or a pipe the stream writes straight to it.
    """
    target, streaming = resolve_target(path)
    if streaming:
        try:
            # Appending: a descriptor redirected to a file (``>> log``) keeps what it has.
            with open(target, "a", encoding=encoding, newline="") as stream:
                yield stream
        except OSError as exc:
            raise InputError(str(target), _problem(exc)) from None
        return
    with _staging(target, encoding) as (stream, staged):
        yield stream
    staged.commit()


def stage_text(path: str | Path, text: str, encoding: str = "utf-8") -> Staged:
    """Write ``text`` to a temporary file beside ``path``; commit it to replace ``path``."""
    target = Path(path)
    with _staging(target, encoding) as (stream, staged):
        stream.write(text)
    return staged


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, encoding) as stream:
        stream.write(text)


def discard_pending() -> None:
    """Remove every staged temporary file not yet committed (on SIGTERM, at exit)."""
    for staged in list(_pending):
        staged.discard()
