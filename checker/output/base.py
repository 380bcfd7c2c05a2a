"""The formatter interface: one call per finished story, one at the end of the run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TextIO

from checker.model import Finding, Scores, Severity, StoryResult
from checker.serialize import Summary


@dataclass(frozen=True)
class OutputOptions:
    """How to print: colour, the failure gate, extra sections."""

    color: bool = False
    fail_on: str = "error"
    statistics: bool = False
    quiet: bool = False


def reaches(finding: Finding, fail_on: str) -> bool:
    """Whether ``finding`` is at or above the ``--fail-on`` gate."""
    return fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank


class Formatter:
    """Base of every output format. Streaming formats write in ``story``."""

    name: ClassVar[str]
    description: ClassVar[str]

    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.stream = stream
        self.options = options

    def story(self, result: StoryResult) -> None:
        """Called once per story, in input order, as soon as it is checked."""

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        """Called once after the last story."""
