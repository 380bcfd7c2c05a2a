"""Plain-text stories and JSON Lines feeds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.reading.record import FeedEntry, require_text
from checker.safeio import check_text, iter_lines, loads, open_regular, read_regular
from checker.storydate import iso_date
from checker.text import normalise


def read_text_file(path: Path) -> str:
    """The normalised text of a UTF-8 file (BOM allowed); InputError otherwise."""
    data = read_regular(path)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            str(path), f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    return normalise(raw)


XML_SUFFIXES = (".xml", ".nitf", ".xlf", ".xliff")


def is_xml(path: Path) -> bool:
    """Whether ``path`` is read as XML: by suffix, or by an XML declaration at its start."""
    from checker.reading.safexml import looks_like_xml

    suffix = path.suffix.lower()
    if suffix in XML_SUFFIXES:
        return True
    return suffix not in (".txt", ".md", ".jsonl", ".ndjson") and looks_like_xml(path)


def read_entries(path: Path, keep_text: bool = True) -> Iterator[FeedEntry]:
    """Story entries of one file: a ``.jsonl`` feed, a wire XML file, or a plain-text story."""
    os.close(open_regular(path))  # a FIFO or a device is refused before anything reads it
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path)
    elif is_xml(path):
        yield from read_xml(path)
    else:
        story_id = path.name[:-4] if path.name.endswith(".txt") else path.stem
        story_id = story_id.removesuffix(".reviewed")  # a corrected copy is its story
        yield FeedEntry(story_id, read_text_file(path), str(path))


def _read_jsonl(path: Path) -> Iterator[FeedEntry]:
    seen: set[str] = set()
    for number, raw in enumerate(iter_lines(path), start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} in this line)"
            raise InputError(str(path), problem, number) from None
        if not line.strip():
            continue
        try:
            record = loads(line, str(path), "this JSON line")
        except InputError as exc:
            raise InputError(str(path), exc.problem, number) from None
        except ValueError as exc:  # json.JSONDecodeError
            detail = f"{exc.msg} (column {exc.colno})" if hasattr(exc, "colno") else str(exc)
            problem = f"malformed JSON: {detail}"
            raise InputError(str(path), problem, number) from None
        if not isinstance(record, dict):
            raise InputError(str(path), "each line must be a JSON object", number)
        story_id = _field(record, "id", path, number, required=True)
        if story_id in seen:
            raise InputError(str(path), f"duplicate story id {story_id!r}", number)
        seen.add(story_id)
        body = _field(record, "text", path, number, required=True)
        lang = _field(record, "lang", path, number)
        ref = _field(record, "ref", path, number)
        src = _field(record, "src", path, number)
        where = f"{path}:{number}"
        date = _field(record, "date", path, number)
        if date is not None and iso_date(date) is None:
            raise InputError(str(path), f"field 'date' must be an ISO date, not {date!r}", number)
        yield FeedEntry(
            story_id,
            normalise(body),
            str(path),
            number,
            lang,
            FeedEntry(story_id, normalise(ref), where, number) if ref is not None else None,
            FeedEntry(
                story_id, normalise(src), where, number, _field(record, "src_lang", path, number)
            )
            if src is not None
            else None,
            date=iso_date(date),
        )


def _field(record: dict, key: str, path: Path, line: int, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise InputError(str(path), f"story has no {key!r} field", line)
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(str(path), f"field {key!r} must be a string", line)
    return check_text(value, str(path), f"field {key!r}", line)


def read_xml(path: Path) -> Iterator[FeedEntry]:
    """Stories of a NewsML-G2, NITF or XLIFF file, chosen by its root element."""
    # The format readers are imported by the first XML story, not by every run.
    from checker.reading.newsml import read_newsml
    from checker.reading.nitf import read_nitf
    from checker.reading.safexml import parse
    from checker.reading.xliff import read_xliff

    if not path.is_file():
        problem = "is a folder, expected a file" if path.is_dir() else "no such file"
        raise InputError(str(path), problem)
    root = parse(path)
    readers = {"newsItem": read_newsml, "newsMessage": read_newsml, "nitf": read_nitf,
               "xliff": read_xliff}
    reader = readers.get(root.tag)
    if reader is None:
        raise InputError(
            str(path),
            f"unsupported XML document <{root.tag}>: expected a NewsML-G2 newsItem or "
            "newsMessage, NITF or XLIFF",
            root.line,
        )
    yield from require_text(path, root, list(reader(path, root)))
