"""Loading glossaries: pick the reader by format, merge by concept id, cache the result.

``load_index(settings)`` is what rules call: the three glossary rules of a run (and any
report) share one merged glossary and one search index, rebuilt only when a file
changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from checker.config import Settings
from checker.errors import InputError
from checker.glossary.matcher import GlossaryIndex
from checker.glossary.model import Glossary
from checker.glossary.tabular import read_table
from checker.glossary.tbx import read_tbx

DEFAULT_NAME = "institutions.tbx"
_TBX_SUFFIXES = (".tbx", ".xml", ".tbxm")
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
_CACHE: dict[tuple, GlossaryIndex] = {}
_CACHE_SIZE = 4


def default_glossary_path() -> Path:
    """The bundled glossary: beside the package when installed, else in ``glossaries/``."""
    packaged = resources.files("checker.glossary").joinpath(DEFAULT_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "glossaries" / DEFAULT_NAME


def read_glossary(path: str | Path) -> Glossary:
    """One glossary file, read by its format (TBX by suffix or content, else CSV/TSV)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "glossary file does not exist")
    suffix = path.suffix.lower()
    if suffix in _TBX_SUFFIXES:
        return read_tbx(path)
    if suffix in _TABLE_SUFFIXES:
        return read_table(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(256).lstrip(b"\xef\xbb\xbf").lstrip()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return read_tbx(path) if head.startswith(b"<") else read_table(path)


def merge_glossaries(paths: Sequence[str | Path], default: bool = True) -> Glossary:
    """The default glossary (when ``default``) and then each file, merged by concept id.

    A later file adds terms to a concept an earlier one defined and may change a
    term's status (so a user glossary can deprecate a form the default one admits).
    """
    merged = Glossary()
    files = ([default_glossary_path()] if default else []) + [Path(p) for p in paths]
    for path in files:
        merged.merge(read_glossary(path))
    return merged


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def load_index(settings: Settings) -> GlossaryIndex:
    """The search index of the run's glossaries, shared by every rule that asks for it."""
    paths = tuple(Path(p) for p in settings.glossaries)
    stamps = tuple(_stamp(p) for p in paths)
    if settings.default_glossary:
        stamps = (_stamp(default_glossary_path()), *stamps)
    key = (stamps, settings.default_glossary)
    index = _CACHE.get(key)
    if index is None:
        glossary = merge_glossaries(paths, settings.default_glossary)
        index = GlossaryIndex(glossary)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = index
    return index


def describe(glossary: Glossary) -> str:
    """``name:hash`` of each file merged, for the run signature."""
    return ",".join(f"{Path(path).name}:{digest}" for path, digest in glossary.sources)
