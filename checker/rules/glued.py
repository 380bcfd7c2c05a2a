"""Glued-word rules (WC21x, artefacts): words run together when links or markup were
stripped from a page ("the European Commissionsaid", "the LouvreMuseum").

Whether a token is a word, and whether its halves are, comes from wordfreq's frequency
lists for the target language (:mod:`checker.lexicon`); names are words there too
("McDonald", "LinkedIn", "PlayStation"), so a known token is never split. Per-language
endings that must not be read as glued words come from the ``glued`` table of
``checker/rules/langdata/<lang>.toml``, name prefixes ("Mc", "Di") from ``common.toml``.
Brands wordfreq lacks ("TotalEnergies") need corroboration: see :func:`find_glued`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from string import ascii_lowercase
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.langid import stopwords
from checker.lexicon import best_common_zipf, top_words, zipf
from checker.memo import remember
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule

_LONG_TOKEN = regex.compile(r"\p{L}{4,}")
_SPACE = regex.compile(r"\s")
_DROP_CAP = regex.compile(r"\p{Lu}\p{Lu}\p{Ll}+\Z")
_TWO_CAPITALS = regex.compile(r"\p{Lu}\p{Lu}\p{Ll}{3,}\Z")
_LAST_CAPITAL = regex.compile(r"\p{Lu}\p{Ll}{3,}\p{Lu}\Z")
_SENTENCE_START = regex.compile(r"(?:\A|\n|[.!?][\"”»’]?[ \t])[ \t]*\Z")
# A chunk between spaces that is an address, a handle or a hashtag, not prose.
_NOT_PROSE = regex.compile(r"[/@#_\\]|www\.|\p{L}\.\p{L}{2,}|\p{N}")
KNOWN = 1.0
"""A token this frequent in the target language (or common in another news language) is
a word or a name."""
WORD = 3.0
"""Each half of a glued token must be at least this frequent in the target language."""
NAME = 2.5
"""...or, for a capitalised first half, this frequent in the target language (or common
in another news language)."""
TYPO = 3.5
"""A token one edit away from a word this frequent is a misspelling, not a glued pair..."""
TYPO_MARGIN = 0.5
"""...unless the word is less frequent than the rarer glued half by more than this."""
_uncached_zipf = zipf.__wrapped__
"""wordfreq lookups for one-letter edits, kept out of the shared cache."""


@dataclass(frozen=True)
class Split:
    """A token read as two words: where it splits, and how sure the reading is."""

    at: int
    left: str
    right: str
    certain: bool


@dataclass(frozen=True)
class GlueLexicon:
    """What one target language contributes: its frequent words and its word endings."""

    lang: str
    junctions: frozenset[str]
    """Frequent words (of three letters or more) that glue to a neighbour."""
    function_words: frozenset[str]
    """Stop words and the most frequent words: a glue through one of these is certain."""
    time_words: frozenset[str]
    prefixes: frozenset[str]
    """Verbal prefixes never read as a word glued on before another ("ein" + "schätzen")."""
    alphabet: str
    """Lower-case letters of the language, for one-letter edits of a misspelt word."""
    plain: dict[str, bool] = field(default_factory=dict, compare=False)
    """Tokens already seen to be known words of no suspicious shape (a bounded memo, see
    :mod:`checker.memo`): they are skipped without asking wordfreq again."""

    @classmethod
    def of(cls, lang: str) -> GlueLexicon:
        suffixes = {w.lower() for w in langdata.section(lang, "glued").get("not_suffixes", [])}
        stamps = langdata.section(lang, "timestamp")
        times = {w.lower() for w in [*stamps.get("weekdays", []), *stamps.get("months", [])]}
        stops = stopwords().get(lang, frozenset()) | top_words(lang, 120)
        return cls(
            lang,
            frozenset(w for w in top_words(lang) if len(w) >= 3 and w not in suffixes),
            frozenset(w for w in stops if len(w) >= 3 and w.isalpha() and w not in suffixes),
            frozenset(w for w in times if len(w) >= 4),
            frozenset(w.lower() for w in langdata.section(lang, "glued").get("not_prefixes", [])),
            "".join(sorted({c for w in top_words(lang, 2000) for c in w} | set(ascii_lowercase))),
        )

    def is_word(self, part: str) -> bool:
        if zipf(part, self.lang) >= WORD:
            return True
        if len(part) < 4 or not part[:1].isupper():
            return False
        return zipf(part, self.lang) >= NAME or best_common_zipf(part) >= WORD

    def misspelt(self, token: str, split: Split) -> bool:
        """Whether one edit turns ``token`` into a frequent word, about as frequent as the
        rarer half of ``split`` or more: "Tueday" is "Tuesday" mistyped, not "Tue day";
        "dansleur" is "dans leur", not "danseur"."""
        rarer = min(zipf(split.left, self.lang), zipf(split.right, self.lang))
        floor = max(TYPO, rarer - TYPO_MARGIN)
        low = token.lower()
        known = _uncached_zipf
        letters = self.alphabet
        edits = (
            *(low[:i] + low[i + 1 :] for i in range(len(low))),
            *(low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)),
            *(low[:i] + c + low[i + 1 :] for i in range(len(low)) for c in letters),
            *(low[:i] + c + low[i:] for i in range(len(low) + 1) for c in letters),
        )
        return any(known(word, self.lang) >= floor for word in edits if word != low)


def _camel_points(token: str) -> list[int]:
    """Offsets where a capital starts a new word inside ``token`` ("LouvreMuseum": 6)."""
    points = []
    for i in range(1, len(token) - 1):
        prev, cur, nxt = token[i - 1], token[i], token[i + 1]
        if cur.isupper() and nxt.islower() and (prev.islower() or prev.isupper()):
            if prev.isupper() and i < 2:
                continue  # "LThe": a drop cap, not a glued word
            points.append(i)
    return points


def split_camel(token: str, lex: GlueLexicon, prefixes: frozenset[str]) -> Split | None:
    """A capitalised word glued to the word before it ("FranceTuesday")."""
    for at in _camel_points(token):
        left, right = token[:at], token[at:]
        if len(left) < 4 or len(right) < 3 or left in prefixes:
            continue
        if not right[1:].islower() or not lex.is_word(left) or zipf(right, lex.lang) < WORD:
            continue
        low = right.lower()
        certain = low in lex.function_words or low in lex.time_words
        if len(right) < 4 and not certain:
            continue  # "MacroBot", "CityHub": short brand endings
        return Split(at, left, right, certain)
    return None


def split_lower(token: str, lex: GlueLexicon) -> Split | None:
    """A frequent small word glued on either side of another ("Commissionsaid", "ofthe")."""
    low = token.lower()
    for at in range(len(token) - 3, 2, -1):  # a frequent word glued on after
        left, right = token[:at], low[at:]
        if right in lex.junctions and lex.is_word(left):
            if token[0].isupper() and right not in lex.function_words:
                continue  # "Salenon": more likely a name than "Sale" + "non"
            return Split(at, left, token[at:], right in lex.function_words)
    for at in range(3, len(token) - 2):  # a frequent word glued on before
        left, right = low[:at], token[at:]
        if left in lex.prefixes or left not in lex.junctions:
            continue
        if zipf(right, lex.lang) >= WORD + 0.5:
            return Split(at, token[:at], right, left in lex.function_words)
    return None


class _GlueRule(Rule):
    """Shared by the certain and the likely glued-word rules: one scan per story."""

    certain: bool
    languages = langdata.languages_with("glued")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.prefixes = frozenset(langdata.common().get("glued", {}).get("name_prefixes", []))

    def check(self, story: StoryContext) -> Iterator[Hit]:
        key = "glued-words"
        if key not in story.memo:
            context = "\n".join(doc.text for doc in (story.ref, story.src) if doc is not None)
            story.memo[key] = list(
                find_glued(story.text, _lexicon(story.lang), self.prefixes, context)
            )
        found: list[tuple[int, int, Split]] = story.memo[key]  # type: ignore[assignment]
        for start, end, split in found:
            if split.certain != self.certain:
                continue
            token = story.text[start:end]
            if not split.left:
                yield Hit(
                    start, end, f"'{token}' has a capital out of place: '{split.right}'?",
                    suggestion=split.right,
                )
                continue
            if len(split.left) == 1:
                yield Hit(
                    start, end,
                    f"'{token}' starts with a stray capital: the drop cap of the page "
                    "glued to the first word",
                    suggestion=split.right,
                )
                continue
            yield Hit(
                start, end,
                f"'{token}' reads as two words run together: '{split.left}' and "
                f"'{split.right}'" + ("" if split.certain else " (unless it is a name)"),
                suggestion=f"{split.left} {split.right}",
            )


_LEXICONS: dict[str, GlueLexicon] = {}


def _lexicon(lang: str) -> GlueLexicon:
    if lang not in _LEXICONS:
        _LEXICONS[lang] = GlueLexicon.of(lang)
    return _LEXICONS[lang]


def _stray_capital(token: str) -> str | None:
    """The word ``token`` is with one capital out of place ("VLadimir", "ScholZ"), if so."""
    if _TWO_CAPITALS.match(token):
        return token[0] + token[1:].lower()
    if _LAST_CAPITAL.match(token):
        return token[:-1] + token[-1].lower()
    return None


def find_glued(
    text: str, lex: GlueLexicon, prefixes: frozenset[str], context: str = ""
) -> Iterator[tuple[int, int, Split]]:
    """Every token of ``text`` that reads as two words glued together, with its split.

    ``context`` is the story's reference and source text: a token found there unchanged
    is a name, and two halves found there apart confirm a glued reading. A token whose
    halves are both capitalised and meet at neither a day nor a month reads as a brand
    as well as glue ("TotalEnergies", "DeepSeek", "CornwallLive"): it is reported only
    when the story has other glued words or writes the two halves apart, in the MT or the
    reference ("Louvre Museum").
    """
    found = [(a, b, split, _brand_shaped(split, lex))
             for a, b, split in _candidates(text, lex, prefixes, context)]
    glue = {text[a:b] for a, b, split, brand in found if len(split.left) > 1 and not brand}
    for start, end, split, brand in found:
        if not brand or glue - {text[start:end]} or _written_apart(split, text, context):
            yield start, end, split


def _candidates(
    text: str, lex: GlueLexicon, prefixes: frozenset[str], context: str
) -> list[tuple[int, int, Split]]:
    """Every glued reading of a token of ``text``, in text order. Each distinct token is
    judged once; known words (most of them) are remembered in ``lex.plain``."""
    found: list[tuple[int, int, Split]] = []
    plain = lex.plain
    for token in [t for t in set(_LONG_TOKEN.findall(text)) if t not in plain]:
        found.extend(_token_candidates(token, text, lex, prefixes, context))
    found.sort(key=lambda item: item[0])
    return found


def _token_candidates(
    token: str, text: str, lex: GlueLexicon, prefixes: frozenset[str], context: str
) -> Iterator[tuple[int, int, Split]]:
    drop_cap = bool(_DROP_CAP.match(token))
    fixed = _stray_capital(token)
    known = (
        token.isupper() or zipf(token, lex.lang) >= KNOWN or best_common_zipf(token) >= WORD
    )
    if known and not drop_cap and not fixed:
        remember(lex.plain, token, True)  # a known word, whatever surrounds it
        return
    drop_cap = drop_cap and zipf(token[1:], lex.lang) >= WORD + 1
    stray = bool(fixed) and max(zipf(fixed, lex.lang), best_common_zipf(fixed)) >= WORD + 0.5
    split: Split | None = None
    if not (known or stray or text.count(token) > 1 or any(_occurrences(token, context))):
        split = split_camel(token, lex, prefixes)
        if split is None and token[1:].islower():
            split = split_lower(token, lex)
            if split is not None and lex.misspelt(token, split):
                split = None  # "Tueday": a typo for "Tuesday", not "Tue" + "day"
    if not (drop_cap or stray or split):
        return
    for start, end in _occurrences(token, text):
        if drop_cap and _SENTENCE_START.search(text, 0, start):
            # "LThe Spanish": the page's drop cap left over
            yield start, end, Split(1, token[0], token[1:], False)
        elif stray and fixed:
            yield start, end, Split(0, "", fixed, False)
        elif split is not None and not _NOT_PROSE.search(_chunk(text, start, end)):
            yield start, end, split


def _occurrences(token: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``token`` occurs in ``text`` as a whole run of letters."""
    at = text.find(token)
    while at >= 0:
        end = at + len(token)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            yield at, end
        at = text.find(token, at + 1)


def _chunk(text: str, start: int, end: int) -> str:
    """The text between the spaces around ``text[start:end]``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = _SPACE.search(text, end)
    return text[left : right.start() if right else len(text)]


def _brand_shaped(split: Split, lex: GlueLexicon) -> bool:
    """Two capitalised halves not joined at a day or a month ("Total|Energies")."""
    return (
        len(split.left) > 1 and split.left[0].isupper() and split.right[0].isupper()
        and split.right.lower() not in lex.time_words
    )


def _written_apart(split: Split, text: str, context: str) -> bool:
    """Whether the story or its reference writes the two halves as two words."""
    apart = regex.compile(
        rf"\b{regex.escape(split.left)}[ \t\u00a0]+{regex.escape(split.right)}\b"
    )
    return bool(apart.search(text) or apart.search(context))


class GluedWords(_GlueRule):
    """Finds two words run together through a function word or a date word ("Macronand").

    A token is read as glued only when wordfreq does not know it in any news language
    (so names and brands it knows, "McDonald", "iPhone", "LinkedIn", "PlayStation", are
    never split) and it divides into a word of the target language and one of its
    function words ("Commissionsaid", "Berlinwhere", "ofthe"), or a capitalised day or
    month ("FranceTuesday"). Addresses, handles, hashtags, a token that occurs twice in
    the story or unchanged in its reference or source, and a word one letter away from a
    frequent word ("Tueday" is a typo for "Tuesday", not "Tue day") are left alone. Two
    capitalised halves ("NextEra") need the story's corroboration, as in WC211. Other
    glued readings are WC211's.

    ## Why it matters
    Scrapers that drop link markup glue the link text to the next word; the page reads
    as a typo in every sentence that had a link, usually around names.

    ## Example
    `the European Commissionsaid on Monday that President Macronand his ministers`

    ## Use instead
    `the European Commission said on Monday that President Macron and his ministers`
    """

    code = "WC210"
    name = "glued-words"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Insert the missing space"
    fix_applicability = "unsafe"
    certain = True


class LikelyGluedWords(_GlueRule):
    """Finds a token that is probably two words run together ("LouvreMuseum").

    The same reading as WC210 (a token wordfreq does not know, which splits into two
    frequent words of the target language) when the junction is a capital inside the
    token ("LouvreMuseum") or a frequent word that is not a function word, glued to a
    lower-case word ("pricesstill"). Name prefixes ("Mc", "Di", "Mac", "Van") are never
    split. A brand written in one word reads the same way ("TotalEnergies", "DeepSeek"),
    so a token whose two halves are both capitalised is reported only when the story
    corroborates the glue: it has other glued words, or it or its reference writes the
    two halves apart ("Louvre Museum"). A capital glued to the first word of a
    sentence ("LThe Spanish government") is the
    page's drop cap left over; the suggestion drops it. A known word with one capital
    out of place ("VLadimir", "ScholZ") is reported too. Capitalised endings of three
    letters ("MacroBot") are brand names more often than glued words.

    ## Why it matters
    Link text glued to the next word when a page's markup was stripped; readers see a
    typo, search and glossary checks miss the name.

    ## Example
    `The Louvre Museum reopened, and visitors queued outside the LouvreMuseum on Sunday.`

    ## Use instead
    `The Louvre Museum reopened, and visitors queued outside the Louvre Museum on Sunday.`
    """

    code = "WC211"
    name = "likely-glued-words"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Insert the missing space"
    fix_applicability = "unsafe"
    certain = False
