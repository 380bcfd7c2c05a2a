"""IPTC NewsML-G2 text items: a ``newsItem``, or every text ``newsItem`` of a ``newsMessage``.

The story text is, one paragraph each: ``contentMeta/headline`` (the first), the byline
``contentMeta/by``, then the body paragraphs of the first ``contentSet/inlineXML`` —
XHTML (``p``, ``h1``–``h6``, ``li``, walking into ``div``, ``section``, ``blockquote``
and lists; an HTML5 ``<header>``, where dpa's digitalwires repeat the headline and
byline and list slugline keywords, is skipped) or NITF (see
:mod:`checker.reading.nitf`; its ``body.head`` fills in what ``contentMeta`` lacks).
``contentMeta/dateline`` opens the first body paragraph unless one already starts with
it. A ``text/plain`` ``inlineData`` is split into paragraphs at blank lines, at HTML
paragraph tags (which some agencies put in plain text) and, where some lines are
indented and others not, at indented lines. The language is the ``xml:lang`` of the
``inlineXML``, else ``contentMeta/language/@tag``, else the item's ``xml:lang``. The
story's date is ``itemMeta/versionCreated`` (when this text was written), else
``itemMeta/firstCreated``, else ``contentMeta/contentCreated``, else the inline NITF's.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.reading.nitf import (
    add_body,
    body_paragraphs,
    dateline_forms,
    head_pieces,
    nitf_date,
    walk_paragraphs,
)
from checker.reading.record import FeedEntry
from checker.reading.safexml import Element
from checker.reading.story import StoryText, element_text, opens_a_paragraph
from checker.storydate import iso_date

XHTML_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
                              "figcaption", "pre"})
XHTML_SKIPPED = frozenset({"head", "header", "nav", "script", "style", "table", "img",
                           "figure-img"})
_BLOCK_TAGS = r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|table)\b[^>]*>|<br\s*/?>"
_INLINE_TAGS = re.compile(r"</?(?:span|b|i|em|strong|a|u|sup|sub|font)\b[^>]*>", re.IGNORECASE)
_INDENTED = re.compile(r"^[ \t]{2,}\S|^\t\S", re.MULTILINE)
_FLUSH = re.compile(r"^\S", re.MULTILINE)


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
                        entry.lang, origin=entry.origin, date=entry.date)


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
            headlines = [(element_text(headline), headline.line, "contentMeta/headline")]
        if by is not None:
            bylines = [(element_text(by, spaced=True), by.line, "contentMeta/by")]
        if line is not None:
            dateline = (element_text(line, spaced=True), line.line, "contentMeta/dateline")
    story = StoryText()
    for piece in headlines:
        story.add(*piece, headline=True)
    for piece in bylines:
        story.add(*piece)
    body = _xhtml_body(content) if nitf is None and content.tag == "inlineXML" else None
    if dateline is not None:
        if content.tag == "inlineData":
            first = [content.text()]
        else:
            first = body_paragraphs(nitf.child("body", "body.content") if nitf is not None
                                    else body)
        forms = [dateline[0], *(dateline_forms(nitf) if nitf is not None else [])]
        if not opens_a_paragraph(forms, first):
            story.lead(*dateline)
    if content.tag == "inlineData":
        _plain_paragraphs(content, story)
    elif nitf is not None:
        add_body(nitf, story, "inlineXML/")
    else:
        walk_paragraphs(
            body or content, story, "inlineXML", Counter(), XHTML_PARAGRAPHS, XHTML_SKIPPED
        )
    lang = content.get("xml:lang") or _meta_language(meta) or item.get("xml:lang")
    return FeedEntry(path.stem, story.text(), str(path), lang=lang, origin=tuple(story.origin),
                     date=_item_date(item, meta, nitf))


def _item_date(item: Element, meta: Element | None, nitf: Element | None) -> str | None:
    """The item's ISO date (see the module docstring), if any."""
    item_meta = item.child("itemMeta")
    found = [item_meta.child(name) if item_meta is not None else None
             for name in ("versionCreated", "firstCreated")]
    found.append(meta.child("contentCreated") if meta is not None else None)
    for element in found:
        value = iso_date(element.text()) if element is not None else None
        if value:
            return value
    return nitf_date(nitf) if nitf is not None else None


def _xhtml_body(content: Element) -> Element | None:
    html_root = content.child("html")
    return html_root.child("body") if html_root is not None else None


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
    """Paragraphs of a text/plain inlineData (see the module docstring for the breaks)."""
    text = data.text()
    breaks = [r"\n[ \t]*\n"]
    has_html = re.search(_BLOCK_TAGS, text, re.IGNORECASE) is not None
    if has_html:
        breaks.append(_BLOCK_TAGS)
    if _INDENTED.search(text) and _FLUSH.search(text):
        breaks.append(r"\n(?=[ \t]{2,}\S|\t\S)")
    pattern = re.compile("|".join(f"(?:{b})" for b in breaks), re.IGNORECASE)
    offset = number = 0
    for match in [*pattern.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        piece = text[offset:end]
        if has_html:
            piece = html.unescape(_INLINE_TAGS.sub("", piece))
        if piece.strip():
            number += 1
            raw = text[offset:end]
            first = offset + len(raw) - len(raw.lstrip())
            line = data.line + text.count("\n", 0, first)
            story.add(piece, line, f"inlineData/paragraph[{number}]")
        if match is not None:
            offset = match.end()
