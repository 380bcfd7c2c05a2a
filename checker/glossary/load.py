"""Loading glossaries: pick the reader by format, merge them, cache the result.

``load_index(settings)`` is what rules call: the three glossary rules of a run (and any
report) share one merged glossary and one search index, rebuilt only when a file
changes.

Concept ids belong to their file. The bundled glossary's ids (``afp``, ``who``) are
wirecheck's own: a user file that uses one adds terms to that concept or changes their
statuses. Between user files, the same id is a different concept (exports number their
concepts ``c1``, ``c2``...): the later one is renamed ``<file name>:<id>`` unless the
run asks to merge them (``merge-glossaries``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from checker.config import Settings
from checker.errors import InputError
from checker.glossary.matcher import GlossaryIndex
from checker.glossary.model import Glossary
from checker.glossary.tabular import Languages, read_table
from checker.glossary.tbx import read_tbx
from checker.langtags import language

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


def read_glossary(path: str | Path, languages: Languages = (None, None)) -> Glossary:
    """One glossary file, read by its format (TBX by suffix or content, else CSV/TSV).

    ``languages`` (source, target) are those of a bilingual CSV/TSV without a header.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "glossary file does not exist")
    suffix = path.suffix.lower()
    if suffix in _TBX_SUFFIXES:
        return read_tbx(path)
    if suffix in _TABLE_SUFFIXES:
        return read_table(path, languages=languages)
    try:
        with path.open("rb") as stream:
            head = stream.read(256).lstrip(b"\xef\xbb\xbf").lstrip()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return read_tbx(path) if head.startswith(b"<") else read_table(path, languages=languages)


def merge_glossaries(
    paths: Sequence[str | Path],
    default: bool = True,
    merge: bool = False,
    languages: Languages = (None, None),
) -> Glossary:
    """The default glossary (when ``default``) and then each file, in order.

    A file adds terms to a concept of the default glossary with the same id and may
    change a term's status (so a user glossary can deprecate a form the default one
    admits). Concepts of user files with the same id are merged only with ``merge``;
    otherwise each keeps its own terms under a name scoped to its file.
    """
    merged = Glossary()
    if default:
        merged.merge(read_glossary(default_glossary_path()))
    shared = set(merged.concepts)
    for path in (Path(p) for p in paths):
        glossary = read_glossary(path, languages)
        if not merge:
            glossary = _scoped(glossary, set(merged.concepts) - shared, path.name)
        merged.merge(glossary)
    return merged


def _scoped(glossary: Glossary, taken: set[str], name: str) -> Glossary:
    """``glossary`` with every concept id already ``taken`` renamed ``name:id``."""
    if not taken & set(glossary.concepts):
        return glossary
    out = Glossary(sources=glossary.sources, warnings=glossary.warnings)
    for concept in glossary:
        new_id, number = concept.id, 1
        while new_id in taken:
            number += 1
            new_id = f"{name}:{concept.id}" + (f"#{number - 1}" if number > 2 else "")
        out.concepts[new_id] = replace(concept, id=new_id)
    return out


def run_languages(settings: Settings) -> Languages:
    """The (source, target) languages of headerless bilingual glossaries in this run."""
    if settings.glossary_langs:
        source, target = settings.glossary_langs
        return source, target
    return language(settings.src_lang), language(settings.lang)


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def _key(settings: Settings) -> tuple:
    stamps = tuple(_stamp(Path(p)) for p in settings.glossaries)
    if settings.default_glossary:
        stamps = (_stamp(default_glossary_path()), *stamps)
    return (stamps, settings.default_glossary, settings.merge_glossaries,
            run_languages(settings))


def load_index(settings: Settings) -> GlossaryIndex:
    """The search index of the run's glossaries, shared by every rule that asks for it."""
    key = _key(settings)
    index = _CACHE.get(key)
    if index is None:
        glossary = merge_glossaries(
            settings.glossaries, settings.default_glossary, settings.merge_glossaries,
            run_languages(settings),
        )
        index = GlossaryIndex(glossary)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = index
    return index


def glossary_warnings(settings: Settings) -> list[str]:
    """``path:line: warning: problem`` for what this run's glossary readers skipped.

    Only a glossary the run has loaded (its glossary rules are selected) is reported.
    """
    index = _CACHE.get(_key(settings))
    if index is None:
        return []
    return [f"{path}:{line}: warning: {problem}"
            for path, line, problem in index.glossary.warnings]


def describe(glossary: Glossary) -> str:
    """``name:hash`` of each file merged, for the run signature."""
    return ",".join(f"{Path(path).name}:{digest}" for path, digest in glossary.sources)
