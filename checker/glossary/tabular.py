"""CSV and TSV glossaries: one term per row under a ``concept,lang,term,status`` header.

Optional columns: ``case`` (``yes``/``no``: must the capitals match), ``pos`` (part of
speech) and ``note``; any other column is kept as a note named after its header. An
empty status means "admitted". Rows sharing a concept id form one concept.
"""

from __future__ import annotations

import csv
from pathlib import Path

from checker.errors import InputError
from checker.glossary.model import Glossary, Term, base_language, file_digest, parse_status
from checker.text import normalise

REQUIRED = ("concept", "lang", "term", "status")
_CASE_COLUMNS = ("case", "case_sensitive", "case-sensitive")
_POS_COLUMNS = ("pos", "part_of_speech", "part-of-speech")
_YES = {"yes", "true", "1", "y"}
_NO = {"no", "false", "0", "n", ""}


def read_table(path: Path, delimiter: str | None = None) -> Glossary:
    """Every concept of the CSV (``,``) or TSV (tab) file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    try:
        text = normalise(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(str(path), "glossary is not valid UTF-8", line) from None
    if delimiter is None:
        delimiter = _delimiter(path, text)
    glossary = Glossary(sources=[(str(path), file_digest(data))])
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(str(path), "glossary is empty", 1)
        columns = [h.strip().lower() for h in header]
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            raise InputError(
                str(path),
                f"header lacks column(s) {', '.join(missing)} "
                f"(expected {delimiter.join(REQUIRED).replace(chr(9), '<tab>')})",
                1,
            )
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            _add_row(path, reader.line_num, columns, row, glossary)
    except csv.Error as exc:
        problem = f"malformed {_kind(delimiter)}: {exc}"
        raise InputError(str(path), problem, reader.line_num) from None
    if not glossary.concepts:
        raise InputError(str(path), "glossary has no terms")
    return glossary


def _kind(delimiter: str) -> str:
    return "TSV" if delimiter == "\t" else "CSV"


def _delimiter(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "\t"
    if suffix == ".csv":
        return ","
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


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
    for name, value in cells.items():
        if name in REQUIRED:
            continue
        if name in _CASE_COLUMNS:
            if value.lower() not in _YES | _NO:
                raise InputError(str(path), f"case must be yes or no, not {value!r}", line)
            case = value.lower() in _YES if value else None
        elif name in _POS_COLUMNS:
            pos = value or None
        elif value:
            notes[name] = value
    out.add(concept, Term(text, base_language(lang), status, case, pos, notes), f"{path}:{line}")
