"""Glued words (WC210/WC211) against names: brands written in one word, typos, sources.

A token whose two halves are both capitalised ("TotalEnergies") reads as a brand as
much as as glue; it is reported only when the story corroborates the glued reading.
"""

from __future__ import annotations

import pytest

from tests.conftest import check

SELECT = ("WC210", "WC211")


def found(text: str, lang: str, **kwargs: str) -> set[tuple[str, str, str | None]]:
    result = check(text, lang=lang, select=SELECT, default_glossary=False, **kwargs)
    return {(f.rule, f.text, f.suggestion) for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # other glue in the story
        ("en", "The ministry said the ArtsCentre would reopen, and President Macronand his "
               "ministers agreed.", ("WC211", "ArtsCentre", "Arts Centre")),
        # the two halves written apart elsewhere
        ("en", "Visitors crowded the Tate Modern on Sunday; the TateModern closes at six.",
         ("WC211", "TateModern", "Tate Modern")),
        ("fr", "Le ministre a salué le CentrePompidou, qui a rouvert la Bibliothèquedans "
               "la matinée.", ("WC211", "CentrePompidou", "Centre Pompidou")),
        ("es", "El Banco Central subió los tipos; el BancoCentral lo anunció el jueves.",
         ("WC211", "BancoCentral", "Banco Central")),
        ("de", "Die Deutsche Bahn streicht Züge; ein Sprecher der DeutscheBahn bestätigte das.",
         ("WC211", "DeutscheBahn", "Deutsche Bahn")),
        # a day or a month needs no corroboration
        ("de", "Die Gewerkschaft will den Streik BerlinDienstag beenden.",
         ("WC210", "BerlinDienstag", "Berlin Dienstag")),
    ],
)
def test_glue_between_capitalised_words_is_found_when_the_story_confirms_it(
    lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shares in TotalEnergies and DeepSeek fell after the report, analysts said."),
        ("en", "Its rival, SolarEdge, said the VivaTech fair had been a success."),
        ("en", "Police in Cornwall told CornwallLive that the road would reopen."),
        ("fr", "Les actions de HelloFresh et de DoorDash ont reculé lundi à la Bourse."),
        ("es", "Las acciones de NextEra y de OpenSea cayeron el lunes, según el informe."),
        ("de", "Die Aktien von CaixaBank und MicroStrategy fielen am Montag deutlich."),
    ],
)
def test_brands_in_one_word_are_left_alone(lang: str, text: str) -> None:
    assert found(text, lang) == set()


def test_a_token_the_source_has_unchanged_is_a_name() -> None:
    text = "The Policesaid the story was first reported by CornwallLive on Friday."
    assert ("WC211", "CornwallLive", "Cornwall Live") in found(text, "en")
    source = "La police a indiqué que CornwallLive avait révélé l'affaire vendredi."
    assert ("WC211", "CornwallLive", "Cornwall Live") not in found(
        text, "en", src=source, src_lang="fr"
    )


def test_halves_written_apart_in_the_reference_confirm_the_glue() -> None:
    text = "A spokeswoman for the TateModern confirmed the closure."
    assert found(text, "en") == set()
    reference = "A Tate Modern spokeswoman confirmed that the gallery would close."
    assert ("WC211", "TateModern", "Tate Modern") in found(text, "en", ref=reference)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The strike ends on Tueday, the union said."),
        ("en", "Rain is forcasts for the whole weekend."),
        ("fr", "La commisson a rendu son avis lundi."),
        ("es", "Los acerdos se firmaron el lunes en Madrid."),
        ("de", "Die Lage bleibt nach Angaben der Polizei deutich angespannt."),
    ],
)
def test_a_word_one_letter_off_is_a_typo_not_glue(lang: str, text: str) -> None:
    assert found(text, lang) == set()


def test_glue_next_to_a_typo_is_still_found() -> None:
    text = "The Ministrysaid on Tueday that the talks would resume."
    assert found(text, "en") == {("WC210", "Ministrysaid", "Ministry said")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "danseur" and "Haushalt" are one letter away, but rarer than either half
        ("fr", "Les ministres sont rentrés dansleur ville natale.",
         ("WC210", "dansleur", "dans leur")),
        ("de", "Das Haushat drei Etagen und einen Garten.", ("WC210", "Haushat", "Haus hat")),
    ],
)
def test_glue_of_two_frequent_words_beats_a_rarer_typo_reading(
    lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert found(text, lang) == {expected}


def test_checking_twice_gives_the_same_findings() -> None:
    text = "The storm hit the coast. LThe government sent troops, the Commissionsaid."
    assert found(text, "en") == found(text, "en") == {
        ("WC211", "LThe", "The"),
        ("WC210", "Commissionsaid", "Commission said"),
    }
