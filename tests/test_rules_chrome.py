"""Page-chrome rules (WC305-WC311) and the widened WC302/WC303: true and false positives
in en/fr/es/de. Every suggestion deletes exactly the chrome, never story text."""

from __future__ import annotations

import pytest

from checker.model import Finding
from tests.conftest import check

BODY = (
    "Rescue teams worked through the night in the hill towns after the earthquake, the "
    "civil protection agency said on Tuesday, and more help was on its way."
)
BODY_FR = (
    "Les secours ont travaillé toute la nuit dans les villages de montagne après le séisme, "
    "a indiqué mardi la protection civile, et d'autres renforts sont en route."
)


def story(line: str, body: str = BODY, head: str = "Rescuers search for survivors") -> str:
    return f"{head}\n\n{line}\n\n{body}\n"


def found(text: str, code: str, lang: str = "en", **kwargs) -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False, **kwargs)
    return [f for f in result.findings if f.rule == code]


def assert_deletes(findings: list[Finding], text: str) -> None:
    (finding,) = findings
    assert finding.text == text
    assert finding.suggestion == ""


# -- WC302 widened --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Sunday, June 24, 2018", "en"),
        ("2022-08-11T16:27:15.495Z", "en"),
        ("As of: 09/28/2021 3:59 p.m.", "en"),
        ("Updated 14/03/2024 18h20", "en"),
        ("January 3, 2020 / 8:26 AM / Updated 9 minutes ago", "en"),
        ("| news, Europe, World | January 14, 2016", "en"),
        ("Jane Doe, edited by John Roe 2:22 p.m., September 21, 2022", "en"),
        ("Dimanche 24 juin 2018", "fr"),
        ("Domingo, 24 de junio de 2018", "es"),
        ("Sonntag, 24. Juni 2018", "de"),
    ],
)
def test_timestamp_lines_in_any_format(line: str, lang: str) -> None:
    assert_deletes(found(story(line), "WC302", lang), line)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("June 2018", "en"),
        ("The summit opened on June 24, 2018", "en"),
        ("The minister resigned 2:22 p.m., September 21, 2022", "en"),
        ("Le sommet s'est ouvert le 24 juin 2018", "fr"),
        ("Die Konferenz begann am 24. Juni 2018 in Berlin", "de"),
    ],
)
def test_sentences_with_dates_are_not_timestamps(line: str, lang: str) -> None:
    assert found(story(line), "WC302", lang) == []


# -- WC303 widened: a prompt glued to its headline -------------------------------------------
@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Also readBudget: the deal reached in the night", "en"),
        ("Read alsoStrike at the port: traffic resumes", "en"),
        ("Lire aussiGrève : le trafic reprend au port", "fr"),
        ("Lee tambiénHuelga: el tráfico se reanuda", "es"),
        ("Lesen Sie auchStreik: Der Verkehr rollt wieder", "de"),
    ],
)
def test_prompt_glued_to_headline(line: str, lang: str) -> None:
    assert_deletes(found(story(line), "WC303", lang), line)


@pytest.mark.parametrize(
    "line", ["SharePoint is used by the ministry", "Read more than 100 pages of the report."]
)
def test_words_that_start_like_prompts(line: str) -> None:
    assert found(story(line), "WC303") == []


# -- WC305 ------------------------------------------------------------------------------------
def test_machine_timestamp_prefix_is_deleted_alone() -> None:
    text = story("2023-08-20 08:00:00 The government will launch a mission on Monday.")
    (finding,) = found(text, "WC305")
    assert finding.text == "2023-08-20 08:00:00 "
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    "line",
    ["In 2023-08-20 08:00 terms, nothing", "2023-08-20T08:00Zebra", "13:52 Dutch authorities said."],
)
def test_no_machine_timestamp_prefix(line: str) -> None:
    assert found(story(line), "WC305") == []


# -- WC306 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("1 Min Read", "en"),
        ("Reading time: 3 minutes", "en"),
        ("Temps de lecture : 2 min", "fr"),
        ("Tiempo de lectura: 4 minutos", "es"),
        ("Lesezeit: 3 Min.", "de"),
    ],
)
def test_reading_time(line: str, lang: str) -> None:
    assert_deletes(found(story(line), "WC306", lang), line)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Read the 3 minutes of testimony.", "en"),
        ("It took 3 minutes to read the verdict", "en"),
        ("La lecture du verdict a duré 3 minutes", "fr"),
        ("Die Lesezeit im Parlament betrug 3 Minuten pro Fraktion und Tag", "de"),
    ],
)
def test_reading_time_needs_a_line_of_its_own(line: str, lang: str) -> None:
    assert found(story(line), "WC306", lang) == []


# -- WC307 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("PHOTO NATIONAL POLICE/AGENCE FRANCE-PRESSE", "en"),
        ("AFP Videos –", "en"),
        ("FILE PHOTO: The minister attends a meeting in Brussels, May 2, 2022. REUTERS/Jane Doe",
         "en"),
        ("Leaders meet in Bamako on July 23, 2020. (Photo by JOHN DOE / AFP)", "en"),
        ("PHOTO ARCHIVES LA PRESSE", "fr"),
        ("FOTO: EFE/Juan Pérez", "es"),
        ("Foto: dpa", "de"),
    ],
)
def test_photo_credit_lines(line: str, lang: str) -> None:
    assert_deletes(found(story(line), "WC307", lang), line)


def test_credit_after_a_quotation_is_deleted_alone() -> None:
    line = "“We will rebuild,” the mayor said on Tuesday. © REUTERS/Jane Doe"
    (finding,) = found(story(line), "WC307")
    assert finding.text == " © REUTERS/Jane Doe"


def test_credit_glued_to_a_paragraph_is_deleted_alone() -> None:
    text = story("Sánchez sagte, Spanien erhole sich. Foto: La Moncloa", body="Der Rest folgt.")
    (finding,) = found(text, "WC307", "de")
    assert finding.text == " Foto: La Moncloa"
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("The photo shows troops gathering at the base, the ministry said.", "en"),
        ("Photos of the meeting were released on Friday by the presidency.", "en"),
        ("Photo shows troops at the base.", "en"),
        ("Video shows the crowd.", "en"),
        ("Reuters/Ipsos polls show the race is tight.", "en"),
        ("La photo a été prise vendredi par un habitant.", "fr"),
        ("La foto fue tomada el viernes por un vecino.", "es"),
        ("Das Foto zeigt Soldaten auf dem Stützpunkt.", "de"),
    ],
)
def test_sentences_about_photos_are_story_text(line: str, lang: str) -> None:
    assert found(story(line), "WC307", lang) == []


# -- WC308 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Enlarge image", "en"),
        ("Text size", "en"),
        ("Follow", "en"),
        ("I subscribe", "en"),
        ("Download the app", "en"),
        ("x: opens new window", "en"),
        ("Your email address will not be published. Required fields are marked *", "en"),
        ("Tags: strike, ports", "en"),
        ("Agrandir l'image", "fr"),
        ("Je m'abonne", "fr"),
        ("Mots-clés : grève, ports", "fr"),
        ("Ampliar imagen", "es"),
        ("Etiquetas: huelga, puertos", "es"),
        ("Bild vergrößern", "de"),
        ("Schlagwörter: Streik, Häfen", "de"),
        ("105 total views, 1 today", "en"),
        ("12 commentaires", "fr"),
    ],
)
def test_interface_text(line: str, lang: str) -> None:
    body = BODY_FR if lang == "fr" else BODY
    assert_deletes(found(story(line, body), "WC308", lang), line)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Follow the money", "en"),
        ("Subscribers will pay more from January.", "en"),
        ("Tags on the ankle were fitted to the prisoners.", "en"),
        ("Suivre l'argent", "fr"),
        ("Seguir adelante", "es"),
        ("Folgen der Krise", "de"),
        ("Folgen", "de"),
        ("Antworten", "de"),
        ("3 people died today", "en"),
    ],
)
def test_story_text_with_interface_words(line: str, lang: str) -> None:
    assert found(story(line), "WC308", lang) == []


def test_section_name_only_above_the_story() -> None:
    text = f"World News\n\nQuake hits hill towns\n\n{BODY}\n\nWorld\n\nMore text follows here.\n"
    (finding,) = found(text, "WC308")
    assert finding.text == "World News"


# -- WC309 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "prompt", "lang"),
    [
        ("and buried far from … Read more", " Read more", "en"),
        ("The talks resumed on Monday. Continue reading", " Continue reading", "en"),
        ("Les négociations ont repris lundi… Lire la suite", " Lire la suite", "fr"),
        ("Las negociaciones se reanudaron… Leer más", " Leer más", "es"),
        ("Die Gespräche wurden fortgesetzt… Weiterlesen", " Weiterlesen", "de"),
    ],
)
def test_read_more_prompt(line: str, prompt: str, lang: str) -> None:
    (finding,) = found(story(line), "WC309", lang)
    assert finding.text == prompt
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    "line", ["Voters want to read more", "He asked for more", "The deal was signed… and more"]
)
def test_read_more_in_a_sentence(line: str) -> None:
    assert found(story(line), "WC309") == []


# -- WC310 ------------------------------------------------------------------------------------
def test_repeated_line() -> None:
    caption = "Mali is the eighth-largest country in Africa."
    text = story(f"{caption}\n{caption}")
    (finding,) = found(text, "WC310")
    assert finding.text == caption
    assert finding.line == 4
    assert finding.suggestion == ""


def test_doubled_line_keeps_the_first_copy() -> None:
    half = "Quitting: the minister in Marseille. © REUTERS/Jane Doe"
    text = story(f"{half} {half}")
    (finding,) = found(text, "WC310")
    assert finding.text == half
    assert finding.column > len(half)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("“No.”\n\n“No.”", "en"),
        ("Il a dit non. Elle a dit non.", "fr"),
        ("Sí, sí, sí, sí", "es"),
        ("Der Bund zahlt. Die Länder zahlen.", "de"),
    ],
)
def test_short_or_different_lines_are_not_repeats(line: str, lang: str) -> None:
    assert found(story(line), "WC310", lang) == []


# -- WC311 ------------------------------------------------------------------------------------
def test_headline_list_above_the_story() -> None:
    heads = [
        "Stocks fall as rate fears return",
        "Storm hits the northern coast overnight",
        "Farmers block roads in protest at prices",
    ]
    text = "\n".join(heads) + f"\n\nRescuers search for survivors\n\n{BODY}\n"
    findings = found(text, "WC311")
    assert [f.text for f in findings] == heads
    assert all(f.suggestion == "" for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        # two lines only: a headline and a standfirst
        f"Rescuers search for survivors\nThe army joins the search\n\n{BODY}\n",
        # the story's own headline, standfirst and byline
        f"Port strike: unions reject the offer\nDockers vote to continue the action\n"
        f"By Jane Doe and John Roe\n\n{BODY}\n",
        # a list inside the story, below its first paragraph
        f"Quake\n\n{BODY}\n\nThe towns hit\nSan Pietro in the hills\nMonte Alto to the north\n"
        "Valle Bassa by the river\n",
    ],
)
def test_no_headline_list(text: str) -> None:
    assert found(text, "WC311") == []


def test_caption_that_the_reference_carries_too_is_content() -> None:
    """A caption the agency's own version also has is part of the story, not page chrome."""
    from checker.config import Settings
    from checker.engine import Checker
    from checker.model import StoryInput

    mt = "Porro hatte gegen Leicester einen Nachmittag zum Vergessen (Bild: Getty)\n\nTottenham verlor 1:4."
    ref = "Porro erlebte gegen Leicester einen gebrauchten Nachmittag (Bild: Getty)\n\nTottenham verlor mit 1:4."
    checker = Checker(Settings(select=("WC307",), default_glossary=False))
    with_ref = checker.check(StoryInput("s", mt, "s.txt", lang="de", ref=ref))
    without = checker.check(StoryInput("s", mt, "s.txt", lang="de"))
    assert with_ref.findings == ()
    assert [f.rule for f in without.findings] == ["WC307"]
