"""The term search underneath the glossary rules: keys, case, inflection, indexed fuzzing."""

from __future__ import annotations

from checker.config import Settings
from checker.glossary import Glossary, Status, Term, load_index
from checker.glossary.matcher import GlossaryIndex
from checker.glossary.search import GarbleSearch, GarbleSettings
from checker.glossary.tokens import tokenize


def glossary(*rows: tuple[str, str, str, Status]) -> GlossaryIndex:
    g = Glossary()
    for concept, lang, text, status in rows:
        g.add(concept, Term(text, lang, status))
    return GlossaryIndex(g)


def found(index: GlossaryIndex, text: str, lang: str = "en") -> list[str]:
    return [text[m.start : m.end] for m in index.analyse(text, lang).in_language(lang)]


def test_tokens_keep_offsets_into_the_text() -> None:
    text = "l'Agence France-Presse (AFP), U.S. officials"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.key for t in tokens] == [
        "l", "agence", "france", "presse", "(", "afp", ")", ",", "us", "officials"
    ]


def test_dotted_acronyms_match_their_plain_form() -> None:
    index = glossary(("unsc", "en", "UN Security Council", Status.PREFERRED))
    assert found(index, "The U.N. Security Council met.") == ["U.N. Security Council"]
    assert found(index, "Plan B. Security Council members met.") == []


def test_hyphen_and_space_forms_match_but_line_breaks_do_not() -> None:
    index = glossary(("afp", "en", "Agence France-Presse", Status.PREFERRED))
    assert found(index, "Agence France Presse reported.") == ["Agence France Presse"]
    assert found(index, "said Agence France-\nPresse.") == []


def test_acronyms_match_only_in_capitals_and_the_rest_in_any_case() -> None:
    index = glossary(
        ("who", "en", "WHO", Status.ADMITTED),
        ("unhcr", "en", "UN Refugee Agency", Status.ADMITTED),
    )
    assert found(index, "The WHO said who would pay.") == ["WHO"]
    assert found(index, "The UN refugee agency said.") == ["UN refugee agency"]
    assert found(index, "The un refugee agency said.") == []


def test_german_inflected_forms_match_their_term() -> None:
    index = glossary(
        ("imf", "de", "Internationaler Währungsfonds", Status.PREFERRED),
        ("icrc", "de", "Internationales Komitee vom Roten Kreuz", Status.PREFERRED),
    )
    text = "Vertreter des Internationalen Währungsfonds und des Internationalen Komitees vom Roten Kreuzes."
    analysed = index.analyse(text, "de")
    assert [(text[m.start : m.end], m.inflected) for m in analysed.in_language()] == [
        ("Internationalen Währungsfonds", True),
        ("Internationalen Komitees vom Roten Kreuzes", True),
    ]
    assert analysed.garbled() == []


def test_inflection_is_german_only() -> None:
    index = glossary(("eu", "en", "European Union", Status.PREFERRED))
    assert found(index, "The Europeans Union said.") == []


def test_english_spelling_variants_are_one_term_marked_as_variant() -> None:
    index = glossary(("who", "en", "World Health Organization", Status.PREFERRED))
    [match] = index.analyse("The World Health Organisation said.", "en").matches
    assert match.variant
    [match] = index.analyse("The World Health Organization said.", "en").matches
    assert not match.variant


def test_different_middle_word_is_another_name() -> None:
    index = glossary(("fea", "en", "Federal Energy Agency", Status.PREFERRED))
    assert index.analyse("The Federal Network Agency said.", "en").garbled() == []
    [garble] = index.analyse("The Federal Enregy Agency said.", "en").garbled()
    assert garble.term.term.text == "Federal Energy Agency"


def test_unrelated_terms_add_no_work_to_the_garble_search() -> None:
    """The pair index proposes the same candidates however many unrelated terms exist."""
    text = (
        "An analyst at the Korea Institute for National Reunification said the European "
        "Union and the World Bank agreed with Agence -Presse."
    )
    small = load_index(Settings())
    big_glossary = Glossary()
    big_glossary.merge(small.glossary)
    for number in range(20_000):
        big_glossary.add(f"x{number}", Term(f"Zorbel{number} Institute of Quarn{number}", "en"))
    big = GlossaryIndex(big_glossary)

    def candidates(index: GlossaryIndex) -> list[set[str]]:
        analysed = index.analyse(text, "en")
        search = GarbleSearch(analysed, index.language("en"), GarbleSettings())
        return [
            {index.terms[t].term.text for t in search.candidates(i)}
            for i in range(len(analysed.tokens))
        ]

    assert candidates(big) == candidates(small)
    assert [g.term.term.text for g in big.analyse(text, "en").garbled()] == [
        "Korea Institute for National Unification", "Agence France-Presse",
    ]


def test_articles_and_contractions_fold_in_every_language() -> None:
    index = glossary(
        ("unhcr", "es", "Alto Comisionado de las Naciones Unidas para los Refugiados",
         Status.PREFERRED),
        ("wh", "de", "Weißes Haus", Status.PREFERRED),
        ("un", "fr", "Organisation des Nations unies", Status.PREFERRED),
    )
    text = "Un informe del Alto Comisionado de Naciones Unidas para los Refugiados."
    [match] = index.analyse(text, "es").in_language()
    assert (text[match.start : match.end], match.inflected) == (
        "Alto Comisionado de Naciones Unidas para los Refugiados", True
    )
    assert found(index, "Ein Sprecher des Weißen Hauses sagte.", "de") == ["Weißen Hauses"]
    assert found(index, "Un rapport de l'Organisation de les Nations unies.", "fr") == [
        "Organisation de les Nations unies"
    ]
    # an article is not a content word: "Nations" and "unies" must still both be there
    assert found(index, "L'Organisation des Nations a parlé.", "fr") == []


def test_german_genitive_and_nominative_share_a_stem() -> None:
    from checker.glossary.tokens import Language

    german = Language.of("de")
    assert german.stem("hauses") == german.stem("haus")
    assert german.stem("komitees") == german.stem("komitee")
    assert german.stem("europäischen") == german.stem("europäische")
    assert Language.of("en").stem("houses") == "houses"


def test_garbles_are_certain_or_possible() -> None:
    index = glossary(
        ("iaea", "en", "International Atomic Energy Agency", Status.PREFERRED),
        ("iaea", "en", "IAEA", Status.ADMITTED),
        ("wb", "en", "World Bank", Status.PREFERRED),
    )

    def kinds(text: str) -> list[tuple[str, bool]]:
        return [(text[g.start : g.end], g.certain) for g in index.analyse(text, "en").garbled()]

    assert kinds("The International Atomic Energy Organisation said.") == [
        ("International Atomic Energy Organisation", False)
    ]
    # its own acronym in brackets says which institution it is
    assert kinds("The International Atomic Energy Organisation (IAEA) said.") == [
        ("International Atomic Energy Organisation", True)
    ]
    assert kinds("The Agency International Atomic Energy said.") == [
        ("Agency International Atomic Energy", False)
    ]
    assert kinds("The World Bnak said.") == [("World Bnak", True)]
    # a four-letter word of the language is no misspelling
    assert kinds("The World Band said.") == []
    assert kinds("The World Bank said a world bank would help.") == []
