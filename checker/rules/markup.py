"""Markup rules (WC222-WC226): what a page's HTML and encoding leave in the text.

Entities are checked against the HTML5 entity table of the standard library (so only
real entity names are flagged, including the spaced forms engines produce: "& rdquor
;"); mojibake is detected and repaired with ftfy, which the project already uses; tags
are recognised by the HTML element names a page can carry. No other dependency is
worth it: the shapes left are few and well defined.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from html.entities import html5

import ftfy
import regex

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule

_ENTITY = regex.compile(
    r"&[ \t]?(?P<name>#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31})[ \t]?;"
)


class LeftoverEntity(Rule):
    """Finds HTML character entities left in the text: "&nbsp;", "&#8217;", "& rdquor ;".

    Only names in the HTML5 entity table and numeric references are flagged, with or
    without the spaces an engine inserts around them; the suggestion is the character
    the entity stands for ("&nbsp;" becomes a no-break space, "& rdquor ;" a closing
    quotation mark).

    ## Why it matters
    The entity is unreadable in print and in any channel that does not decode HTML.

    ## Example
    `the minister&#8217;s plan`, `he said & rdquor ;`

    ## Use instead
    `the minister’s plan`, `he said ”`
    """

    code = "WC222"
    name = "leftover-html-entity"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Replace the entity with its character"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        for match in _ENTITY.finditer(story.text):
            name = match.group("name")
            if not name.startswith("#") and f"{name};" not in html5:
                continue
            char = html.unescape(f"&{name};")
            if char == f"&{name};":
                continue  # an out-of-range numeric reference: leave it to a person
            yield Hit(
                match.start(), match.end(),
                f"HTML entity '{match.group()}' left in the text", suggestion=char,
            )


_ELEMENT_NAMES = (
    "a abbr article aside b blockquote br caption cite code dd div dl dt em embed figcaption "
    "figure font footer h1 h2 h3 h4 h5 h6 header hr i iframe img input label li link meta nav "
    "noscript ol p picture pre q s script section small source span strong style sub sup "
    "table tbody td th thead tr u ul video audio button form"
)
_ELEMENTS = _ELEMENT_NAMES.split()
_TAG = regex.compile(
    r"<(?:/?(?:" + "|".join(sorted(_ELEMENTS, key=len, reverse=True)) + r")"
    r"(?:\s+[^<>\n]{0,400}?)?\s*/?|!--[^\n]{0,400}?--|!\[CDATA\[|\]\]|!DOCTYPE[^<>\n]*)>",
    regex.IGNORECASE,
)
_SHORTCODE = regex.compile(
    r"\[/?(?:caption|embed|video|audio|gallery|youtube|tweet|twitter|instagram|facebook|"
    r"playlist|vc_[a-z_]+|et_pb_[a-z_]+)(?:\s[^\[\]\n]{0,200})?\]",
    regex.IGNORECASE,
)
# What an embedded post leaves: its picture link, and its footer line
# ("— Jane Doe (@jdoe) March 5, 2023").
_EMBED = regex.compile(
    r"(?<=^|\s)(?:https?://)?pic\.twitter\.com/\w+"
    r"|(?m:^[—–-][ \t]*[^\n]{1,80}\(@\w{1,30}\)[ \t]+\p{L}+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$)"
)


def _ascii(text: str) -> bool:
    """Whether ``text`` is all ASCII (known to the string, so quick): then it holds no
    mojibake character and no Cyrillic or Greek letter."""
    return text.isascii()


def _may_embed(text: str) -> bool:
    """Whether ``text`` holds what each kind of :data:`_EMBED` match holds."""
    return "pic.twitter.com/" in text or "(@" in text


_BLOCK_NAMES = "br p div li h1 h2 h3 h4 h5 h6 tr td th figure figcaption hr"
_BLOCK = frozenset(_BLOCK_NAMES.split())


class LeftoverTag(Rule):
    """Finds HTML tags, CMS shortcodes and embed remnants left in the text: "<p>", "[caption]".

    A tag is flagged only when its name is an HTML element ("<p>", "</a>",
    `<img src="…" />`), so "<5%" or "a <b> c" in prose with another name is left alone;
    runs of tags count as one finding. What an embedded social-media post leaves counts
    too: its `pic.twitter.com/…` link and its footer line ("— Name (@handle) March 5,
    2023"). The fix deletes the run, or replaces it with a space where a block tag stood
    between two words.

    ## Why it matters
    Tags and shortcodes are source code, not text; published, they show as garbage and
    can carry links to the scraped site.

    ## Example
    `<p>The <a href="https://example.org/pp">party's plan</a> runs into…`

    ## Use instead
    `The party's plan runs into…`
    """

    code = "WC223"
    name = "leftover-html-tag"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Delete the markup"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        spans = sorted(
            [(m.start(), m.end()) for m in _TAG.finditer(text)]
            + [(m.start(), m.end()) for m in _SHORTCODE.finditer(text)]
            + ([(m.start(), m.end()) for m in _EMBED.finditer(text)] if _may_embed(text) else [])
        )
        runs: list[list[int]] = []
        for start, end in spans:
            if runs and not text[runs[-1][1] : start].strip():
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        for start, end in runs:
            flagged = text[start:end]
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            names = {n.lower() for n in regex.findall(r"</?([A-Za-z0-9]+)", flagged)}
            between_words = not before.isspace() and not after.isspace()
            suggestion = " " if between_words and names & _BLOCK else ""
            yield Hit(start, end, f"markup '{flagged[:60]}' left in the text",
                      suggestion=suggestion)


_SUSPECT = regex.compile(r"[ÂÃÅÄâ€œ™žŸ¢¤¦¨©«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßðñ]")


class Mojibake(Rule):
    """Finds mojibake: text decoded with the wrong encoding ("dÃ©cision", "â€œ").

    ftfy decides, word by word on the lines that look suspicious, whether a word is UTF-8
    read as Latin-1 or Windows-1252 (and the like), and what it should have been; only
    words ftfy can repair are flagged, with the repair as the suggestion, so accented
    names and symbols that are simply correct are left alone.

    ## Why it matters
    A reader cannot decode "Ã©"; published, it makes the story look broken.

    ## Example
    `the prÃ©fecture said`

    ## Use instead
    `the préfecture said`
    """

    code = "WC224"
    name = "mojibake"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Replace the word with its repaired spelling"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        if _ascii(text) or not _SUSPECT.search(text):
            return
        for match in regex.finditer(r"\S+", text):
            word = match.group()
            if not _SUSPECT.search(word):
                continue
            fixed = ftfy.fix_encoding(word)
            if fixed != word and not ftfy.badness.is_bad(fixed):
                yield Hit(
                    match.start(), match.end(),
                    f"mojibake '{word}' (text decoded with the wrong encoding)",
                    suggestion=fixed,
                )


_LOST = regex.compile(
    r"\uFFFD+"  # the Unicode replacement character
    r"|(?<=\p{L})\?+(?=\p{Ll})"  # a letter lost inside a word: "Erdo?an"
    r"|(?<![\p{L}\p{N}?])\?{2,}(?=\p{L})"  # letters lost at a word start: "??letting"
)


class LostCharacter(Rule):
    """Finds characters lost in a conversion: "Erdo?an", "??letting", "�".

    A question mark between two letters of one word, two or more glued to the start of a
    word, or the Unicode replacement character mark a character that an encoding could
    not hold. The original character cannot be guessed, so there is no suggestion.

    ## Why it matters
    The name or word is misspelt in print; names with diacritics ("Erdoğan") are the
    usual victims.

    ## Example
    `Turkish President Recep Tayyip Erdo?an`

    ## Use instead
    `Turkish President Recep Tayyip Erdoğan`
    """

    code = "WC225"
    name = "lost-character"
    category = Category.ARTEFACT
    severity = Severity.WARNING
    fix_title = "Restore the character from the source"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        text = story.text
        for match in _LOST.finditer(text):
            word_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start()))
            word = text[word_start + 1 :].split(None, 1)[0]
            if "/" in word or "=" in word or "@" in word:
                continue  # a URL or an address: "page.php?id=3"
            yield Hit(match.start(), match.end(), f"character lost in '{word}'")


# Cyrillic and Greek letters that look like Latin ones, and the Latin letter each imitates.
_HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅУԜαορτυνκιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJSYWaoptvvkiABEZHIKMNOPTYX",
)
_NON_LATIN = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
_MIXED = regex.compile(
    r"(?<![\p{L}])(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}])"
    r"[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+"
)


class MixedScriptWord(Rule):
    """Finds Latin words with Cyrillic or Greek look-alike letters inside ("Dоnald", "pоlice").

    Copy-protected or spam-filtered pages swap Latin letters for identical-looking
    Cyrillic or Greek ones; the text looks right but search, spell-checking and glossary
    checks all fail on it. A word that mixes Latin letters with Cyrillic or Greek ones
    is flagged, and the suggestion replaces the look-alikes with the Latin letters.

    ## Why it matters
    The story cannot be searched or indexed, and names in it no longer match anything.

    ## Example
    `U.S. President Dоnald Trump` (with a Cyrillic о)

    ## Use instead
    `U.S. President Donald Trump`
    """

    code = "WC226"
    name = "mixed-script-word"
    category = Category.ARTEFACT
    severity = Severity.ERROR
    fix_title = "Replace the look-alike letters with Latin ones"
    fix_applicability = "safe"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if _ascii(story.text) or not _NON_LATIN.search(story.text):
            return
        for match in _MIXED.finditer(story.text):
            word = match.group()
            fixed = word.translate(_HOMOGLYPHS)
            if regex.search(r"[\p{Script=Cyrillic}\p{Script=Greek}]", fixed):
                yield Hit(match.start(), match.end(), f"word '{word}' mixes alphabets")
            else:
                yield Hit(
                    match.start(), match.end(),
                    f"word '{word}' hides Cyrillic or Greek look-alike letters",
                    suggestion=fixed,
                )
