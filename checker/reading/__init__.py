"""Read stories from files, folders and JSON Lines feeds into :class:`StoryInput`.

MT, reference and source are each a file or a folder. Folders pair stories by file
name (without extension); a JSON Lines feed carries one story per line, optionally with
its ``ref`` and ``src`` inline. NewsML-G2, NITF and XLIFF files (``.xml``, ``.nitf``,
``.xlf``, ``.xliff``) are read by the modules beside this one; an XLIFF file carries its
source inline. Readers are streaming: stories come one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checker.errors import InputError
from checker.langtags import language
from checker.model import StoryInput
from checker.reading.files import (
    XML_SUFFIXES,
    FeedEntry,
    is_xml,
    read_entries,
    read_text_file,
)

__all__ = ["StoryPairing", "read_feed", "read_text_file"]


class StoryPairing:
    """Resolves a story id to its reference and source, from a file or a folder."""

    def __init__(self, path: str | Path | None, role: str) -> None:
        self.role = role
        self.path = Path(path) if path is not None else None
        self._single: dict[str, FeedEntry] | None = None
        self._folder: dict[str, Path] | None = None
        self._ambiguous: dict[str, list[Path]] = {}
        if self.path is not None and not self.path.exists():
            raise InputError(str(self.path), f"{role} path does not exist")

    @property
    def given(self) -> bool:
        return self.path is not None

    def lookup(self, story_id: str, single_story: bool) -> FeedEntry | None:
        if self.path is None:
            return None
        if self.path.is_dir():
            if self._folder is None:
                self._index_folder(self.path)
            if story_id in self._ambiguous:
                names = " and ".join(p.name for p in self._ambiguous[story_id])
                raise InputError(
                    str(self.path),
                    f"two {self.role} files for story {story_id!r} ({names}); keep one",
                )
            found = self._folder.get(story_id) if self._folder is not None else None
            if found is None:
                return None
            if is_xml(found):
                return self._pick(list(read_entries(found)), story_id)
            return FeedEntry(story_id, read_text_file(found), str(found))
        if self._single is None:
            self._single = {e.id: e for e in read_entries(self.path, keep_text=True)}
        if story_id in self._single:
            return self._pick([self._single[story_id]], story_id)
        if single_story and len(self._single) == 1:
            return self._pick(list(self._single.values()), story_id)
        return None

    def _index_folder(self, folder: Path) -> None:
        """Map story ids to files; ids that two files claim are kept apart, not guessed."""
        self._folder = {}
        for path in story_files(folder):
            story_id = _story_id(path)
            if story_id in self._ambiguous:
                self._ambiguous[story_id].append(path)
            elif story_id in self._folder:
                self._ambiguous[story_id] = [self._folder.pop(story_id), path]
            else:
                self._folder[story_id] = path

    def _pick(self, entries: list[FeedEntry], story_id: str) -> FeedEntry | None:
        """The entry for ``story_id`` (or the only one); an XLIFF's source when a source."""
        chosen = next((e for e in entries if e.id == story_id), None)
        if chosen is None and len(entries) == 1:
            chosen = entries[0]
        if chosen is not None and self.role == "source" and chosen.src is not None:
            return chosen.src
        return chosen


def _story_id(path: Path) -> str:
    name = path.name
    for suffix in (".txt", ".jsonl", ".md", *XML_SUFFIXES):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def story_files(path: Path) -> list[Path]:
    """The story files of a folder, sorted by name (hidden files and reviews skipped)."""
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and not p.name.startswith(".") and ".reviewed." not in p.name
    )


def read_feed(
    mt: str | Path,
    ref: str | Path | None = None,
    src: str | Path | None = None,
    lang: str | None = None,
    src_lang: str | None = None,
) -> Iterator[StoryInput]:
    """Stories of ``mt`` (file or folder) with their references and sources, in order."""
    mt_path = Path(mt)
    if not mt_path.exists():
        raise InputError(str(mt_path), "no such file or folder")
    refs = StoryPairing(ref, "reference")
    srcs = StoryPairing(src, "source")
    files = story_files(mt_path) if mt_path.is_dir() else [mt_path]
    single = mt_path.is_file()
    for file in files:
        for entry in read_entries(file):
            ref_entry = entry.ref or refs.lookup(entry.id, single)
            src_entry = entry.src or srcs.lookup(entry.id, single)
            yield StoryInput(
                id=entry.id,
                mt=entry.text,
                mt_path=entry.path,
                ref=ref_entry.text if ref_entry else None,
                ref_path=ref_entry.path if ref_entry else None,
                src=src_entry.text if src_entry else None,
                src_path=src_entry.path if src_entry else None,
                # The command line wins over what the file says.
                lang=language(lang) or entry.lang,
                src_lang=language(src_lang) or (src_entry.lang if src_entry else None),
                mt_line=entry.line,
                expects_ref=refs.given or entry.ref is not None,
                expects_src=srcs.given or entry.src is not None,
                origin=entry.origin,
                codes=entry.codes,
                date=entry.date,
            )
