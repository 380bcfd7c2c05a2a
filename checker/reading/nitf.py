"""NITF (News Industry Text Format, IPTC) documents: one story per file.

The story text is, one paragraph each: the headline(s) of ``body.head/hedline``
(``hl1``, then any ``hl2``), the ``byline``, then the paragraphs of ``body.content``
(``p``, subheads ``hl2``, list items, media captions and credits, walking into
``block``, ``bq`` and lists), then ``body.end/tagline``. The ``dateline`` opens the
first body paragraph, as wire copy prints it. Offsets in findings point into that text;
the story's ``origin`` names the element each paragraph came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from checker.reading.files import FeedEntry
from checker.reading.safexml import Element, StoryText

# Elements of body.content whose text is one paragraph of the story.
PARAGRAPHS = frozenset({"p", "hl2", "li", "dt", "dd", "media-caption", "media-producer"})
# Elements of body.content holding no story text (tables, media files, notes to editors).
SKIPPED = frozenset({"table", "media-reference", "media-object", "media-metadata", "note"})


def read_nitf(path: Path, root: Element) -> Iterator[FeedEntry]:
    """The story of a NITF file, id from the file name."""
    story = StoryText()
    add_head(root, story, prefix="")
    add_body(root, story, prefix="")
    text = story.text()
    yield FeedEntry(
        path.stem, text, str(path), lang=nitf_language(root), origin=tuple(story.origin)
    )


def nitf_language(root: Element) -> str | None:
    for node in (root, root.child("body"), root.child("body", "body.content")):
        if node is not None and node.get("xml:lang"):
            return node.get("xml:lang")
    return None


Piece = tuple[str, int, str]
"""``(text, file line, label)`` of one element."""


def head_pieces(root: Element, prefix: str) -> tuple[list[Piece], list[Piece], Piece | None]:
    """Headlines (``hl1`` then ``hl2``), bylines and the dateline of ``body.head``."""
    head = root.child("body", "body.head")
    if head is None:
        return [], [], None
    headlines: list[Piece] = []
    hedline = head.child("hedline")
    if hedline is not None:
        for level in ("hl1", "hl2"):
            for number, element in enumerate(hedline.children_named(level), start=1):
                label = f"{prefix}hedline/{level}[{number}]"
                headlines.append((element.text(), element.line, label))
    bylines = [
        (element.text(), element.line, f"{prefix}byline[{number}]")
        for number, element in enumerate(head.children_named("byline"), start=1)
    ]
    found = head.child("dateline")
    dateline = (found.text(), found.line, f"{prefix}dateline") if found is not None else None
    return headlines, bylines, dateline


def add_head(root: Element, story: StoryText, prefix: str) -> None:
    """Headlines and bylines as paragraphs, the dateline as the next paragraph's lead."""
    headlines, bylines, dateline = head_pieces(root, prefix)
    for piece in (*headlines, *bylines):
        story.add(*piece)
    if dateline is not None:
        story.lead(*dateline)


def add_body(root: Element, story: StoryText, prefix: str) -> None:
    """Paragraphs of ``body.content``, then the tagline of ``body.end``."""
    content = root.child("body", "body.content")
    counts: Counter[str] = Counter()
    if content is not None:
        walk_paragraphs(content, story, f"{prefix}body.content", counts)
    end = root.child("body", "body.end")
    if end is not None:
        for number, element in enumerate(end.children_named("tagline"), start=1):
            story.add(element.text(), element.line, f"{prefix}body.end/tagline[{number}]")


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
            story.add(element.text(), element.line, label)
        else:
            walk_paragraphs(element, story, prefix, counts, paragraphs, skipped)
