"""Sentence boundaries: no space after a full stop (WC212), a lower-case sentence start
(WC213), two sentences run together without a full stop (WC214)."""

from __future__ import annotations

import pytest

from tests.conftest import check

SELECT = ("WC212", "WC213", "WC214")


def found(text: str, lang: str) -> set[tuple[str, str]]:
    result = check(text, lang=lang, select=SELECT, default_glossary=False)
    return {(f.rule, f.text) for f in result.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "He discussed relations with Russia.Q: Will you go to Moscow?",
         ("WC212", "Russia.Q")),
        ("fr", "Le ministre a parlé de la Russie.Le président a répondu.",
         ("WC212", "Russie.Le")),
        ("es", "El ministro habló ayer.La reunión terminó tarde.", ("WC212", "ayer.La")),
        ("de", "Der Minister sprach lange.Die Sitzung endete spät.", ("WC212", "lange.Die")),
        ("en", "It recognised it was a massacre. clear, unambiguous and documented.",
         ("WC213", "massacre. clear")),
        ("en", "We are in the process. taking giant steps forward.",
         ("WC213", "process. taking")),
        ("en", "The deal was signed.\n\nat the start of the week, the minister said it was fair.",
         ("WC213", "signed.\n\nat")),
        ("en", "The deal was signed\n\nat the start of the week, the minister said it was fair.",
         ("WC213", "at")),
        ("fr", "Il a reconnu un massacre. clair et documenté selon lui.",
         ("WC213", "massacre. clair")),
        ("es", "Reconoció que fue una masacre. clara e inequívoca según el informe.",
         ("WC213", "masacre. clara")),
        ("de", "Er sagte, es sei ein Massaker gewesen. klar und eindeutig, sagte er.",
         ("WC213", "gewesen. klar")),
        ("en", "The report went to the ministry This evening the minister will reply.",
         ("WC214", "ministry This evening")),
        ("fr", "Le rapport est parti au ministère Il a répondu le soir même.",
         ("WC214", "ministère Il a")),
        ("es", "El informe llegó al ministerio El ministro respondió por la noche.",
         ("WC214", "ministerio El ministro")),
        ("de", "Der Bericht ging an das Ministerium Er werde am Abend antworten.",
         ("WC214", "Ministerium Er werde")),
    ],
)
def test_boundary_damage_is_found(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The U.S. and the U.K. signed at 5 p.m. on Monday, approx. two hours late, "
               "and the study by Smith et al. was cited, etc. and so on."),
        ("en", "Visit Booking.com or gouvernement.fr and read the report.PDF later; "
               "ASP.NET is a framework."),
        ("en", "She read The Times. The Hague court ruled. He Jiankui spoke. It was late."),
        ("en", "The deal was signed by the following:\n\nministers of the three countries, "
               "their deputies and the envoys."),
        ("en", "The film was shown.\n\niPhone sales rose in the quarter, the company said."),
        ("fr", "Il est arrivé vers 17 h. Selon Le Monde, env. deux cents personnes étaient là."),
        ("es", "Según El País, hubo aprox. dos mil personas, etc. y nada más."),
        ("de", "Er kam ca. zwei Stunden später, bzw. am Abend. Können Sie das erklären?"),
    ],
)
def test_abbreviations_titles_and_addresses_are_left_alone(lang: str, text: str) -> None:
    assert found(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "Authorities are probing a\nIn the post, the minister shared an article.", "a"),
        ("en", "The minister has\n\nThe unions said they would strike.", "has"),
        ("fr", "Le porte-parole du ministère de\nLa police a ouvert une enquête.", "de"),
        ("es", "El presidente del\nGobierno habló ayer en Madrid.", "del"),
        ("de", "Der Minister für\nInneres sprach am Montag.", "für"),
    ],
)
def test_lines_cut_on_a_function_word_are_found(lang: str, text: str, word: str) -> None:
    result = check(text, lang=lang, select=("WC215",), default_glossary=False)
    assert [(f.rule, f.text) for f in result.findings] == [("WC215", word)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sign in\nLog in to read the story.\nThe story ends with the"),
        ("en", "Prices rise again\nThe index rose 2% in May, the office said."),
        ("fr", "Les prix repartent à la hausse\nL'indice a progressé de 2 %."),
        ("es", "Los precios vuelven a subir\nEl índice subió un 2 %."),
        ("de", "Die Preise steigen wieder\nDer Index stieg um 2 Prozent."),
    ],
)
def test_headlines_and_the_last_line_are_left_alone(lang: str, text: str) -> None:
    assert check(text, lang=lang, select=("WC215",), default_glossary=False).findings == ()
