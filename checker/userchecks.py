"""User-defined checks: a desk's own patterns, declared in configuration.

A check is a table under ``[[tool.wirecheck.checks]]`` (or ``[[checks]]`` in
``wirecheck.toml``, or in a shared file named by ``check-files``)::

    [[tool.wirecheck.checks]]
    code = "WCU001"                 # the user range: WCU + three digits
    name = "kiev-spelling"          # kebab-case
    pattern = '\\bKiev\\b'          # a regular expression (``literal = true`` for text)
    message = "write Kyiv, not Kiev"
    severity = "warning"            # error | warning | info (default warning)
    suggestion = "Kyiv"             # may use groups: "\\g<1>", "\\g<name>"
    languages = ["en"]              # target languages; default every language
    ignore-case = false

A *pair* check ties the target to its source: with ``source-pattern``, the check only
looks at aligned units whose source matches it, and reports the unit when the target
``must-match`` (or ``must-not-match``) ``pattern`` and does not (does). This module
only parses and validates; :mod:`checker.rules.custom` turns checks into rules.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from checker.errors import ConfigError
from checker.model import Severity

CODE = regex.compile(r"WCU\d{3}")
NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MATCH_TIMEOUT = 0.25
"""Seconds one pattern may spend on one piece of text before the check gives up on it."""

_KEYS = {
    "code", "name", "pattern", "literal", "ignore-case", "message", "severity",
    "suggestion", "languages", "source-pattern", "source-literal", "must-match",
    "must-not-match", "description",
}


@dataclass(frozen=True)
class UserCheck:
    """One validated user check (patterns kept as text so settings stay picklable)."""

    code: str
    name: str
    pattern: str
    message: str
    severity: Severity = Severity.WARNING
    suggestion: str | None = None
    languages: tuple[str, ...] = ()
    ignore_case: bool = False
    source_pattern: str | None = None
    must_match: bool = False
    """Pair checks: True when the target must match ``pattern`` (else must not)."""
    description: str = ""
    origin: str = ""

    @property
    def is_pair(self) -> bool:
        return self.source_pattern is not None

    def compile(self, pattern: str) -> regex.Pattern[str]:
        flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
        return regex.compile(pattern, flags)

    def fingerprint(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()[:12]


def parse_checks(value: Any, origin: str) -> tuple[UserCheck, ...]:
    """Validate a list of check tables; every problem is a one-line ConfigError."""
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ConfigError(origin, "'checks' must be an array of tables ([[checks]])")
    checks = tuple(_parse_one(table, origin, i + 1) for i, table in enumerate(value))
    _refuse_duplicates(checks)
    return checks


def load_check_file(path: Path, origin: str) -> tuple[UserCheck, ...]:
    """The ``[[checks]]`` of a shared house-profile file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(origin, f"cannot read check file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "check file is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    unknown = set(data) - {"checks"}
    if unknown:
        raise ConfigError(str(path), f"unknown key {sorted(unknown)[0]!r} (expected [[checks]])")
    return parse_checks(data.get("checks", []), str(path))


def merge_checks(*groups: tuple[UserCheck, ...]) -> tuple[UserCheck, ...]:
    """All checks of several sources; a code defined twice is an error."""
    merged = tuple(check for group in groups for check in group)
    _refuse_duplicates(merged)
    return merged


def _refuse_duplicates(checks: tuple[UserCheck, ...]) -> None:
    seen: dict[str, str] = {}
    for check in checks:
        for key in (check.code, check.name):
            if key in seen:
                raise ConfigError(check.origin, f"user check {key!r} is defined twice")
            seen[key] = check.origin


def _parse_one(table: Mapping[str, Any], origin: str, number: int) -> UserCheck:
    where = f"check #{number}"
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(origin, f"{where}: unknown key {sorted(unknown)[0]!r}")

    def text(key: str, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                raise ConfigError(origin, f"{where}: '{key}' is required")
            return None
        if not isinstance(value, str) or (required and not value):
            raise ConfigError(origin, f"{where}: '{key}' must be a non-empty string")
        return value

    def flag(key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise ConfigError(origin, f"{where}: '{key}' must be true or false")
        return value

    code = text("code", required=True) or ""
    if not CODE.fullmatch(code):
        raise ConfigError(origin, f"{where}: code {code!r} is not in the user range WCU000-WCU999")
    where = f"check {code}"
    name = text("name", required=True) or ""
    if not NAME.fullmatch(name):
        raise ConfigError(origin, f"{where}: name {name!r} must be kebab-case")
    pattern = text("pattern", required=True) or ""
    if flag("literal"):
        pattern = regex.escape(pattern)
    source = text("source-pattern")
    if source is not None and flag("source-literal"):
        source = regex.escape(source)
    must, must_not = flag("must-match"), flag("must-not-match")
    if source is None and (must or must_not):
        raise ConfigError(origin, f"{where}: 'must-match'/'must-not-match' need 'source-pattern'")
    if source is not None and must == must_not:
        raise ConfigError(origin, f"{where}: a pair check needs one of must-match, must-not-match")
    severity_name = table.get("severity", "warning")
    try:
        severity = Severity(severity_name)
    except ValueError:
        raise ConfigError(
            origin, f"{where}: severity must be error, warning or info, not {severity_name!r}"
        ) from None
    languages = table.get("languages", [])
    if isinstance(languages, str):
        languages = [languages]
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise ConfigError(origin, f"{where}: 'languages' must be a list of language codes")
    check = UserCheck(
        code=code, name=name, pattern=pattern, message=text("message", required=True) or "",
        severity=severity, suggestion=text("suggestion"),
        languages=tuple(lang.lower().split("-")[0] for lang in languages),
        ignore_case=flag("ignore-case"), source_pattern=source, must_match=must,
        description=text("description") or "", origin=origin,
    )
    for label, value in (("pattern", check.pattern), ("source-pattern", check.source_pattern)):
        if value is None:
            continue
        try:
            compiled = check.compile(value)
        except regex.error as exc:
            raise ConfigError(origin, f"{where}: invalid {label}: {exc}") from None
        if compiled.search("") is not None and label == "pattern":
            raise ConfigError(origin, f"{where}: pattern matches the empty string")
    if check.suggestion is not None and not check.is_pair:
        try:
            check.compile(check.pattern).sub(check.suggestion, "")
            _expand_probe(check)
        except (regex.error, IndexError) as exc:
            raise ConfigError(origin, f"{where}: invalid suggestion: {exc}") from None
    return check


def _expand_probe(check: UserCheck) -> None:
    """Refuse a suggestion that names a group the pattern lacks."""
    compiled = check.compile(check.pattern)
    groups = {str(i) for i in range(compiled.groups + 1)} | set(compiled.groupindex)
    for ref in regex.findall(r"\\g<([^>]+)>|\\(\d+)", check.suggestion or ""):
        name = ref[0] or ref[1]
        if name not in groups:
            raise regex.error(f"unknown group {name!r}")


__all__ = ["MATCH_TIMEOUT", "UserCheck", "load_check_file", "merge_checks", "parse_checks"]
