"""Story dates: the ISO calendar date (``2024-03-05``) of whatever date a file gives.

Wire formats write dates several ways: NewsML-G2 uses ISO 8601 date-times
(``2024-03-05T10:12:00+01:00``), NITF the basic form (``20240305T101200+0100``), JSON
Lines and configuration whatever their author chose. Only the calendar date matters
to wirecheck (a glossary term valid from a date), taken as written, without moving it
to another time zone.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")
_BASIC = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T[\d.,]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO 8601 date or date-time (extended or basic form).

    ``None`` for anything else, including dates that do not exist (``2023-02-30``).
    """
    if not value:
        return None
    found = _ISO.fullmatch(value) or _BASIC.fullmatch(value)
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups())).isoformat()
    except ValueError:
        return None
