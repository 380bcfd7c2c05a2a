"""Building a story text out of XML element texts, remembering where each piece came from.

Shared by the NewsML-G2, NITF and XLIFF readers: one paragraph per element (or
translation unit), a blank line between paragraphs, and for every paragraph the offset
it starts at, the file line of its element and a label (``body.content/p[2]``): the
story's ``origin``.
"""

from __future__ import annotations

import re

from checker.reading.safexml import Element, clean
from checker.text import normalise

_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")


def preserved(text: str) -> str:
    """Text under ``xml:space="preserve"``: spaces and tabs kept, line breaks squeezed.

    A paragraph cannot hold a blank line (that would split it), so runs of line breaks
    become one; spaces, tabs and no-break spaces inside are content and stay. White
    space at the paragraph's ends is not.
    """
    return _LINE_BREAKS.sub("\n", normalise(text)).strip(" \t\n")


class StoryText:
    """Paragraphs of one story and the origin of each.

    A dateline given with :meth:`lead` opens the next paragraph added with
    ``takes_lead`` (a body paragraph, not a caption), as wire copy prints it. A body
    paragraph that only repeats a headline (a teaser or an "original headline" echoing
    it) is left out, so that its findings do not appear twice.
    """

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.origin: list[tuple[int, int, str]] = []
        self._length = 0
        self._lead: tuple[str, int, str] | None = None
        self._headlines: set[str] = set()

    def lead(self, text: str, line: int, label: str) -> None:
        """Text to open the next body paragraph with (a dateline)."""
        text = clean(text)
        if text:
            self._lead = (text, line, label)

    def add(
        self, text: str, line: int, label: str, *, preserve: bool = False,
        takes_lead: bool = True, headline: bool = False,
    ) -> None:
        """Add one paragraph; white space collapsed unless ``preserve``."""
        text = preserved(text) if preserve else clean(text)
        if not text.strip():
            return
        if headline:
            self._headlines.add(text.casefold())
        elif text.casefold() in self._headlines:
            return
        start = self._length + (2 if self.paragraphs else 0)
        if self._lead is not None and takes_lead:
            lead, lead_line, lead_label = self._lead
            self._lead = None
            if not text.casefold().startswith(lead.casefold()):
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


def element_text(
    element: Element, *, breaks: frozenset[str] = frozenset({"br"}), spaced: bool = False
) -> str:
    """The text of ``element``: a ``<br>`` (any element in ``breaks``) gives a space.

    With ``spaced``, a child element's text is kept apart from a word it would touch (a
    byline's ``By``, ``<person>`` and ``<byttl>``; a dateline's ``<city>`` and
    ``<state>``), while punctuation after it stays attached.
    """
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            piece, boundary = child, False
        elif child.tag in breaks:
            piece, boundary = " ", False
        else:
            piece, boundary = element_text(child, breaks=breaks, spaced=spaced), spaced
        if (boundary or (spaced and parts and parts[-1][1])) and parts and piece:
            before, after = parts[-1][0].rstrip()[-1:], piece.lstrip()[:1]
            if before.isalnum() and after.isalnum() and not parts[-1][0][-1].isspace():
                piece = " " + piece
        if piece:
            parts.append((piece, boundary))
    return "".join(piece for piece, _ in parts)


def opens_a_paragraph(forms: list[str], paragraphs: list[str]) -> bool:
    """Whether one of the first body ``paragraphs`` already starts with a dateline form."""
    wanted = [clean(form).casefold() for form in forms if clean(form)]
    return any(
        clean(text).casefold().startswith(form) for text in paragraphs[:3] for form in wanted
    )
