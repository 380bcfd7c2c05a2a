"""``python -m checker`` runs the ``wirecheck`` command line."""

from checker.cli import run

run()
