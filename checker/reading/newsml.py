"""IPTC NewsML-G2 text items: a ``newsItem``, or every text ``newsItem`` of a ``newsMessage``.

The story text is, one paragraph each: ``contentMeta/headline`` (the first), the byline
``contentMeta/by``, then the body paragraphs of the first ``contentSet/inlineXML`` —
XHTML (``p``, ``h1``–``h6``, ``li``, walking into ``div``, ``section``, ``blockquote``
and lists) or NITF (see :mod:`checker.reading.nitf`; its ``body.head`` fills in what
``contentMeta`` lacks). ``contentMeta/dateline`` opens the first body paragraph. A
``text/plain`` ``inlineData`` is split into paragraphs at blank lines. The language is
the ``xml:lang`` of the ``inlineXML``, else ``contentMeta/language/@tag``, else the
item's ``xml:lang``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.reading.files import FeedEntry
from checker.reading.nitf import add_body, head_pieces, walk_paragraphs
from checker.reading.safexml import Element, StoryText

XHTML_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
                              "figcaption", "pre"})
XHTML_SKIPPED = frozenset({"head", "script", "style", "table", "img", "figure-img"})


def read_newsml(path: Path, root: Element) -> Iterator[FeedEntry]:
    """Stories of a NewsML-G2 file; items without text (pictures, video) are skipped."""
    if root.tag == "newsItem":
        items = [root]
    else:
        item_set = root.child("itemSet")
        items = item_set.children_named("newsItem") if item_set is not None else []
    stories = [entry for entry in (_item_story(path, item) for item in items) if entry]
    if not stories:
        raise InputError(str(path), "no newsItem with inlineXML or text inlineData content")
    if len(stories) == 1:
        yield stories[0]
        return
    for number, entry in enumerate(stories, start=1):
        yield FeedEntry(f"{path.stem}/{number}", entry.text, entry.path, entry.line,
                        entry.lang, origin=entry.origin)


def _item_story(path: Path, item: Element) -> FeedEntry | None:
    content = _content(item)
    if content is None:
        return None
    meta = item.child("contentMeta")
    nitf = content.child("nitf")
    headlines, bylines, dateline = (
        head_pieces(nitf, "inlineXML/") if nitf is not None else ([], [], None)
    )
    # contentMeta wins over the inline NITF's body.head, field by field.
    if meta is not None:
        headline, by, line = meta.child("headline"), meta.child("by"), meta.child("dateline")
        if headline is not None:
            headlines = [(headline.text(), headline.line, "contentMeta/headline")]
        if by is not None:
            bylines = [(by.text(), by.line, "contentMeta/by")]
        if line is not None:
            dateline = (line.text(), line.line, "contentMeta/dateline")
    story = StoryText()
    for piece in (*headlines, *bylines):
        story.add(*piece)
    if dateline is not None:
        story.lead(*dateline)
    if content.tag == "inlineData":
        _plain_paragraphs(content, story)
    elif nitf is not None:
        add_body(nitf, story, "inlineXML/")
    else:
        html = content.child("html")
        body = html.child("body") if html is not None else None
        walk_paragraphs(
            body or content, story, "inlineXML", Counter(), XHTML_PARAGRAPHS, XHTML_SKIPPED
        )
    lang = content.get("xml:lang") or _meta_language(meta) or item.get("xml:lang")
    return FeedEntry(path.stem, story.text(), str(path), lang=lang, origin=tuple(story.origin))


def _content(item: Element) -> Element | None:
    """The first inlineXML, or a text/plain inlineData, of the item's contentSet."""
    content_set = item.child("contentSet")
    if content_set is None:
        return None
    for element in content_set.elements():
        if element.tag == "inlineXML":
            return element
        if element.tag == "inlineData" and (element.get("contenttype") or "").startswith(
            "text/plain"
        ):
            return element
    return None


def _meta_language(meta: Element | None) -> str | None:
    language = meta.child("language") if meta is not None else None
    return language.get("tag") if language is not None else None




def _plain_paragraphs(data: Element, story: StoryText) -> None:
    """Paragraphs of a text/plain inlineData, split at blank lines."""
    text = data.text()
    offset = number = 0
    for piece in re.split(r"(\n[ \t]*\n)", text):
        if piece.strip():
            number += 1
            first = offset + len(piece) - len(piece.lstrip())
            line = data.line + text.count("\n", 0, first)
            story.add(piece, line, f"inlineData/paragraph[{number}]")
        offset += len(piece)
