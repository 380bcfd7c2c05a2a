"""The glossary rules on real wire sentences: what they must find and what they must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, StoryInput, StoryResult
from tests.conftest import check

DATA = Path(__file__).resolve().parent / "data" / "glossaries"


def glossary_findings(mt: str, lang: str = "en", **kwargs) -> list[Finding]:
    return list(check(mt, lang, select=("WC1",), **kwargs).findings)


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def run(mt: str, lang: str = "en", glossaries: tuple[str, ...] = (), default: bool = True,
        **kwargs) -> StoryResult:
    settings = Settings(select=("WC1",), glossaries=glossaries, default_glossary=default)
    story = StoryInput(id="t", mt=mt, mt_path="t.txt", lang=lang, **kwargs)
    return Checker(settings).check(story)


# -- WC103 garbled-term ----------------------------------------------------------------------

SAMPLE_BYLINE = "Posted at 12:01 p.m.\n\nClaire LEE\n\nAgence -Presse\n\nAbout 1,500 North Korean special forces soldiers are already stationed in Russia.\n"


def test_dropped_word_and_stray_hyphen_in_agency_name() -> None:
    [found] = glossary_findings(SAMPLE_BYLINE)
    assert (found.rule, found.text) == ("WC103", "Agence -Presse")
    assert found.suggestion == "Agence France-Presse"
    assert found.concept == "afp"
    assert found.line == 5
    assert "word dropped" in found.message and "concept afp" in found.message


def test_changed_word_in_institute_name() -> None:
    mt = (
        "This first and unprecedented deployment is \u201csolid\u201d according to Hong Min, "
        "an analyst at the Korea Institute for National Reunification.\n"
    )
    [found] = glossary_findings(mt)
    assert found.rule == "WC103"
    assert found.text == "Korea Institute for National Reunification"
    assert found.suggestion == "Korea Institute for National Unification"
    assert found.concept == "kinu"


def test_reordered_name_with_stray_full_stop() -> None:
    mt = (
        "It could also be an attempt by Kim Jong-un to strengthen his position, said Lee "
        "Sang-min, a researcher at the Korea Institute of Economic Analysis. defense, to the AFP.\n"
    )
    [found] = glossary_findings(mt)
    assert found.rule == "WC103"
    assert found.text == "Korea Institute of Economic Analysis. defense"
    assert found.suggestion == "Korea Institute for Defense Analyses"
    assert found.concept == "kida"
    assert "words out of order" in found.message


@pytest.mark.parametrize(
    ("lang", "mt", "text", "suggestion"),
    [
        ("en", "Officials at the International Monetary Found said growth would slow.",
         "International Monetary Found", "International Monetary Fund"),
        ("en", "The Banco of Spain calculates that the measures will cost 1,600 million euros.",
         "Banco of Spain", "Bank of Spain"),
        ("en", "The World Heath Organization declared an emergency on Wednesday.",
         "World Heath Organization", "World Health Organization"),
        ("de", "Die Europäische Zentral-Bank senkte am Donnerstag ihre Leitzinsen.",
         "Europäische Zentral-Bank", "Europäische Zentralbank"),
        ("fr", "Le Programme des Nations unies pour l'environment a averti le mois dernier.",
         "Programme des Nations unies pour l'environment",
         "Programme des Nations unies pour l'environnement"),
        ("es", "El Alto Comisionado de Naciones para los Refugiados dijo en un comunicado.",
         "Alto Comisionado de Naciones para los Refugiados",
         "Alto Comisionado de las Naciones Unidas para los Refugiados"),
        ("en", "A statement from the INTERNATIONAL MONETARY FOUND said.",
         "INTERNATIONAL MONETARY FOUND", "International Monetary Fund"),
    ],
)
def test_garbled_names_in_four_languages(lang: str, mt: str, text: str, suggestion: str) -> None:
    found = only(glossary_findings(mt, lang), "WC103")
    assert [(f.text, f.suggestion) for f in found] == [(text, suggestion)]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        # correct names, in capitals too
        ("en", "PHOTO SOUTH KOREAN NATIONAL INTELLIGENCE SERVICE/AGENCE FRANCE-PRESSE"),
        ("en", "Agence France-Presse (AFP) and the Associated Press reported it first."),
        # inflected forms in German
        ("de", "Die Präsidentin der Europäischen Zentralbank sprach mit Vertretern des "
               "Internationalen Währungsfonds und der Weltbank."),
        ("de", "Die Europäische Union und der Europäische Rat stritten mit dem Europäischen "
               "Parlament über den Haushalt der Europäischen Union."),
        ("de", "Ein Sprecher des Internationalen Komitees vom Roten Kreuz und der Vereinten "
               "Nationen äußerte sich am Montag."),
        # different real names that happen to be near each other
        ("en", "The European Union, the European Council and the European Commission disagree."),
        ("en", "The Council of the European Union adopted the text on Tuesday."),
        ("en", "The World Bank and the World Food Programme signed the agreement."),
        ("en", "The International Energy Agency and the International Atomic Energy Agency met."),
        ("en", "The Korea Development Institute and the Korea Institute for International "
               "Economic Policy published forecasts."),
        ("en", "The International Organization for Standardization published a new norm."),
        ("en", "The Central Bank of Nigeria and the Bank of Canada raised rates; the Bank of "
               "New England failed in 1991."),
        # spelling variants of the same name
        ("en", "The World Health Organisation and the International Labour Organisation said."),
        # ordinary words
        ("en", "International monetary policy and the fund are separate matters, he said."),
        ("en", "The security council of the company met in Seoul on Friday."),
    ],
)
def test_correct_inflected_and_look_alike_names_are_not_garbled(lang: str, mt: str) -> None:
    assert only(glossary_findings(mt, lang), "WC103") == []


def test_european_union_is_not_a_garbled_european_council() -> None:
    result = run("European Union leaders met on Thursday.", glossaries=(), default=True)
    assert result.findings == ()
    # even with a glossary that knows only the European Council
    path = DATA / "terms.csv"
    result = run("European Union leaders met on Thursday.", glossaries=(str(path),),
                 default=False)
    assert result.findings == ()


def test_garble_options_change_the_threshold() -> None:
    mt = "The Korea Institute for National Reunification said."
    strict = Settings(select=("WC103",), rule_options={"WC103": {"changed-word": 95}})
    story = StoryInput(id="t", mt=mt, mt_path="t.txt", lang="en")
    assert Checker(strict).check(story).findings == ()
    assert len(Checker(Settings(select=("WC103",))).check(story).findings) == 1


# -- WC102 forbidden-term ---------------------------------------------------------------------


def test_deprecated_term_is_forbidden_with_preferred_suggestion() -> None:
    mt = "A spokesman for France-Presse Agency said the talks had failed."
    [found] = glossary_findings(mt)
    assert (found.rule, found.text) == ("WC102", "France-Presse Agency")
    assert found.suggestion == "Agence France-Presse"
    assert found.concept == "afp"


def test_source_language_acronym_is_forbidden_only_in_the_other_language() -> None:
    english = glossary_findings("The OMS declared a public health emergency on Wednesday.")
    assert [(f.rule, f.text, f.suggestion) for f in english] == [
        ("WC102", "OMS", "World Health Organization")
    ]
    french = glossary_findings("L'OMS a déclaré une urgence de santé publique mercredi.", "fr")
    assert french == []


def test_inflected_deprecated_term_is_forbidden_in_german() -> None:
    found = glossary_findings("Der Generalsekretär der Vereinigten Nationen reiste ab.", "de")
    assert [(f.rule, f.text, f.suggestion) for f in found] == [
        ("WC102", "Vereinigten Nationen", "Vereinte Nationen")
    ]


def test_user_glossary_can_deprecate_a_form_and_turns_a_garble_into_forbidden() -> None:
    mt = "Hong Min, an analyst at the Korea Institute for National Reunification, said."
    result = run(mt, glossaries=(str(DATA / "user-override.csv"),))
    assert [(f.rule, f.text) for f in result.findings] == [
        ("WC102", "Korea Institute for National Reunification")
    ]


def test_deprecated_spelling_variant_is_not_forbidden(tmp_path: Path) -> None:
    path = tmp_path / "house.csv"
    path.write_text(
        "concept,lang,term,status\n"
        "who,en,World Health Organisation,deprecated\n", encoding="utf-8",
    )
    wrong = run("The World Health Organisation said.", glossaries=(str(path),))
    assert [f.rule for f in wrong.findings] == ["WC102"]
    right = run("The World Health Organization said.", glossaries=(str(path),))
    assert right.findings == ()


# -- WC101 key-term-not-rendered ---------------------------------------------------------------

SRC = (
    "La Banque centrale européenne a maintenu ses taux inchangés jeudi.\n\n"
    "Selon le Fonds monétaire international, la croissance ralentira l'an prochain.\n"
)


def test_source_term_missing_from_its_segment() -> None:
    mt = (
        "The central bank kept its rates unchanged on Thursday.\n\n"
        "According to the International Monetary Fund, growth will slow next year.\n"
    )
    result = check(mt, "en", select=("WC1",), src=SRC, src_lang="fr", src_path="s.txt")
    [found] = result.findings
    assert found.rule == "WC101"
    assert found.text == "The central bank kept its rates unchanged on Thursday."
    assert found.suggestion == "European Central Bank"
    assert found.concept == "ecb"
    assert found.unit == 0
    assert "Banque centrale européenne" in found.message


def test_source_terms_rendered_by_preferred_or_admitted_terms() -> None:
    mt = (
        "The ECB kept its rates unchanged on Thursday.\n\n"
        "According to the International Monetary Fund, growth will slow next year.\n"
    )
    result = check(mt, "en", select=("WC1",), src=SRC, src_lang="fr", src_path="s.txt")
    assert result.findings == ()


def test_garbled_rendering_is_reported_once_as_garbled() -> None:
    src = "Selon Hong Min, analyste à l'Institut coréen pour la réunification nationale.\n"
    mt = "According to Hong Min, an analyst at the Korea Institute for National Reunification.\n"
    result = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert [f.rule for f in result.findings] == ["WC103"]


def test_name_inside_a_longer_source_name_is_not_a_key_term_of_its_own() -> None:
    src = "Le Conseil de sécurité de l'ONU se réunira lundi.\n"
    mt = "The Security Council will meet on Monday.\n"
    result = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert result.findings == ()


def test_key_term_check_needs_a_source() -> None:
    mt = "The central bank kept its rates unchanged on Thursday.\n"
    assert check(mt, "en", select=("WC101",)).findings == ()


# -- the fixture story -----------------------------------------------------------------------


def test_sample_story_finds_the_three_planted_garbles_and_nothing_else() -> None:
    sample = Path(__file__).resolve().parent.parent / "fixtures" / "feed" / "mt" / "sample-nk-troops.txt"
    if not sample.is_file():
        pytest.skip("fixture feed not present")
    result = check(sample.read_text(encoding="utf-8"), "en", select=("WC1",))
    assert [(f.rule, f.text, f.concept) for f in result.findings] == [
        ("WC103", "Agence -Presse", "afp"),
        ("WC103", "Korea Institute for National Reunification", "kinu"),
        ("WC103", "Korea Institute of Economic Analysis. defense", "kida"),
    ]


def test_glossary_signature_records_files_and_content_hash() -> None:
    checker = Checker(Settings(select=("WC1",), glossaries=(str(DATA / "terms.csv"),)))
    signature = checker.signature()["glossary"]
    assert signature.startswith("institutions.tbx:")
    assert ",terms.csv:" in signature
