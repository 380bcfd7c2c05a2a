"""``wirecheck rules [CODE]``: list the rules, or print one rule's documentation."""

from __future__ import annotations

import argparse
import json

from checker.cli import SUMMARIES
from checker.config import build_settings
from checker.errors import ConfigError
from checker.rules import all_rules, get_rule, matches_selector
from checker.userchecks import UserCheck


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rules",
        help=SUMMARIES["rules"],
        description="Without CODE, list every rule with its code, name, category, default "
        "severity and summary. With a code or name, print that rule's documentation; "
        "with a prefix (WC2), list that family. User-defined checks (WCU...) of the "
        "configuration found from the current folder are listed after the built-in rules.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="rule code, name or prefix")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    checks = sorted(build_settings().checks, key=lambda c: c.code)
    rules: list = list(all_rules()) + [_UserEntry(c) for c in checks]
    if args.code:
        user = [r for r in rules if isinstance(r, _UserEntry) and args.code in (r.code, r.name)]
        single = user[0] if user else get_rule(args.code)
        if single is not None:
            if args.format == "json":
                print(json.dumps(_describe(single, full=True), ensure_ascii=False, indent=2))
            else:
                print(f"# {single.name} ({single.code})\n")
                print(f"Category: {single.category}. Default severity: {single.severity}.")
                if single.fix_title:
                    applicability = getattr(single, "fix_applicability", "unsafe")
                    kind = {
                        "safe": "applied by --fix",
                        "unsafe": "applied by --fix --unsafe-fixes",
                        "none": "never applied automatically",
                    }.get(applicability, applicability)
                    print(f"Fix: {single.fix_title} ({kind}).")
                if single.languages:
                    print(f"Target languages: {', '.join(sorted(single.languages))}.")
                print()
                print(single.documentation())
            return 0
        rules = [r for r in rules if matches_selector(r.code, args.code) >= 0]
        if not rules:
            raise ConfigError(None, f"no rule has the code, name or prefix {args.code!r}")
    if args.format == "json":
        print(json.dumps([_describe(r) for r in rules], ensure_ascii=False, indent=2))
        return 0
    width = max((len(r.name) for r in rules), default=4)
    for rule in rules:
        print(
            f"{rule.code}  {rule.name:<{width}}  {rule.category:<12}  "
            f"{rule.severity:<7}  {rule.summary()}"
        )
    return 0


def _describe(rule: type, full: bool = False) -> dict[str, object]:
    data: dict[str, object] = {
        "code": rule.code,
        "name": rule.name,
        "category": str(rule.category),
        "severity": str(rule.severity),
        "summary": rule.summary(),
        "fix": rule.fix_title,
        "fix_applicability": getattr(rule, "fix_applicability", "unsafe"),
        "languages": sorted(rule.languages) if rule.languages else None,
    }
    if full:
        data["documentation"] = rule.documentation()
    return data


class _UserEntry:
    """A user-defined check, described with the attributes a rule class has."""

    fix_title = None

    def __init__(self, check: UserCheck) -> None:
        self.check = check
        self.code, self.name, self.severity = check.code, check.name, check.severity
        self.category = "custom"
        self.languages = frozenset(check.languages) or None

    def summary(self) -> str:
        return self.check.description or self.check.message

    def documentation(self) -> str:
        kind = "pair check" if self.check.is_pair else "pattern check"
        lines = [f"User-defined {kind} from {self.check.origin}.", "", self.summary(), ""]
        lines.append(f"Pattern: `{self.check.pattern}`")
        if self.check.source_pattern:
            must = "must" if self.check.must_match else "must not"
            source = self.check.source_pattern
            lines.append(f"When the source matches `{source}`, the MT {must} match.")
        if self.check.suggestion is not None:
            lines.append(f"Suggestion: `{self.check.suggestion}`")
        return "\n".join(lines)
