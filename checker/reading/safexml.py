"""Safe XML for the wire-format readers: a small element tree that knows source lines.

Files are parsed with defusedxml's expat SAX parser: entity declarations (the billion
laughs and external-entity attacks both need one) and external references are refused,
so a hostile file costs nothing but an :class:`~checker.errors.InputError`. A bare
``<!DOCTYPE nitf SYSTEM "nitf.dtd">``, which real NITF files carry, is allowed: expat
never fetches it. Elements keep the line they start on, so outputs can point into the
original file.
"""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.handler import (
    ContentHandler,
    feature_external_ges,
    feature_namespace_prefixes,
    feature_namespaces,
)
from xml.sax.xmlreader import AttributesNSImpl, Locator

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.expatreader import DefusedExpatParser

from checker.errors import InputError
from checker.text import normalise

XML_NS = "http://www.w3.org/XML/1998/namespace"
_XML_SPACE = re.compile(r"[ \t\r\n]+")


@dataclass
class Element:
    """An XML element: local name, attributes by local name, mixed content in order."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Element | str] = field(default_factory=list)

    def elements(self) -> Iterator[Element]:
        """Direct child elements."""
        return (c for c in self.children if isinstance(c, Element))

    def child(self, *tags: str) -> Element | None:
        """The first descendant reached through ``tags``, one level per name."""
        node: Element | None = self
        for tag in tags:
            node = next((c for c in node.elements() if c.tag == tag), None) if node else None
        return node

    def children_named(self, tag: str) -> list[Element]:
        return [c for c in self.elements() if c.tag == tag]

    def descendants(self, tag: str) -> Iterator[Element]:
        """Every element named ``tag`` below this one, in document order."""
        for c in self.elements():
            if c.tag == tag:
                yield c
            yield from c.descendants(tag)

    def get(self, name: str) -> str | None:
        return self.attrib.get(name)

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """All text inside, elements named in ``skip`` (and what they hold) left out."""
        parts: list[str] = []
        self._collect(parts, skip)
        return "".join(parts)

    def _collect(self, parts: list[str], skip: frozenset[str]) -> None:
        for c in self.children:
            if isinstance(c, str):
                parts.append(c)
            elif c.tag not in skip:
                c._collect(parts, skip)


def clean(text: str) -> str:
    """Element text as one line: XML white space runs collapsed, NFC, trimmed.

    Only XML's own white space (space, tab, line ends) is collapsed: a no-break space
    before French punctuation is content and stays.
    """
    return normalise(_XML_SPACE.sub(" ", text)).strip()


class _TreeBuilder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 0

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        attrib = {}
        for (uri, local), value in attrs.items():
            attrib[f"xml:{local}" if uri == XML_NS else local] = value
        element = Element(name[1], attrib, self.line())
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if not self.stack:
            return
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += content
        else:
            children.append(content)


class _WireParser(DefusedExpatParser):
    """defusedxml's parser, except that a DOCTYPE's external subset is skipped unread.

    expat reports ``<!DOCTYPE nitf SYSTEM "nitf.dtd">`` as an external reference with no
    context; it is answered "done" without opening anything. Every other external
    reference still raises, and entity declarations are refused before any could be.
    """

    def defused_external_entity_ref_handler(
        self, context: str | None, base: str | None, sysid: str | None, pubid: str | None
    ) -> int:
        if context is None:
            return 1
        return super().defused_external_entity_ref_handler(context, base, sysid, pubid)


def parse(path: Path) -> Element:
    """The root element of ``path``; InputError naming the file for unsafe or bad XML."""
    builder = _TreeBuilder()
    # A bare DOCTYPE is harmless (its DTD is never loaded); entity declarations are not.
    parser = _WireParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_namespace_prefixes, False)
    parser.setContentHandler(builder)
    try:
        with path.open("rb") as stream:
            parser.parse(stream)
    except EntitiesForbidden:
        raise InputError(
            str(path), "unsafe XML: entity declarations are not allowed", builder.line() or None
        ) from None
    except DefusedXmlException:  # an external reference: unreachable without entities
        raise InputError(
            str(path), "unsafe XML: external references are not allowed", builder.line() or None
        ) from None
    except xml.sax.SAXParseException as exc:
        raise InputError(
            str(path), f"malformed XML: {exc.getMessage()}", exc.getLineNumber()
        ) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if builder.root is None:  # pragma: no cover - expat refuses empty documents
        raise InputError(str(path), "malformed XML: no root element")
    return builder.root


class StoryText:
    """Builds a story text from element texts: one paragraph each, blank lines between.

    Records, for every piece, the offset it starts at, the file line of its element and
    a label (``body.content/p[2]``): the story's ``origin``. A dateline given with
    :meth:`lead` is put in front of the next paragraph, as wire copy prints it.
    """

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.origin: list[tuple[int, int, str]] = []
        self._length = 0
        self._lead: tuple[str, int, str] | None = None

    def lead(self, text: str, line: int, label: str) -> None:
        """Text to open the next paragraph with (a dateline), unless it already does."""
        text = clean(text)
        if text:
            self._lead = (text, line, label)

    def add(self, text: str, line: int, label: str) -> None:
        text = clean(text)
        if not text:
            return
        start = self._length + (2 if self.paragraphs else 0)
        if self._lead is not None:
            lead, lead_line, lead_label = self._lead
            self._lead = None
            if not text.startswith(lead):
                self.origin.append((start, lead_line, lead_label))
                text = f"{lead} {text}"
                self.origin.append((start + len(lead) + 1, line, label))
            else:
                self.origin.append((start, line, label))
        else:
            self.origin.append((start, line, label))
        self.paragraphs.append(text)
        self._length = start + len(text)

    def text(self) -> str:
        """The story: paragraphs separated by a blank line, ending with a newline."""
        if self._lead is not None:  # a dateline and no body
            lead, line, label = self._lead
            self._lead = None
            self.add(lead, line, label)
        return "\n\n".join(self.paragraphs) + "\n" if self.paragraphs else ""


def looks_like_xml(path: Path) -> bool:
    """Whether a file without an XML suffix starts with an XML declaration."""
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<?xml")
