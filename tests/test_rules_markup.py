"""Markup rules (WC222-WC226): entities, tags, mojibake, lost characters, mixed scripts."""

from __future__ import annotations

import pytest

from checker.model import Finding
from tests.conftest import check


def found(text: str, code: str, lang: str = "en") -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False)
    return [f for f in result.findings if f.rule == code]


# -- WC222 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "entity", "char", "lang"),
    [
        ("the minister&#8217;s plan was ready.", "&#8217;", "’", "en"),
        ("he said & rdquor ; and left.", "& rdquor ;", "”", "en"),
        ("le plan&nbsp;: rien ne change.", "&nbsp;", "\u00a0", "fr"),
        ("el plan &amp; la ley", "&amp;", "&", "es"),
        ("der Plan &#x201E;Zukunft&#x201C;", "&#x201E;", "„", "de"),
    ],
)
def test_entities(text: str, entity: str, char: str, lang: str) -> None:
    first = found(text, "WC222", lang)[0]
    assert first.text == entity
    assert first.suggestion == char


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("AT&T; shares rose and R&D spending fell.", "en"),
        ("Tom & Jerry; the end.", "en"),
        ("Procter & Gamble ; fin.", "fr"),
        ("Müller & Söhne; Ende.", "de"),
    ],
)
def test_ampersands_that_are_not_entities(text: str, lang: str) -> None:
    assert found(text, "WC222", lang) == []


# -- WC223 ------------------------------------------------------------------------------------
def test_tags_and_runs_of_tags() -> None:
    text = '<p><img src="x.jpg" /></p><p>The <a href="https://example.org">plan</a> stalled.'
    findings = found(text, "WC223")
    assert [f.text for f in findings] == [
        '<p><img src="x.jpg" /></p><p>', '<a href="https://example.org">', "</a>",
    ]
    assert all(f.suggestion == "" for f in findings)


def test_block_tag_between_words_becomes_a_space() -> None:
    (finding,) = found("the end.<br>The next day", "WC223")
    assert finding.suggestion == " "


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('[caption id="a1"]Le port[/caption] est fermé.', "fr"),
        ("Nous allons gagner. pic.twitter.com/Oa8R31SMzI", "fr"),
        ("— Jane Doe (@jdoe) March 5, 2023", "en"),
        ("<strong>Wichtig:</strong> der Hafen bleibt zu.", "de"),
        ("<em>Importante</em>: el puerto sigue cerrado.", "es"),
    ],
)
def test_shortcodes_embeds_and_tags(text: str, lang: str) -> None:
    assert found(text, "WC223", lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Inflation fell to <2% and x < y > z.", "en"),
        ("Le taux est <5 % selon l'Insee.", "fr"),
        ("La inflación <3 %", "es"),
        ("Die Quote liegt bei <4 Prozent.", "de"),
    ],
)
def test_comparisons_are_not_tags(text: str, lang: str) -> None:
    assert found(text, "WC223", lang) == []


# -- WC224 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "fixed", "lang"),
    [("prÃ©fecture", "préfecture", "en"), ("dÃ©cision", "décision", "fr"),
     ("aÃ±o", "año", "es"), ("MÃ¼nchen", "München", "de")],
)
def test_mojibake(word: str, fixed: str, lang: str) -> None:
    (finding,) = found(f"The {word} said so.", "WC224", lang)
    assert finding.text == word
    assert finding.suggestion == fixed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Müller, niño, 20°C, «ok», ½ and © AFP.", "en"),
        ("L'été à Noël, « déjà » vu.", "fr"),
        ("El niño comió a las 20 h ¿sí?", "es"),
        ("Die Straße in Köln, 30 °C.", "de"),
    ],
)
def test_correct_accents_are_not_mojibake(text: str, lang: str) -> None:
    assert found(text, "WC224", lang) == []


# -- WC225 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lost", "lang"),
    [
        ("President Recep Tayyip Erdo?an spoke.", "?", "en"),
        ("the ??letting of rooms", "??", "en"),
        ("Fran\ufffdois Morel a parlé.", "\ufffd", "fr"),
        ("el se?or alcalde", "?", "es"),
        ("die Stra?e war gesperrt", "?", "de"),
    ],
)
def test_lost_characters(text: str, lost: str, lang: str) -> None:
    (finding,) = found(text, "WC225", lang)
    assert finding.text == lost
    assert finding.suggestion is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Why? Because. See example.org/page.php?id=3 now.", "en"),
        ("Pourquoi ? Parce que.", "fr"),
        ("¿Por qué? Porque sí.", "es"),
        ("Warum? Darum.", "de"),
    ],
)
def test_question_marks_in_use(text: str, lang: str) -> None:
    assert found(text, "WC225", lang) == []


# -- WC226 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "fixed", "lang"),
    [("D\u043enald", "Donald", "en"), ("p\u043elice", "police", "en"),
     ("Macr\u043en", "Macron", "fr"), ("gobi\u0435rno", "gobierno", "es"),
     ("Regi\u0435rung", "Regierung", "de")],
)
def test_mixed_script_words(word: str, fixed: str, lang: str) -> None:
    (finding,) = found(f"The {word} spoke.", "WC226", lang)
    assert finding.text == word
    assert finding.suggestion == fixed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Москва and Κύπρος are names, not damage.", "en"),
        ("Le président russe (Владимир Путин) a parlé.", "fr"),
        ("La ciudad de Київ resiste.", "es"),
        ("Die Stadt Αθήνα liegt am Meer.", "de"),
    ],
)
def test_whole_words_in_another_script(text: str, lang: str) -> None:
    assert found(text, "WC226", lang) == []
