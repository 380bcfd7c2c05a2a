"""TBX glossaries (ISO 30042), in both dialects wirecheck meets.

* current (TBX 2019, ``<tbx>``): ``conceptEntry`` / ``langSec`` / ``termSec``;
  data categories as ``<termNote type="administrativeStatus">`` (DCA style) or as
  elements such as ``<basic:administrativeStatus>`` (DCT style);
* older (TBX 2008, ``<martif>``): ``termEntry`` / ``langSet`` / ``tig`` (or
  ``ntig/termGrp``).

Dates a term is in use between: TBX has no standard data category for them, so the
dates are read from a term's ``withdrawal`` transaction (ISO 12620's
``<transacGrp><transac type="transactionType">withdrawal</transac><date>2019-08-14
</date></transacGrp>``: out of use from that date) or from ``termNote``/``descrip``/
``admin`` elements (or DCT elements) of type ``validFrom``/``validUntil`` (also
``x-validFrom``, ``x-validUntil``, ``x-deprecatedFrom``). The other transactions
(``origination``, ``modification``) record the entry's history and are ignored. A term
with a date it goes out of use is read as admitted, whatever its status says, so the
undated glossary rules accept it; WC112 reports it in stories dated on or after it.

Files are parsed by :func:`checker.reading.safexml.parse` (defusedxml): entity
declarations and external references are refused, so neither a billion-laughs file nor
an external entity can cost more than an :class:`~checker.errors.InputError`.
"""

from __future__ import annotations

from pathlib import Path

from checker.errors import InputError
from checker.glossary.model import Glossary, Status, Term, base_language, file_digest, parse_status
from checker.reading.safexml import Element, clean, parse
from checker.storydate import iso_date

_ENTRY_TAGS = ("conceptEntry", "termEntry")
_LANG_TAGS = ("langSec", "langSet")
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization", "usageStatus")
_CASE_TYPES = ("caseSensitivity", "x-caseSensitivity", "x-caseSensitive", "caseSensitive")
_POS_TYPES = ("partOfSpeech",)
_FROM_TYPES = frozenset({"validfrom", "x-validfrom", "x-valid-from", "valid-from"})
_UNTIL_TYPES = frozenset({"validuntil", "x-validuntil", "x-valid-until", "valid-until",
                          "deprecatedfrom", "x-deprecatedfrom", "x-deprecated-from"})
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
    entries = [entry for entry in body.elements() if entry.tag in _ENTRY_TAGS]
    for number, entry in enumerate(entries, start=1):
        _read_entry(path, entry, number, default_lang, glossary)
    if not glossary.concepts:
        raise InputError(str(path), "glossary has no terms", body.line)
    return glossary


def _read_entry(
    path: Path, entry: Element, number: int, default_lang: str | None, out: Glossary
) -> None:
    # The id is optional in TBX 2008 (Translate Toolkit and Weblate leave it out): the
    # entry's position in the file names it then, the same on every run.
    concept_id = (entry.get("id") or "").strip() or f"{path.stem}#{number}"
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
        if lang is None:
            raise InputError(str(path), f"xml:lang {tag!r} is not a language tag", section.line)
        for term_section in _term_sections(section):
            term = _read_term(path, term_section, lang, out)
            if term is not None:
                out.add(concept_id, term, origin)
                found = True
    if not found:
        out.warn(str(path), entry.line, f"concept {concept_id!r} has no terms: skipped")
        return
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


def _read_term(path: Path, section: Element, lang: str, out: Glossary) -> Term | None:
    """The term of a term section; None (and a warning) for an empty ``<term/>``."""
    term = section.child("term")
    text = clean(term.text()) if term is not None else ""
    if not text:  # MultiTerm exports an empty <term/> for a language left blank
        line = term.line if term is not None else section.line
        out.warn(str(path), line, f"empty <term> in <{section.tag}>: skipped")
        return None
    status: Status | None = Status.ADMITTED
    case: bool | None = None
    pos = None
    notes: dict[str, str] = {}
    dates: dict[str, str] = {}
    withdrawn = _withdrawal(section)
    categories = _categories(section)
    if withdrawn is not None:
        categories.append(("x-validUntil", *withdrawn))
    for kind, value, line in categories:
        dated = "from" if kind.lower() in _FROM_TYPES else \
            "until" if kind.lower() in _UNTIL_TYPES else None
        if dated is not None:
            day = iso_date(value)
            if day is None:
                raise InputError(str(path), f"{kind} must be an ISO date, not {value!r}", line)
            dates[dated] = day
        elif kind in _STATUS_TYPES:
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
    if "until" in dates:
        status = Status.ADMITTED  # deprecated from a date on: WC112's business
    return Term(text, lang, status, case, pos, notes, dates.get("from"), dates.get("until"))


def _withdrawal(section: Element) -> tuple[str, int] | None:
    """``(date, line)`` of the term section's ``withdrawal`` transaction, if it has one."""
    for group in section.children_named("transacGrp"):
        kind = group.child("transac")
        when = group.child("date")
        if kind is not None and clean(kind.text()).lower() == "withdrawal" and when is not None:
            return clean(when.text()), when.line
    return None


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
