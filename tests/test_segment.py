"""Sentence splitting keeps offsets and does not split at abbreviations."""

from __future__ import annotations

import pytest

from checker.segment import paragraphs, segment


def sentences(text: str, lang: str) -> list[str]:
    doc = segment(text, lang)
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Mr. Hong spoke at 12:01 p.m. in the U.S. capital. He left.",
            ["Mr. Hong spoke at 12:01 p.m. in the U.S. capital.", "He left."],
        ),
        (
            "fr",
            "M. Hong a parlé aux É.-U. lundi. Il est reparti.",
            ["M. Hong a parlé aux É.-U. lundi.", "Il est reparti."],
        ),
        (
            "es",
            "El Sr. García llegó a las 3 p. m. del lunes. Se fue.",
            ["El Sr. García llegó a las 3 p. m. del lunes.", "Se fue."],
        ),
        (
            "de",
            "Die Sitzung endete am 3. Oktober mit einem Beschluss. Er ging.",
            ["Die Sitzung endete am 3. Oktober mit einem Beschluss.", "Er ging."],
        ),
        (
            "en",
            "He said. -he declared to AFP. Then he left.",
            ["He said. -he declared to AFP.", "Then he left."],
        ),
    ],
)
def test_abbreviations_do_not_split(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_offsets_point_into_the_text() -> None:
    text = "SEOUL (AFP) -\n\n  First one. Second one?\n\n\nThird «one»!\n"
    doc = segment(text, "en")
    for sentence in doc.sentences:
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip() and chunk
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "SEOUL (AFP) -",
        "First one.",
        "Second one?",
        "Third «one»!",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_paragraphs_ignore_blank_lines_with_spaces() -> None:
    text = "One.\n  \t\nTwo.\nstill two.\n\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two.\nstill two."]


def test_empty_story_has_no_sentences() -> None:
    assert segment("", "en").sentences == ()
    assert segment("\n\n  \n", "en").sentences == ()
