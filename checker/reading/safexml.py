"""Safe XML for the wire-format readers: a small element tree that knows source lines.

Files are parsed with defusedxml's expat SAX parser: entity declarations (the billion
laughs and external-entity attacks both need one) and external references are refused,
so a hostile file costs nothing but an :class:`~checker.errors.InputError`. A bare
``<!DOCTYPE nitf SYSTEM "nitf.dtd">``, which real NITF files carry, is allowed: expat
never fetches it. Elements keep the line they start on, so outputs can point into the
original file.
"""

from __future__ import annotations

import io
import os
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
from checker.safeio import open_regular, read_regular
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
    ns: str = ""
    """The element's namespace URI ("" for none)."""

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


MAX_DEPTH = 256
"""Deepest element nesting accepted; wire formats need about ten levels."""


class TooDeep(Exception):
    """Raised by the tree builder when elements nest deeper than :data:`MAX_DEPTH`."""


class _TreeBuilder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[Element] = []
        self.root: Element | None = None
        self._text: list[str] = []
        """Character data not yet attached: expat delivers it in pieces, joined once."""

    def _flush(self) -> None:
        if self._text:
            if self.stack:
                self.stack[-1].children.append("".join(self._text))
            self._text = []

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 0

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        attrib = {}
        for (uri, local), value in attrs.items():
            # Plain attributes by local name, xml:* as such, others as {uri}local: a
            # namespaced its:version must never stand in for XLIFF's own version.
            if uri == XML_NS:
                local = f"xml:{local}"
            elif uri:
                local = f"{{{uri}}}{local}"
            attrib[local] = value
        self._flush()
        if len(self.stack) >= MAX_DEPTH:
            raise TooDeep
        element = Element(name[1], attrib, self.line(), ns=name[0] or "")
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self._flush()
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self._text.append(content)


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
    data = read_regular(path)
    try:
        parser.parse(io.BytesIO(data))
    except TooDeep:
        raise InputError(
            str(path), f"XML nested deeper than {MAX_DEPTH} elements", builder.line() or None
        ) from None
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
    except (LookupError, ValueError) as exc:  # an encoding Python does not know
        raise InputError(str(path), f"malformed XML: {exc}", builder.line() or None) from None
    if builder.root is None:  # pragma: no cover - expat refuses empty documents
        raise InputError(str(path), "malformed XML: no root element")
    return builder.root


def looks_like_xml(path: Path) -> bool:
    """Whether a file without an XML suffix starts with an XML declaration."""
    try:
        fd = open_regular(path)
    except InputError:
        return False
    try:
        head = os.read(fd, 64)
    except OSError:
        return False
    finally:
        os.close(fd)
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<?xml")
