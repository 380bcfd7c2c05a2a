"""NITF (News Industry Text Format, IPTC) documents: one story per file.

The story text is, one paragraph each: the headline(s) of ``body.head/hedline``
(``hl1``, then any ``hl2`` that is not a copy of it), the ``byline`` (its ``person``
and ``byttl`` kept apart), then the paragraphs of ``body.content`` (``p``, subheads
``hl2``, list items, ``pre`` lines, media captions and credits, walking into
``block``, ``bq`` and lists), then ``body.end/tagline``. The dateline's place
(``location``, or its ``city``; never the machine-readable ``story.date``) opens the
first body paragraph, as wire copy prints it, unless a paragraph already starts with
it. ``<br/>`` separates words. The story's date is the ``norm`` of ``docdata``'s
``date.issue`` (else ``date.release``), else ``pubdata``'s ``date.publication``, else
the dateline's ``story.date`` ``norm``. Offsets in findings point into that text; the story's
``origin`` names the element each paragraph came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from checker.reading.record import FeedEntry
from checker.reading.safexml import Element, clean
from checker.reading.story import StoryText, element_text, opens_a_paragraph
from checker.storydate import iso_date

_MACHINE_DATE = re.compile(r"\d{8}(T\d{4,6})?([+-]\d{4}|Z)?$|\d{4}-\d\d-\d\dT")
# Elements of body.content whose text is one paragraph of the story.
PARAGRAPHS = frozenset({"p", "hl2", "li", "dt", "dd", "media-caption", "media-producer", "pre"})
# Paragraphs that are not body text: a dateline never opens them.
CAPTIONS = frozenset({"media-caption", "media-producer", "figcaption"})
# Elements of body.content holding no story text (tables, media files, notes to editors).
SKIPPED = frozenset({"table", "media-reference", "media-object", "media-metadata", "note"})


def read_nitf(path: Path, root: Element) -> Iterator[FeedEntry]:
    """The story of a NITF file, id from the file name."""
    story = StoryText()
    headlines, bylines, dateline = head_pieces(root, prefix="")
    for piece in headlines:
        story.add(*piece, headline=True)
    for piece in bylines:
        story.add(*piece)
    content = root.child("body", "body.content")
    if dateline is not None and not opens_a_paragraph(
        dateline_forms(root), body_paragraphs(content)
    ):
        story.lead(*dateline)
    add_body(root, story, prefix="")
    yield FeedEntry(
        path.stem, story.text(), str(path), lang=nitf_language(root), origin=tuple(story.origin),
        date=nitf_date(root),
    )


def nitf_date(root: Element) -> str | None:
    """The story's ISO date from its metadata (see the module docstring), if any."""
    head = root.child("head")
    docdata = head.child("docdata") if head is not None else None
    pubdata = head.child("pubdata") if head is not None else None
    dateline = root.child("body", "body.head", "dateline")
    candidates = [
        *(d.get("norm") for d in (docdata.children_named("date.issue") if docdata else [])),
        *(d.get("norm") for d in (docdata.children_named("date.release") if docdata else [])),
        pubdata.get("date.publication") if pubdata is not None else None,
        *(d.get("norm") for d in (dateline.children_named("story.date") if dateline else [])),
    ]
    return next((found for found in map(iso_date, candidates) if found), None)


def nitf_language(root: Element) -> str | None:
    for node in (root, root.child("body"), root.child("body", "body.content")):
        if node is not None and node.get("xml:lang"):
            return node.get("xml:lang")
    return root.get("baselang")


Piece = tuple[str, int, str]
"""``(text, file line, label)`` of one element."""


def head_pieces(root: Element, prefix: str) -> tuple[list[Piece], list[Piece], Piece | None]:
    """Headlines (``hl1`` then ``hl2``), bylines and the dateline of ``body.head``."""
    head = root.child("body", "body.head")
    if head is None:
        return [], [], None
    headlines: list[Piece] = []
    seen: set[str] = set()
    hedline = head.child("hedline")
    if hedline is not None:
        for level in ("hl1", "hl2"):
            for number, element in enumerate(hedline.children_named(level), start=1):
                text = element_text(element)
                if clean(text).casefold() in seen:
                    continue  # an "original headline" repeating hl1
                seen.add(clean(text).casefold())
                headlines.append((text, element.line, f"{prefix}hedline/{level}[{number}]"))
    bylines = [
        (element_text(element, spaced=True), element.line, f"{prefix}byline[{number}]")
        for number, element in enumerate(head.children_named("byline"), start=1)
    ]
    found = head.child("dateline")
    dateline = None
    if found is not None:
        place = dateline_place(found)
        if place:
            dateline = (place, found.line, f"{prefix}dateline")
    return headlines, bylines, dateline


def dateline_place(dateline: Element) -> str:
    """What a dateline prints: its text and location's parts, not a machine-made date.

    EFE repeats ``story.date``'s ``norm`` value (``20170102T222800+0000``) as its text;
    that is metadata, while a ``story.date`` reading ``June 18`` is printed.
    """
    kept = Element(dateline.tag, {}, dateline.line, [
        c for c in dateline.children
        if isinstance(c, str) or c.tag != "story.date" or not _MACHINE_DATE.match(c.text().strip())
    ])
    return clean(element_text(kept, spaced=True))


def dateline_forms(root: Element) -> list[str]:
    """How a body paragraph may already open with the dateline: in full, or its city."""
    found = root.child("body", "body.head", "dateline")
    if found is None:
        return []
    forms = [dateline_place(found)]
    city = next(found.descendants("city"), None)
    if city is not None:
        forms.append(clean(element_text(city)))
    return [form for form in forms if form]


def body_paragraphs(content: Element | None) -> list[str]:
    """The texts of the first paragraph elements of a body, for the dateline check."""
    if content is None:
        return []
    return [element_text(p) for p, _ in zip(content.descendants("p"), range(3), strict=False)]


def add_body(root: Element, story: StoryText, prefix: str) -> None:
    """Paragraphs of ``body.content``, then the tagline of ``body.end``."""
    content = root.child("body", "body.content")
    counts: Counter[str] = Counter()
    if content is not None:
        walk_paragraphs(content, story, f"{prefix}body.content", counts)
    end = root.child("body", "body.end")
    if end is not None:
        for number, element in enumerate(end.children_named("tagline"), start=1):
            story.add(element_text(element), element.line,
                      f"{prefix}body.end/tagline[{number}]", takes_lead=False)


def walk_paragraphs(
    node: Element,
    story: StoryText,
    prefix: str,
    counts: Counter[str],
    paragraphs: frozenset[str] = PARAGRAPHS,
    skipped: frozenset[str] = SKIPPED,
) -> None:
    """Add the text of each paragraph element below ``node``, labelled by position."""
    for element in node.elements():
        if element.tag in skipped:
            continue
        if element.tag in paragraphs:
            counts[element.tag] += 1
            label = f"{prefix}/{element.tag}[{counts[element.tag]}]"
            if element.tag == "pre":
                _add_lines(element, story, label)
            else:
                story.add(element_text(element), element.line, label,
                          takes_lead=element.tag not in CAPTIONS)
        else:
            walk_paragraphs(element, story, prefix, counts, paragraphs, skipped)


def _add_lines(element: Element, story: StoryText, label: str) -> None:
    """Preformatted text (results, line-ups): one paragraph per line."""
    text = element_text(element)
    for number, line in enumerate(text.split("\n")):
        story.add(line, element.line + number, label)
