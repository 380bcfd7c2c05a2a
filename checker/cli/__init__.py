"""The ``wirecheck`` command line: subcommands are modules of this package.

Each subcommand module has ``register(subparsers)`` (adding its parser, with
``handler=run`` as default) and ``run(args) -> int``. Bad input or usage exits with 2
and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

from checker import __version__
from checker.errors import WirecheckError, one_line

COMMANDS = ("check", "rules", "report", "review")

SUMMARIES = {
    "check": "check stories and print findings",
    "rules": "list the rules or explain one",
    "report": "write a feed report: glossary concepts and score distributions",
    "review": "review a feed in the terminal: accept fixes, dismiss findings, edit, save",
}
"""One line per subcommand, for ``wirecheck --help`` (the modules' parsers use it too)."""


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (its first word that is not an option), if any."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
        if word in ("-h", "--help", "--version"):
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line parser.

    Given ``argv``, only the subcommand it names is imported and built in full; the
    others get a parser holding their one-line summary (what ``--help`` lists), so
    ``wirecheck check`` never imports the report, review or rules modules and what
    they import. Without ``argv``, every subcommand is built.
    """
    parser = argparse.ArgumentParser(
        prog="wirecheck",
        description="Check machine-translated news wire copy against references, "
        "sources and glossaries.",
    )
    parser.add_argument("--version", action="version", version=f"wirecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = chosen_command(argv) if argv is not None else None
    for name in COMMANDS:
        if argv is not None and name != wanted:
            sub.add_parser(name, help=SUMMARIES[name])
            continue
        try:
            module = importlib.import_module(f"checker.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"checker.cli.{name}":
                continue  # a subcommand not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # Importing builds many objects and frees few: the cycle collector, which would walk
    # them again and again, waits until the command runs.
    collecting = gc.isenabled()
    gc.disable()
    try:
        parser = build_parser(words)
        args = parser.parse_args(words)
        from checker.cli.common import install_signal_handlers
    finally:
        if collecting:
            gc.enable()

    restore = install_signal_handlers() if args.command != "review" else None
    try:
        return int(args.handler(args))
    except WirecheckError as exc:
        print(f"wirecheck: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, MemoryError, RecursionError) as exc:
        if isinstance(exc, BrokenPipeError):
            sys.stderr.close()  # output piped into head & co.: not an error
            return 0
        print(f"wirecheck: error: {one_line(str(exc) or type(exc).__name__)}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wirecheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped into head & co.: not an error
        return 0
    except Exception as exc:  # a bug: one line all the same, the traceback on demand
        if os.environ.get("WIRECHECK_DEBUG"):
            raise
        print(f"wirecheck: internal error: {type(exc).__name__}: {one_line(str(exc))[:300]} "
              "(set WIRECHECK_DEBUG=1 for the traceback)", file=sys.stderr)
        return 2
    finally:
        if restore is not None:
            restore()


def run() -> NoReturn:
    """:func:`main` as a program: exits with its status, skipping the interpreter's
    clean-up when nothing else runs.

    Freeing every object of a long run one by one (what the interpreter does on the way
    out) costs a fifth of a second after a large feed; the exit handlers still run and
    the standard streams are flushed before the process leaves.
    """
    status = main()
    if threading.active_count() == 1:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # closed, or reader gone
                stream.flush()
        os._exit(status)
    raise SystemExit(status)
