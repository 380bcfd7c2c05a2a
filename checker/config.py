"""Settings for a run: defaults, ``[tool.wirecheck]`` / ``wirecheck.toml``, then the CLI.

Configuration is looked up from the current folder upwards: the first folder with a
``wirecheck.toml`` (top-level keys) or a ``pyproject.toml`` holding a
``[tool.wirecheck]`` table wins. Command-line options override the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.model import Severity

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
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per-rule options, keyed by rule code or name: ``[tool.wirecheck.rules.WC301]``."""
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


_LIST_KEYS = {"select", "extend_select", "ignore", "glossaries"}
_KNOWN = {f.name for f in fields(Settings)} - {"config_path"}


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
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
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
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(origin, f"'{raw_key}' must be a list of strings")
            if key == "glossaries":
                value = [str((base / v).resolve()) for v in value]
            value = tuple(value)
        elif key == "severity":
            value = parse_severities(value, origin)
        elif key == "fail_on" and value not in FAIL_ON:
            raise ConfigError(origin, f"'fail-on' must be one of {', '.join(FAIL_ON)}")
        values[key] = value
    return values


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
