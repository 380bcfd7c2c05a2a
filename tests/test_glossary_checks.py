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
    # the finding spans the whole segment: no automatic fix may replace it with a term
    assert found.suggestion is None
    assert "'European Central Bank'" in found.message
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


@pytest.mark.parametrize(
    ("lang", "src", "mt"),
    [
        ("de", "A spokesman for the White House said on Monday.\n",
         "Ein Sprecher des Weißen Hauses sagte am Montag.\n"),
        ("de", "The president of the European Central Bank spoke.\n",
         "Die Präsidentin der Europäischen Zentralbank sprach.\n"),
        ("fr", "The head of the International Monetary Fund spoke.\n",
         "La directrice du Fonds monétaire international a parlé.\n"),
        ("es", "A report by the UN High Commissioner for Refugees.\n",
         "Un informe del Alto Comisionado de Naciones Unidas para los Refugiados.\n"),
        ("es", "A spokesman for the European Central Bank said.\n",
         "Un portavoz del Banco Central Europeo dijo.\n"),
        ("en", "Un porte-parole de la Maison Blanche a déclaré.\n",
         "A spokesman for the White House said.\n"),
    ],
)
def test_inflected_and_article_forms_render_the_term(lang: str, src: str, mt: str) -> None:
    src_lang = "fr" if lang == "en" else "en"
    result = check(mt, lang, select=("WC1",), src=src, src_lang=src_lang, src_path="s.txt")
    assert result.findings == ()


def test_term_moved_to_the_neighbouring_segment_is_rendered() -> None:
    src = (
        "La Banque centrale européenne a relevé ses taux jeudi.\n\n"
        "La décision était attendue.\n"
    )
    mt = "Rates were raised on Thursday.\n\nThe European Central Bank's decision was expected.\n"
    result = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert result.findings == ()


def test_channel_of_a_quote_named_elsewhere_is_not_missing() -> None:
    """Deleting the artefact "-he declared to AFP." must not raise "AFP not rendered"."""
    src = (
        "« La situation est grave », a déclaré à l'AFP un diplomate.\n\n"
        "« Nous attendons », a-t-il déclaré à l'AFP.\n"
    )
    mt = "\u201cThe situation is serious,\u201d a diplomat told AFP.\n\n\u201cWe are waiting,\u201d he said.\n"
    result = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert result.findings == ()
    # the institution itself missing from the whole story is still reported
    mt = "\u201cThe situation is serious,\u201d a diplomat said.\n\n\u201cWe are waiting,\u201d he said.\n"
    result = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert [(f.rule, f.suggestion) for f in result.findings] == [("WC101", None)] * 2


def test_sample_story_fix_of_the_attribution_artefact_raises_nothing() -> None:
    feed = Path(__file__).resolve().parent.parent / "fixtures" / "feed"
    mt = (feed / "mt" / "sample-nk-troops.txt").read_text(encoding="utf-8")
    src = (feed / "src" / "sample-nk-troops.txt").read_text(encoding="utf-8")
    fixed = mt.replace(" -he declared to AFP.", "")
    assert fixed != mt
    before = check(mt, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    after = check(fixed, "en", select=("WC1",), src=src, src_lang="fr", src_path="s.txt")
    assert [f.rule for f in after.findings] == [f.rule for f in before.findings]
    assert "WC101" not in [f.rule for f in after.findings]


# -- certain and possible garbles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "mt", "text", "suggestion"),
    [
        ("en", "The figures were confirmed to Agence France -Presse on Monday.",
         "Agence France -Presse", "Agence France-Presse"),
        ("en", "The World Bnak cut its growth forecast.", "World Bnak", "World Bank"),
        ("en", "Inspectors of the International Atomic Energy Organisation (IAEA) arrived.",
         "International Atomic Energy Organisation", "International Atomic Energy Agency"),
        ("fr", "La Banque mondaile a réduit sa prévision.", "Banque mondaile", "Banque mondiale"),
        ("es", "La Organización Mundial de la Slaud declaró la emergencia.",
         "Organización Mundial de la Slaud", "Organización Mundial de la Salud"),
        ("de", "Die Europäische Zentrabank senkte die Zinsen.",
         "Europäische Zentrabank", "Europäische Zentralbank"),
    ],
)
def test_certain_garbles_are_errors_with_a_fix_in_the_story_language(
    lang: str, mt: str, text: str, suggestion: str
) -> None:
    found = glossary_findings(mt, lang)
    assert [(f.rule, f.severity.value, f.text, f.suggestion) for f in found] == [
        ("WC103", "error", text, suggestion)
    ]


@pytest.mark.parametrize(
    ("lang", "mt", "text", "concept"),
    [
        ("en", "Inspectors of the International Atomic Energy Organisation arrived.",
         "International Atomic Energy Organisation", "iaea"),
        ("en", "The Fund Monetary International said growth would slow.",
         "Fund Monetary International", "imf"),
        ("fr", "L'Organisation internationale de l'énergie atomique a inspecté la centrale.",
         "Organisation internationale de l'énergie atomique", "iaea"),
        ("es", "La Agencia Internacional de Energía Atómica inspeccionó la planta.",
         "Agencia Internacional de Energía Atómica", "iaea"),
        ("de", "Die Internationale Atomenergie-Agentur prüfte das Kraftwerk.",
         "Internationale Atomenergie-Agentur", "iaea"),
    ],
)
def test_possible_garbles_are_warnings_without_a_fix(
    lang: str, mt: str, text: str, concept: str
) -> None:
    found = glossary_findings(mt, lang)
    assert [(f.rule, f.severity.value, f.text, f.suggestion, f.concept) for f in found] == [
        ("WC104", "warning", text, None, concept)
    ]
    assert "may be a garbled" in found[0].message


def test_deprecated_form_in_another_spelling_is_forbidden() -> None:
    found = glossary_findings("Members of the Organisation of the North Atlantic Treaty met.")
    assert [(f.rule, f.text, f.suggestion) for f in found] == [
        ("WC102", "Organisation of the North Atlantic Treaty", "NATO")
    ]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        # generic phrases that share words with a name (the IOM story of issue 9)
        ("en", "The International Organization for Migration said a UN agency had counted "
               "300 deaths; the UN Agency would help."),
        ("en", "The agency said the institute and the Bank would cooperate with the Agency."),
        ("en", "Thousands were stranded, a UN agency said on Friday."),
        ("en", "A team from the UN High Commissioner for Refugees met survivors, the U.N. "
               "agency said."),
        ("fr", "Une agence de l'ONU a indiqué vendredi que l'Agence aiderait l'institut."),
        ("es", "Una agencia de la ONU dijo el viernes que la Agencia ayudaría al instituto."),
        ("de", "Eine UN-Organisation teilte mit, die Behörde und das Institut würden helfen."),
        # real names that are near a term
        ("en", "The United Nations Office at Geneva hosted the talks."),
        ("en", "Decisions at European level, the Commission said, take time."),
        ("en", "The twelve Federal Reserve Banks report to the board."),
        ("en", "The World Band played on."),
        ("en", "The Korea Institute said the Korea Institute for National Unification agreed."),
        # the same name with other small words
        ("fr", "Un porte-parole du Haut-Commissariat des Nations unies aux réfugiés a parlé."),
    ],
)
def test_generic_phrases_and_other_names_are_never_garbles(lang: str, mt: str) -> None:
    assert glossary_findings(mt, lang) == []


@pytest.mark.parametrize(
    ("lang", "mt", "text", "suggestion"),
    [
        ("en", "He told the German press Agency on Friday.", "German press Agency",
         "German Press Agency"),
        ("fr", "Selon l'Agence france-Presse, la réunion a eu lieu.", "Agence france-Presse",
         "Agence France-Presse"),
        ("es", "El Banco central Europeo subió los tipos.", "Banco central Europeo",
         "Banco Central Europeo"),
        ("de", "Das Internationale komitee vom Roten Kreuz half.",
         "Internationale komitee vom Roten Kreuz", "Internationale Komitee vom Roten Kreuz"),
    ],
)
def test_name_broken_by_a_lower_case_word_is_garbled(
    lang: str, mt: str, text: str, suggestion: str
) -> None:
    found = glossary_findings(mt, lang)
    assert [(f.rule, f.text, f.suggestion) for f in found] == [("WC103", text, suggestion)]


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("en", "The European central bank raised rates."),
        ("fr", "L'organisation des Nations Unies affirme que l'économie ralentit."),
        ("es", "La agencia de la ONU para los refugiados pidió ayuda."),
        ("de", "Die europäische Zentralbank senkte die Zinsen nicht."),
    ],
)
def test_lower_case_descriptions_of_a_name_are_not_garbled(lang: str, mt: str) -> None:
    assert only(glossary_findings(mt, lang), "WC103") == []


@pytest.mark.parametrize(
    ("lang", "mt"),
    [
        ("en", "Minister of Economy, Trade and Industry Yasutoshi Nishimura said on Friday."),
        ("de", "Der Minister für Wirtschaft, Handel und Industrie sagte am Freitag."),
        ("en", "The Commissioner for Human Rights of the Council of Europe spoke."),
    ],
)
def test_titles_built_on_an_institution_name_are_not_garbles(lang: str, mt: str) -> None:
    assert glossary_findings(mt, lang) == []


def test_a_changed_ending_inside_a_name_is_only_possible() -> None:
    found = glossary_findings("The Korea Institute for Defense Analysis published a report.")
    assert [(f.rule, f.text, f.suggestion) for f in found] == [
        ("WC104", "Korea Institute for Defense Analysis", None)
    ]


def test_a_missing_comma_or_other_small_words_are_no_garble() -> None:
    assert glossary_findings("The Ministry of Economy Trade and Industry said.") == []
    assert glossary_findings("The Korea Institute of National Unification said.") == []
