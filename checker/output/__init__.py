"""Output formats, by name. A new format is a module with a Formatter, listed here.

A format's module is imported when the format is looked up, so a run imports only the
one it writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from checker.output.base import Formatter, OutputOptions, reaches

_MODULES = {
    "text": ("checker.output.text", "TextFormatter"),
    "json": ("checker.output.json", "JsonFormatter"),
    "jsonl": ("checker.output.jsonl", "JsonLinesFormatter"),
    "junit": ("checker.output.junit", "JunitFormatter"),
    "github": ("checker.output.github", "GithubFormatter"),
    "sarif": ("checker.output.sarif", "SarifFormatter"),
}


class _Formatters(Mapping[str, type[Formatter]]):
    """Format name → Formatter class, each imported on first lookup."""

    def __getitem__(self, name: str) -> type[Formatter]:
        module, attribute = _MODULES[name]
        formatter: type[Formatter] = getattr(importlib.import_module(module), attribute)
        return formatter

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, type[Formatter]] = _Formatters()

__all__ = ["FORMATTERS", "Formatter", "OutputOptions", "reaches"]
