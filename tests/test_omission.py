"""Omissions and additions (WC9xx): what the MT lacks or adds, by source and reference."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.model import Finding, Severity, StoryInput

# (source language, target language, source paragraphs, faithful MT paragraphs)
STORIES = {
    "fr-en": (
        "fr", "en",
        [
            "Le gouvernement a présenté mercredi un plan de 3 milliards d'euros pour les hôpitaux.",
            "Selon la ministre de la Santé, Claire Martin, 1 200 postes d'infirmiers seront "
            "créés d'ici à la fin de l'année prochaine.",
            "« Nous ne pouvons plus attendre », a déclaré la ministre devant les députés, "
            "en promettant des mesures rapides pour les urgences.",
            "Les syndicats ont jugé le plan insuffisant et appellent à une grève le 12 mars.",
            "L'opposition réclame un débat au Parlement avant le vote du budget.",
        ],
        [
            "The government on Wednesday presented a 3 billion euro plan for hospitals.",
            "According to Health Minister Claire Martin, 1,200 nursing posts will be created "
            "by the end of next year.",
            "\"We can no longer wait,\" the minister told lawmakers, promising quick measures "
            "for emergency departments.",
            "Unions said the plan fell short and called a strike on March 12.",
            "The opposition is demanding a debate in parliament before the budget vote.",
        ],
    ),
    "en-fr": (
        "en", "fr",
        [
            "Floods in northern Italy have forced 4,000 people from their homes, officials said.",
            "Rescue teams in Emilia-Romagna used boats to reach villages cut off by the water "
            "on Saturday morning.",
            "\"The situation is extremely serious,\" regional president Marco Bellini told "
            "reporters after visiting the worst-hit towns.",
            "More rain is forecast for Sunday and Monday across the region.",
            "The government has promised emergency funds for farmers who lost their crops.",
        ],
        [
            "Les inondations dans le nord de l'Italie ont chassé 4 000 personnes de leurs "
            "maisons, selon les autorités.",
            "Les secours d'Émilie-Romagne ont utilisé des bateaux pour atteindre samedi matin "
            "des villages coupés par les eaux.",
            "« La situation est extrêmement grave », a déclaré aux journalistes le président "
            "de la région, Marco Bellini, après avoir visité les villes les plus touchées.",
            "De nouvelles pluies sont attendues dimanche et lundi dans toute la région.",
            "Le gouvernement a promis des fonds d'urgence pour les agriculteurs qui ont perdu "
            "leurs récoltes.",
        ],
    ),
    "en-es": (
        "en", "es",
        [
            "Peru's central bank cut its key interest rate to 5.5 percent on Thursday.",
            "The bank said inflation had fallen for the fourth month in a row and should "
            "return to its target range by June.",
            "\"We expect growth to pick up in the second half,\" bank president Julio Velarde "
            "said at a news conference in Lima.",
            "Analysts at Credicorp had expected the cut after weak retail figures in January.",
            "The next policy meeting is scheduled for April 11.",
        ],
        [
            "El banco central de Perú redujo el jueves su tasa de interés de referencia al "
            "5,5 por ciento.",
            "El banco afirmó que la inflación había bajado por cuarto mes consecutivo y que "
            "debería volver a su rango meta en junio.",
            "«Esperamos que el crecimiento repunte en la segunda mitad del año», dijo el "
            "presidente del banco, Julio Velarde, en una rueda de prensa en Lima.",
            "Los analistas de Credicorp esperaban el recorte tras las débiles cifras "
            "minoristas de enero.",
            "La próxima reunión de política monetaria está prevista para el 11 de abril.",
        ],
    ),
    "en-de": (
        "en", "de",
        [
            "Austria's parliament approved a new climate law on Tuesday after months of debate.",
            "The law requires the country to cut emissions by 48 percent by 2030 compared "
            "with 2005 levels.",
            "\"This is a historic day for climate protection,\" Environment Minister Eva "
            "Lindner said in Vienna after the vote.",
            "The opposition Freedom Party voted against the bill.",
            "Environmental groups welcomed the law but said it came too late.",
        ],
        [
            "Das österreichische Parlament hat am Dienstag nach monatelanger Debatte ein neues "
            "Klimagesetz verabschiedet.",
            "Das Gesetz verpflichtet das Land, die Emissionen bis 2030 um 48 Prozent gegenüber "
            "dem Stand von 2005 zu senken.",
            "„Das ist ein historischer Tag für den Klimaschutz“, sagte Umweltministerin Eva "
            "Lindner nach der Abstimmung in Wien.",
            "Die oppositionelle Freiheitliche Partei stimmte gegen das Gesetz.",
            "Umweltverbände begrüßten das Gesetz, kritisierten aber, es komme zu spät.",
        ],
    ),
}


def _check(pair: str, mt: list[str], src: list[str] | None = None,
           ref: list[str] | None = None) -> list[Finding]:
    src_lang, lang = STORIES[pair][:2]
    story = StoryInput(
        pair, "\n\n".join(mt), "mt.txt",
        ref="\n\n".join(ref) if ref is not None else None,
        src="\n\n".join(src) if src is not None else None,
        lang=lang, src_lang=src_lang if src is not None else None,
    )
    result = Checker(Settings(select=("WC9",))).check(story)
    return list(result.findings)


@pytest.mark.parametrize("pair", sorted(STORIES))
def test_faithful_translation_has_no_accuracy_findings(pair: str) -> None:
    _, _, src, mt = STORIES[pair]
    assert _check(pair, mt, src=src) == []
    assert _check(pair, mt, ref=mt) == []


@pytest.mark.parametrize("pair", sorted(STORIES))
def test_dropped_quote_is_an_error_pointing_where_it_belongs(pair: str) -> None:
    _, _, src, mt = STORIES[pair]
    shortened = mt[:2] + mt[3:]
    (finding,) = _check(pair, shortened, src=src)
    text = "\n\n".join(shortened)
    assert (finding.rule, finding.severity) == ("WC901", Severity.ERROR)
    assert finding.start == finding.end == text.index(mt[1]) + len(mt[1])
    assert finding.suggestion is None
    assert src[2][:30] in finding.message  # the missing text, quoted


@pytest.mark.parametrize("pair", sorted(STORIES))
def test_dropped_sentence_judged_by_the_reference_is_a_warning(pair: str) -> None:
    _, _, _, mt = STORIES[pair]
    (finding,) = _check(pair, mt[:2] + mt[3:], ref=mt)
    assert (finding.rule, finding.severity) == ("WC902", Severity.WARNING)
    assert mt[2][:30] in finding.message


def test_reference_text_the_source_lacks_is_not_an_omission() -> None:
    _, _, src, mt = STORIES["en-fr"]
    ref = [*mt, "Le pape a exprimé sa solidarité avec les sinistrés lors de la prière dominicale."]
    assert [f.rule for f in _check("en-fr", mt, src=src, ref=ref)] == []


def test_a_dropped_subheading_is_information_only() -> None:
    _, _, src, mt = STORIES["fr-en"]
    src = [*src[:3], "- Colère des syndicats -", *src[3:]]
    (finding,) = _check("fr-en", mt, src=src)
    assert (finding.rule, finding.severity) == ("WC903", Severity.INFO)


@pytest.mark.parametrize("pair", sorted(STORIES))
def test_a_sentence_cut_short_is_a_partial_omission(pair: str) -> None:
    _, _, src, mt = STORIES[pair]
    cut = mt[2].split(",")[0] + "."
    findings = _check(pair, [*mt[:2], cut, *mt[3:]], src=src, ref=mt)
    assert [(f.rule, f.text) for f in findings] == [("WC904", cut)]


def test_a_little_shorter_is_not_a_partial_omission() -> None:
    _, _, src, mt = STORIES["en-de"]
    trimmed = mt[2].replace(" nach der Abstimmung", "")
    assert _check("en-de", [*mt[:2], trimmed, *mt[3:]], src=src, ref=mt) == []


def test_added_sentence_and_added_fragment() -> None:
    _, _, src, mt = STORIES["en-es"]
    added = ("El banco también anunció que venderá parte de sus reservas de oro durante "
             "el próximo trimestre.")
    short = "Los mercados cerraron al alza."
    mt = [*mt[:4], added, "Lea también: mercados", short, mt[4]]
    findings = _check("en-es", mt, src=src)
    assert [(f.rule, f.severity, f.text) for f in findings] == [
        ("WC905", Severity.WARNING, added),  # the prompt is chrome, left to WC303
        ("WC906", Severity.INFO, short),
    ]


def test_an_empty_translation_is_left_to_wc003() -> None:
    _, _, src, _ = STORIES["en-fr"]
    assert _check("en-fr", [], src=src) == []
