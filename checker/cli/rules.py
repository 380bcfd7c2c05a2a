"""``wirecheck rules [CODE]``: list the rules, or print one rule's documentation."""

from __future__ import annotations

import argparse
import json

from checker.errors import ConfigError
from checker.rules import all_rules, get_rule, matches_selector


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "rules",
        help="list the rules or explain one",
        description="Without CODE, list every rule with its code, name, category, default "
        "severity and summary. With a code or name, print that rule's documentation; "
        "with a prefix (WC2), list that family.",
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="rule code, name or prefix")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    rules = list(all_rules())
    if args.code:
        single = get_rule(args.code)
        if single is not None:
            if args.format == "json":
                print(json.dumps(_describe(single, full=True), ensure_ascii=False, indent=2))
            else:
                print(f"# {single.name} ({single.code})\n")
                print(f"Category: {single.category}. Default severity: {single.severity}.")
                if single.fix_title:
                    print(f"Fix: {single.fix_title}.")
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
        "languages": sorted(rule.languages) if rule.languages else None,
    }
    if full:
        data["documentation"] = rule.documentation()
    return data
