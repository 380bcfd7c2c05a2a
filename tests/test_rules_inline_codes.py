"""Inline codes of XLIFF units: read by the XLIFF reader, compared by WC624."""

from __future__ import annotations

from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput, StoryResult
from checker.reading import read_feed
from tests.conftest import check

V12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="story.html" source-language="{src}" target-language="{tgt}" datatype="html">
    <body>
{units}
    </body>
  </file>
</xliff>
"""
V20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="{src}" trgLang="{tgt}">
  <file id="f1">
{units}
  </file>
</xliff>
"""


def unit(number: int, source: str, target: str | None) -> str:
    target_xml = f"<target>{target}</target>" if target is not None else ""
    return f'<trans-unit id="{number}"><source>{source}</source>{target_xml}</trans-unit>'


def story(tmp_path: Path, units: list[str], src: str = "en", tgt: str = "fr",
          template: str = V12) -> StoryInput:
    path = tmp_path / "story.xlf"
    path.write_text(template.format(src=src, tgt=tgt, units="\n".join(units)), encoding="utf-8")
    [found] = read_feed(path)
    return found


def wc624(found: StoryInput) -> StoryResult:
    result = Checker(Settings(select=("WC624",))).check(found)
    assert all(f.rule == "WC624" for f in result.findings)
    return result


# -- reading ---------------------------------------------------------------------------

def test_reader_records_codes_ids_and_equivalents(tmp_path: Path) -> None:
    found = story(tmp_path, [
        unit(1, 'Read the <g id="1">report</g> <x id="2" ctype="lb"/>now '
                '<ph id="3" equiv-text="{name}">{name}</ph>.',
             'Lisez le <g id="1">rapport</g> <x id="2" ctype="lb"/>maintenant '
             '<ph id="3" equiv-text="{name}">{name}</ph>.'),
        unit(2, "No codes here.", "Pas de codes ici."),
    ])
    [codes] = found.codes  # units without codes are not recorded
    assert codes.label == "trans-unit[1]"
    assert [(c.kind, c.id, c.equiv) for c in codes.source] == [
        ("g", "1", ""), ("x", "2", ""), ("ph", "3", "{name}")]
    assert [(c.kind, c.id) for c in codes.target] == [("g", "1"), ("x", "2"), ("ph", "3")]
    assert found.mt[codes.mt_start:codes.mt_end] == "Lisez le rapport maintenant ."
    offsets = [c.offset for c in codes.target]
    assert offsets[0] is not None and found.mt[offsets[0]:].startswith("rapport")
    assert offsets[2] is not None and found.mt[offsets[2]:].startswith(".")


def test_reader_takes_source_codes_from_seg_source(tmp_path: Path) -> None:
    segmented = ('<trans-unit id="1"><source>Hello world</source><seg-source><g id="1">'
                 '<mrk mid="0" mtype="seg">Hello world</mrk></g></seg-source>'
                 '<target><g id="1"><mrk mid="0" mtype="seg">Hallo Welt</mrk></g></target>'
                 '</trans-unit>')
    found = story(tmp_path, [segmented], tgt="de")
    assert [(c.kind, c.id) for c in found.codes[0].source] == [("g", "1")]
    assert wc624(found).findings == ()


def test_reader_places_xliff2_codes_across_segments(tmp_path: Path) -> None:
    units = ['<unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>'
             '<segment><source>Uno.</source><target>One.</target></segment>'
             '<segment><source>Dos <ph id="1" dataRef="d1"/>tres.</source>'
             '<target>Two <ph id="1" dataRef="d1"/>three.</target></segment></unit>']
    found = story(tmp_path, units, src="es", tgt="en", template=V20)
    [codes] = found.codes
    assert codes.source[0].equiv == "<br/>"
    offset = codes.target[0].offset
    assert offset is not None and found.mt[offset:].startswith("three")


# -- the rule: true positives ---------------------------------------------------------

def test_missing_code_is_reported_on_the_unit_fr(tmp_path: Path) -> None:
    found = story(tmp_path, [unit(1, 'Read the <g id="1">full report</g> here.',
                                  "Lisez le rapport complet ici.")])
    [finding] = wc624(found).findings
    assert finding.text == "Lisez le rapport complet ici."
    assert '<g id="1">' in finding.message and "missing" in finding.message


def test_duplicated_placeholder_is_reported_where_it_sits_de(tmp_path: Path) -> None:
    ph = '<ph id="1" equiv-text="{count}">{count}</ph>'
    found = story(tmp_path, [unit(1, f"We counted {ph} votes.",
                                  f"Wir zählten {ph} Stimmen {ph} insgesamt.")], tgt="de")
    [finding] = wc624(found).findings
    assert finding.text == "insgesamt."
    assert "more often than in the source" in finding.message and "{count}" in finding.message


def test_code_not_in_the_source_is_reported_es(tmp_path: Path) -> None:
    found = story(tmp_path, [unit(1, "The minister resigned.",
                                  'El ministro <bpt id="9">&lt;b&gt;</bpt>dimitió'
                                  '<ept id="9">&lt;/b&gt;</ept>.')], tgt="es")
    messages = [f.message for f in wc624(found).findings]
    assert len(messages) == 2 and all("not in the source" in m for m in messages)


def test_xliff2_missing_spanning_code_en(tmp_path: Path) -> None:
    units = ['<unit id="u1"><segment><source><pc id="1">Alerta</pc> en la costa.</source>'
             '<target>Warning on the coast.</target></segment></unit>']
    found = story(tmp_path, units, src="es", tgt="en", template=V20)
    [finding] = wc624(found).findings
    assert finding.text == "Warning on the coast."


# -- the rule: false positives ---------------------------------------------------------

def test_moved_codes_are_not_reported_fr(tmp_path: Path) -> None:
    found = story(tmp_path, [unit(1, 'The <g id="1">cruise</g> season opens in <g id="2">April</g>.',
                                  'La saison des <g id="1">croisières</g> s\'ouvre en '
                                  '<g id="2">avril</g>.')])
    assert wc624(found).findings == ()


def test_pc_in_target_matches_sc_ec_in_source_de(tmp_path: Path) -> None:
    units = ['<unit id="u1"><segment><source><sc id="1"/>First part.</source>'
             '<target><pc id="1">Erster Teil.</pc></target></segment>'
             '<segment><source>Second part.<ec startRef="1"/></source>'
             '<target>Zweiter Teil.</target></segment></unit>']
    found = story(tmp_path, units, src="en", tgt="de", template=V20)
    assert wc624(found).findings == ()


def test_untranslated_unit_is_left_to_other_rules_es(tmp_path: Path) -> None:
    found = story(tmp_path, [unit(1, "A title.", "Un título."),
                             unit(2, 'Read the <g id="1">report</g>.', None)], tgt="es")
    assert wc624(found).findings == ()


def test_plain_text_story_has_no_codes_en() -> None:
    result = check("Read the report <b>here</b> {0} %s.\n", "en", select=("WC624",))
    assert result.findings == ()


# -- placeholders written as text (any story with a source) -----------------------------

def test_placeholder_missing_from_the_translation_en() -> None:
    result = check("Hello, welcome back.\n\nYou have new messages.\n", "en", select=("WC624",),
                   src="Hola, {name}, bienvenido.\n\nTiene {0} mensajes nuevos.\n",
                   src_lang="es")
    messages = sorted(f.message for f in result.findings)
    assert len(messages) == 2 and all("missing" in m for m in messages)
    assert {f.text for f in result.findings} == {"Hello, welcome back.",
                                                 "You have new messages."}


def test_placeholder_added_or_doubled_fr() -> None:
    result = check("Bonjour %s, vous avez %s et %d messages.\n", "fr", select=("WC624",),
                   src="Hello %s, you have %d messages.\n", src_lang="en")
    [finding] = result.findings
    assert finding.text == "%s" and "more often" in finding.message


def test_placeholders_moved_between_sentences_de() -> None:
    result = check("Sie haben {{count}} neue Nachrichten von {sender}. Danke.\n", "de",
                   select=("WC624",), src="You have {{ count }} new messages. "
                   "They are from {sender}, thanks.\n", src_lang="en")
    assert result.findings == ()


def test_percent_signs_are_not_placeholders_es() -> None:
    result = check("La inflación subió un 5 %de media y un 3%s en abril.\n", "es",
                   select=("WC624",), src="Inflation rose 5% on average.\n", src_lang="en")
    assert result.findings == ()


def test_code_standing_for_an_apostrophe_may_go_fr(tmp_path: Path) -> None:
    found = story(tmp_path, [unit(1, 'The minister<ph id="1" equiv-text="&amp;#39;">&amp;#39;'
                                     "</ph>s office said.",
                                  "Le cabinet du ministre a déclaré.")])
    assert wc624(found).findings == ()
