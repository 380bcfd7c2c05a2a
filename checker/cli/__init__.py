"""The ``wirecheck`` command line: subcommands are modules of this package.

Each subcommand module has ``register(subparsers)`` (adding its parser, with
``handler=run`` as default) and ``run(args) -> int``. Bad input or usage exits with 2
and one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from checker import __version__
from checker.errors import WirecheckError, one_line

COMMANDS = ("check", "rules", "report", "review")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirecheck",
        description="Check machine-translated news wire copy against references, "
        "sources and glossaries.",
    )
    parser.add_argument("--version", action="version", version=f"wirecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"checker.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"checker.cli.{name}":
                continue  # a subcommand not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from checker.cli.common import install_signal_handlers

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
