"""The rule base class: one small unit per check, with its own code, name and docs.

A rule subclasses :class:`Rule`, sets its class attributes and implements
:meth:`Rule.check`, yielding :class:`Hit` objects (spans of the MT text). The engine
turns hits into :class:`~checker.model.Finding` objects, applying the configured
severity. The rule's docstring is its documentation (``wirecheck rules CODE``) and is
written in sections: what it catches, why it matters, example, use instead.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from checker.model import Category, Severity

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.context import StoryContext


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a span of the MT text and what is wrong with it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    concept: str | None = None
    unit: int | None = None


class Rule:
    """Base class of every check. Subclasses set the class attributes below."""

    code: ClassVar[str]
    """Stable identifier: ``WC`` + three digits; the first digit is the family."""
    name: ClassVar[str]
    """kebab-case name that reads as what is found, e.g. ``untranslated-segment``."""
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    fix_title: ClassVar[str | None] = None
    """What to do about a finding, in the imperative ("Translate the segment")."""
    fix_applicability: ClassVar[Literal["safe", "unsafe", "none"]] = "unsafe"
    """Whether ``wirecheck check --fix`` may apply the rule's suggestions: ``"safe"`` when
    they only remove damage and never change what the story says (applied by ``--fix``),
    ``"unsafe"`` when a person should look first (applied with ``--unsafe-fixes``),
    ``"none"`` when the rule never suggests a replacement. Undeclared rules are unsafe."""
    languages: ClassVar[frozenset[str] | None] = None
    """Target languages the rule applies to; ``None`` for every language."""

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        """Built once per run; heavy resources (glossaries, patterns) load here."""
        self.settings = settings
        self.options: Mapping[str, Any] = options or {}

    def applies_to(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages

    def check(self, story: StoryContext) -> Iterable[Hit]:
        raise NotImplementedError

    def signature(self) -> dict[str, str]:
        """What the run signature must record about this rule's resources (glossaries...)."""
        return {}

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring: the one-line description."""
        return (inspect.getdoc(cls) or "").strip().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""
