"""XLIFF 1.x and 2.x: one file is both the MT (targets) and the source (sources).

Each ``<file>`` with text is one story: its id is the XLIFF file's name, or, when
several ``<file>`` elements have text, the name followed by ``/`` and the file's
``original`` (or ``id``), numbered when two would be the same. Each translation unit is
one paragraph: a 1.x ``trans-unit``, a 2.x ``unit`` whose ``segment`` and
``ignorable`` contents are joined in the order the targets' ``order`` attributes give.

The version comes from the ``version`` attribute of ``<xliff>`` or, without one, from
its namespace (a namespaced attribute such as ``its:version`` never counts). Inline
codes keep no text of their own, except that a code standing for a line break, a tab or
a block boundary (a ``<br>``, ``<p>`` or ``<text:tab/>`` in its native data, a
``ctype``/``subType`` saying so, or white space as its equivalent) becomes a space, so
the words around it stay apart. ``xml:space="preserve"`` keeps spaces as written.
Languages come from ``source-language``/``target-language`` (1.x) or
``srcLang``/``trgLang`` (2.x); a 1.x ``<file>``'s ``date`` is the story's date.

The inline codes themselves are kept apart, per unit, as plain data on the story
(:class:`~checker.model.UnitCodes`): element, id (``id``, else ``startRef``/``rid``)
and what they stand for (``equiv-text``, ``equiv``, ``disp``, native data), with the
target's codes placed in the story text, so rules can compare source and target codes
(1.x ``x``, ``bx``, ``ex``, ``g``, ``ph``, ``bpt``, ``ept``, ``it``; 2.x ``ph``,
``pc``, ``sc``, ``ec``; markers such as ``mrk``, ``sm`` and ``em`` are annotations,
not codes).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.model import InlineCode, UnitCodes
from checker.reading.record import FeedEntry
from checker.reading.safexml import Element
from checker.reading.story import StoryText
from checker.storydate import iso_date

_NAMESPACE = re.compile(r"urn:oasis:names:tc:xliff:document:(\d+)\.(\d+)")
# Inline elements whose content is native code, not text (1.x; 2.x keeps it in
# originalData): they add nothing unless they stand for a break.
_NATIVE_V1 = frozenset({"ph", "bpt", "ept", "it", "sub"})
_EMPTY_CODES = frozenset({"x", "bx", "ex", "ph", "sc", "ec", "sm", "em"})
# Native markup that separates words: HTML line breaks and block elements, OpenDocument
# tabs, spaces and breaks, Word runs' tabs and breaks.
_BREAK_MARKUP = re.compile(
    r"<\s*/?\s*(?:[\w.-]+:)?(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|hr|table|blockquote|"
    r"section|article|header|footer|tab|line-break|soft-page-break|cr)\b"
    r"|<\s*text:s\b"
    r"|ctype\s*=\s*[\"']x-html-(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|table|blockquote)[\"']"
    # the end of an attribute value (WorldServer's title="{5}Welcome{6}">): the words
    # before it were an attribute, not the text that follows
    r"|^\s*[\"']",
    re.IGNORECASE,
)
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# Elements that are inline codes (markers and annotations are not).
_CODES = {1: frozenset({"x", "bx", "ex", "g", "ph", "bpt", "ept", "it"}),
          2: frozenset({"ph", "pc", "sc", "ec"})}
_XML_WHITE = " \t\r\n"
_BREAK_TYPES = frozenset({"lb", "linebreak", "newline", "br", "tab", "pb", "cr", "p", "para",
                          "paragraph", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4",
                          "h5", "h6"})


@dataclass(frozen=True)
class _Unit:
    label: str
    source_el: Element
    target_el: Element | None
    source: str
    target: str
    preserve: bool
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    """The target's codes, ``offset`` counting the non-white characters before each."""


def read_xliff(path: Path, root: Element) -> Iterator[FeedEntry]:
    major = _major_version(path, root)
    files = root.children_named("file")
    if not files:
        raise InputError(str(path), "XLIFF document has no <file> element", root.line)
    stories = []
    for number, file in enumerate(files, start=1):
        space = _space(root, False)
        if major == 1:
            src_lang, lang = file.get("source-language"), file.get("target-language")
            units = list(_units_v1(file, _space(file, space)))
        else:
            src_lang, lang = root.get("srcLang"), root.get("trgLang")
            units = list(_units_v2(file, _space(file, space)))
        target, source = StoryText(), StoryText()
        codes: list[UnitCodes] = []
        for unit in units:
            source.add(unit.source, unit.source_el.line, f"{unit.label}/source",
                       preserve=unit.preserve)
            added = len(target.paragraphs)
            if unit.target_el is not None:
                target.add(unit.target, unit.target_el.line, f"{unit.label}/target",
                           preserve=unit.preserve)
            if unit.source_codes or unit.target_codes:
                codes.append(_unit_codes(unit, target, len(target.paragraphs) > added))
        source_text, target_text = source.text(), target.text()
        if not source_text and not target_text:
            continue  # a skeleton, a manifest, styles: nothing to translate
        name = file.get("original") or file.get("id") or str(number)
        stories.append((name, source_text, target_text, source, target, src_lang, lang,
                        tuple(codes), iso_date(file.get("date")) if major == 1 else None))
    names = _story_ids(path, [story[0] for story in stories])
    for story_id, (_, source_text, target_text, source, target, src_lang, lang, found,
                   day) in zip(names, stories, strict=True):
        src_entry = FeedEntry(story_id, source_text, str(path), lang=src_lang,
                              origin=tuple(source.origin))
        yield FeedEntry(story_id, target_text, str(path), lang=lang, src=src_entry,
                        origin=tuple(target.origin), codes=found, date=day)


def _unit_codes(unit: _Unit, target: StoryText, added: bool) -> UnitCodes:
    """``unit``'s codes, its target's placed in the story text when the target has text."""
    has_target = unit.target_el is not None
    if not added:
        placed = tuple(InlineCode(c.kind, c.id, c.equiv) for c in unit.target_codes)
        return UnitCodes(unit.label, unit.source_codes, placed, has_target=has_target)
    paragraph = target.paragraphs[-1]
    start = target.origin[-1][0]
    placed = tuple(
        InlineCode(c.kind, c.id, c.equiv, start + _position(paragraph, c.offset or 0))
        for c in unit.target_codes
    )
    return UnitCodes(unit.label, unit.source_codes, placed, start, start + len(paragraph))


def _position(paragraph: str, count: int) -> int:
    """The index in ``paragraph`` that has ``count`` non-white characters before it."""
    seen = 0
    for index, char in enumerate(paragraph):
        if seen == count and char not in _XML_WHITE:
            return index
        if char not in _XML_WHITE:
            seen += 1
    return len(paragraph)


def _major_version(path: Path, root: Element) -> int:
    """1 or 2: from the namespace when there is one, else from the version attribute."""
    found = _NAMESPACE.fullmatch(root.ns)
    if found:
        return 1 if found.group(1) == "1" else 2
    version = (root.get("version") or "").strip()
    if version[:2] in ("1.", "2."):
        return int(version[0])
    if not version:
        problem = "XLIFF root element has no version attribute and no XLIFF namespace"
    else:
        problem = f"unsupported XLIFF version {version!r} (expected 1.x or 2.x)"
    raise InputError(str(path), problem, root.line)


def _story_ids(path: Path, names: list[str]) -> list[str]:
    """The file's name, or ``name/original`` per story, numbered where two collide."""
    if len(names) <= 1:
        return [path.stem] * len(names)
    short = [Path(name.replace("\\", "/")).stem or name for name in names]
    counts = Counter(short)
    seen: Counter[str] = Counter()
    out = []
    for name in short:
        seen[name] += 1
        suffix = f"#{seen[name]}" if counts[name] > 1 else ""
        out.append(f"{path.stem}/{name}{suffix}")
    return out


def _space(element: Element, inherited: bool) -> bool:
    """Whether ``xml:space`` is ``preserve`` here (inherited from the ancestors)."""
    value = element.get("xml:space")
    return inherited if value is None else value == "preserve"


def _units_v1(node: Element, preserve: bool) -> Iterator[_Unit]:
    """``trans-unit`` elements in document order, nested groups included."""
    for child in node.elements():
        here = _space(child, preserve)
        if child.tag in ("body", "group"):
            yield from _units_v1(child, here)
        elif child.tag == "trans-unit":
            source = child.child("source")
            if source is None:
                continue
            target = child.child("target")
            label = f"trans-unit[{child.get('id') or '?'}]"
            source_codes: list[InlineCode] = []
            target_codes: list[InlineCode] = []
            target_text = inline_text(target, 1, {}, target_codes) if target is not None else ""
            keep = _space(target, here) if target is not None else _space(source, here)
            source_text = inline_text(source, 1, {}, source_codes)
            segmented = child.child("seg-source")
            if segmented is not None:  # the target mirrors the segmented source's codes
                source_codes = []
                inline_text(segmented, 1, {}, source_codes)
            yield _Unit(label, source, target, source_text, target_text, keep,
                        tuple(source_codes), tuple(target_codes))


def _units_v2(node: Element, preserve: bool) -> Iterator[_Unit]:
    """``unit`` elements in document order; segments joined in the targets' order."""
    for child in node.elements():
        here = _space(child, preserve)
        if child.tag == "group":
            yield from _units_v2(child, here)
        elif child.tag == "unit":
            unit = _unit_v2(child, here)
            if unit is not None:
                yield unit


def _unit_v2(unit: Element, preserve: bool) -> _Unit | None:
    """One unit's source and target; each part's white space kept or collapsed as its
    ``xml:space`` says, so the unit's text is added as it is."""
    data = _original_data(unit)
    parts = [p for p in unit.elements() if p.tag in ("segment", "ignorable")]
    sources: list[str] = []
    source_codes: list[InlineCode] = []
    placed: list[tuple[int, int, str, bool, list[InlineCode]]] = []
    first_source: Element | None = None
    first_target: Element | None = None
    for position, part in enumerate(parts, start=1):
        source = part.child("source")
        if source is None:
            continue
        here = _space(part, preserve)
        first_source = first_source or source
        segment = part.tag == "segment"
        _join(sources, _text_v2(source, here, data, source_codes), segment)
        target = part.child("target")
        found: list[InlineCode] = []
        if target is not None:
            first_target = first_target or target
            order = _order(target.get("order"), position, len(parts))
            placed.append((order, position, _text_v2(target, here, data, found), segment, found))
        elif not segment:  # an ignorable without a target keeps its source (white space)
            placed.append((position, position, _text_v2(source, here, data, []), segment, found))
    if first_source is None:
        return None
    targets: list[str] = []
    target_codes: list[InlineCode] = []
    before = 0  # non-white characters of the parts already joined
    for _, _, text, segment, found in sorted(placed, key=lambda p: (p[0], p[1])):
        _join(targets, text, segment)
        target_codes.extend(
            InlineCode(c.kind, c.id, c.equiv, before + (c.offset or 0)) for c in found
        )
        before += _non_white(text)
    label = f"unit[{unit.get('id') or '?'}]"
    return _Unit(label, first_source, first_target, "".join(sources), "".join(targets), True,
                 tuple(source_codes), tuple(target_codes))


def _text_v2(
    element: Element, inherited: bool, data: dict[str, str], codes: list[InlineCode]
) -> str:
    text = inline_text(element, 2, data, codes)
    return text if _space(element, inherited) else _XML_SPACE.sub(" ", text)


def _non_white(text: str) -> int:
    return sum(1 for char in text if char not in _XML_WHITE)


def _order(value: str | None, position: int, count: int) -> int:
    """A target's ``order`` (1-based position among the unit's parts), else its own."""
    if value is not None and value.strip().isdigit() and 1 <= int(value) <= count:
        return int(value)
    return position


def _original_data(unit: Element) -> dict[str, str]:
    found = unit.child("originalData")
    if found is None:
        return {}
    return {d.get("id") or "": d.text() for d in found.children_named("data")}


def _join(parts: list[str], text: str, segment: bool) -> None:
    """Append ``text``; a space first when two segments would otherwise touch."""
    if segment and parts and parts[-1] and text and not parts[-1][-1].isspace() \
            and not text[0].isspace():
        parts.append(" ")
    parts.append(text)


def inline_text(
    element: Element, major: int, data: dict[str, str], codes: list[InlineCode] | None = None
) -> str:
    """The text of a source or target: inline codes out, breaks as a space.

    With ``codes``, every inline code met is appended to it, its ``offset`` counting the
    non-white characters of the text before it.
    """
    parts: list[str] = []
    _collect(element, major, data, parts, codes)
    return "".join(parts)


def _collect(
    element: Element, major: int, data: dict[str, str], parts: list[str],
    codes: list[InlineCode] | None,
) -> None:
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
            continue
        tag = child.tag
        if codes is not None and tag in _CODES[major]:
            codes.append(_code(child, major, data, sum(_non_white(p) for p in parts)))
        if tag == "cp":  # 2.x: a code point XML cannot hold
            parts.append(_code_point(child.get("hex")))
        elif tag in _EMPTY_CODES or (major == 1 and tag in _NATIVE_V1):
            if _is_break(child, data, native=major == 1 and tag in _NATIVE_V1):
                parts.append(" ")
        elif tag in ("pc", "g"):
            block = _is_break(child, data, native=False)
            if block:
                parts.append(" ")
            _collect(child, major, data, parts, codes)
            if block:
                parts.append(" ")
        else:  # mrk and anything unknown: annotations around text
            _collect(child, major, data, parts, codes)


def _code(code: Element, major: int, data: dict[str, str], offset: int) -> InlineCode:
    """An inline code as plain data: element, id, and the text it stands for."""
    ident = code.get("id") or code.get("startRef") or code.get("rid") or ""
    equiv = (code.get("equiv-text") or code.get("equiv") or code.get("equivStart")
             or code.get("disp") or "")
    if not equiv and major == 1 and code.tag in _NATIVE_V1:
        equiv = code.text()
    if not equiv:
        for ref in ("dataRef", "dataRefStart"):
            if code.get(ref) in data:
                equiv = data[code.get(ref) or ""]
                break
    equiv = " ".join(html.unescape(equiv).split())[:80]
    return InlineCode(code.tag, ident.strip(), equiv, offset)


def _is_break(code: Element, data: dict[str, str], native: bool) -> bool:
    """Whether an inline code stands for a line break, a tab or a block boundary."""
    kinds = [code.get("ctype"), code.get("subType"), code.get("type")]
    for kind in kinds:
        if kind and re.split(r"[-:]", kind.lower())[-1] in _BREAK_TYPES:
            return True
    equiv = code.get("equiv") or code.get("equiv-text") or code.get("equivStart")
    if equiv and not equiv.strip():
        return True
    natives = [code.get("x"), code.get("disp")]  # WorldServer keeps its markup in x
    if native:
        natives.append(code.text())
    for ref in ("dataRef", "dataRefStart", "dataRefEnd"):
        if code.get(ref) in data:
            natives.append(data[code.get(ref) or ""])
    return any(value and _native_break(value) for value in natives)


def _native_break(value: str) -> bool:
    text = html.unescape(html.unescape(value))
    if text in ("\\n", "\\r\\n", "\\t") or (text and not text.strip()):
        return True
    return bool(_BREAK_MARKUP.search(text))


def _code_point(hex_value: str | None) -> str:
    try:
        char = chr(int(hex_value or "", 16))
    except (ValueError, OverflowError):
        return ""
    if char in "\t\n\r":
        return " "
    return char if char.isprintable() else ""
