"""Output formats, by name. A new format is a module with a Formatter, listed here."""

from __future__ import annotations

from checker.output.base import Formatter, OutputOptions, reaches
from checker.output.github import GithubFormatter
from checker.output.json import JsonFormatter
from checker.output.jsonl import JsonLinesFormatter
from checker.output.junit import JunitFormatter
from checker.output.sarif import SarifFormatter
from checker.output.text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    formatter.name: formatter
    for formatter in (
        TextFormatter,
        JsonFormatter,
        JsonLinesFormatter,
        JunitFormatter,
        GithubFormatter,
        SarifFormatter,
    )
}

__all__ = ["FORMATTERS", "Formatter", "OutputOptions", "reaches"]
