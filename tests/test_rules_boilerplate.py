"""Boilerplate rules (WC301-WC304): page chrome, per language, and feed options."""

from __future__ import annotations

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.errors import ConfigError
from checker.model import Finding, StoryInput
from tests.conftest import check

STORY = (
    "Rescuers search for survivors after the quake\n\n"
    "{line}\n\n"
    "Rescue teams worked through the night in the hill towns, the civil protection "
    "agency said on Tuesday.\n"
)


def found(text: str, lang: str, code: str, **kwargs) -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False, **kwargs)
    return [f for f in result.findings if f.rule == code]


def found_with(text: str, lang: str, code: str, options: dict) -> list[Finding]:
    settings = Settings(select=(code,), default_glossary=False, rule_options={code: options})
    story = StoryInput(id="t", mt=text, mt_path="t.txt", lang=lang)
    return [f for f in Checker(settings).check(story).findings if f.rule == code]


# -- WC301 -------------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["-", "***", "* * *", "—", "•", "...", "///"])
def test_punctuation_only_line(line: str) -> None:
    text = STORY.format(line=line)
    (finding,) = found(text, "en", "WC301")
    assert finding.text == line
    assert finding.suggestion == ""
    assert finding.line == 3


@pytest.mark.parametrize("line", ["(END)", "1.", "-30-", "#MeToo", "2024", "Q&A", "¿Qué?"])
def test_lines_with_letters_or_digits_are_kept(line: str) -> None:
    assert found(STORY.format(line=line), "en", "WC301") == []


def test_allowed_separator() -> None:
    text = STORY.format(line="* * *")
    assert found_with(text, "en", "WC301", {"allow": ["* * *"]}) == []


# -- WC302 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Posted at 12:01 p.m."),
        ("en", "Updated yesterday at 3:12 p.m."),
        ("en", "Published on 14/03/2024 at 18:20"),
        ("en", "Published Oct. 25, 2024 at 3:12 p.m. ET"),
        ("en", "Last updated: 2 hours ago"),
        ("en", "14/03/2024 18:20"),
        ("fr", "Publié le 14/03/2024 à 18h20"),
        ("fr", "Mis à jour le 15 mars 2024 à 10 h 05"),
        ("fr", "Publié hier à 15h12"),
        ("es", "Publicado el 14/03/2024 a las 18:20"),
        ("es", "Actualizado el 15 de marzo de 2024, 10:05 h"),
        ("de", "Veröffentlicht am 14.03.2024 um 18:20 Uhr"),
        ("de", "Stand: 14.03.2024, 18.20 Uhr"),
        ("de", "Aktualisiert am 14. März 2024, 18:20 Uhr"),
        ("pt", "Publicado em 14/03/2024 às 18h20"),
        ("it", "Pubblicato il 14/03/2024 alle 18:20"),
        ("ar", "نشر في 14/03/2024 الساعة 18:20"),
    ],
)
def test_timestamp_lines(lang: str, line: str) -> None:
    (finding,) = found(STORY.format(line=line), lang, "WC302")
    assert finding.text == line
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Published in 2019, the report found that the reservoirs were half empty."),
        ("en", "The conflict lasted from 1950 to 1953."),
        ("en", "Updated figures are expected on Friday at 10 a.m., the ministry said."),
        ("en", "MADRID, June 18 (EFE)"),
        ("en", "Friday"),
        ("en", "2010-2011"),
        ("fr", "Publié le 14 mars, le rapport a fait grand bruit à Bruxelles."),
        ("es", "Actualizado el censo, el Gobierno prevé 3.000 nuevas plazas."),
        ("de", "Am 3. Oktober um 18.30 Uhr beginnt die Feier in Berlin."),
    ],
)
def test_sentences_with_dates_are_not_timestamps(lang: str, line: str) -> None:
    assert found(STORY.format(line=line), lang, "WC302") == []


def test_source_language_time_stamp_left_untranslated() -> None:
    text = STORY.format(line="Publié le 14/03/2024 à 18h20")
    assert found(text, "en", "WC302") == []  # not an English time stamp...
    (finding,) = found(text, "en", "WC302", src="Texte source.", src_lang="fr")
    assert finding.text == "Publié le 14/03/2024 à 18h20"  # ...but the French source's


def test_timestamp_extra_patterns() -> None:
    text = STORY.format(line="Dernière heure - 14h05")
    assert found(text, "fr", "WC302") == []
    (finding,) = found_with(text, "fr", "WC302", {"extra-patterns": [r"Dernière heure.*"]})
    assert finding.text == "Dernière heure - 14h05"


def test_invalid_extra_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="extra-patterns: invalid regular expression"):
        found_with(STORY.format(line="x"), "en", "WC302", {"extra-patterns": ["(unclosed"]})


# -- WC303 -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Related News :"),
        ("en", "Read also: Heat pumps - what homeowners need to know now"),
        ("en", "Share this article"),
        ("en", "Facebook Twitter Email"),
        ("en", "Facebook | X | WhatsApp | Copy link"),
        ("en", "Advertisement"),
        ("en", "Follow us on Instagram and TikTok for the latest updates"),
        ("fr", "Lire aussi : COP29 : à Bakou, les pays pauvres haussent le ton"),
        ("fr", "À lire aussi"),
        ("fr", "Partager Facebook Twitter"),
        ("es", "Noticias relacionadas"),
        ("es", "Lee también: El Gobierno aprueba el nuevo plan de vivienda"),
        ("de", "Mehr zum Thema: Was die Zinssenkung für Sparer bedeutet"),
        ("de", "Lesen Sie auch"),
        ("de", "Anzeige"),
        ("pt", "Leia também: Governo anuncia novo pacote"),
        ("it", "Leggi anche"),
        ("ar", "اقرأ أيضا"),
    ],
)
def test_related_content_prompts(lang: str, line: str) -> None:
    (finding,) = found(STORY.format(line=line), lang, "WC303")
    assert finding.text == line
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Related talks in Vienna ended without an agreement, diplomats said."),
        ("en", "Facebook said on Monday it would appeal the fine."),
        ("en", "Share prices fell 3 percent in early trading."),
        ("en", "Readers also wrote to the paper to complain."),
        ("fr", "Lire aussi les conclusions du rapport permet de comprendre le blocage."),
        ("es", "Las noticias relacionadas con la sequía dominaron la campaña."),
        ("de", "Zum Thema Migration sagte der Minister nichts."),
    ],
)
def test_sentences_are_not_prompts(lang: str, line: str) -> None:
    assert found(STORY.format(line=line), lang, "WC303") == []


def test_related_extra_patterns() -> None:
    text = STORY.format(line=">> Our live blog on the quake")
    assert found(text, "en", "WC303") == []
    hits = found_with(text, "en", "WC303", {"extra-patterns": [r">>.*live blog.*"]})
    assert [f.text for f in hits] == [">> Our live blog on the quake"]


# -- WC304 -------------------------------------------------------------------------------
def test_site_name_on_the_first_line() -> None:
    text = "DayFR Euro\n\nSending North Korean troops to Russia confirms alliance\n"
    (finding,) = found(text, "en", "WC304")
    assert finding.text == "DayFR Euro"
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    "first", ["lemonde.fr", "www.example-news.com", "Yahoo News", "Le Monde.fr | Actualités"]
)
def test_domains_and_aggregators(first: str) -> None:
    text = f"{first}\n\nFloods cut off villages in the south\n"
    assert [f.text for f in found(text, "en", "WC304")] == [first]


@pytest.mark.parametrize(
    "first",
    [
        "Kim visits Moscow",
        "iPhone sales slow in China",
        "BioNTech shares jump",
        "Amazon.com beats forecasts",
        "Booking.com fined in Spain",
        "War economy",
        "Mpox: WHO triggers its highest level of alert over the outbreak in Africa",
    ],
)
def test_headlines_are_not_site_names(first: str) -> None:
    text = f"{first}\n\nThe story continues here with a full sentence.\n"
    assert found(text, "en", "WC304") == []


def test_configured_site_names_anywhere() -> None:
    text = "Floods cut off villages\n\nRain fell for a week.\n\nLa Gazette du Soir\n"
    assert found(text, "fr", "WC304") == []
    hits = found_with(text, "fr", "WC304", {"site-names": ["La Gazette du Soir"]})
    assert [f.text for f in hits] == ["La Gazette du Soir"]


def test_single_line_story_has_no_site_name() -> None:
    assert found("DayFR Euro", "en", "WC304") == []
