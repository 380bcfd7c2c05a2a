"""``wirecheck report``: a feed-wide report of glossary concepts and scores.

Reads and checks the feed like ``wirecheck check``, then writes one report: per
glossary concept, how often it appeared, was rendered correctly (per form), garbled,
forbidden or missing, where; and the distribution of story and segment scores. HTML is
one self-contained page with plots; CSV, Markdown and JSON carry the same data.
"""

from __future__ import annotations

import argparse
import sys

from checker.cli import SUMMARIES
from checker.cli.common import (
    add_feed_arguments,
    job_count,
    refuse_clobbering,
    settings_from_args,
    stories_from_args,
)
from checker.engine import Checker
from checker.parallel import default_jobs
from checker.report import FORMATS, check_run, render, report_for_run, write_report


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report",
        help=SUMMARIES["report"],
        description="Check a feed and write one report of how each glossary concept fared "
        "(mentions, correct forms, garbled and forbidden variants with where they occur, "
        "renderings missing from the source) and of the story and segment scores. Exit "
        "status: 0 when the report was written, 2 on bad usage or input.",
    )
    add_feed_arguments(parser)
    out = parser.add_argument_group("output")
    out.add_argument("--format", choices=FORMATS, default="html",
                     help="report format (default: html, one self-contained page)")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="write the report to FILE (atomically); default: stdout")
    out.add_argument("--report-lang", metavar="CODE",
                     help="language to name glossary concepts in (default: the feed's main "
                     "target language, else English)")
    out.add_argument("-j", "--jobs", type=job_count, default=None, metavar="N",
                     help="check stories in N processes (default: the number of cores)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    refuse_clobbering(args, {"-o": args.output})
    checker = Checker(settings)
    result = check_run(stories_from_args(args), settings, args.jobs or default_jobs(), checker)
    report = report_for_run(result, settings, args.report_lang)
    if args.output is None:
        sys.stdout.write(render(report, args.format))
        return 0
    write_report(report, args.output, args.format)
    summary = report["summary"]
    print(
        f"wirecheck: wrote {args.format} report of {summary['stories']} stories "
        f"({summary['concepts_seen']} concepts, {summary['glossary_findings']} glossary "
        f"findings) to {args.output}",
        file=sys.stderr,
    )
    return 0
