"""``python -m checker`` runs the ``wirecheck`` command line."""

from checker.cli import main

raise SystemExit(main())
