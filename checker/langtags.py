"""Language tags as files write them, reduced to the language wirecheck works in.

Wire and translation files tag their language with BCP 47 tags (``en-US``, ``fr-FR``,
``zh-Hant-TW``), POSIX locales (``pt_BR.UTF-8``), upper or lower case (``DE``,
``ja-jp``), deprecated or three-letter codes (``iw``, ``deu``, ``fre``). Every rule,
glossary and scorer works per language (``en``), so every language read from a file, a
glossary or the command line goes through :func:`language` once. Validation and
canonical forms come from langcodes (the IANA subtag registry).
"""

from __future__ import annotations

from functools import lru_cache

import langcodes

# Languages whose codes langdetect (which picks a story's language) spells differently.
_DETECTOR_CODES = {"nb": "no", "nn": "no", "fil": "tl"}
# Tags that name no language: undetermined, multiple, none, uncoded.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


@lru_cache(maxsize=1024)
def language(tag: str | None) -> str | None:
    """The language of ``tag``: ``en-US`` -> ``en``, ``DE`` -> ``de``, ``nb-NO`` -> ``no``.

    ``None`` for no tag, a tag that names no language (``und``, ``mul``, ``x-default``)
    or text that is not a language tag at all (``source``, ``English``).
    """
    if not tag:
        return None
    text = tag.strip().split(".")[0].split("@")[0].replace("_", "-")  # pt_BR.UTF-8@euro
    try:
        if not text or not langcodes.tag_is_valid(text):
            return None
        primary = langcodes.standardize_tag(text, macro=True).split("-")[0].lower()
    except (ValueError, LookupError):  # langcodes' own parse errors derive from these
        return None
    if primary in _NO_LANGUAGE or primary in ("x", "i"):
        return None
    return _DETECTOR_CODES.get(primary, primary)
