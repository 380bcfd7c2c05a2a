"""Options shared by the subcommands that read a feed (check, report, review)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.config import FAIL_ON, Settings, build_settings, parse_severities
from checker.errors import ConfigError
from checker.model import StoryInput
from checker.reading import read_feed


def job_count(value: str) -> int:
    """``--jobs`` value: a whole number of processes, at least one."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return jobs


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


def add_feed_arguments(parser: argparse.ArgumentParser, many: bool = True) -> None:
    """MT/REF/SRC paths, languages, glossaries, rule selection and configuration."""
    parser.add_argument(
        "mt", nargs="+" if many else None, metavar="MT",
        help="machine-translated story: a .txt file, a .jsonl feed, or a folder of them",
    )
    parser.add_argument("--ref", metavar="REF", help="reference story file or folder")
    parser.add_argument("--src", metavar="SRC", help="source story file or folder")
    parser.add_argument(
        "--lang", metavar="CODE", help="target language (default: detected per story)"
    )
    parser.add_argument(
        "--src-lang", metavar="CODE", help="source language (default: detected per story)"
    )
    parser.add_argument(
        "--glossary", action="append", default=[], metavar="FILE",
        help="TBX, CSV or TSV glossary; repeat to merge several (added to the default one)",
    )
    parser.add_argument(
        "--no-default-glossary", action="store_true",
        help="do not load the bundled glossary of institutions",
    )
    rules = parser.add_argument_group("rule selection")
    rules.add_argument("--select", type=_codes, metavar="CODES",
                       help="comma-separated rule codes or prefixes to enable (replaces "
                       "the configured list; default: ALL)")
    rules.add_argument("--extend-select", type=_codes, metavar="CODES",
                       help="codes or prefixes to enable on top of the selection")
    rules.add_argument("--ignore", type=_codes, metavar="CODES",
                       help="codes or prefixes to disable")
    rules.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                       help="override a rule's severity (error, warning, info); repeatable")
    rules.add_argument("--chrf-threshold", type=float, metavar="N",
                       help="units below this chrF get a low-chrf finding (default 20)")
    rules.add_argument("--ter", action="store_true", default=None,
                       help="also compute TER (slow)")
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", type=Path, metavar="FILE",
                        help="wirecheck.toml or pyproject.toml to use instead of the one "
                        "found from the current folder up")
    config.add_argument("--isolated", action="store_true",
                        help="ignore every configuration file")


def settings_from_args(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings from the configuration file, overridden by the command line."""
    severities: dict[str, Any] = {}
    for item in args.severity or []:
        code, sep, level = item.partition("=")
        if not sep:
            raise ConfigError("--severity", f"expected CODE=LEVEL, got {item!r}")
        severities.update(parse_severities({code.strip(): level.strip()}, "--severity"))
    if args.config is not None and not args.config.is_file():
        raise ConfigError(str(args.config), "configuration file does not exist")
    overrides: dict[str, Any] = {
        "select": tuple(args.select) if args.select else None,
        "extend_select": tuple(args.extend_select or ()),
        "ignore": tuple(args.ignore or ()),
        "severity": severities or None,
        "lang": args.lang,
        "src_lang": args.src_lang,
        "chrf_threshold": args.chrf_threshold,
        "ter": args.ter,
        "glossaries": tuple(str(Path(g).resolve()) for g in args.glossary),
        "default_glossary": False if args.no_default_glossary else None,
        **extra,
    }
    fail_on = overrides.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError("--fail-on", f"must be one of {', '.join(FAIL_ON)}")
    for glossary in args.glossary:
        if not Path(glossary).is_file():
            raise ConfigError(glossary, "glossary file does not exist")
    return build_settings(overrides, config=args.config, isolated=args.isolated)


def stories_from_args(args: argparse.Namespace) -> Iterator[StoryInput]:
    """Stories of every MT path given, in order, with their references and sources."""
    paths = args.mt if isinstance(args.mt, list) else [args.mt]
    for path in paths:
        yield from read_feed(path, args.ref, args.src, args.lang, args.src_lang)
