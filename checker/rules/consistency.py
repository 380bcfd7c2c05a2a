"""Name consistency rules (WC110, WC119): one name, one spelling, in a story and a feed.

A story should write a name the same way every time. Names are found as runs of
capitalised words (with the lower-case particles of Arabic, Dutch, French, German,
Italian, Portuguese and Spanish names); two runs are the same name spelled differently
when they differ only in how their parts are joined (space, hyphen, nothing), in the case
of a part after the first letter, or in a transliteration ending ("Zelensky",
"Zelenskyy", "Zelenskiy"). WC111 (one source, one rendering) is in
:mod:`checker.rules.renderings`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import regex

from checker import lexicon
from checker.context import StoryContext
from checker.memo import remember
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule

_PARTICLES = (
    "al|el|ash|ad|bin|ibn|bint|abu|de|del|della|der|den|di|da|dos|du|la|le|van|von|ter"
)
# A name: capitalised words, joined by spaces or hyphens, with lower-case particles
# between or before them and lower-case parts after a hyphen ("Kim Jong-un").
_NAME = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}'’-])"
    rf"(?:(?:{_PARTICLES})[ -](?=\p{{Lu}}))?"
    r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
    rf"(?:(?: |-)(?:(?:{_PARTICLES})[ -])?\p{{Lu}}[\p{{L}}'’]*(?:-\p{{L}}[\p{{L}}'’]*)*)*"
    r"(?![\p{L}\p{N}])",
    regex.V1,
)
_ENDINGS = ("yy", "iy", "y", "i", "ij", "ii")
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:]\s+|[\"“„«‘]\s*|\n)\Z")

T = TypeVar("T")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: its span and surface form."""

    start: int
    end: int
    form: str


def name_key(form: str) -> str:
    """The spelling-independent key of a name: letters (and apostrophes), case-folded.

    Apostrophes stay, so a possessive ("Korea's") never meets a plural ("Koreas").
    """
    return "".join(
        "'" if ch in "'’" else ch for ch in form.casefold() if ch.isalpha() or ch in "'’"
    )


@lru_cache(maxsize=65_536)
def translit_key(form: str) -> str:
    """:func:`name_key` with transliteration endings folded ("zelensk")."""
    key = name_key(form)
    if len(key) < 6:
        return key
    for ending in _ENDINGS:
        if key.endswith(ending):
            return key[: -len(ending)] + "~"
    return key


def mentions(text: str, lang: str = "en", max_parts: int = 6) -> list[Mention]:
    """Every name-like run of ``text`` and its sub-runs of two parts or more.

    "President Kim Jong Un" yields "Kim Jong Un" and "Jong Un" too, so that it meets
    "Kim Jong-un" elsewhere. Single words are kept when long enough to carry a
    transliteration ending. All-capital runs (headlines, bylines) are skipped, and so
    is a first part that is a common word of ``lang`` capitalised at the start of a
    sentence ("Die Europäische Zentralbank", "The Hague").
    """
    return [Mention(*found) for found in mention_spans(text, lang, max_parts)]


_PART = regex.compile(r"[^ -]+")


def mention_spans(
    text: str, lang: str = "en", max_parts: int = 6
) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, form)`` of each of :func:`mentions`, in the same order.

    Kept for the last texts asked (a bounded memo): the feed's pass over every story
    (:mod:`checker.feedcheck`) and the story's own check ask for the same text.
    """
    key = (text, lang, max_parts)
    found = _SPANS.get(key)
    if found is None:
        found = remember(_SPANS, key, tuple(_spans(text, lang, max_parts)), SPANS_MEMO)
    return found


SPANS_MEMO = 2048
"""Texts whose name spans :func:`mention_spans` keeps."""
_SPANS: dict[tuple[str, str, int], tuple[tuple[int, int, str], ...]] = {}


def _spans(text: str, lang: str, max_parts: int) -> Iterator[tuple[int, int, str]]:
    """The name spans of ``text``, found afresh (see :func:`mention_spans`)."""
    for match in _NAME.finditer(text):
        form = match.group()
        single = " " not in form and "-" not in form
        if single and len(form) < 6:
            continue  # one short word: no mention (most capitalised words of a text)
        letters = [ch for ch in form if ch.isalpha()]
        if len(letters) < 4 or all(ch.isupper() for ch in letters):
            continue
        at = match.start()
        if single and max_parts:
            yield at, at + len(form), form
            continue
        # Each part: where it starts and ends, whether it starts with a capital, and
        # whether all its letters are capitals (a run of parts is all capitals when each
        # of them is).
        parts = [
            (m.start(), m.end(), m.group()[:1].isupper(), _capitals(m.group()))
            for m in _PART.finditer(form)
        ][:max_parts]
        first = 1 if len(parts) > 1 and _function_word(form[parts[0][0] : parts[0][1]], lang) else 0
        for i in range(first, len(parts)):
            start, end, upper, capitals = parts[i]
            if not upper and i > 0:
                continue
            if end - start >= 6 and not capitals:
                yield at + start, at + end, form[start:end]
            for j in range(i + 1, len(parts)):
                capitals = capitals and parts[j][3]
                if capitals:
                    continue  # a capitalised dateline ("BEIJING") inside a longer run
                end = parts[j][1]
                yield at + start, at + end, form[start:end]


def _capitals(part: str) -> bool:
    """Whether every letter of ``part`` is a capital."""
    second = part[1:2]
    if second.islower() and second.isalpha():
        return False  # "Kim": the usual case, decided by one letter
    return all(ch.isupper() for ch in part if ch.isalpha())


@lru_cache(maxsize=4096)
def _function_word(word: str, lang: str) -> bool:
    """A very frequent lower-case word of the language ("the", "die", "le", "el")."""
    # A dictionary look-up (lexicon), never wordfreq's tokenizers: zh/ja/ko need extras.
    return word[:1].isupper() and lexicon.common_zipf(word, lang) >= 5.0


def story_mentions(story: StoryContext) -> list[Mention]:
    """:func:`mentions` of the story's MT text, found once for both name rules."""
    found = story.memo.get("name-mentions")
    if found is None:
        found = story.memo["name-mentions"] = mentions(story.text, story.lang)
    return found  # type: ignore[return-value]


def _same_but_case_of_first(a: str, b: str) -> bool:
    return a[1:] == b[1:] and a[:1].casefold() == b[:1].casefold()


@dataclass(frozen=True)
class Variant:
    """A minority spelling and the form the majority (or the glossary) uses."""

    mention: Mention
    preferred: str
    count: int
    preferred_count: int


def variants(all_mentions: Iterable[Mention], text_of: str = "") -> Iterator[Variant]:
    """Mentions whose spelling differs from the most frequent spelling of the same name.

    ``text_of`` is the text the mentions come from; a mention at the start of a
    sentence may differ from the others only in the case of its first letter.
    """
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in all_mentions:
        form = mention.form
        if "’" in form:
            form = spelling(form)
            mention = Mention(mention.start, mention.end, form)
        groups[translit_key(form)].append(mention)
    for group in groups.values():
        if len(group) < 2 or all(m.form == group[0].form for m in group):
            continue  # one spelling (most names)
        forms = Counter(m.form for m in group)
        ranked = sorted(forms.items(), key=lambda item: (-item[1], group_first(group, item[0])))
        preferred, preferred_count = ranked[0]
        if preferred_count == forms[ranked[1][0]] and len(ranked) == 2:
            # A tie: the first spelling in the story sets the style.
            preferred = min(forms, key=lambda f: group_first(group, f))
            preferred_count = forms[preferred]
        for mention in group:
            if mention.form == preferred or _same_but_case_of_first(mention.form, preferred):
                continue
            if _only_hyphen_case(mention.form, preferred) and _at_sentence_start(mention, text_of):
                continue
            yield Variant(mention, preferred, forms[mention.form], preferred_count)


def outermost(found: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Items whose ``span`` is not inside a longer one's ("Jong Un" inside "Kim Jong Un"),
    in text order."""
    ranked = sorted(found, key=lambda item: (span(item)[0], -span(item)[1]))
    kept: list[T] = []
    for item in ranked:
        if kept and span(item)[1] <= span(kept[-1])[1]:
            continue
        kept.append(item)
    return kept


def spelling(form: str) -> str:
    """A name as spelled, with the apostrophe's style (typography, not spelling) folded."""
    return form.replace("’", "'")


def group_first(group: list[Mention], form: str) -> int:
    return min(m.start for m in group if m.form == form)


def _only_hyphen_case(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _at_sentence_start(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 4) : mention.start]
    return bool(text) and bool(_SENTENCE_START.search(before))


class InconsistentName(Rule):
    """Finds a name spelled two ways in one story: "Kim Jong Un" and "Kim Jong-un".

    Names are runs of capitalised words. Two spellings are the same name when they
    differ only in how the parts are joined (space, hyphen or nothing: "Al-Qaeda",
    "al Qaeda", "Al Qaeda"), in the case of a later part ("Jong-Un", "Jong-un"), or in
    a transliteration ending ("Zelensky", "Zelenskyy", "Zelenskiy"). The less frequent
    spelling is flagged and the most frequent one suggested (the first one on a tie).
    Capitalisation at the start of a sentence and all-capital headlines are not
    variants.

    ## Why it matters
    A story that spells a name two ways looks careless, and a reader may take the two
    spellings for two people. MT engines and stories stitched from two sources mix
    spellings freely.

    ## Example
    `Kim Jong Un met Putin on Friday. ... Kim Jong-un said the alliance was solid.`

    ## Use instead
    One spelling throughout, the house style's (`Kim Jong Un` in AP style).
    """

    code = "WC110"
    name = "inconsistent-name"
    category = Category.GLOSSARY
    severity = Severity.WARNING
    fix_title = "Use one spelling"
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        found = variants(story_mentions(story), text)
        for variant in outermost(found, lambda v: (v.mention.start, v.mention.end)):
            m = variant.mention
            yield Hit(
                m.start, m.end,
                f"'{m.form}' is spelled '{variant.preferred}' elsewhere in the story "
                f"({variant.preferred_count}× against {variant.count}×)",
                suggestion=variant.preferred,
            )


class InconsistentNameInFeed(Rule):
    """Finds a story that spells a name differently from the rest of the feed.

    Before the run, every story of the feed is read once and the spelling each story
    uses for each name is counted (see `checker.feedcheck`). A story whose spelling
    is used by fewer stories than another spelling of the same name is flagged, with
    the feed's majority spelling as the suggestion. Names are matched as in
    `inconsistent-name` (WC110). Only `wirecheck check` over more than one story
    gathers the feed's spellings; a single story is never compared with anything.

    ## Why it matters
    A feed that writes "Zelensky" in one story and "Zelenskyy" in the next looks
    careless to a reader who follows it, and splits searches and archives.

    ## Example
    Nine stories of a feed write `Kim Jong Un`; one writes `Kim Jong-un`.

    ## Use instead
    The feed's (or the house glossary's) spelling everywhere.
    """

    code = "WC119"
    name = "inconsistent-name-in-feed"
    category = Category.GLOSSARY
    severity = Severity.INFO
    fix_title = "Use the feed's spelling"
    fix_applicability = "unsafe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        names = self.settings.feed_names
        if not names:
            return
        hits: list[Hit] = []
        for mention in story_mentions(story):
            form = spelling(mention.form)
            votes = names.get(translit_key(form))
            if not votes or form not in votes:
                continue
            preferred = max(sorted(votes), key=lambda f: votes[f])
            if preferred == form or votes[preferred] <= votes[form]:
                continue
            if _same_but_case_of_first(form, preferred):
                continue
            hits.append(Hit(
                mention.start, mention.end,
                f"'{mention.form}' is spelled '{preferred}' in {votes[preferred]} stories of "
                f"the feed ({votes[form]} use this spelling)",
                suggestion=preferred,
            ))
        yield from outermost(hits, lambda h: (h.start, h.end))
