"""The rule registry: every :class:`Rule` subclass defined in a module of this package.

Adding a rule is adding a module (or a class to a module) here; nothing else lists
rules. Codes are unique and never reused.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache

from checker.rules.base import Hit, Rule

__all__ = [
    "Hit", "Rule", "all_rules", "get_rule", "is_selected", "matches_selector", "select_rules",
]


def _subclasses(cls: type[Rule]) -> Iterable[type[Rule]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")
    rules: dict[str, type[Rule]] = {}
    for rule in _subclasses(Rule):
        if "code" not in rule.__dict__:
            continue  # an intermediate base class
        if rule.code in rules:
            raise RuntimeError(f"rule code {rule.code} is used twice")
        rules[rule.code] = rule
    return tuple(rules[code] for code in sorted(rules))


def get_rule(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


def matches_selector(code: str, selector: str) -> int:
    """Length of ``selector`` if it selects ``code`` (a prefix, or ``ALL``), else -1."""
    selector = selector.strip().upper()
    if selector == "ALL":
        return 0
    return len(selector) if code.startswith(selector) else -1


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[type[Rule]]:
    """Rules whose most specific matching selector is in ``select``, not ``ignore``.

    As in ruff, the longer prefix wins; on a tie, ``ignore`` wins.
    """
    select, ignore = list(select), list(ignore)
    return [rule for rule in all_rules() if is_selected(rule.code, select, ignore)]


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """True when the most specific selector matching ``code`` is in ``select``."""
    best_select = max((matches_selector(code, s) for s in select), default=-1)
    best_ignore = max((matches_selector(code, s) for s in ignore), default=-1)
    return best_select >= 0 and best_select > best_ignore
