"""TBX glossaries (ISO 30042), in both dialects wirecheck meets.

* current (TBX 2019, ``<tbx>``): ``conceptEntry`` / ``langSec`` / ``termSec``;
  data categories as ``<termNote type="administrativeStatus">`` (DCA style) or as
  elements such as ``<basic:administrativeStatus>`` (DCT style);
* older (TBX 2008, ``<martif>``): ``termEntry`` / ``langSet`` / ``tig`` (or
  ``ntig/termGrp``).

Files are parsed by :func:`checker.reading.safexml.parse` (defusedxml): entity
declarations and external references are refused, so neither a billion-laughs file nor
an external entity can cost more than an :class:`~checker.errors.InputError`.
"""

from __future__ import annotations

from pathlib import Path

from checker.errors import InputError
from checker.glossary.model import Glossary, Status, Term, base_language, file_digest, parse_status
from checker.reading.safexml import Element, clean, parse

_ENTRY_TAGS = ("conceptEntry", "termEntry")
_LANG_TAGS = ("langSec", "langSet")
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_CASE_TYPES = ("caseSensitivity", "x-caseSensitivity", "x-caseSensitive", "caseSensitive")
_POS_TYPES = ("partOfSpeech",)
_NOTE_TYPES = ("definition", "context", "explanation", "subjectField", "source", "usageNote")
_YES = {"yes", "true", "1", "sensitive", "case-sensitive"}
_NO = {"no", "false", "0", "insensitive", "case-insensitive"}


def read_tbx(path: Path) -> Glossary:
    """Every concept of the TBX file at ``path``."""
    root = parse(path)
    if root.tag not in ("tbx", "martif"):
        raise InputError(str(path), f"not a TBX file: root element is <{root.tag}>", root.line)
    body = root.child("text", "body")
    if body is None:
        raise InputError(str(path), "TBX file has no <text><body>", root.line)
    default_lang = root.get("xml:lang")
    glossary = Glossary(sources=[(str(path), file_digest(path.read_bytes()))])
    for entry in body.elements():
        if entry.tag not in _ENTRY_TAGS:
            continue
        _read_entry(path, entry, default_lang, glossary)
    return glossary


def _read_entry(path: Path, entry: Element, default_lang: str | None, out: Glossary) -> None:
    concept_id = (entry.get("id") or "").strip()
    if not concept_id:
        raise InputError(str(path), f"<{entry.tag}> has no id attribute", entry.line)
    origin = f"{path}:{entry.line}"
    notes = _notes(entry)
    found = False
    for section in entry.elements():
        if section.tag not in _LANG_TAGS:
            continue
        tag = section.get("xml:lang") or default_lang
        if not tag:
            raise InputError(str(path), f"<{section.tag}> has no xml:lang", section.line)
        lang = base_language(tag)
        for term_section in _term_sections(section):
            out.add(concept_id, _read_term(path, term_section, lang), origin)
            found = True
    if not found:
        raise InputError(str(path), f"concept {concept_id!r} has no terms", entry.line)
    out.concepts[concept_id].notes.update(notes)


def _term_sections(section: Element) -> list[Element]:
    """``termSec`` (current), ``tig`` or ``ntig/termGrp`` (older) elements of a language."""
    found = []
    for child in section.elements():
        if child.tag in ("termSec", "tig"):
            found.append(child)
        elif child.tag == "ntig":
            found.append(child.child("termGrp") or child)
    return found


def _read_term(path: Path, section: Element, lang: str) -> Term:
    term = section.child("term")
    text = clean(term.text()) if term is not None else ""
    if not text:
        raise InputError(str(path), f"<{section.tag}> has no term text", section.line)
    status: Status | None = Status.ADMITTED
    case: bool | None = None
    pos = None
    notes: dict[str, str] = {}
    for kind, value, line in _categories(section):
        if kind in _STATUS_TYPES:
            status = parse_status(value)
            if status is None:
                raise InputError(str(path), f"unknown term status {value!r}", line)
        elif kind in _CASE_TYPES:
            lowered = value.lower()
            if lowered not in _YES | _NO:
                raise InputError(str(path), f"unknown case sensitivity {value!r}", line)
            case = lowered in _YES
        elif kind in _POS_TYPES:
            pos = value or None
        elif value:
            notes[kind] = value
    assert status is not None
    return Term(text, lang, status, case, pos, notes)


def _categories(section: Element) -> list[tuple[str, str, int]]:
    """``(data category, value, line)`` of a term section, in both TBX styles.

    ``<termNote type="partOfSpeech">noun</termNote>`` and ``<partOfSpeech>noun
    </partOfSpeech>`` both give ``("partOfSpeech", "noun", line)``; plain ``<note>``
    elements give ``("note", text, line)``.
    """
    out = []
    for child in section.elements():
        value = clean(child.text())
        if child.tag in ("termNote", "descrip", "admin"):
            kind = child.get("type") or child.tag
        elif child.tag in ("term", "termCompList"):
            continue
        elif child.tag == "note":
            kind = "note"
        elif child.tag in ("descripGrp", "termNoteGrp", "adminGrp"):
            out.extend(_categories(child))
            continue
        else:
            kind = child.tag  # DCT style: the element is named after its data category
        out.append((kind, value, child.line))
    return out


def _notes(entry: Element) -> dict[str, str]:
    notes = {}
    for child in entry.elements():
        if child.tag in ("descrip", "note", "admin"):
            kind = child.get("type") or child.tag
            value = clean(child.text())
            if value:
                notes[kind] = value
        elif child.tag in _NOTE_TYPES:
            value = clean(child.text())
            if value:
                notes[child.tag] = value
    return notes
