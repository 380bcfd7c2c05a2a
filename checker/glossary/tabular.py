"""CSV and TSV glossaries, in the three layouts real exports use.

* wirecheck's own: one term per row under a ``concept,lang,term,status`` header.
  Optional columns: ``case`` (``yes``/``no``: must the capitals match), ``pos`` (part
  of speech), ``note``, and the ISO dates the term is in use between: ``valid_from``
  and ``valid_until`` (or ``deprecated_from``; a term with that date is admitted until
  then and reported by WC112 from then on); any other column is kept as a note named
  after its header. An empty status means "admitted". Rows sharing a concept id form
  one concept.
* a header of language codes (``en,fr,de`` or ``en-US<TAB>de-DE``): one concept per
  row, one term per language column; other columns (``comment``, ``definition``) are
  notes.
* no header, as OmegaT and Okapi write them: ``source<TAB>target[<TAB>comment]``, one
  concept per row; the two languages are the run's (``--glossary-langs``, else
  ``--src-lang`` and ``--lang``). A first row of column names (``source,target``) and
  OmegaT's ``#`` comment line are skipped; a row without both terms is skipped with a
  warning.

Files are UTF-8, or any Unicode encoding that starts with a byte-order mark (UTF-16
and UTF-32 as spreadsheet programs save them). The delimiter follows the suffix
(``.csv`` comma, or semicolon when the first line has no comma; ``.tsv``/``.tab``
tab), else whichever of tab and comma the first line has more of.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.glossary.model import (
    Glossary,
    Status,
    Term,
    base_language,
    file_digest,
    parse_status,
)
from checker.storydate import iso_date
from checker.text import normalise

REQUIRED = ("concept", "lang", "term", "status")
_CASE_COLUMNS = ("case", "case_sensitive", "case-sensitive")
_POS_COLUMNS = ("pos", "part_of_speech", "part-of-speech")
_FROM_COLUMNS = ("valid_from", "valid-from")
_UNTIL_COLUMNS = ("valid_until", "valid-until", "deprecated_from", "deprecated-from")
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n", ""}
# Names of the first two columns of a bilingual file's first row (not terms).
_SOURCE_WORDS = {"source", "source term", "source text", "src", "term", "original"}
_TARGET_WORDS = {"target", "target term", "target text", "tgt", "translation"}
_BOMS = (  # longest first: a UTF-32 LE mark starts like a UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

Languages = tuple[str | None, str | None]
"""``(source, target)`` languages of a bilingual glossary without a header."""


def read_table(
    path: Path, delimiter: str | None = None, languages: Languages = (None, None)
) -> Glossary:
    """Every concept of the CSV or TSV file at ``path`` (see the module docstring)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    text = _decode(path, data)
    if delimiter is None:
        delimiter = _delimiter(path, text)
    glossary = Glossary(sources=[(str(path), file_digest(data))])
    rows = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    try:
        header = next(rows, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(rows, None)
        if header is None:
            raise InputError(str(path), "glossary is empty", 1)
        columns = [h.strip().lower() for h in header]
        if all(name in columns for name in REQUIRED):
            _read_terms(path, rows, columns, glossary)
        elif _language_header(header):
            _read_language_columns(path, rows, header, glossary)
        elif len(header) <= 3:
            _read_pairs(path, rows, header, languages, glossary)
        else:
            missing = [name for name in REQUIRED if name not in columns]
            raise InputError(
                str(path),
                f"header lacks column(s) {', '.join(missing)} "
                f"(expected {delimiter.join(REQUIRED).replace(chr(9), '<tab>')}, a header "
                "of language codes, or source and target terms without a header)",
                1,
            )
    except csv.Error as exc:
        problem = f"malformed {_kind(delimiter)}: {exc}"
        raise InputError(str(path), problem, rows.line_num) from None
    if not glossary.concepts:
        raise InputError(str(path), "glossary has no terms")
    return glossary


def _decode(path: Path, data: bytes) -> str:
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        data = data[len(next(bom for bom, name in _BOMS if name == encoding)):]
    try:
        return normalise(data.decode(encoding or "utf-8"))
    except UnicodeDecodeError as exc:
        if encoding is None:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                str(path), "glossary is not valid UTF-8 (save it as UTF-8, or as UTF-16 "
                "with a byte-order mark)", line
            ) from None
        raise InputError(str(path), f"glossary is not valid {encoding.upper()}") from None


def _kind(delimiter: str) -> str:
    return "TSV" if delimiter == "\t" else "CSV"


def _delimiter(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    first = text.lstrip("\n").split("\n", 1)[0]
    if suffix in (".tsv", ".tab"):
        return "\t"
    if suffix == ".csv":
        return ";" if "," not in first and ";" in first else ","
    return "\t" if first.count("\t") >= first.count(",") and "\t" in first else ","


# -- wirecheck's own layout ----------------------------------------------------------------

def _read_terms(path: Path, rows: Iterator[list[str]], columns: list[str], out: Glossary) -> None:
    for row in rows:
        if any(cell.strip() for cell in row):
            _add_row(path, rows.line_num, columns, row, out)  # type: ignore[attr-defined]


def _add_row(path: Path, line: int, columns: list[str], row: list[str], out: Glossary) -> None:
    if len(row) != len(columns):
        raise InputError(
            str(path), f"row has {len(row)} fields, the header has {len(columns)}", line
        )
    cells = {name: value.strip() for name, value in zip(columns, row, strict=True)}
    concept, lang, text = cells["concept"], cells["lang"], " ".join(cells["term"].split())
    for name, value in (("concept", concept), ("lang", lang), ("term", text)):
        if not value:
            raise InputError(str(path), f"empty {name}", line)
    status = parse_status(cells["status"])
    if status is None:
        raise InputError(
            str(path),
            f"unknown status {cells['status']!r} (use preferred, admitted or deprecated)",
            line,
        )
    case: bool | None = None
    pos = None
    notes = {}
    dates: dict[str, str | None] = {"from": None, "until": None}
    for name, value in cells.items():
        if name in REQUIRED:
            continue
        if name in _FROM_COLUMNS + _UNTIL_COLUMNS:
            if value and iso_date(value) is None:
                raise InputError(str(path), f"{name} must be an ISO date, not {value!r}", line)
            dates["from" if name in _FROM_COLUMNS else "until"] = iso_date(value)
        elif name in _CASE_COLUMNS:
            if value.lower() not in _YES | _NO:
                raise InputError(str(path), f"case must be yes or no, not {value!r}", line)
            case = value.lower() in _YES if value else None
        elif name in _POS_COLUMNS:
            pos = value or None
        elif value:
            notes[name] = value
    if dates["until"] is not None:
        status = Status.ADMITTED  # deprecated from a date on: WC112's business
    out.add(concept, Term(text, _language(path, lang, line), status, case, pos, notes,
                          dates["from"], dates["until"]), f"{path}:{line}")


def _language(path: Path, tag: str, line: int) -> str:
    found = base_language(tag)
    if found is None:
        raise InputError(str(path), f"{tag!r} is not a language tag", line)
    return found


# -- a header of language codes ------------------------------------------------------------

def _language_header(header: list[str]) -> bool:
    """Whether a first row names languages (two or more cells are language tags)."""
    return sum(1 for cell in header if base_language(cell.strip())) >= 2


def _read_language_columns(
    path: Path, rows: Iterator[list[str]], header: list[str], out: Glossary
) -> None:
    langs = [base_language(cell.strip()) for cell in header]
    names = [cell.strip().lower() or f"column{n}" for n, cell in enumerate(header, start=1)]
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        line = rows.line_num  # type: ignore[attr-defined]
        terms = [(lang, " ".join(cell.split())) for lang, cell in zip(langs, row, strict=False)
                 if lang is not None and cell.strip()]
        notes = {name: cell.strip() for lang, name, cell in zip(langs, names, row, strict=False)
                 if lang is None and cell.strip()}
        _add_concept(path, line, terms, notes, out)


# -- no header: source, target, comment ----------------------------------------------------

def _read_pairs(
    path: Path, rows: Iterator[list[str]], first: list[str], languages: Languages,
    out: Glossary,
) -> None:
    source_lang, target_lang = languages
    if source_lang is None or target_lang is None:
        raise InputError(
            str(path), "bilingual glossary without a language header: give its languages "
            "with --glossary-langs SRC,TGT (or --src-lang and --lang)", 1,
        )
    pending = [] if _column_names(first) or _comment(first) else [(1, first)]
    for line, row in [*pending, *((rows.line_num, r) for r in rows)]:  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in row) or _comment(row):
            continue
        source = " ".join(row[0].split())
        target = " ".join(row[1].split()) if len(row) > 1 else ""
        if not source or not target:
            out.warn(str(path), line, "row without both a source and a target term: skipped")
            continue
        notes = {("comment" if n == 2 else f"column{n + 1}"): cell.strip()
                 for n, cell in enumerate(row[2:], start=2) if cell.strip()}
        _add_concept(path, line, [(source_lang, source), (target_lang, target)], notes, out)


def _column_names(row: list[str]) -> bool:
    """Whether a first row names its columns (``Source,Target,Data``)."""
    cells = [cell.strip().lower() for cell in row]
    return len(cells) >= 2 and cells[0] in _SOURCE_WORDS and cells[1] in _TARGET_WORDS


def _comment(row: list[str]) -> bool:
    """OmegaT's ``# Glossary in tab-separated format`` line: one cell opening with ``#``."""
    return len(row) == 1 and row[0].lstrip().startswith("#")


def _add_concept(
    path: Path, line: int, terms: list[tuple[str, str]], notes: dict[str, str], out: Glossary
) -> None:
    """One concept per row, named after the row so that the name is the same every run."""
    if len(terms) < 1:
        out.warn(str(path), line, "row without terms: skipped")
        return
    concept_id = f"{path.stem}#{line}"
    for lang, text in terms:
        out.add(concept_id, Term(text, lang), f"{path}:{line}")
    out.concepts[concept_id].notes.update(notes)
