"""XLIFF 1.2 and 2.x: one file is both the MT (targets) and the source (sources).

Each ``<file>`` is one story (its id is the XLIFF file's name, or, when there are
several, the name followed by ``/`` and the file's ``original`` or ``id``). Each
translation unit is one paragraph: a 1.2 ``trans-unit`` (segmented or not), a 2.x
``unit`` whose ``segment`` and ``ignorable`` contents are concatenated as the
specification says (a space is put between two segments that would otherwise touch).
Inline codes that hold native markup (1.2 ``ph``, ``bpt``, ``ept``, ``it``) are left
out; paired codes (``g``, ``pc``) and annotations (``mrk``) keep their text. A unit
without a target adds nothing to the MT. Languages come from ``source-language`` and
``target-language`` (1.2) or ``srcLang`` and ``trgLang`` (2.x).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.reading.files import FeedEntry
from checker.reading.safexml import Element, StoryText

NATIVE_CODES = frozenset({"ph", "bpt", "ept", "it", "cp", "originalData"})


def read_xliff(path: Path, root: Element) -> Iterator[FeedEntry]:
    version = (root.get("version") or "").strip()
    if not version:
        raise InputError(str(path), "XLIFF root element has no version attribute", root.line)
    files = root.children_named("file")
    if not files:
        raise InputError(str(path), "XLIFF document has no <file> element", root.line)
    many = len(files) > 1
    for number, file in enumerate(files, start=1):
        if version.startswith("1."):
            src_lang, lang = file.get("source-language"), file.get("target-language")
            units = _units_v1(file)
        else:
            src_lang, lang = root.get("srcLang"), root.get("trgLang")
            units = _units_v2(file)
        name = file.get("original") or file.get("id") or str(number)
        story_id = f"{path.stem}/{Path(name).stem or name}" if many else path.stem
        target, source = StoryText(), StoryText()
        for label, source_el, target_el, source_text, target_text in units:
            source.add(source_text, source_el.line, f"{label}/source")
            if target_el is not None:
                target.add(target_text, target_el.line, f"{label}/target")
        src_entry = FeedEntry(story_id, source.text(), str(path), lang=src_lang,
                              origin=tuple(source.origin))
        yield FeedEntry(story_id, target.text(), str(path), lang=lang, src=src_entry,
                        origin=tuple(target.origin))


Unit = tuple[str, Element, Element | None, str, str]


def _units_v1(file: Element) -> Iterator[Unit]:
    """``trans-unit`` elements in document order, nested groups included."""
    body = file.child("body")
    if body is None:
        return
    for unit in body.descendants("trans-unit"):
        source = unit.child("source")
        if source is None:
            continue
        target = unit.child("target")
        label = f"trans-unit[{unit.get('id') or '?'}]"
        target_text = target.text(NATIVE_CODES) if target is not None else ""
        yield label, source, target, source.text(NATIVE_CODES), target_text


def _units_v2(file: Element) -> Iterator[Unit]:
    """``unit`` elements in document order; segments and ignorables concatenated."""
    for unit in file.descendants("unit"):
        sources: list[str] = []
        targets: list[str] = []
        first_source: Element | None = None
        first_target: Element | None = None
        has_target = False
        for part in unit.elements():
            if part.tag not in ("segment", "ignorable"):
                continue
            source = part.child("source")
            target = part.child("target")
            if source is None:
                continue
            first_source = first_source or source
            if target is not None:
                has_target = True
                first_target = first_target or target
            _join(sources, source.text(NATIVE_CODES), part.tag == "segment")
            # An ignorable without a target keeps its source (white space) on both sides.
            chosen = target if target is not None else (source if part.tag == "ignorable" else None)
            if chosen is not None:
                _join(targets, chosen.text(NATIVE_CODES), part.tag == "segment")
        if first_source is None:
            continue
        label = f"unit[{unit.get('id') or '?'}]"
        yield (label, first_source, first_target if has_target else None,
               "".join(sources), "".join(targets))


def _join(parts: list[str], text: str, segment: bool) -> None:
    """Append ``text``; a space first when two segments would otherwise touch."""
    if segment and parts and parts[-1] and text and not parts[-1][-1].isspace() \
            and not text[0].isspace():
        parts.append(" ")
    parts.append(text)
