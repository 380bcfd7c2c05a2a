"""What a rule sees of one story: texts, documents, aligned units and settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.config import Settings
from checker.model import Scores, StoryInput, Unit
from checker.segment import Document
from checker.text import LineIndex, iter_lines


@dataclass(frozen=True)
class StoryContext:
    """One story after reading, segmenting, aligning and scoring; input to every rule."""

    story: StoryInput
    lang: str
    src_lang: str | None
    mt: Document
    ref: Document | None
    src: Document | None
    units: tuple[Unit, ...]
    settings: Settings
    scores: Scores = field(default_factory=lambda: Scores(None, None, None))
    lines: LineIndex = field(init=False)
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Results that several rules share (computed by the first that needs them)."""
    unit_chrf: dict[int, list[float]] = field(default_factory=dict, compare=False, repr=False)
    """chrF statistics of each scored unit, by unit index, as the scorer extracted them
    (the story figure regroups units from them instead of recounting)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", LineIndex.of(self.mt.text))

    @property
    def text(self) -> str:
        """The MT text every finding points into."""
        return self.mt.text

    def mt_lines(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each line of the MT text."""
        return iter_lines(self.mt.text)
