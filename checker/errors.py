"""Errors about the user's input: each names the file (and line) and says what is wrong."""

from __future__ import annotations

import re


class WirecheckError(Exception):
    """Bad input or usage. The CLI prints ``str(error)`` on one line and exits with 2."""

    def __init__(self, path: str | None, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        super().__init__(self.__str__())

    def __reduce__(self) -> tuple[type, tuple[str | None, str, int | None]]:
        """Survive pickling, so errors cross process boundaries (--jobs, Dask)."""
        return (type(self), (self.path, self.problem, self.line))

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return one_line(f"{where}: {self.problem}" if where else self.problem)


class InputError(WirecheckError):
    """A story, feed or glossary file that cannot be read as what it should be."""


class ConfigError(WirecheckError):
    """A configuration file or option that makes no sense."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{ord(char):02x}"
                                                    if ord(char) < 0x100 else
                                                    f"\\u{ord(char):04x}")


def one_line(text: str) -> str:
    """``text`` with control characters (line ends, terminal escapes) written as
    escapes: what comes from a file name or a story id cannot forge a line of output."""
    return _CONTROL.sub(_escape, text)
