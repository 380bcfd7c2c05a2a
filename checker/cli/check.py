"""``wirecheck check``: check a feed and print findings; the exit status gates CI."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO

from checker.atomic import atomic_open
from checker.cli.common import add_feed_arguments, settings_from_args, stories_from_args
from checker.config import FAIL_ON
from checker.engine import Checker
from checker.output import FORMATTERS, OutputOptions, reaches
from checker.serialize import Summary

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="check stories and print findings",
        description="Align each MT story with its reference and/or source, score it, run "
        "the rules and print the findings. Exit status: 0 when no finding reaches "
        "--fail-on, 1 when one does, 2 on bad usage or input.",
    )
    add_feed_arguments(parser)
    out = parser.add_argument_group("output")
    out.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                     help="output format (default: text)")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="write the output to FILE (atomically) instead of stdout")
    out.add_argument("--fail-on", choices=FAIL_ON, default=None,
                     help="lowest severity that makes the exit status 1 (default: error)")
    out.add_argument("--exit-zero", action="store_true",
                     help="exit 0 even when findings reach --fail-on")
    out.add_argument("--statistics", action="store_true",
                     help="print the number of findings per rule")
    out.add_argument("-q", "--quiet", action="store_true",
                     help="text format: print only the summary")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the text output (default: when stdout is a terminal)")
    parser.set_defaults(handler=run)


def _use_colour(choice: str, stream: TextIO, to_file: bool) -> bool:
    if choice != "auto":
        return choice == "always"
    if to_file or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with atomic_open(path) as stream:
        yield stream


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, fail_on=args.fail_on)
    checker = Checker(settings)
    stories = stories_from_args(args)
    failed = False
    summary = Summary()
    with output_stream(args.output) as stream:
        options = OutputOptions(
            color=_use_colour(args.color, stream, args.output is not None),
            fail_on=settings.fail_on,
            statistics=args.statistics,
            quiet=args.quiet,
        )
        formatter = FORMATTERS[args.format](stream, options)
        results = []
        for story in stories:
            result = checker.check(story)
            formatter.story(result)
            summary.add(result)
            results.append(result)
            failed = failed or any(reaches(f, settings.fail_on) for f in result.findings)
        formatter.finish(summary, checker.corpus_scores(results), checker.signature())
    if failed and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
