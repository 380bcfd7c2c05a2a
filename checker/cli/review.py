"""``wirecheck review``: review a feed in the terminal (accept, dismiss, edit, save).

Textual is imported inside :func:`run`, so building the parser (and ``wirecheck check``)
never loads it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.cli import SUMMARIES
from checker.cli.common import add_feed_arguments, settings_from_args, stories_from_args
from checker.engine import Checker
from checker.errors import InputError
from checker.review import default_review_path
from checker.review_session import ReviewSession


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review",
        help=SUMMARIES["review"],
        description="Open the stories in a terminal UI: the aligned units side by side with "
        "their findings. Accepted fixes and edits are saved beside each original as "
        "<name>.reviewed.txt (never over it); decisions go to a review file that "
        "reopening restores.",
    )
    add_feed_arguments(parser)
    ui = parser.add_argument_group("review")
    ui.add_argument(
        "--review-file", type=Path, metavar="FILE",
        help="where decisions are kept (default: <first MT path>.reviewed.json beside it)",
    )
    ui.add_argument(
        "--theme", metavar="NAME",
        help="Textual theme, e.g. textual-dark or textual-light (default: textual-dark)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    checker = Checker(settings)
    stories = list(stories_from_args(args))
    first = args.mt[0] if isinstance(args.mt, list) else args.mt
    if not stories:
        raise InputError(str(first), "no stories to review")
    review_path = args.review_file or default_review_path(first)
    session = ReviewSession.open(review_path)

    from checker.tui.app import THEMES, ReviewApp

    if args.theme and args.theme not in THEMES:
        raise InputError("--theme", f"unknown theme {args.theme!r} (one of: "
                         f"{', '.join(sorted(THEMES))})")
    app = ReviewApp(
        stories, checker, session, chrf_threshold=settings.chrf_threshold, theme=args.theme
    )
    app.run()
    return app.return_code or 0
