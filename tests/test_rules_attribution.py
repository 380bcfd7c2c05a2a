"""Attribution artefacts: WC201 widened to every common speech verb and channel, WC220
double attributions, WC221 channel calques ("declared to AFP")."""

from __future__ import annotations

import pytest

from checker.model import Finding
from tests.conftest import check


def found(text: str, code: str, lang: str = "en") -> list[Finding]:
    result = check(text, lang=lang, select=(code,), default_glossary=False)
    return [f for f in result.findings if f.rule == code]


# -- WC201 widened ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "fragment", "lang"),
    [
        ("“We will not give in,” he said. -he wrote on X.", " -he wrote on X.", "en"),
        ("“We will not give in,” he said. -he tweeted.", " -he tweeted.", "en"),
        ("“We will not give in,” he said. He wrote on X.", " He wrote on X.", "en"),
        ("« Nous ne céderons pas », a-t-il dit. -a-t-il écrit sur X.",
         " -a-t-il écrit sur X.", "fr"),
        ("\"No cederemos\", dijo. -tuiteó.", " -tuiteó.", "es"),
        ("„Wir geben nicht nach“, sagte er. -twitterte er.", " -twitterte er.", "de"),
    ],
)
def test_repeated_attribution_with_new_verbs_and_channels(
    text: str, fragment: str, lang: str
) -> None:
    (finding,) = found(text, "WC201", lang)
    assert finding.text == fragment
    assert finding.suggestion == ""


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He wrote the report. He wrote on Monday.", "en"),
        ("“We will not give in,” he said. He added to the list.", "en"),
        ("“We will not give in,” he said. He added in the end.", "en"),
        ("Il a écrit le rapport. Il a écrit lundi.", "fr"),
        ("Escribió el informe. Escribió el lunes.", "es"),
        ("Er schrieb den Bericht. Er schrieb am Montag.", "de"),
    ],
)
def test_sentences_that_only_use_speech_verbs(text: str, lang: str) -> None:
    assert found(text, "WC201", lang) == []


# -- WC220 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "second", "lang"),
    [
        ("“The costs will rise,” adds the chamber, “and jobs will go,” he points out.",
         " he points out", "en"),
        ("« Les coûts vont augmenter », ajoute la chambre, « et des emplois vont disparaître »,"
         " souligne-t-il.", " souligne-t-il", "fr"),
        ("\"Los costes subirán\", añade la cámara, \"y se perderán empleos\", señaló.",
         " señaló", "es"),
        ("„Die Kosten steigen“, sagte die Kammer, „und Stellen fallen weg“, betonte er.",
         " betonte er", "de"),
    ],
)
def test_double_attribution(text: str, second: str, lang: str) -> None:
    (finding,) = found(text, "WC220", lang)
    assert finding.text == second
    assert finding.suggestion is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("“The costs will rise,” he said, “and jobs will go.”", "en"),
        ("“The costs will rise,” he said. “And jobs will go,” she added.", "en"),
        ("« Les coûts vont augmenter », a-t-il dit, « et des emplois vont disparaître ».", "fr"),
        ("\"Los costes subirán\", dijo, \"y se perderán empleos\".", "es"),
        ("„Die Kosten steigen“, sagte er, „und Stellen fallen weg“.", "de"),
    ],
)
def test_split_quotation_with_one_attribution(text: str, lang: str) -> None:
    assert found(text, "WC220", lang) == []


def test_attribution_with_two_subjects() -> None:
    text = "“This reform is unjust,” he says the deputy for the left, Jean Dupont."
    (finding,) = found(text, "WC220")
    assert finding.text == "he says the deputy"


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” he told the deputy.",
        "“We will win,” she said the day before.",
        "“No,” he said a week later.",
        "“No,” he asked the minister.",
    ],
)
def test_attribution_followed_by_an_object_or_a_time(text: str) -> None:
    assert found(text, "WC220") == []


# -- WC221 ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("he declared to AFP.", "declared to AFP", "told AFP"),
        ("“Prices will rise,” she added to Reuters.", "added to Reuters", None),
        ("He said to the AFP on Friday.", "said to the AFP", "told AFP"),
        ("she indicated to the newspaper Le Monde that", "indicated to the newspaper Le Monde",
         "told the newspaper Le Monde"),
    ],
)
def test_channel_calque(text: str, flagged: str, suggestion: str | None) -> None:
    (finding,) = found(text, "WC221")
    assert finding.text == flagged
    assert finding.suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("He told AFP on Friday. The spokesman confirmed to AFP that it was true.", "en"),
        ("The sum was added to the AFP budget. It was said to AFP.", "en"),
        ("a-t-il déclaré à l'AFP.", "fr"),
        ("dijo a EFE.", "es"),
        ("sagte er der dpa.", "de"),
    ],
)
def test_idiomatic_attributions(text: str, lang: str) -> None:
    assert found(text, "WC221", lang) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("“The cabinet was complete,” said Weber of the weekly newspaper.",
         "of the weekly newspaper"),
        ("“Nothing at all,” said Merz of the “FAZ”. The race goes on.", "of the “FAZ”"),
    ],
)
def test_german_dative_read_as_genitive(text: str, flagged: str) -> None:
    (finding,) = found(text, "WC221")
    assert finding.text == flagged
    assert finding.suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "said John Smith of the University of Oxford.",
        "said Jane Doe of the Guardian newspaper group.",
        "said the editor of the newspaper Le Monde, Jean Dupont.",
    ],
)
def test_affiliations_are_not_calques(text: str) -> None:
    assert found(text, "WC221") == []
