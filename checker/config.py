"""Settings for a run: defaults, ``[tool.wirecheck]`` / ``wirecheck.toml``, then the CLI.

Configuration is looked up from the current folder upwards: the first folder with a
``wirecheck.toml`` (top-level keys) or a ``pyproject.toml`` holding a
``[tool.wirecheck]`` table wins. Command-line options override the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.langtags import language
from checker.model import Severity
from checker.storydate import iso_date
from checker.userchecks import UserCheck, load_check_file, merge_checks, parse_checks

FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a run reports. Part of the run signature."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Severity overrides keyed by code or code prefix (longest prefix wins)."""
    fail_on: str = "error"
    lang: str | None = None
    src_lang: str | None = None
    chrf_threshold: float = 20.0
    """Units scoring below this chrF against their reference get a ``score`` finding."""
    ter: bool = False
    min_detect_chars: int = 40
    """Segments with fewer letters than this are never language-identified."""
    glossaries: tuple[str, ...] = ()
    default_glossary: bool = True
    glossary_langs: tuple[str, ...] = ()
    """(source, target) languages of headerless bilingual CSV/TSV glossaries."""
    merge_glossaries: bool = False
    """Merge same-id concepts of different user glossaries (else each keeps its own)."""
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per-rule options, keyed by rule code or name: ``[tool.wirecheck.rules.WC301]``."""
    checks: tuple[UserCheck, ...] = ()
    """User-defined checks (``[[tool.wirecheck.checks]]`` and ``check-files``)."""
    feed_names: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Names the feed spells more than one way (name key → {form: stories}); filled by
    :func:`checker.feedcheck.with_feed_names` before a run, never from configuration."""
    story_date: str | None = None
    """ISO date of stories whose file gives none (plain text): ``--story-date``."""
    config_path: str | None = None

    def severity_for(self, code: str, default: Severity) -> Severity:
        best, chosen = -1, default
        for prefix, severity in self.severity.items():
            if code.startswith(prefix.upper()) and len(prefix) > best:
                best, chosen = len(prefix), severity
        return chosen

    def options_for(self, code: str, name: str) -> Mapping[str, Any]:
        merged: dict[str, Any] = {}
        merged.update(self.rule_options.get(name, {}))
        merged.update(self.rule_options.get(code, {}))
        return merged


_LIST_KEYS = {"select", "extend_select", "ignore", "glossaries", "glossary_langs"}
_KNOWN = ({f.name for f in fields(Settings)} - {"config_path", "feed_names"}) | {"check_files"}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``wirecheck.toml``, or ``pyproject.toml`` with ``[tool.wirecheck]``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "wirecheck.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                raw = pyproject.read_text(encoding="utf-8")
                data = tomllib.loads(raw)
            except (OSError, UnicodeDecodeError):
                continue
            except RecursionError:
                raise ConfigError(str(pyproject), "invalid TOML: nested too deeply") from None
            except tomllib.TOMLDecodeError as exc:
                if re.search(r"^\s*\[+\s*tool\s*\.\s*wirecheck\b", raw, re.MULTILINE):
                    raise ConfigError(str(pyproject), f"invalid TOML: {exc}") from None
                continue  # someone else's broken file
            if "wirecheck" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: Path) -> dict[str, Any]:
    """The wirecheck table of ``path`` as Settings keyword arguments."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read configuration: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "configuration is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(str(path), "invalid TOML: nested too deeply") from None
    table = data.get("tool", {}).get("wirecheck", {}) if path.name == "pyproject.toml" else data
    return _coerce(table, str(path))


def _coerce(table: Mapping[str, Any], origin: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    base = Path(origin).parent
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(origin, "'rules' must be a table of tables, one per rule")
            values["rule_options"] = {k: dict(v) for k, v in value.items()}
            continue
        if key not in _KNOWN:
            raise ConfigError(origin, f"unknown option '{raw_key}'")
        if key == "checks":
            values["checks"] = merge_checks(values.get("checks", ()), parse_checks(value, origin))
            continue
        if key == "check_files":
            files = [value] if isinstance(value, str) else value
            if not isinstance(files, list) or not all(isinstance(v, str) for v in files):
                raise ConfigError(origin, f"'{raw_key}' must be a list of file paths")
            loaded = [load_check_file(base / name, origin) for name in files]
            values["checks"] = merge_checks(values.get("checks", ()), *loaded)
            continue
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(origin, f"'{raw_key}' must be a list of strings")
            if key == "glossaries":
                value = [str((base / v).resolve()) for v in value]
            elif key == "glossary_langs":
                value = parse_glossary_langs(value, origin)
            value = tuple(value)
        elif key == "severity":
            value = parse_severities(value, origin)
        elif key in ("lang", "src_lang"):
            if not isinstance(value, str) or language(value) is None:
                raise ConfigError(origin, f"'{raw_key}' must be a language tag such as en or en-US")
            value = language(value)
        elif key == "story_date":
            value = parse_story_date(value, f"'{raw_key}' in {origin}")
        elif key == "fail_on" and value not in FAIL_ON:
            raise ConfigError(origin, f"'fail-on' must be one of {', '.join(FAIL_ON)}")
        values[key] = value
    return values


def parse_story_date(value: Any, origin: str) -> str:
    """An ISO date (``2024-03-05``; a date-time gives its date), else a ConfigError."""
    if isinstance(value, date):  # TOML's own date (story-date = 2024-03-05)
        value = value.isoformat()
    found = iso_date(value) if isinstance(value, str) else None
    if found is None:
        raise ConfigError(origin, f"story date must be an ISO date such as 2024-03-05, "
                          f"not {value!r}")
    return found


def parse_glossary_langs(value: list[str], origin: str) -> list[str]:
    """Two language tags, source then target, each reduced to its language."""
    langs = [language(v) for v in value]
    if len(langs) != 2 or None in langs:
        raise ConfigError(
            origin, "'glossary-langs' must be two language tags, source then target (fr, en)"
        )
    return [lang for lang in langs if lang is not None]


def parse_severities(value: Any, origin: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(origin, "'severity' must map rule codes to error, warning or info")
    out = {}
    for code, level in value.items():
        try:
            out[code.upper()] = Severity(level)
        except ValueError:
            raise ConfigError(
                origin, f"severity of {code} must be error, warning or info, not {level!r}"
            ) from None
    return out


def build_settings(
    overrides: Mapping[str, Any] | None = None,
    config: Path | None = None,
    isolated: bool = False,
) -> Settings:
    """Defaults, then the configuration file (found or given), then ``overrides``.

    ``overrides`` holds only what the user set on the command line (``None`` values
    are ignored); ``extend_select``/``ignore`` add to the file's lists, the rest replace.
    """
    settings = Settings()
    path = None if isolated else (config or find_config())
    if path is not None:
        settings = replace(settings, config_path=str(path), **load_config(path))
    changes: dict[str, Any] = {}
    for key, value in (overrides or {}).items():
        if value is None or value == ():
            continue
        if key in ("extend_select", "ignore", "glossaries"):
            value = tuple(getattr(settings, key)) + tuple(value)
        elif key == "severity":
            value = {**settings.severity, **value}
        elif key == "rule_options":
            value = {**settings.rule_options, **value}
        changes[key] = value
    return replace(settings, **changes)
