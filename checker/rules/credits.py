"""Photo-credit rule (WC307): captions and credits of the page's photos, kept by a scraper.

A credit is recognised by its shape (``AGENCY/Name``, ``(Photo by NAME / AFP)``, ``© Name``)
and by each language's credit words (the ``chrome`` table of
``checker/rules/langdata/<lang>.toml``, see :mod:`checker.rules.chrome`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from checker.context import StoryContext
from checker.rules import langdata
from checker.rules.base import Hit
from checker.rules.boilerplate import story_languages, stripped_lines
from checker.rules.chrome import ChromeRule, vocabulary


def _agency_names() -> list[str]:
    names = {a["name"] for a in langdata.agencies()}
    names |= {f for a in langdata.agencies() for f in a.get("forms", []) if f.isupper()}
    names |= {"Getty Images", "GETTY IMAGES", "Shutterstock", "Bloomberg", "Anadolu", "AA",
              "PA", "AP Photo", "Sipa", "SIPA", "Xinhua", "Imago", "IMAGO", "Keystone"}
    return sorted(n for n in names if not n.startswith("("))


MAX_CAPTION_WORDS = 80
"""A longer line ending with a credit is story text with the credit glued on."""
_QUOTES = "“”«»\"„"


@cache
def _credit_tail() -> regex.Pattern[str]:
    agencies = langdata.alternation(_agency_names())
    shapes = [
        # (Photo by MICHELE CATTANI / AFP), (Picture: Getty Images), (Foto: dpa)
        r"\(?\s*(?:Photo|PHOTO|Picture|Image|Foto|FOTO|Bild|Imagen|Fotografía)"
        r"\s*(?:by|:|/|de|von)\s*[^()\n]{1,60}\)",
        # (AFP Photo / Carl de Souza), ( AFP PHOTO / JOSEPH EID), (AFP/Bulent Kilic)
        rf"\(\s*{agencies}(?:[ -](?:PHOTO|Photo|Foto|Bildfunk))?\s*/\s*[^()\n]{{1,50}}\)",
        # REUTERS/Charles Platiau, EFE/Juan Pérez, AFP PHOTO/CHRIS JEK
        r"\b(?:REUTERS|EFE|AFP|AP|DPA|ANSA|XINHUA)(?: PHOTO)?\s?/\s?"
        r"\p{Lu}[\p{L} .'’-]{1,40}",
        # © REUTERS/Jean-Paul Pelissier, © Jeff Pachoud / AFP
        r"©\s*[^©\n]{1,60}",
    ]
    return regex.compile(r"(?:" + "|".join(shapes) + r")\s*$")


class PhotoCreditLine(ChromeRule):
    """Finds photo and video credits and the captions they end: "PHOTO … /AGENCE FRANCE-PRESSE".

    Three shapes, none tied to a site: a line that starts with a credit word of the
    target (or source) language ("PHOTO", "FILE PHOTO:", "Foto:", "VIDEO") and is in
    capitals or ends with a credit; any line that ends with a credit
    (`REUTERS/Name`, `(Photo by NAME / AFP)`, `(AFP Photo / Name)`, `© Name`) — a
    caption; and a credit glued after the last sentence of a paragraph
    (`… erholt“. Foto: La Moncloa`), of which only the credit is flagged. A caption
    whose aligned reference (the agency's own version) ends with a credit too is part
    of the story and is left alone.

    ## Why it matters
    The photo is not in the wire story; its caption and credit read as a stray
    paragraph, often in capitals.

    ## Example
    `PHOTO SOUTH KOREAN NATIONAL INTELLIGENCE SERVICE/AGENCE FRANCE-PRESSE`,
    `FILE PHOTO: The minister attends a meeting in Brussels. REUTERS/Jane Doe`.

    ## Use instead
    Delete the line (or the credit).
    """

    code = "WC307"
    name = "photo-credit-line"
    fix_title = "Delete the caption or credit"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        opener, glued = _credit_patterns(story_languages(story))
        tail = _credit_tail()
        text = story.text
        captioned = _captioned_units(story, tail)
        for start, end in stripped_lines(text):
            line = text[start:end]
            if any(u_start < end and start < u_end for u_start, u_end in captioned):
                continue  # the agency's own version carries the caption: it is content
            # Every credit shape holds one of "(…)", "/" or "©": most lines hold none.
            credit = tail.search(line) if _may_hold_credit(line) else None
            if opener.match(line) and (
                _mostly_upper(line) or credit or len(line.split()) <= 8
            ):
                yield Hit(start, end, f"photo or video credit '{line[:60]}'", suggestion="")
            elif credit and not line.endswith((".", "!", "?")):
                if len(line.split()) <= MAX_CAPTION_WORDS and not any(q in line for q in _QUOTES):
                    yield Hit(start, end, f"photo caption with credit '{line[:60]}…'",
                              suggestion="")
                else:  # story text with a credit glued on: only the credit goes
                    gap = len(line[: credit.start()]) - len(line[: credit.start()].rstrip())
                    yield Hit(start + credit.start() - gap, end,
                              f"photo credit '{credit.group().strip()}' glued to the paragraph",
                              suggestion="")
            elif ":" in line and (match := glued.search(line)) is not None:
                yield Hit(
                    start + match.start("gap"), end,
                    f"photo credit '{match.group('credit')}' glued to the paragraph",
                    suggestion="",
                )


def _mostly_upper(line: str) -> bool:
    """Whether at least 80% of the letters of ``line`` (and at least one) are capitals."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _captioned_units(
    story: StoryContext, tail: regex.Pattern[str]
) -> list[tuple[int, int]]:
    """MT spans of the units whose aligned reference text ends with a credit too."""
    return [
        (unit.mt_start, unit.mt_end) for unit in story.units
        if unit.mt_start is not None and unit.mt_end is not None and unit.ref
        and _may_hold_credit(unit.ref) and tail.search(unit.ref.rstrip())
    ]


def _may_hold_credit(text: str) -> bool:
    """Whether ``text`` holds one of ")", "/" and "©", which every credit shape does."""
    return ")" in text or "/" in text or "©" in text


@cache
def _credit_patterns(langs: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A line opening with a credit word; a credit glued after a paragraph's last sentence."""
    credit_word = vocabulary(langs).credit.pattern
    agencies = langdata.alternation(_agency_names())
    opener = regex.compile(
        rf"^(?:{agencies}\s+)?(?:{credit_word})"
        r"(?:\s*:|\s+/|\s+[–—-]\s*$|\s+(?=(?-i:\p{Lu}{2})))",
        regex.IGNORECASE,
    )
    glued = regex.compile(
        rf"(?<=[.!?\"”“»])(?P<gap>[ \t\u00a0]+)(?P<credit>(?:{credit_word})\s*:\s*"
        r"[^.!?:\n]{2,70})$",
        regex.IGNORECASE,
    )
    return opener, glued
