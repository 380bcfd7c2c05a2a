"""Split a story into paragraphs and sentences, keeping offsets into the text.

Sentences come from sentencex (Wikimedia's rule-based splitter for ~300 languages, with
a compiled core: hundreds of times faster than pure-Python splitters), followed by a
repair pass for the splits it still makes in news copy (``Sr. García``, ``3 p. m.``,
``É.-U.``, German ``am 3. Oktober``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sentencex import segment as split_sentences

from checker.model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A possible sentence end followed by more text: without one, a paragraph is one sentence.
_MAYBE_BOUNDARY = re.compile(r"[.?!…。！？][\"'»”’)\]]*\s+\S")
_ORDINAL = re.compile(r"\d{1,4}\.")
_LAST_TOKEN = re.compile(r"(\S+)\s*$")


@dataclass(frozen=True)
class Document:
    """A text with its paragraphs and sentences (offsets into ``text``)."""

    text: str
    lang: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    data = tomllib.loads(resources.files("checker.data").joinpath("abbreviations.toml").read_text())
    return frozenset(data["common"]["tokens"]) | frozenset(data.get(lang, {}).get("tokens", ()))


@cache
def _ordinal_followers(lang: str) -> frozenset[str]:
    """Words that follow an ordinal written ``3.`` (German dates: ``am 3. Oktober``)."""
    data = tomllib.loads(resources.files("checker.data").joinpath("abbreviations.toml").read_text())
    return frozenset(data.get(lang, {}).get("ordinal_followers", ()))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, white space trimmed."""
    spans = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        if match:
            pos = match.end()
    return spans


def _split_paragraph(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    chunk = text[start:end]
    if not _MAYBE_BOUNDARY.search(chunk):
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in split_sentences(lang, chunk):
        piece = piece.strip()
        if not piece:
            continue
        found = chunk.find(piece, cursor)
        if found < 0:  # pysbd altered the text: keep what we have as one sentence
            return [(start, end)]
        spans.append((start + found, start + found + len(piece)))
        cursor = found + len(piece)
    return _repair(text, spans, lang) or [(start, end)]


def _repair(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Join a sentence to the previous one where the split cannot be a sentence end."""
    abbreviations = _abbreviations(lang)
    followers = _ordinal_followers(lang)
    out: list[tuple[int, int]] = []
    for span in spans:
        if out:
            prev = text[out[-1][0] : out[-1][1]]
            head = text[span[0] : span[1]]
            token = _LAST_TOKEN.search(prev)
            last = token.group(1) if token else ""
            first = head.split(maxsplit=1)[0].strip(",.;:") if head.strip() else ""
            joins = (
                head[:1].islower()
                or head[:1] in "-–,;:)"
                or last in abbreviations
                or (bool(_ORDINAL.fullmatch(last)) and first in followers)
            )
            if joins:
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def segment(text: str, lang: str) -> Document:
    """Split ``text`` (normalised) in language ``lang`` into paragraphs and sentences."""
    paras = paragraphs(text)
    sentences = [
        Sentence(s, e, number)
        for number, (start, end) in enumerate(paras)
        for s, e in _split_paragraph(text, start, end, lang)
    ]
    return Document(text, lang, tuple(paras), tuple(sentences))
