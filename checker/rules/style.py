"""Style rules (WC7xx): house-style breaks a wire desk would fix before publishing.

This module holds the byline and dateline rules (WC701, WC702) and the helpers the
style rules share; calqued titles and articles are in :mod:`checker.rules.wording`.

House style varies between agencies and clients, so these rules default to ``info`` or
``warning`` and read their conventions from ``checker/rules/langdata/<lang>.toml``
(tables ``byline``, ``dateline``, ``honorifics``, ``agency_article``) and from the rule's
options in the feed's configuration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from checker.config import Settings
from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules import langdata
from checker.rules.base import Hit, Rule
from checker.rules.boilerplate import stripped_lines

_PARTICLES = frozenset(
    {"de", "la", "del", "van", "von", "der", "den", "du", "da", "das", "dos", "di", "le", "ter",
     "ten", "bin", "ben", "al", "el", "zu"}
)


def title_case(surname: str) -> str:
    """``LEE`` -> ``Lee``, ``SANG-MIN`` -> ``Sang-Min``, ``O'BRIEN`` -> ``O'Brien``,
    ``DE LA CRUZ`` -> ``de la Cruz``, ``MCDONALD`` -> ``McDonald``."""
    words = surname.split()
    out = []
    for index, word in enumerate(words):
        if index < len(words) - 1 and word.lower() in _PARTICLES:
            out.append(word.lower())
            continue
        parts = regex.split(r"([-'’])", word)
        cased = []
        for part in parts:
            low = part.lower()
            if len(low) > 2 and low.startswith("mc"):
                cased.append("Mc" + low[2].upper() + low[3:])
            else:
                cased.append(low[:1].upper() + low[1:])
        out.append("".join(cased))
    return " ".join(out)


def story_agency(story: StoryContext, forced: Any = None) -> str | None:
    """The agency the story is from: the ``agency`` option, else the one it names most."""
    if isinstance(forced, str) and forced.strip():
        return forced.strip()
    counts: Counter[str] = Counter()
    text = story.text
    for agency in langdata.agencies():
        for form in agency.get("forms", []):
            pattern = r"(?<![\p{L}\d])" + regex.escape(form) + r"(?![\p{L}\d])"
            counts[agency["name"]] += len(regex.findall(pattern, text))
    best = [(n, name) for name, n in counts.items() if n]
    return max(best)[1] if best else None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations on one line (any of the common quotation-mark pairs)."""
    return [m.span() for m in _QUOTED.finditer(text)]


_QUOTED = regex.compile(r"“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]|\"[^\"\n]*\"|»[^«\n]*«")


# -- WC701 ---------------------------------------------------------------------------------
_NOT_GIVEN_NAMES = frozenset(
    {"Photo", "Photos", "Video", "Source", "Credit", "Credits", "Foto", "Fotos", "Crédit",
     "Crédits", "Fuente", "Quelle", "Fonte", "Updated", "Breaking"}
)
MAX_BYLINE_TOKENS = 6


class CapitalisedByline(Rule):
    """Finds byline surnames written in capitals ("Claire LEE"), a French agency habit.

    A short line holding a name whose given names are capitalised and whose surname is all
    capitals, optionally after "By", "Por", "Von"… and before an agency ("/ AFP"). The
    headline (first line), acronyms ("NATO") and all-capital lines such as photo credits
    are not bylines. Languages whose house style writes bylines this way (French AFP
    copy: `byline.surname_capitals`) are left alone; `allow-capitals = true` does the
    same for a feed.

    ## Why it matters
    English, Spanish and German wire copy write surnames in normal case; the capitals
    come from the French original and read as shouting.

    ## Example
    `Claire LEE`

    ## Use instead
    `Claire Lee`

    ## Options
    `allow-capitals = true`: the feed's house style writes byline surnames in capitals.
    """

    code = "WC701"
    name = "capitalised-byline"
    category = Category.STYLE
    severity = Severity.WARNING
    fix_title = "Write the surname in normal case"
    fix_applicability = "unsafe"
    languages = langdata.languages_with("byline")

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.acronyms = frozenset(langdata.common().get("acronyms", []))
        self.patterns = langdata.PerLanguage(self.languages, _byline_pattern)

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if self.options.get("allow-capitals", False):
            return
        pattern = self.patterns.get(story.lang)
        if pattern is None:
            return
        text = story.text
        for start, end in stripped_lines(text)[1:]:
            line = text[start:end]
            if len(line.split()) > MAX_BYLINE_TOKENS:
                continue
            match = pattern.fullmatch(line)
            if match is None:
                continue
            surname, given = match.group("surname"), match.group("given")
            words = regex.split(r"[-'’\s]", surname)
            if any(w in self.acronyms for w in words) or not regex.search(r"[AEIOUYÀ-Ý]", surname):
                continue
            if given.split()[0] in _NOT_GIVEN_NAMES:
                continue
            name = match.group("name")
            fixed = f"{given} {title_case(surname)}"
            yield Hit(
                start + match.start("name"), start + match.end("name"),
                f"byline surname in capitals: '{name}'",
                suggestion=fixed,
            )


# -- WC702 ---------------------------------------------------------------------------------
MAX_DATELINE_LINE = 4
"""Datelines open the story: only its first lines are looked at."""


def fill_dateline(template: str, city: str, agency: str) -> str:
    return (
        template.replace("{CITY}", city.upper())
        .replace("{City}", city)
        .replace("{agency}", agency)
    )


def _byline_pattern(lang: str) -> regex.Pattern[str] | None:
    """A byline with the surname in capitals, unless ``lang``'s house style writes it so."""
    data = langdata.section(lang, "byline")
    if data.get("surname_capitals", False):
        return None
    prefixes = langdata.alternation(data.get("prefixes", []))
    return regex.compile(
        rf"(?:{prefixes}\s+)?"
        r"(?P<name>(?P<given>\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+){0,2})\s+"
        r"(?P<surname>\p{Lu}['’]?\p{Lu}+(?:[-'’\s]\p{Lu}{2,}){0,2}))"
        r"(?:\s*[/|,]\s*[\p{L} .\-]{2,30}|\s*\([\p{L} .\-]{2,30}\))?\s*"
    )


class SourceStyleDateline(Rule):
    """Finds datelines in the source's style: "(Seoul) North Korea's…" in English copy.

    Two shapes are recognised in the first lines of a story: a city in parentheses
    opening the first paragraph (the style of French-language papers such as La Presse),
    and Spanish-agency datelines ending in `.-` ("Madrid, 18 Jun (EFE).-") where the
    language's data does not accept them (`dateline.spanish_agency_style`: Spanish, and
    English, which EFE's English service writes that way; option
    `spanish-agency-style`). The fix writes the house dateline (`dateline.template` of the language,
    e.g. `{CITY} ({agency}) -`, or the `house-dateline` option) when the agency is known:
    from the dateline itself, the `agency` option, or the agency the story names most
    ("told AFP"). Otherwise the finding has no suggestion.

    ## Why it matters
    The dateline tells the client where and from whom the story comes; in the wrong
    style it looks unedited and loses the agency credit.

    ## Example
    `(Seoul) North Korea's decision to deploy thousands of soldiers…` in an AFP story.

    ## Use instead
    `SEOUL (AFP) - North Korea's decision to deploy thousands of soldiers…`

    ## Options
    `house-dateline = "{CITY} ({agency}) -"`: the dateline the fix writes (`{CITY}`
    upper-cased, `{City}` as written, `{agency}`; or a literal text); `agency = "AFP"`:
    the agency when the story does not name it; `parenthesised-city = true`: "(Seoul)" is
    house style; `spanish-agency-style = true|false`: accept "Madrid, 18 jun (EFE).-".
    """

    code = "WC702"
    name = "source-style-dateline"
    category = Category.STYLE
    severity = Severity.INFO
    fix_title = "Write the dateline in house style"
    fix_applicability = "unsafe"
    languages = langdata.languages_with("dateline")

    _PARENTHESISED = regex.compile(
        r"\((?P<city>\p{Lu}[\p{L}'’.\-]*(?:[ \-]\p{Lu}[\p{L}'’.\-]*){0,2})\)[ \t]+"
        r"(?=[\p{Lu}\p{N}\"“«„])"
    )

    def __init__(self, settings: Settings, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings, options)
        self.not_cities = frozenset(
            w.casefold() for w in langdata.common().get("not_cities", [])
        ) | frozenset(a["name"].casefold() for a in langdata.agencies())
        names = langdata.alternation(a["name"] for a in langdata.agencies())
        self._spanish = regex.compile(
            r"(?P<city>\p{Lu}[\p{L}'’\-]*(?: \p{Lu}[\p{L}'’\-]*){0,2}),[ \t]+"
            rf"[^()\n]{{1,25}}?[ \t]+\((?P<agency>{names})\)[ \t]*\.-"
        )
        self.templates = {
            lang: langdata.section(lang, "dateline") for lang in self.languages
        }

    def check(self, story: StoryContext) -> Iterator[Hit]:
        data = self.templates.get(story.lang, {})
        template = str(self.options.get("house-dateline", data.get("template", "")))
        parenthesised_ok = self.options.get(
            "parenthesised-city", data.get("parenthesised_city", False)
        )
        spanish_ok = self.options.get(
            "spanish-agency-style", data.get("spanish_agency_style", False)
        )
        text = story.text
        for start, _end in stripped_lines(text)[:MAX_DATELINE_LINE]:
            match = self._spanish.match(text, start)
            if match and not spanish_ok:
                agency = match.group("agency")
                yield Hit(
                    match.start(), match.end(),
                    f"Spanish-agency dateline '{match.group()}'",
                    suggestion=fill_dateline(template, match.group("city"), agency),
                )
                return
            match = self._PARENTHESISED.match(text, start)
            if match and not parenthesised_ok:
                city = match.group("city")
                if city.casefold() in self.not_cities or city.isupper():
                    continue  # "(AFP)", "(CNN)": an outlet, not a city
                span_end = match.start() + len(city) + 2
                agency = story_agency(story, self.options.get("agency"))
                if agency is None:
                    yield Hit(
                        match.start(), span_end,
                        f"dateline '({city})' in the source's style; the agency is unknown, "
                        f"so write it as the house does ({template or 'CITY (AGENCY) -'})",
                    )
                else:
                    yield Hit(
                        match.start(), span_end,
                        f"dateline '({city})' in the source's style",
                        suggestion=fill_dateline(template, city, agency),
                    )
                return
