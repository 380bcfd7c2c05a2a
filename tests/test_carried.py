"""Words copied from the source (WC403 warnings, WC404 info)."""

from __future__ import annotations

import pytest

from checker.model import Severity
from tests.conftest import check


def found(mt: str, src: str, lang: str, src_lang: str, ref: str | None = None,
          ) -> dict[str, tuple[str, Severity]]:
    """Flagged text -> (code, severity) for one story."""
    result = check(mt, lang=lang, select=("WC403", "WC404"), default_glossary=False,
                   src=src, src_lang=src_lang, ref=ref)
    return {f.text: (f.rule, f.severity) for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "src_lang", "src", "mt", "expected"),
    [
        # English left in German output, without a reference.
        ("de", "en", "Police were called to a hotel next door to a care home on Friday.",
         "Die Polizei wurde am Freitag zu einem Hotel next door to a care home gerufen.",
         "next door to a care home"),
        ("de", "en", "Residents complained about the backlog at the council offices.",
         "Anwohner beschwerten sich über den Backlog in den Büros der Verwaltung.",
         "Backlog"),
        # French left in English output.
        ("en", "fr", "Le ministre a salué la présence des élus malgré la grève des cheminots.",
         "The minister welcomed the presence of elected officials despite la grève des "
         "cheminots.",
         "la grève des cheminots"),
        # English left in Spanish and French output.
        ("es", "en", "The mayor said the bridge would reopen once the safety checks ended.",
         "El alcalde dijo que el puente reabriría once the safety checks ended.",
         "once the safety checks ended"),
        ("fr", "en", "The firm said its shareholders had approved the takeover on Monday.",
         "L'entreprise a indiqué que ses shareholders avaient approuvé le rachat lundi.",
         "shareholders"),
        # Chinese characters carried into English output.
        ("en", "zh", "据新华社报道，发布会在北京举行。",
         "According to 新华社, the press conference was held in Beijing.",
         "新华社"),
    ],
)
def test_copied_words_are_warned(lang: str, src_lang: str, src: str, mt: str,
                                 expected: str) -> None:
    hits = found(mt, src, lang, src_lang)
    assert hits.get(expected) == ("WC403", Severity.WARNING), hits


def test_a_word_the_reference_translates_is_warned() -> None:
    src = "Local residents joined the protest after the council meeting."
    mt = "Anwohner schlossen sich nach der Council-Sitzung dem Protest an."
    ref = "Anwohner schlossen sich nach der Ratssitzung dem Protest an."
    assert found(mt, src, "de", "en", ref).get("Council") == ("WC403", Severity.WARNING)


def test_a_name_the_reference_translates_is_warned() -> None:
    src = "A spokesman for the Department of Justice declined to comment."
    mt = "Ein Sprecher des Department of Justice lehnte eine Stellungnahme ab."
    ref = "Ein Sprecher des Justizministeriums lehnte eine Stellungnahme ab."
    hits = found(mt, src, "de", "en", ref)
    assert hits.get("Department of Justice") == ("WC403", Severity.WARNING), hits
    # Without a reference the same name is left alone: it may be house style.
    assert found(mt, src, "de", "en").get("Department of Justice") != (
        "WC403", Severity.WARNING)


def test_a_loanword_the_reference_avoids_is_only_info() -> None:
    src = "The band said the new sound was inspired by their tour."
    mt = "Die Band sagte, der neue Sound sei von ihrer Tournee inspiriert."
    ref = "Die Gruppe sagte, der neue Klang sei von ihrer Tournee inspiriert."
    assert found(mt, src, "de", "en", ref) == {"Sound": ("WC404", Severity.INFO)}


@pytest.mark.parametrize(
    ("lang", "src_lang", "src", "mt", "ref"),
    [
        # Names: capitalised in the source in mid-sentence, acronyms, brands.
        ("de", "en", "The statement was issued by Cornwall Council and the FBI on Monday.",
         "Die Erklärung wurde am Montag von Cornwall Council und dem FBI veröffentlicht.",
         None),
        ("fr", "en", "Shares in Apple fell after the iPhone launch, the Wall Street Journal said.",
         "L'action Apple a reculé après le lancement de l'iPhone, selon le Wall Street Journal.",
         None),
        ("es", "fr", "Le journal Le Monde a publié l'enquête de Jean-Luc Mélenchon.",
         "El diario Le Monde publicó la investigación de Jean-Luc Mélenchon.", None),
        # Loanwords the target language shares.
        ("de", "en", "The team stayed at a hotel near the stadium.",
         "Das Team übernachtete in einem Hotel nahe dem Stadion.", None),
        ("en", "fr", "Le chef du restaurant a ouvert un café à Paris.",
         "The restaurant's chef opened a café in Paris.", None),
        # The target's own words that look like the source's ("die", "also", "relative").
        ("de", "en", "They die young, also because relative poverty matters.",
         "Sie sterben jung, also weil die relative Armut zählt.", None),
        # The reference keeps the copy too: a loanword or a name the desk accepts.
        ("de", "en", "He handed in his resignation after the backlash over the jobs cuts.",
         "Er trat nach dem Backlash wegen der Jobs-Kürzungen zurück.",
         "Er trat nach dem Backlash wegen des Abbaus von Jobs zurück."),
        ("de", "en", "The match was played at the President's Cup in Dublin.",
         "Das Spiel fand beim President's Cup in Dublin statt.",
         "Das Spiel wurde beim President's Cup in Dublin ausgetragen."),
        # A title made of an article and a name, which the reference paraphrases.
        ("en", "fr", "Selon Le Monde, le ministre a démissionné mardi.",
         "According to Le Monde, the minister resigned on Tuesday.",
         "The minister resigned on Tuesday, the Paris daily reported."),
        # A quoted title keeps its language.
        ("de", "en", "She quoted Donne's line \"No man is an island\" in her speech.",
         "Sie zitierte in ihrer Rede Donnes Zeile „No man is an island“.", None),
        # Abbreviations and units.
        ("de", "en", "BERLIN (dpa) - The wall is 8 ft high.",
         "BERLIN (dpa) - Die Mauer ist 8 ft hoch.", None),
    ],
)
def test_names_loanwords_and_agreed_copies_are_left_alone(
    lang: str, src_lang: str, src: str, mt: str, ref: str | None,
) -> None:
    hits = found(mt, src, lang, src_lang, ref)
    assert not [t for t, (_, severity) in hits.items() if severity != Severity.INFO], hits


def test_silent_without_a_source_or_within_one_language() -> None:
    mt = "Die Polizei wurde zu einem Hotel next door to a care home gerufen."
    assert not check(mt, lang="de", select=("WC403", "WC404"), default_glossary=False).findings
    assert not found(mt, mt, "de", "de")


def test_a_whole_sentence_in_the_source_language_is_left_to_wc401() -> None:
    src = ("The ministry said on Monday that the new rules would take effect in January "
           "after a long consultation.")
    mt = ("The ministry said on Monday that the new rules would take effect in January "
          "after a long consultation.")
    result = check(mt, lang="de", select=("WC401", "WC403", "WC404"), default_glossary=False,
                   src=src, src_lang="en")
    assert [f.rule for f in result.findings] == ["WC401"]


def test_a_long_quotation_left_in_the_source_language_is_warned() -> None:
    src = 'He said: "We will not accept any deal that hurts our farmers in the long run."'
    mt = ('Er sagte: „We will not accept any deal that hurts our farmers in the long run“, '
          'und verließ den Saal.')
    hits = found(mt, src, "de", "en")
    assert any(code == "WC403" and "farmers" in text for text, (code, _) in hits.items()), hits


def test_german_source_nouns_are_judged_by_the_lexicon_not_their_capital() -> None:
    src = "Die Regierung sagte, die Abschiebung der Familie sei rechtmäßig."
    mt = "The government said the Abschiebung of the family was lawful."
    # German capitalises every noun: a capital is no sign of a name, so a noun English
    # does not know is likely left untranslated (info, since it may still be a name).
    assert found(mt, src, "en", "de") == {"Abschiebung": ("WC404", Severity.INFO)}
    # A name English news uses is left alone.
    assert not found("Chancellor Scholz said the Bundestag would vote.",
                     "Kanzler Scholz sagte, der Bundestag werde abstimmen.", "en", "de")
    # A common German word the reference translates is a warning.
    hits = found("Kanzler Scholz said the Bundestag would vote.",
                 "Kanzler Scholz sagte, der Bundestag werde abstimmen.", "en", "de",
                 "Chancellor Scholz said the Bundestag would vote.")
    assert hits.get("Kanzler Scholz") == ("WC403", Severity.WARNING), hits
