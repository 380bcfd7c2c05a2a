"""``wirecheck check``: check a feed and print findings; the exit status gates CI."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from checker.atomic import atomic_open
from checker.baseline import Baseline, BaselineWriter
from checker.cli import SUMMARIES
from checker.cli.common import (
    add_feed_arguments,
    job_count,
    refuse_clobbering,
    settings_from_args,
    stories_from_args,
)
from checker.config import FAIL_ON, Settings
from checker.engine import Checker, CorpusScores
from checker.errors import ConfigError, InputError
from checker.feedcheck import with_feed_names
from checker.glossary.load import glossary_warnings
from checker.model import Finding, StoryInput, StoryResult
from checker.output import FORMATTERS, OutputOptions, reaches
from checker.output.text import describe_fix, location
from checker.parallel import check_stories, default_jobs
from checker.progress import Progress, count_stories, wanted
from checker.review import (
    ReviewFile,
    StaleDecision,
    default_review_path,
    stale_decisions,
)
from checker.serialize import Summary

if TYPE_CHECKING:  # imported where used: only --fix/--diff runs need it
    from checker.fix import FixResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help=SUMMARIES["check"],
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
        "review file beside each MT path or its folder, when it exists, except in CI "
        "where it must be named); '-' to ignore it",
    )
    parser.add_argument("--show-dismissed", action="store_true",
                        help="list the findings the review file dismisses (on stderr)")
    fix = parser.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true",
                     help="apply the safe fixes: plain-text stories are rewritten in place "
                     "(atomically), JSON Lines and XML stories get a corrected copy beside "
                     "the feed; then check again and print what remains")
    fix.add_argument("--unsafe-fixes", action="store_true",
                     help="with --fix or --diff, apply the unsafe fixes too")
    fix.add_argument("--diff", action="store_true",
                     help="print the fixes as a unified diff (to -o FILE if given) and "
                     "change no story; exit 1 when there is something to fix")
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


class Reviews:
    """The review files whose dismissals this run honours, and what they dismissed."""

    def __init__(self, files: list[ReviewFile]) -> None:
        self.files = files
        self.dismissed: list[tuple[StoryResult, Finding, str | None]] = []
        self.stale: list[tuple[ReviewFile, StaleDecision]] = []

    def skip(self, story_id: str) -> frozenset[tuple[str, str]]:
        """``(rule, text)`` keys dismissed for the story: --fix must leave them alone."""
        for review in self.files:
            entry = review.stories.get(story_id)
            if entry is not None:
                return frozenset(entry.dismissals())
        return frozenset()

    def apply(self, result: StoryResult) -> StoryResult:
        """``result`` without its dismissed findings, which are kept for the report."""
        for review in self.files:
            entry = review.stories.get(result.id)
            if entry is None:
                continue
            self.stale.extend((review, s) for s in stale_decisions(review, [result]))
            dismissals = entry.dismissals()
            kept = []
            for finding in result.findings:
                decision = dismissals.get((finding.rule, finding.text))
                if decision is None:
                    kept.append(finding)
                else:
                    self.dismissed.append((result, finding, decision.reason))
            if len(kept) != len(result.findings):
                result = replace(result, findings=tuple(kept))
            break
        return result

    def report(self, show: bool, shown: int = 10) -> None:
        for review, decision in self.stale[:shown]:
            print(f"wirecheck: {review.path}: {decision}", file=sys.stderr)
        if not self.dismissed:
            return
        names = ", ".join(str(r.path) for r in self.files)
        count = len(self.dismissed)
        print(
            f"wirecheck: {count} {'finding' if count == 1 else 'findings'} dismissed by "
            f"{names}" + ("" if show else " (--show-dismissed lists them)"),
            file=sys.stderr,
        )
        if show:
            for result, finding, reason in self.dismissed:
                why = f" ({reason})" if reason else ""
                print(f"  {location(result, finding)}: {finding.rule} "
                      f"{finding.text!r} dismissed{why}", file=sys.stderr)


class Fixes:
    """What --fix or --diff did to each story, for the report at the end."""

    def __init__(self, unsafe: bool, write: bool) -> None:
        from checker.cli.fixes import FixWriter

        self.unsafe = unsafe
        self.writer = FixWriter() if write else None
        self.fixed: list[tuple[StoryResult, Finding, int]] = []
        self.stories = 0
        self.left_unsafe = 0
        self.diffs: list[str] = []

    def run(self, checker: Checker, stories: Iterator[StoryInput],
            reviews: Reviews) -> Iterator[StoryResult]:
        """Fix each story, write it (or its diff), and yield the check of the fixed text."""
        from checker.fix import fix_story

        for story in stories:
            first = checker.check(story)
            outcome = fix_story(checker, story, self.unsafe, reviews.skip(story.id), first=first)
            self._record(story, first, outcome)
            yield outcome.result

    def _record(self, story: StoryInput, first: StoryResult, outcome: FixResult) -> None:
        self.fixed.extend(
            (first, f, number) for number, applied in enumerate(outcome.rounds, start=1)
            for f in applied
        )
        if not self.unsafe:
            from checker.fix import fixable

            self.left_unsafe += len(fixable(outcome.result.findings, unsafe=True))
        if not outcome.changed:
            return
        self.stories += 1
        if self.writer is not None:
            self.writer.add(story, outcome)
        else:
            from checker.cli.fixes import unified_diff

            self.diffs.append(unified_diff(story, outcome))

    def finish(self, remaining: int) -> None:
        if self.writer is not None:
            self.writer.finish()
        verb = "fixed" if self.writer is not None else "would fix"
        for result, finding, number in self.fixed:
            later = f" (pass {number}, after the fixes above)" if number > 1 else ""
            print(f"  {location(result, finding)}: {finding.rule} {verb}: "
                  f"{describe_fix(finding)}{later}", file=sys.stderr)
        count = len(self.fixed)
        line = (f"wirecheck: {verb} {count} {'finding' if count == 1 else 'findings'} in "
                f"{self.stories} {'story' if self.stories == 1 else 'stories'}")
        if self.writer is not None and self.writer.written:
            line += f" (wrote {', '.join(str(p) for p in self.writer.written)})"
        line += f"; {remaining} {'finding remains' if remaining == 1 else 'findings remain'}"
        if self.left_unsafe:
            line += f" ({self.left_unsafe} with unsafe fixes: --unsafe-fixes applies them)"
        print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    fixing = args.fix or args.diff
    if args.unsafe_fixes and not fixing:
        raise ConfigError("--unsafe-fixes", "applies only with --fix or --diff")
    if fixing and (args.dask or args.scheduler):
        raise ConfigError("--fix", "fixes are applied in this process: drop --dask")
    if args.fix and args.diff:
        raise ConfigError("--diff", "prints the fixes without writing: drop --fix")
    # The checker and its data live to the end of the run: the cycle collector need not
    # walk them while they are built, nor again and again after (forked workers then
    # share their memory pages). Unfrozen at the end, so a caller in the same process
    # collects as before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        settings = settings_from_args(args, fail_on=args.fail_on)
        # Feed-level spellings are counted before any story is checked, so they do not
        # depend on --jobs (a second, cheap read of the MT texts: names only).
        settings = with_feed_names(settings, _feed_stories(args))
        refuse_clobbering(args, {"-o": args.output, "--write-baseline": args.write_baseline})
        checker = Checker(settings)
        for warning in glossary_warnings(settings):
            print(warning, file=sys.stderr)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    try:
        return _check(args, settings, checker)
    finally:
        gc.unfreeze()


def _check(args: argparse.Namespace, settings: Settings, checker: Checker) -> int:
    """Check the stories, print the findings; the exit status."""
    fixing = args.fix or args.diff
    baseline = Baseline.load(args.baseline) if args.baseline else None
    recorder = BaselineWriter() if args.write_baseline else None
    reviews = Reviews(_review_files(args))
    fixes = Fixes(args.unsafe_fixes, write=args.fix) if fixing else None
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
        results = (
            fixes.run(checker, stories_from_args(args), reviews) if fixes is not None
            else results_from_args(args, settings, checker)
        )
        try:
            for result in results:
                result = reviews.apply(result)
                if baseline is not None:
                    result = baseline.apply(result)
                if recorder is not None:
                    recorder.add(result)
                if fixes is None or fixes.writer is not None:
                    formatter.story(result)
                summary.add(result)
                corpus.add(result)
                failed = failed or any(reaches(f, settings.fail_on) for f in result.findings)
                progress.advance()
        finally:
            progress.close()
        if fixes is None or fixes.writer is not None:
            formatter.finish(summary, corpus.scores(checker), checker.signature())
        else:
            stream.write("".join(fixes.diffs))
    if fixes is not None:
        fixes.finish(summary.findings)
    reviews.report(args.show_dismissed)
    if baseline is not None:
        _report_unmatched(baseline)
    if recorder is not None:
        recorder.write(args.write_baseline)
        print(
            f"wirecheck: recorded {len(recorder)} findings in {args.write_baseline}",
            file=sys.stderr,
        )
        return EXIT_CLEAN
    if fixes is not None and fixes.writer is None:
        return EXIT_FINDINGS if fixes.fixed and not args.exit_zero else EXIT_CLEAN
    if failed and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _feed_stories(args: argparse.Namespace) -> Iterator[StoryInput]:
    """Every story of the run, read in this process (Dask runs take glob patterns)."""
    if not (args.dask or args.scheduler):
        yield from stories_from_args(args)
        return
    from checker.dask_runner import story_paths
    from checker.reading import read_feed

    patterns = args.mt if isinstance(args.mt, list) else [args.mt]
    for path in story_paths(patterns):
        yield from read_feed(path, args.ref, args.src, args.lang, args.src_lang)


def _review_files(args: argparse.Namespace) -> list[ReviewFile]:
    """The editors' review files to honour.

    ``--review-file`` names one (``-``: none). Otherwise the review file beside each MT
    path is used, and for a single story also the one beside its folder (where
    ``wirecheck review`` on the folder keeps it). A file found that way is announced on
    stderr, because its dismissals can turn a failing run into a passing one; in CI
    (the ``CI`` environment variable set) it is not honoured unless named.
    """
    if args.review_file == "-":
        return []
    if args.review_file:
        path = Path(args.review_file)
        if not path.is_file():
            raise InputError(str(path), "review file does not exist")
        return [ReviewFile.load(path)]
    candidates: list[Path] = []
    for mt in args.mt:
        path = Path(mt)
        found = [default_review_path(path)]
        if path.is_file():
            found.append(default_review_path(path.parent))
        candidates += [c for c in found if c not in candidates and c.is_file()]
    if not candidates:
        return []
    if os.environ.get("CI"):
        for path in candidates:
            print(f"wirecheck: {path}: review file beside the feed ignored in CI; name it "
                  "with --review-file to honour its dismissals", file=sys.stderr)
        return []
    for path in candidates:
        print(f"wirecheck: {path}: honouring the dismissals of this review file found "
              "beside the feed (--review-file - ignores it)", file=sys.stderr)
    return [ReviewFile.load(path) for path in candidates]


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
