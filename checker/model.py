"""Plain data returned by the core: stories in, aligned units, findings and scores out.

Everything here is a frozen or plain dataclass that converts to JSON types with
:func:`dataclasses.asdict`; no interface (CLI, TUI, reports) adds fields of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    """The family a rule belongs to (part of the public JSON contract)."""

    GLOSSARY = "glossary"
    ARTEFACT = "artefact"
    BOILERPLATE = "boilerplate"
    UNTRANSLATED = "untranslated"
    NUMBER = "number"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    SCORE = "score"
    INPUT = "input"
    ACCURACY = "accuracy"
    """Content the MT leaves out or adds (WC9xx)."""
    CUSTOM = "custom"
    """User-defined checks from the configuration (codes WCU000-WCU999)."""


@dataclass(frozen=True)
class StoryInput:
    """One story as read: the MT text and, when known, its reference and source.

    Texts are already normalised by :func:`checker.text.normalise`; every offset
    wirecheck reports is an index into these strings.
    """

    id: str
    mt: str
    mt_path: str
    ref: str | None = None
    ref_path: str | None = None
    src: str | None = None
    src_path: str | None = None
    lang: str | None = None
    src_lang: str | None = None
    # Where each story text came from inside its file, for text output (1-based line
    # of the first character); plain-text files start at line 1, JSON Lines at their line.
    mt_line: int = 1
    expects_ref: bool = False
    """True when references were asked for (so a missing one is worth a finding)."""
    expects_src: bool = False
    origin: tuple[tuple[int, int, str], ...] = ()
    """For stories extracted from XML: ``(offset, file line, element label)`` per piece of
    text, in offset order (``(0, 12, "headline")``), so outputs can name the element a
    finding sits in. Empty for plain-text and JSON Lines stories."""
    codes: tuple[UnitCodes, ...] = ()
    """For XLIFF stories: the inline codes of each translation unit's source and target
    (see :class:`UnitCodes`). Empty for every other format."""
    date: str | None = None
    """When the story was written, as an ISO date (``2024-03-05``), if the file says
    (NewsML-G2 ``versionCreated``, NITF ``date.issue``, a JSON Lines ``date`` field) or
    ``--story-date`` gives it; ``None`` otherwise."""


@dataclass(frozen=True)
class InlineCode:
    """One inline code of an XLIFF source or target: its element, id and what it stands for.

    ``kind`` is the element name (``ph``, ``bpt``, ``pc``...), ``id`` its ``id`` (or
    ``rid``/``startRef`` pairing it with another code), ``equiv`` the ``equiv-text``/
    ``equiv``/``disp`` text or native markup a reader would recognise it by.
    """

    kind: str
    id: str
    equiv: str = ""
    offset: int | None = None
    """For a target's code: where it sits in the MT story text, when known."""


@dataclass(frozen=True)
class UnitCodes:
    """The inline codes of one XLIFF unit, and where the unit's target sits in the MT.

    ``mt_start``/``mt_end`` delimit the unit's target paragraph in the story text;
    both are ``None`` when the target has no text of its own.
    """

    label: str
    source: tuple[InlineCode, ...]
    target: tuple[InlineCode, ...]
    mt_start: int | None = None
    mt_end: int | None = None
    has_target: bool = True


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: ``text[start:end]``, inside paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Unit:
    """An aligned unit: zero or more consecutive sentences from each side.

    ``*_start``/``*_end`` are offsets into the respective story texts, ``None``
    where that side contributes nothing (an omission or an addition).
    """

    index: int
    mt_start: int | None
    mt_end: int | None
    ref_start: int | None
    ref_end: int | None
    src_start: int | None
    src_end: int | None
    mt: str
    ref: str
    src: str
    bleu: float | None = None
    chrf: float | None = None
    ter: float | None = None
    diff: tuple[tuple[str, str], ...] = ()

    def counterpart(self) -> tuple[str, str] | None:
        """What the MT is compared with: ``(text, "source")``, else ``(text, "reference")``."""
        if self.src.strip():
            return self.src, "source"
        if self.ref.strip():
            return self.ref, "reference"
        return None


@dataclass(frozen=True)
class Finding:
    """One problem in the MT text, at ``mt[start:end]`` (which equals ``text``)."""

    rule: str
    name: str
    category: Category
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None = None
    concept: str | None = None
    unit: int | None = None


@dataclass(frozen=True)
class Scores:
    """Corpus-level scores over a set of aligned units, with sacrebleu's signatures."""

    bleu: float | None
    chrf: float | None
    ter: float | None
    signature: dict[str, str] = field(default_factory=dict)
    units: int = 0
    stats: dict[str, list[float]] = field(default_factory=dict, compare=False, repr=False)
    """sacrebleu's summed sufficient statistics, so stories' scores can be combined."""


@dataclass(frozen=True)
class StoryResult:
    """Everything wirecheck found out about one story."""

    id: str
    mt_path: str
    ref_path: str | None
    src_path: str | None
    lang: str
    src_lang: str | None
    scores: Scores
    units: tuple[Unit, ...]
    findings: tuple[Finding, ...]
    mt: str
    mt_line: int = 1
    origin: tuple[tuple[int, int, str], ...] = ()
    """Copied from :attr:`StoryInput.origin`."""
    baselined: tuple[Finding, ...] = ()
    """Findings a baseline file already records: kept apart from ``findings`` so they
    neither print nor fail the run (see :mod:`checker.baseline`)."""
    triage: float | None = None
    """The story figure triage orders by (0..100, higher is better; see
    :func:`checker.scoring.story_figure`): chrF counting omitted text (100 without a
    reference), less a share per error and warning; 0 only for an empty translation.
    ``None`` only for results not built by :class:`checker.engine.Checker`."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass(frozen=True)
class RunResult:
    """A whole run: the stories in input order, corpus scores and the run signature."""

    stories: tuple[StoryResult, ...]
    scores: Scores
    signature: dict[str, str]

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.stories for f in s.findings]
