"""Per-language data for the artefact, boilerplate, typography and style rules.

One TOML file per target language (``en.toml``, ``fr.toml``...) beside this module, plus
``common.toml`` for what no language owns (news agencies, social networks, acronyms).
Adding a language is adding a file: every rule that finds its section in the file
applies to that language. This module defines no rules; it only loads and combines data.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

import regex

from checker.errors import ConfigError

COMMON = "common"


def _read(name: str) -> dict[str, Any]:
    resource = resources.files(__name__).joinpath(f"{name}.toml")
    try:
        return tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a packaging bug, but say where
        raise ConfigError(str(resource), f"invalid language data: {exc}") from None


@cache
def available() -> tuple[str, ...]:
    """Codes of the languages that have a data file, sorted."""
    names = (
        entry.name.removesuffix(".toml")
        for entry in resources.files(__name__).iterdir()
        if entry.name.endswith(".toml")
    )
    return tuple(sorted(n for n in names if n != COMMON))


@cache
def load(lang: str) -> Mapping[str, Any]:
    """The data file of ``lang`` (an empty table for a language without one)."""
    return _read(lang) if lang in available() else {}


@cache
def common() -> Mapping[str, Any]:
    """Data shared by every language: agencies, social networks, acronyms."""
    return _read(COMMON)


def section(lang: str, name: str) -> Mapping[str, Any]:
    """Table ``name`` of ``lang``'s data (empty when the language lacks it)."""
    value = load(lang).get(name, {})
    return value if isinstance(value, Mapping) else {}


def languages_with(name: str) -> frozenset[str]:
    """Languages whose data file has a table ``name``: where a rule needing it applies."""
    return frozenset(lang for lang in available() if name in load(lang))


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` literally, longest first; white space in a
    word matches any run of spaces."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    escaped = [r"\s+".join(regex.escape(part) for part in w.split()) for w in unique]
    return "(?:" + "|".join(escaped) + ")" if escaped else "(?!)"


def compile_patterns(
    patterns: Any, origin: str, path: str | None = None, flags: int = regex.IGNORECASE
) -> list[regex.Pattern[str]]:
    """Compile user-supplied regexes (the rule option ``origin``, read from the
    configuration file ``path``), naming both on error."""
    if patterns is None:
        return []
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError(path, f"{origin} must be a list of regular expressions")
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(regex.compile(pattern, flags))
        except regex.error as exc:
            raise ConfigError(
                path, f"{origin}: invalid regular expression {pattern!r}: {exc}"
            ) from None
    return compiled


def agencies() -> list[dict[str, Any]]:
    """News agencies: ``{"name": "AFP", "forms": [...]}`` entries from ``common.toml``."""
    return list(common().get("agencies", []))


T = TypeVar("T")


class PerLanguage(Mapping[str, T], Generic[T]):
    """A rule's compiled data per language, built the first time a story needs it.

    Compiling every language's patterns up front costs a rule most of its start-up
    time, although a feed is usually in one or two languages. ``build`` returns None
    for a language the rule has nothing for; such a language is then absent.
    """

    def __init__(self, langs: Iterable[str], build: Callable[[str], T | None]) -> None:
        self._langs = frozenset(langs)
        self._build = build
        self._built: dict[str, T | None] = {}

    def __getitem__(self, lang: str) -> T:
        if lang not in self._langs:
            raise KeyError(lang)
        if lang not in self._built:
            self._built[lang] = self._build(lang)
        value = self._built[lang]
        if value is None:
            raise KeyError(lang)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(lang for lang in self._langs if lang in self))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, lang: object) -> bool:
        if not isinstance(lang, str):
            return False
        try:
            self[lang]
        except KeyError:
            return False
        return True
