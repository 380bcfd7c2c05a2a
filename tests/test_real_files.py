"""Files as agencies and translation tools write them (tests/data/real, see its SOURCES).

One test (or more) per defect of issue 11, each on a real file or on a look-alike of
one that could not be redistributed. When ``WIRECHECK_REALFILES`` names a folder of the
original files (kept outside the repository), the last test also runs over those.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine import Checker
from checker.errors import InputError
from checker.glossary import Status, merge_glossaries, read_glossary
from checker.langtags import language
from checker.reading import read_feed
from checker.reading.files import read_entries

REAL = Path(__file__).resolve().parent / "data" / "real"


def entries(path: Path) -> list:
    return list(read_entries(path))


def only(path: Path):
    [entry] = entries(path)
    return entry


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


# -- 1. XLIFF 1.2 read as XLIFF 2 because of its:version ------------------------------------

def test_its_version_does_not_make_xliff_12_look_like_xliff_2() -> None:
    stories = entries(REAL / "xliff" / "matecat-calibre-docx.xliff")
    assert [s.id for s in stories] == ["matecat-calibre-docx/document",
                                       "matecat-calibre-docx/footnotes"]
    document = stories[0]
    assert document.text.startswith("Demonstration of DOCX support in calibre\n\n")
    assert document.src is not None and "typographic features" in document.src.text
    assert (document.lang, document.src.lang) == ("id", "en")


def test_a_file_that_yields_no_text_is_an_error_naming_it(tmp_path: Path, cli) -> None:
    path = tmp_path / "empty-units.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        'xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">'
        '<file original="a" source-language="en" target-language="fr"><body>'
        "<trans-unit id='1'><source> </source><target/></trans-unit>"
        "</body></file></xliff>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        entries(path)
    assert caught.value.path == str(path) and "no story text" in caught.value.problem
    result = cli("check", str(path), "--isolated")
    assert result.code == 2
    assert result.err.count("\n") == 1 and f"{path}:1: no story text" in result.err
    assert "Traceback" not in result.err


def test_an_empty_nitf_is_an_error_not_a_pass(tmp_path: Path, cli) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<nitf><body><body.head><hedline/></body.head><body.content/></body></nitf>",
                    encoding="utf-8")
    result = cli("check", str(path), "--isolated")
    assert result.code == 2 and str(path) in result.err and "no story text" in result.err


# -- 2. language tags used verbatim --------------------------------------------------------

@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en-US", "en"), ("ja-jp", "ja"), ("DE", "de"), ("fi-FI", "fi"), ("fr-FR", "fr"),
     ("pt_BR.UTF-8", "pt"), ("nb-NO", "no"), ("iw", "he"), ("eng", "en"),
     ("zh-Hant-TW", "zh"), ("und", None), ("x-default", None), ("source", None), ("", None)],
)
def test_language_tags_reduce_to_the_language(tag: str, expected: str | None) -> None:
    assert language(tag) == expected


def test_a_region_tagged_english_story_is_english(cli) -> None:
    path = REAL / "newsml" / "iptc-sports-nitf.xml"  # contentMeta says en-US
    assert only(path).lang == "en"
    story = cli("check", str(path), "--isolated", "--format", "json").json()["stories"][0]
    assert story["lang"] == "en"
    assert [f["rule"] for f in story["findings"] if f["rule"].startswith("WC4")] == []


def test_region_tagged_glossary_languages_match_stories() -> None:
    glossary = read_glossary(REAL / "glossary" / "multiterm-empty-term.tbx")
    assert glossary.languages() == {"en", "de"}


# -- 3. --lang / --src-lang lose to file metadata ------------------------------------------

def test_command_line_language_wins_over_the_file(cli) -> None:
    path = REAL / "newsml" / "ansa-like-plain-html.xml"  # English text tagged xml:lang="it"
    tagged = cli("check", str(path), "--isolated", "--select", "WC4", "--format", "json")
    assert {f["rule"] for f in tagged.json()["stories"][0]["findings"]} == {"WC401"}
    told = cli("check", str(path), "--isolated", "--select", "WC4", "--lang", "en-GB",
               "--format", "json")
    assert told.code == 0
    assert told.json()["stories"][0]["lang"] == "en"
    assert told.json()["stories"][0]["findings"] == []


def test_settings_language_wins_over_story_metadata_in_the_engine() -> None:
    [story] = read_feed(REAL / "newsml" / "ansa-like-plain-html.xml")
    assert story.lang == "it"
    checker = Checker(Settings(lang="en", src_lang="fr", default_glossary=False))
    context = checker.context(story)
    assert (context.lang, context.src_lang) == ("en", "fr")


def test_a_bad_language_option_is_a_usage_error(cli) -> None:
    result = cli("check", str(REAL / "xliff" / "no-version-12.xlf"), "--lang", "english!")
    assert result.code == 2 and "--lang" in result.err and "Traceback" not in result.err


# -- 4.-7. TBX exports ---------------------------------------------------------------------

def test_empty_term_is_skipped_with_a_warning_naming_its_line(cli, tmp_path: Path) -> None:
    path = REAL / "glossary" / "multiterm-empty-term.tbx"
    glossary = read_glossary(path)
    assert len(glossary) == 2
    ilo = glossary.concept("c2")
    assert ilo is not None and [(t.lang, t.text) for t in ilo.terms] == [
        ("en", "International Labour Organization")
    ]
    assert glossary.warnings == [(str(path), 26, "empty <term> in <termGrp>: skipped")]
    story = tmp_path / "ecb.txt"
    story.write_text("The European Central Bank kept rates on hold.\n", encoding="utf-8")
    result = cli("check", str(story), "--isolated", "--lang", "en", "--glossary", str(path))
    assert result.code == 0
    assert f"{path}:26: warning: empty <term>" in result.err


def test_term_entries_without_ids_get_stable_ids() -> None:
    path = REAL / "glossary" / "ttk-no-ids.tbx"
    first, second = read_glossary(path), read_glossary(path)
    assert [c.id for c in first] == ["ttk-no-ids#1", "ttk-no-ids#2"] == [c.id for c in second]
    wfp = first.concept("ttk-no-ids#1")
    assert wfp is not None and wfp.preferred("fr") is not None
    assert wfp.preferred("fr").text == "Programme alimentaire mondial"


def test_usage_status_and_normative_authorization_values() -> None:
    glossary = read_glossary(REAL / "glossary" / "tbx-min-usage.tbx")
    statuses = {t.text: t.status for c in glossary for t in c.terms}
    assert statuses == {
        "Organisation for Economic Co-operation and Development": Status.PREFERRED,
        "Organization for Economic Development": Status.DEPRECATED,
        "OECD": Status.ADMITTED,
        "Court of Justice of the European Union": Status.PREFERRED,
        "European Court of Justice": Status.DEPRECATED,
        "CJEU": Status.PREFERRED,
        "EU Court of Justice": Status.PREFERRED,
    }


def test_same_concept_id_in_two_exports_stays_two_concepts() -> None:
    paths = [REAL / "glossary" / "export-sports.csv", REAL / "glossary" / "export-health.csv"]
    scoped = merge_glossaries(paths, default=False)
    assert sorted(c.id for c in scoped) == ["c1", "export-health.csv:c1"]
    assert {c.label("en") for c in scoped} == {
        "Court of Arbitration for Sport", "World Health Organization"
    }
    merged = merge_glossaries(paths, default=False, merge=True)
    assert [c.id for c in merged] == ["c1"] and len(merged.concept("c1").terms) == 4


def test_unrelated_c1_does_not_accept_a_wrong_rendering(cli, tmp_path: Path) -> None:
    src = tmp_path / "src" / "story.txt"
    mt = tmp_path / "mt" / "story.txt"
    src.parent.mkdir()
    mt.parent.mkdir()
    src.write_text("Le Tribunal arbitral du sport a rejeté l'appel mardi.\n", encoding="utf-8")
    mt.write_text("The World Health Organization rejected the appeal on Tuesday.\n",
                  encoding="utf-8")
    args = ["check", str(mt), "--src", str(src), "--lang", "en", "--src-lang", "fr",
            "--isolated", "--no-default-glossary", "--select", "WC101", "--format", "json",
            "--glossary", str(REAL / "glossary" / "export-sports.csv"),
            "--glossary", str(REAL / "glossary" / "export-health.csv")]
    scoped = cli(*args).json()["stories"][0]["findings"]
    assert [(f["rule"], f["concept"]) for f in scoped] == [("WC101", "c1")]
    merged = cli(*args, "--merge-glossaries").json()["stories"][0]["findings"]
    assert merged == []  # one merged c1 accepts the other export's name: the old defect


# -- 8. CSV/TSV exports --------------------------------------------------------------------

def test_headerless_omegat_glossary_uses_the_run_languages() -> None:
    path = REAL / "glossary" / "omegat-glossary.tab"
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    assert "--glossary-langs" in caught.value.problem and caught.value.path == str(path)
    glossary = read_glossary(path, ("en", "fr"))
    terms = {(t.lang, t.text) for c in glossary for t in c.terms}
    assert terms == {("en", "International Monetary Fund"), ("fr", "Fonds monétaire international"),
                     ("en", "World Bank"), ("fr", "Banque mondiale")}
    imf = next(c for c in glossary if c.label("en") == "International Monetary Fund")
    assert imf.notes == {"comment": "institution"}
    assert [(line, problem) for _, line, problem in glossary.warnings] == [
        (5, "row without both a source and a target term: skipped")
    ]


def test_glossary_langs_option_and_cli_languages_reach_the_reader(cli, tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("The Banque mondiale said on Monday.\n", encoding="utf-8")
    glossary = str(REAL / "glossary" / "okapi-utf16be.tsv")
    base = ["check", str(story), "--isolated", "--no-default-glossary", "--glossary", glossary]
    assert cli(*base).code == 2  # no languages: one error naming the file
    assert cli(*base, "--lang", "en", "--src-lang", "fr").code == 0
    assert cli(*base, "--glossary-langs", "en-GB,fr-FR").code == 0


def test_utf16_with_bom_and_language_code_header() -> None:
    utf16 = read_glossary(REAL / "glossary" / "okapi-utf16be.tsv", ("en", "fr"))
    assert {t.text for c in utf16 for t in c.terms} == {
        "European Parliament", "Parlement européen", "Council of Europe", "Conseil de l'Europe"
    }
    header = read_glossary(REAL / "glossary" / "language-header.csv")
    un = next(c for c in header if c.label("en") == "United Nations")
    assert [(t.lang, t.text) for t in un.terms] == [("en", "United Nations"),
                                                    ("fr", "Nations unies")]
    assert un.notes == {"comment": "organisation"}


# -- 9. dpa digitalwires header ------------------------------------------------------------

def test_dpa_header_is_skipped_and_dateline_opens_the_lead() -> None:
    story = only(REAL / "newsml" / "dpa-eil.xml")
    found = paragraphs(story.text)
    assert found[0] == "Grünen-Spitze tritt nach Wahlniederlagen ab"
    assert found[1].startswith("Berlin (dpa) - Die Grünen-Spitze")
    assert story.text.count("Grünen-Spitze tritt nach Wahlniederlagen ab") == 1
    assert "Partei\n" not in story.text and "Berlin (dpa) - Berlin" not in story.text


def test_dpa_line_breaks_separate_words() -> None:
    text = only(REAL / "newsml" / "dpa-spe2.xml").text
    assert "19.11.2024: Großbritannien" in text
    assert not re.search(r"\d:[A-ZÄÖÜ]", text)


# -- 10. NITF datelines --------------------------------------------------------------------

def test_city_dateline_is_not_repeated_before_a_capitalised_city() -> None:
    text = only(REAL / "nitf" / "cp-dateline.xml").text
    assert "\n\nHALIFAX - The provincial ferry" in text
    assert "Nova Scotia" not in text and "Halifax" not in text


def test_machine_story_date_is_not_printed() -> None:
    text = only(REAL / "nitf" / "efe-story-date.xml").text
    assert "20240305" not in text
    assert paragraphs(text)[1].startswith("Valencia, Mar 5 (EFE).- Dock workers")


def test_dateline_goes_to_the_first_paragraph_not_the_caption() -> None:
    found = paragraphs(only(REAL / "nitf" / "caption-before-text.xml").text)
    assert found[2] == "Cruise ships moored at the old quay last summer."
    assert found[3].startswith("BRISTOL The harbour authority")


# -- 11. dropped inline codes glue words ---------------------------------------------------

def test_byline_parts_are_separate_words() -> None:
    found = paragraphs(only(REAL / "nitf" / "caption-before-text.xml").text)
    assert found[1] == "By Staff Reporter Harbour Desk"
    assert paragraphs(only(REAL / "nitf" / "cp-dateline.xml").text)[2] == (
        "Jane Doe The Canadian Press"
    )


def test_break_codes_give_white_space_in_xliff_2() -> None:
    story = only(REAL / "xliff" / "xliff2-codes-order-space.xlf")
    found = paragraphs(story.text)
    assert found[0] == "Karten gibt es online. Die Kasse ist geschlossen."
    assert found[1] == "Zeile eins Zeile zwei"
    assert found[2] == "Willkommen Willkommen auf der Messe"


def test_block_pc_from_matecat_keeps_sentences_apart() -> None:
    story = only(REAL / "xliff" / "matecat-pc-slash.xlf")
    assert story.src is not None
    assert "ticket 1. When she checked" in story.src.text
    assert "1.When" not in story.src.text


def test_worldserver_and_okapi_codes() -> None:
    worldserver = paragraphs(only(REAL / "xliff" / "worldserver-ph.xlf").text)
    assert worldserver == ["Noticias Noticias",
                           "La oficina abre a las nueve. Los visitantes necesitan un pase.",
                           "Lea el informe completo."]
    okapi = paragraphs(only(REAL / "xliff" / "okapi-odt-codes.xlf").text)
    assert okapi == ["Article Prix", "Première ligne Deuxième ligne",
                     "Un mot gras, deux  espaces."]


# -- 12. HTML in a text/plain inlineData ---------------------------------------------------

def test_html_in_plain_text_is_markup_and_indents_start_paragraphs() -> None:
    found = paragraphs(only(REAL / "newsml" / "ansa-like-plain-html.xml").text)
    assert found[0] == "Regional council approves new rail link plan - governor"
    assert found[1].startswith("(ANSA) - Turin, June 3 - The regional council")
    assert found[2].startswith('"This is a project')
    assert found[3].startswith("Construction is expected")
    assert not any("<p>" in p or "</p>" in p for p in found)


# -- 13. several <file> elements -----------------------------------------------------------

def test_files_without_text_are_not_stories() -> None:
    [story] = entries(REAL / "xliff" / "matecat-nested-group.xliff")
    assert story.id == "matecat-nested-group"
    assert story.text.startswith("Ble Ble\n\n")


def test_story_ids_of_several_files_are_unique(tmp_path: Path) -> None:
    unit = ("<trans-unit id='1'><source>Hello {n}</source><target>Bonjour {n}</target>"
            "</trans-unit>")
    files = "".join(
        f'<file original="{name}" source-language="en" target-language="fr"><body>'
        f"{unit.format(n=number)}</body></file>"
        for number, name in enumerate(["a/page.html", "b/page.html", "c/other.html"])
    )
    path = tmp_path / "many.xlf"
    path.write_text(f'<xliff version="1.2">{files}</xliff>', encoding="utf-8")
    assert [s.id for s in entries(path)] == ["many/page#1", "many/page#2", "many/other"]


# -- 14. XLIFF 2 order and xml:space -------------------------------------------------------

def test_target_order_and_preserved_spaces() -> None:
    story = only(REAL / "xliff" / "xliff2-codes-order-space.xlf")
    assert paragraphs(story.text)[3] == (
        "Die Ministerin kam an. Dann sprach sie. Ergebnis:  3 - 1"
    )
    assert story.src is not None
    assert paragraphs(story.src.text)[3] == "The minister arrived. Then she spoke. Score:  3 - 1"


# -- 15. XLIFF without a version attribute -------------------------------------------------

@pytest.mark.parametrize(("name", "text"), [
    ("no-version-12.xlf", "The city council passed the budget.\n"),
    ("no-version-20.xlf", "The port reopened on Monday.\n"),
])
def test_namespace_names_the_version(name: str, text: str) -> None:
    story = only(REAL / "xliff" / name)
    assert story.text == text and story.lang == "en"


def test_no_version_and_no_namespace_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bare.xlf"
    path.write_text("<xliff><file/></xliff>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        entries(path)
    assert "no version attribute and no XLIFF namespace" in caught.value.problem


# -- the whole corpus ----------------------------------------------------------------------

def test_every_corpus_story_reads_with_text_and_bare_languages() -> None:
    for path in sorted(REAL.glob("*/*")):
        if path.parent.name == "glossary":
            continue
        for story in entries(path):
            assert story.text.strip() or (story.src and story.src.text.strip()), path
            for lang in (story.lang, story.src.lang if story.src else None):
                assert lang is None or re.fullmatch(r"[a-z]{2,3}", lang), (path, lang)


def test_every_corpus_file_checks_without_crashing(cli) -> None:
    for path in sorted(REAL.glob("*/*")):
        if path.parent.name == "glossary":
            continue
        result = cli("check", str(path), "--isolated", "--format", "json", "--exit-zero")
        assert result.code == 0, (path, result.err)


ORIGINALS = os.environ.get("WIRECHECK_REALFILES")


@pytest.mark.skipif(not ORIGINALS, reason="WIRECHECK_REALFILES names no folder of originals")
def test_original_wire_and_xliff_files_read_or_fail_with_one_line() -> None:
    assert ORIGINALS is not None
    for path in sorted(Path(ORIGINALS).rglob("*")):
        if path.suffix.lower() not in (".xml", ".xlf", ".xliff", ".sdlxliff", ".nitf"):
            continue
        try:
            stories = entries(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
            continue
        assert any(s.text.strip() or (s.src and s.src.text.strip()) for s in stories), path



def test_glossary_languages_and_merging_from_the_configuration(cli, tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("The World Bank said on Monday.\n", encoding="utf-8")
    glossary = REAL / "glossary" / "omegat-glossary.tab"
    (tmp_path / "wirecheck.toml").write_text(
        f'glossaries = ["{glossary}"]\nglossary-langs = ["en-US", "fr"]\n'
        "merge-glossaries = true\n", encoding="utf-8",
    )
    assert cli("check", str(story)).code == 0
    (tmp_path / "wirecheck.toml").write_text('glossary-langs = ["en"]\n', encoding="utf-8")
    result = cli("check", str(story))
    assert result.code == 2 and "glossary-langs" in result.err
