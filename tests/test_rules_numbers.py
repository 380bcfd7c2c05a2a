"""WC501/WC502 on stories in en, fr, es and de: real changes found, faithful renderings left alone."""

from __future__ import annotations

import pytest

from tests.conftest import check, codes


def number_findings(mt: str, lang: str, src: str, src_lang: str):
    return check(mt, lang=lang, select=("WC5",), src=src, src_lang=src_lang).findings


# -- real changes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("src", "src_lang", "mt", "lang", "flagged"),
    [
        ("About 1,500 soldiers are stationed near the border.", "en",
         "Environ 1 600 soldats sont stationnés près de la frontière.", "fr", "1 600"),
        ("El turismo aportó 4.700 millones de euros más.", "es",
         "Tourism brought in 4.7 million euros more.", "en", "4.7 million"),
        ("Prices rose 2.5% in May.", "en", "Die Preise stiegen im Mai um 25 %.", "de", "25"),
        ("L'attaque a fait 32 morts dans la capitale.", "fr",
         "El ataque dejó 23 muertos en la capital.", "es", "23"),
        ("Three soldiers were killed in the attack.", "en",
         "Deux soldats ont été tués dans l'attaque.", "fr", "Deux"),
        ("He claimed expenses of £52,000 over two years.", "en",
         "Reclamó gastos por 52.000 euros en dos años.", "es", "52.000"),
        ("The car hit her at about 1.30pm on Friday.", "en",
         "Das Auto erfasste sie am Freitag gegen 1.30 Uhr.", "de", "1.30"),
        ("Die Sitzung beginnt am 5. März in Berlin.", "de",
         "The session opens on 5 May in Berlin.", "en", "5 May"),
    ],
)
def test_a_changed_figure_is_an_error(src: str, src_lang: str, mt: str, lang: str, flagged: str) -> None:
    findings = number_findings(mt, lang, src, src_lang)
    assert [(f.rule, f.text, f.severity.value) for f in findings] == [("WC501", flagged, "error")]


@pytest.mark.parametrize(
    ("src", "src_lang", "mt", "lang", "figure"),
    [
        ("Die Arbeitslosigkeit sank im Mai auf 5,7 Prozent.", "de",
         "Unemployment fell in May.", "en", "5,7"),
        ("Le déficit atteindra 4,2 milliards d'euros en 2025.", "fr",
         "El déficit llegará en 2025.", "es", "4,2 milliards"),
        ("The storm killed 14 people in the north.", "en",
         "La tormenta mató a personas en el norte.", "es", "14"),
        ("El Gobierno aprobó 300 nuevas viviendas.", "es",
         "La ville a approuvé de nouveaux logements.", "fr", "300"),
    ],
)
def test_a_dropped_figure_is_a_warning(src: str, src_lang: str, mt: str, lang: str, figure: str) -> None:
    (finding,) = number_findings(mt, lang, src, src_lang)
    assert (finding.rule, finding.severity.value) == ("WC502", "warning")
    assert repr(figure) in finding.message and finding.text == mt


# -- faithful renderings --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("src", "src_lang", "mt", "lang"),
    [
        # currencies, symbols and scale abbreviations
        ("Tottenham paid £44m for the defender.", "en",
         "Tottenham zahlte 44 Millionen Pfund für den Verteidiger.", "de"),
        ("The deal is worth $4.7bn.", "en", "L'accord vaut 4,7 milliards de dollars.", "fr"),
        ("The plan costs €3.5 billion.", "en", "Der Plan kostet 3.500 Millionen Euro.", "de"),
        ("Le projet coûte 3 M€.", "fr", "El proyecto cuesta 3 millones de euros.", "es"),
        ("The bank lent 1,5 Mrd. Euro.", "de", "The bank lent 1.5 billion euros.", "en"),
        # conversions within rounding
        ("The fire spread over 5 miles.", "en", "Le feu s'est propagé sur 8 km.", "fr"),
        ("He weighed 200 lb.", "en", "Er wog 91 Kilogramm.", "de"),
        ("Temperatures reached 100°F.", "en", "Las temperaturas alcanzaron los 38 grados.", "es"),
        ("The farm covers 10 acres.", "en", "La granja ocupa 4 hectáreas.", "es"),
        ("The wall is 12 feet high.", "en", "Die Mauer ist knapp 4 Meter hoch.", "de"),
        ("La course fait 42 kilomètres.", "fr", "The race is 26 miles long.", "en"),
        # spelled-out numbers and rough quantities
        ("Ten people were arrested.", "en", "Zehn Menschen wurden festgenommen.", "de"),
        ("A dozen protesters gathered.", "en", "Une dizaine de manifestants se sont rassemblés.", "fr"),
        ("Cientos de personas huyeron.", "es", "Hunderte Menschen flohen.", "de"),
        ("Des centaines de personnes ont fui.", "fr", "Hundreds of people fled.", "en"),
        ("Twenty-five villages were flooded.", "en", "Veinticinco pueblos se inundaron.", "es"),
        # times, dates, ordinals, decades
        ("The vote closes at 3 p.m.", "en", "Die Abstimmung endet um 15 Uhr.", "de"),
        ("Le vote se termine à 15h.", "fr", "La votación termina a las 15.00 horas.", "es"),
        ("Talks resume on 5 March.", "en", "Les pourparlers reprennent le 5 mars.", "fr"),
        ("Die Gespräche beginnen am 5. März.", "de", "Talks begin on March 5.", "en"),
        ("It was the 10th summit.", "en", "Es war der zehnte Gipfel.", "de"),
        ("Prices doubled in the 1990s.", "en", "Los precios se duplicaron en los años 90.", "es"),
        ("Les prix ont doublé dans les années 1990.", "fr", "Prices doubled in the 1990s.", "en"),
        # percentages, ranges, years said in words
        ("El PIB crecerá un 2,5 %.", "es", "GDP will grow 2.5 percent.", "en"),
        ("L'inflation atteint 2,5 %.", "fr", "Die Inflation erreicht 2,5 Prozent.", "de"),
        ("the deadly conflict from 1950 to 1953", "en", "le conflit meurtrier de 1950 à 1953", "fr"),
        ("the 1950-53 war", "en", "la guerra de 1950 a 1953", "es"),
        ("Sales will rise in 2024, the company said.", "en",
         "Die Umsätze werden dieses Jahr steigen, sagte das Unternehmen.", "de"),
        ("Les ventes augmenteront cette année.", "fr", "Sales will rise in 2024.", "en"),
        ("One of the two suspects fled.", "en", "Uno de los sospechosos huyó.", "es"),
    ],
)
def test_a_faithful_rendering_is_not_flagged(src: str, src_lang: str, mt: str, lang: str) -> None:
    assert codes(check(mt, lang=lang, select=("WC5",), src=src, src_lang=src_lang)) == []


def test_reference_mode_suggests_the_reference_figure() -> None:
    ref = "Environ 1 500 soldats nord-coréens sont en Russie."
    mt = "Environ 1 300 soldats nord-coréens sont en Russie."
    (finding,) = check(mt, lang="fr", select=("WC501",), ref=ref).findings
    assert (finding.text, finding.suggestion) == ("1 300", "1 500")


def test_reference_mode_accepts_another_format_of_the_same_figure() -> None:
    ref = "Der Transfer kostete 44 Mio. Pfund und wurde am 5. März bekannt."
    mt = "Der Transfer kostete 44 Millionen Pfund und wurde am 5. März bekannt."
    assert codes(check(mt, lang="de", select=("WC5",), ref=ref)) == []


def test_a_figure_moved_to_a_neighbouring_sentence_is_present() -> None:
    src = "The company hired staff. It now employs 1,200 people. Sales grew."
    mt = "La empresa contrató personal y ahora emplea a 1.200 personas. Las ventas crecieron."
    assert codes(check(mt, lang="es", select=("WC5",), src=src, src_lang="en")) == []


@pytest.mark.parametrize(
    ("src", "src_lang", "mt", "lang"),
    [
        ("The search entered its 16th day.", "en", "Die Suche ging in den sechzehnten Tag.", "de"),
        ("It turned a 12-second scene into a series.", "en",
         "Es machte aus einer zwölfsekündigen Szene eine Serie.", "de"),
        ("Each star is 10 times the mass of the Sun.", "en",
         "Chaque étoile a dix fois la masse du Soleil.", "fr"),
        ("Cada estrella tiene 10 veces la masa del Sol.", "es",
         "Jeder Stern hat die zehnfache Masse der Sonne.", "de"),
        ("C'est la 16e édition du festival.", "fr", "It is the sixteenth edition of the festival.", "en"),
    ],
)
def test_a_figure_inside_a_word_is_not_missing(src: str, src_lang: str, mt: str, lang: str) -> None:
    assert codes(check(mt, lang=lang, select=("WC5",), src=src, src_lang=src_lang)) == []


def test_the_same_figure_in_another_unit_is_a_change() -> None:
    src = "The iceberg rose almost 200 feet out of the water."
    mt = "Der Eisberg ragte fast 200 Meter aus dem Wasser."
    (finding,) = check(mt, lang="de", select=("WC5",), src=src, src_lang="en").findings
    assert (finding.rule, finding.text) == ("WC501", "200")
    assert "another unit" in finding.message
