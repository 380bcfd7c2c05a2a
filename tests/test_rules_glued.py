"""Glued words (WC210 certain, WC211 likely): two words run together without a space."""

from __future__ import annotations

import pytest

from tests.conftest import check

SELECT = ("WC210", "WC211")


def found(text: str, lang: str) -> set[tuple[str, str, str | None]]:
    result = check(text, lang=lang, select=SELECT, default_glossary=False)
    return {(f.rule, f.text, f.suggestion) for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The European Commissionsaid on Monday it would act.",
         ("WC210", "Commissionsaid", "Commission said")),
        ("en", "President Macronand his ministers met at the palace.",
         ("WC210", "Macronand", "Macron and")),
        ("en", "The talks will resume in Berlinwhere the envoys met in May.",
         ("WC210", "Berlinwhere", "Berlin where")),
        ("en", "The strike ends FranceTuesday, the union said.",
         ("WC210", "FranceTuesday", "France Tuesday")),
        ("en", "The Louvre Museum reopened; crowds queued outside the LouvreMuseum on Sunday.",
         ("WC211", "LouvreMuseum", "Louvre Museum")),
        ("en", "The storm hit the coast. LThe government sent troops.",
         ("WC211", "LThe", "The")),
        ("en", "The envoy met VLadimir Putin in the Kremlin.", ("WC211", "VLadimir", "Vladimir")),
        ("de", "Bundeskanzler ScholZ reiste am Montag nach Paris.",
         ("WC211", "ScholZ", "Scholz")),
        ("fr", "Le ministre a rencontré la Commissiondans la matinée.",
         ("WC210", "Commissiondans", "Commission dans")),
        ("es", "El Gobiernodijo el lunes que no subirá los impuestos.",
         ("WC210", "Gobiernodijo", "Gobierno dijo")),
        ("de", "Am Montag trafen sich Merkelund Macron in Paris.",
         ("WC210", "Merkelund", "Merkel und")),
        ("de", "Der Bundestagnicht mehr beschlussfähig, hieß es.",
         ("WC210", "Bundestagnicht", "Bundestag nicht")),
        ("de", "Die Delegation blieb in Berlinwährend der Verhandlungen.",
         ("WC211", "Berlinwährend", "Berlin während")),
    ],
)
def test_glued_words_are_found(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "McDonald sells burgers; the iPhone, LinkedIn, DiCaprio, a MacBook, a PlayStation "
               "and YouTube are names, and so is McKinsey."),
        ("en", "Read the report at www.example.com/ReportFinal or follow @NewsDesk and "
               "#ClimateAction for updates."),
        ("en", "Policymakers and lawmakers discussed counterterrorism and the eurozone."),
        ("en", "Mr Salenon and Ms Vidalon, two unknown surnames, spoke for the defence."),
        ("en", "The CornwallNews site and the CornwallNews app both ran the story."),
        ("en", "The first two robots are the MacroBot and the DeciBot; IKEA, MSNBC and the "
               "EUobserver covered them."),
        ("de", "Die sozial einschätzenden Urteile nehmen zu, sagte die AfD."),
        ("fr", "La Kulturstaatsministerin et le porte-parole de l'Élysée ont parlé aujourd'hui."),
        ("es", "El ministro quiso ofreciéndoselas y decirles la verdad a los vecinos."),
        ("de", "Die Kulturstaatsministerin besuchte das Flüchtlingshotel und die "
               "Regierungssprecherin schwieg."),
    ],
)
def test_names_compounds_and_addresses_are_left_alone(lang: str, text: str) -> None:
    assert found(text, lang) == set()


def test_known_words_with_inner_capitals_are_never_split() -> None:
    text = "PlayStation and YouTube reported the WhatsApp outage to BlackRock."
    assert found(text, "en") == set()
