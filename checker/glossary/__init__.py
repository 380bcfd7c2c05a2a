"""Multilingual glossaries: reading TBX/CSV/TSV, merging, and finding terms in text."""

from checker.glossary.garble import Garble, GarbleSettings
from checker.glossary.load import default_glossary_path, load_index, merge_glossaries, read_glossary
from checker.glossary.matcher import GlossaryIndex, TermMatch, TextTerms
from checker.glossary.model import Concept, Glossary, Status, Term

__all__ = [
    "Concept",
    "Garble",
    "GarbleSettings",
    "Glossary",
    "GlossaryIndex",
    "Status",
    "Term",
    "TermMatch",
    "TextTerms",
    "default_glossary_path",
    "load_index",
    "merge_glossaries",
    "read_glossary",
]
