"""Options shared by the subcommands that read a feed (check, report, review)."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from checker.config import (
    FAIL_ON,
    Settings,
    build_settings,
    parse_glossary_langs,
    parse_severities,
    parse_story_date,
)
from checker.errors import ConfigError, InputError
from checker.langtags import language
from checker.model import StoryInput
from checker.parallel import max_jobs
from checker.reading import read_feed
from checker.safeio import (
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_STORY_SIZE,
    ENV_MAX_FILE_SIZE,
    ENV_MAX_STORY_SIZE,
    check_story_size,
    format_size,
    max_file_size,
    max_story_size,
    parse_size,
)


def job_count(value: str) -> int:
    """``--jobs`` value: a whole number of processes, at least one."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    cap = max_jobs()
    if jobs > cap:
        print(f"wirecheck: --jobs {jobs} capped at {cap}, the number of cores available",
              file=sys.stderr)
    return min(jobs, cap)


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
        "--story-date", metavar="YYYY-MM-DD",
        help="date of stories whose file gives none (plain text), for glossary terms "
        "valid from a date (default: none)",
    )
    parser.add_argument(
        "--glossary", action="append", default=[], metavar="FILE",
        help="TBX, CSV or TSV glossary; repeat to merge several (added to the default one)",
    )
    parser.add_argument(
        "--no-default-glossary", action="store_true",
        help="do not load the bundled glossary of institutions",
    )
    parser.add_argument(
        "--glossary-langs", metavar="SRC,TGT",
        help="languages of headerless bilingual CSV/TSV glossaries (source<TAB>target); "
        "default: --src-lang and --lang",
    )
    parser.add_argument(
        "--merge-glossaries", action="store_true", default=None,
        help="merge concepts that different glossary files give the same id "
        "(default: each file's ids are its own)",
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
    config.add_argument("--max-file-size", type=_size, metavar="SIZE",
                        help="largest file (or JSON Lines line) read, e.g. 64M (default: "
                        f"{format_size(DEFAULT_MAX_FILE_SIZE)}, or ${ENV_MAX_FILE_SIZE})")
    config.add_argument("--max-story-size", type=_size, metavar="SIZE",
                        help="most characters in one story text (MT, reference or source), "
                        f"e.g. 8M (default: {DEFAULT_MAX_STORY_SIZE >> 20}M, or "
                        f"${ENV_MAX_STORY_SIZE})")


def _size(value: str) -> str:
    try:
        parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def language_option(value: str | None, option: str) -> str | None:
    """A language given on the command line (``en``, ``en-US``, ``DE``) as wirecheck's code."""
    if value is None:
        return None
    found = language(value)
    if found is None:
        raise ConfigError(option, f"{value!r} is not a language tag (expected e.g. en or en-US)")
    return found


def settings_from_args(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings from the configuration file, overridden by the command line."""
    for option, name in (("max_file_size", ENV_MAX_FILE_SIZE),
                         ("max_story_size", ENV_MAX_STORY_SIZE)):
        if getattr(args, option, None):
            os.environ[name] = getattr(args, option)  # worker processes inherit it
    max_file_size()  # a malformed environment value is an error now, not on a worker
    max_story_size()
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
        "lang": language_option(args.lang, "--lang"),
        "src_lang": language_option(args.src_lang, "--src-lang"),
        "chrf_threshold": args.chrf_threshold,
        "ter": args.ter,
        "glossaries": tuple(str(Path(g).resolve()) for g in args.glossary),
        "default_glossary": False if args.no_default_glossary else None,
        "glossary_langs": tuple(
            parse_glossary_langs(args.glossary_langs.split(","), "--glossary-langs")
        ) if args.glossary_langs else None,
        "merge_glossaries": args.merge_glossaries,
        "story_date": parse_story_date(args.story_date, "--story-date")
        if getattr(args, "story_date", None) else None,
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
    """Stories of every MT path given, in order, with their references and sources.

    Story ids must be unique across the run (``a.txt`` and ``a.md`` in one folder are
    both story ``a``): results, baselines and review decisions are keyed by id.
    """
    paths = args.mt if isinstance(args.mt, list) else [args.mt]
    return unique_ids(
        story for path in paths
        for story in read_feed(path, args.ref, args.src, args.lang, args.src_lang)
    )


def unique_ids(stories: Iterable[StoryInput]) -> Iterator[StoryInput]:
    """``stories`` unchanged; InputError at the first id seen twice."""
    seen: dict[str, str] = {}
    for story in stories:
        first = seen.get(story.id)
        if first is not None:
            where = f"{story.mt_path}:{story.mt_line}" if story.mt_line > 1 else story.mt_path
            raise InputError(where, f"duplicate story id {story.id!r} (first in {first}); "
                             "story ids must be unique")
        seen[story.id] = story.mt_path
        check_story_size(story)
        yield story


def _real(path: str | Path) -> str | None:
    try:
        return os.path.realpath(path) if os.path.lexists(path) else None
    except (OSError, ValueError):
        return None


def refuse_clobbering(args: argparse.Namespace, targets: dict[str, str | None]) -> None:
    """ConfigError when an output path (option -> path) would destroy an input.

    Refused: an empty path; a path that is one of the MT, reference, source, glossary,
    configuration, baseline or review files, or a story file inside a folder given as
    one; two outputs naming the same file. Character devices and pipes (``/dev/stdout``,
    ``/dev/null``) are outputs like any other and are never compared.
    """
    from checker.review import default_review_path

    inputs: dict[str, str] = {}
    mt = args.mt if isinstance(args.mt, list) else [args.mt]
    named = [*(("MT", p) for p in mt), ("--ref", args.ref), ("--src", args.src),
             *(("--glossary", g) for g in args.glossary or ()),
             ("--config", args.config), ("--baseline", getattr(args, "baseline", None))]
    review = getattr(args, "review_file", None)
    if review != "-":
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            named.append(("the review file", review or default_review_path(mt[0])))
    for option, path in named:
        real = _real(path) if path else None
        if real is not None:
            inputs[real] = option
    seen: dict[str, str] = {}
    for option, target in targets.items():
        if target is None:
            continue
        if not target:
            raise ConfigError(option, "the output path is empty")
        key = os.path.realpath(target)
        if key in seen:
            raise ConfigError(option, f"{target} is also the {seen[key]} output")
        seen[key] = option
        real = _real(target)
        if real is None or not os.path.isfile(real):
            continue  # new, a device or a pipe; folders are refused by the writer
        if real in inputs:
            raise ConfigError(option, f"{target} is the {inputs[real]} input; refusing to "
                              "overwrite it")
        parent = os.path.dirname(real)
        name = os.path.basename(real)
        if parent in inputs and os.path.isdir(parent) and not name.startswith(".") \
                and ".reviewed." not in name:
            raise ConfigError(option, f"{target} is a story file in the {inputs[parent]} "
                              "folder; refusing to overwrite it")


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM: terminate the workers, remove temporary files, exit with 128 + signal.

    Done here rather than by raising: an exception raised in a signal handler is
    swallowed when it lands in a fork hook or a finaliser, and the run would go on.
    """
    from checker.atomic import discard_pending
    from checker.parallel import terminate_workers

    with contextlib.suppress(Exception):
        terminate_workers()
    with contextlib.suppress(Exception):
        discard_pending()
    with contextlib.suppress(Exception):
        sys.stderr.write("wirecheck: terminated\n")
        sys.stderr.flush()
    os._exit(128 + signum)


def install_signal_handlers() -> Callable[[], None] | None:
    """Handle SIGTERM with :func:`_terminate`; returns what puts the old handler back.

    Only in the main thread (None elsewhere). Not for the terminal UI, which must
    restore the terminal on its way out.
    """
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:
        return None
    return lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
