"""Errors about the user's input: each names the file (and line) and says what is wrong."""

from __future__ import annotations


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
        return f"{where}: {self.problem}" if where else self.problem


class InputError(WirecheckError):
    """A story, feed or glossary file that cannot be read as what it should be."""


class ConfigError(WirecheckError):
    """A configuration file or option that makes no sense."""
