"""``wirecheck check``: check a feed and print findings; the exit status gates CI."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from checker.atomic import atomic_open
from checker.baseline import Baseline, BaselineWriter
from checker.cli.common import (
    add_feed_arguments,
    job_count,
    settings_from_args,
    stories_from_args,
)
from checker.config import FAIL_ON, Settings
from checker.engine import Checker, CorpusScores
from checker.errors import InputError
from checker.model import StoryResult
from checker.output import FORMATTERS, OutputOptions, reaches
from checker.parallel import check_stories, default_jobs
from checker.progress import Progress, count_stories, wanted
from checker.review import (
    ReviewFile,
    StaleDecision,
    default_review_path,
    drop_dismissed,
    stale_decisions,
)
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
    out.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress line on stderr (default: on a terminal, outside CI, "
                     "once the run lasts two seconds)")
    parser.add_argument(
        "--review-file", metavar="FILE",
        help="honour the dismissals recorded by 'wirecheck review' in FILE (default: the "
        "review file beside the first MT path, when it exists); '-' to ignore it",
    )
    base = parser.add_argument_group("baseline")
    base.add_argument("--baseline", metavar="FILE",
                      help="findings recorded in FILE neither print nor fail the run; "
                      "entries that no longer match are reported on stderr")
    base.add_argument("--write-baseline", metavar="FILE",
                      help="record every finding of this run in FILE (atomically) and exit 0")
    scale = parser.add_argument_group("scale")
    scale.add_argument("-j", "--jobs", type=job_count, default=None, metavar="N",
                       help="check stories in N processes (default: the number of cores; "
                       "1 checks in this process)")
    scale.add_argument("--dask", action="store_true",
                       help="run the check as a Dask bag on a local cluster of --jobs "
                       "processes (needs wirecheck[dask]); MT may be a glob pattern")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="run the Dask bag on this Dask scheduler (implies --dask)")
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


def results_from_args(
    args: argparse.Namespace, settings: Settings, checker: Checker
) -> Iterator[StoryResult]:
    """Results in input order: in this process, a process pool, or a Dask bag."""
    jobs = args.jobs or default_jobs()
    if args.dask or args.scheduler:
        from checker.dask_runner import dask_results

        return dask_results(
            args.mt, settings, args.ref, args.src, args.lang, args.src_lang,
            scheduler=args.scheduler, workers=jobs,
        )
    return check_stories(stories_from_args(args), settings, jobs, checker)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args, fail_on=args.fail_on)
    checker = Checker(settings)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    recorder = BaselineWriter() if args.write_baseline else None
    review = _review_file(args)
    stale: list[StaleDecision] = []
    show_progress = wanted(sys.stderr, args.progress)
    progress = Progress(count_stories(args.mt) if show_progress else None, enabled=show_progress)
    failed = False
    summary = Summary()
    corpus = CorpusScores()
    with output_stream(args.output) as stream:
        options = OutputOptions(
            color=_use_colour(args.color, stream, args.output is not None),
            fail_on=settings.fail_on,
            statistics=args.statistics,
            quiet=args.quiet,
        )
        formatter = FORMATTERS[args.format](stream, options)
        try:
            for result in results_from_args(args, settings, checker):
                if review is not None:
                    stale.extend(stale_decisions(review, [result]))
                    result = drop_dismissed(result, review)
                if baseline is not None:
                    result = baseline.apply(result)
                if recorder is not None:
                    recorder.add(result)
                formatter.story(result)
                summary.add(result)
                corpus.add(result)
                failed = failed or any(reaches(f, settings.fail_on) for f in result.findings)
                progress.advance()
        finally:
            progress.close()
        formatter.finish(summary, corpus.scores(checker), checker.signature())
    for decision in stale[:10]:
        print(f"wirecheck: {review.path if review else ''}: {decision}", file=sys.stderr)
    if baseline is not None:
        _report_unmatched(baseline)
    if recorder is not None:
        recorder.write(args.write_baseline)
        print(
            f"wirecheck: recorded {len(recorder)} findings in {args.write_baseline}",
            file=sys.stderr,
        )
        return EXIT_CLEAN
    if failed and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _review_file(args: argparse.Namespace) -> ReviewFile | None:
    """The editors' review decisions to honour, if any."""
    if args.review_file == "-":
        return None
    path = Path(args.review_file) if args.review_file else default_review_path(args.mt[0])
    if args.review_file and not path.is_file():
        raise InputError(str(path), "review file does not exist")
    return ReviewFile.load(path) if path.is_file() else None


def _report_unmatched(baseline: Baseline, shown: int = 10) -> None:
    stale = baseline.unmatched()
    if not stale:
        return
    print(
        f"wirecheck: {baseline.path}: {len(stale)} baseline "
        f"{'entry matches' if len(stale) == 1 else 'entries match'} no finding any more "
        "(refresh it with --write-baseline)",
        file=sys.stderr,
    )
    for story, rule, text, occurrence in stale[:shown]:
        nth = f" (occurrence {occurrence + 1})" if occurrence else ""
        print(f"  {story}: {rule} {text!r}{nth}", file=sys.stderr)
    if len(stale) > shown:
        print(f"  ... and {len(stale) - shown} more", file=sys.stderr)
