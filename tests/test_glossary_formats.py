"""Glossary files: both TBX dialects, CSV and TSV, merging, hostile and malformed input."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from checker.config import Settings
from checker.errors import InputError
from checker.glossary import Status, load_index, merge_glossaries, read_glossary
from checker.glossary.load import default_glossary_path

DATA = Path(__file__).resolve().parent / "data" / "glossaries"


def terms(path: Path, concept: str) -> dict[tuple[str, str], Status]:
    glossary = read_glossary(path)
    found = glossary.concept(concept)
    assert found is not None, f"{concept} not in {path.name}"
    return {(t.lang, t.text): t.status for t in found.terms}


def test_current_tbx_reads_concepts_languages_and_statuses() -> None:
    found = terms(DATA / "current.tbx", "eurostat-board")
    assert found == {
        ("en", "European Statistical Governance Advisory Board"): Status.PREFERRED,
        ("en", "ESGAB"): Status.ADMITTED,
        ("en", "European Statistics Governance Board"): Status.DEPRECATED,
        ("fr", "Comité consultatif européen pour la gouvernance statistique"): Status.PREFERRED,
    }


def test_current_tbx_keeps_notes_part_of_speech_and_case_flag() -> None:
    glossary = read_glossary(DATA / "current.tbx")
    board = glossary.concept("eurostat-board")
    assert board is not None and board.notes == {"subjectField": "statistics"}
    preferred = board.preferred("en")
    assert preferred is not None and preferred.part_of_speech == "properNoun"
    deprecated = next(t for t in board.terms if t.status is Status.DEPRECATED)
    assert deprecated.notes == {"note": "Seen in machine translation of the French name."}
    fed = glossary.concept("fed")
    assert fed is not None and fed.terms[0].case_sensitive is True


def test_current_tbx_in_dct_style_reads_data_category_elements() -> None:
    found = terms(DATA / "current-dct.tbx", "ecb")
    assert found == {
        ("de", "Europäische Zentralbank"): Status.PREFERRED,
        ("de", "Europäische Zentral-Bank"): Status.DEPRECATED,
    }


def test_legacy_martif_reads_tig_ntig_and_superseded_terms() -> None:
    assert terms(DATA / "legacy.tbx", "kinu") == {
        ("en", "Korea Institute for National Unification"): Status.PREFERRED,
        ("en", "KINU"): Status.ADMITTED,
        ("fr", "Institut coréen pour la réunification nationale"): Status.PREFERRED,
    }
    assert terms(DATA / "legacy.tbx", "afp") == {("en", "French Press Agency"): Status.DEPRECATED}


def test_csv_reads_quoted_fields_keeps_extra_columns_as_notes() -> None:
    glossary = read_glossary(DATA / "terms.csv")
    imf = glossary.concept("imf")
    assert imf is not None
    found = {t.text: t for t in imf.terms}
    assert found["International Monetary Found"].status is Status.DEPRECATED
    assert dict(found["International Monetary Found"].notes) == {
        "note": 'MT misreading of "Fund"',
        "owner": "desk-economy",
    }
    assert found["Internationaler Währungsfonds"].lang == "de"
    who = glossary.concept("who")
    assert who is not None
    assert {t.text: t.status for t in who.terms}["WHO"] is Status.ADMITTED  # empty status


def test_tsv_reads_tab_separated_rows_and_case_column() -> None:
    glossary = read_glossary(DATA / "terms.tsv")
    spain = glossary.concept("bank-of-spain")
    assert spain is not None
    found = {t.text: t for t in spain.terms}
    assert found["Banco de España"].status is Status.PREFERRED
    assert found["BoS"].case_sensitive is True
    assert found["Bank of Spain"].case_sensitive is None
    assert found["Bank of Spain"].part_of_speech == "properNoun"
    assert glossary.concept("ine") is not None


@pytest.mark.parametrize("name", ["external-entity.tbx", "billion-laughs.tbx"])
def test_hostile_xml_is_refused_quickly_with_the_file_named(name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_glossary(DATA / name)
    assert time.perf_counter() - started < 1.0
    message = str(caught.value)
    assert message.startswith(str(DATA / name))
    assert "unsafe XML" in message
    assert "root:" not in message  # nothing of /etc/passwd came through


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("malformed.tbx", 12, "malformed XML"),
        ("bad-status.tbx", 9, "favouriteTerm-admn-sts"),
        ("bad-status.csv", 3, "unknown status 'sometimes'"),
        ("no-header.csv", 1, "header lacks column(s) concept, lang, term, status"),
        ("short-row.tsv", 3, "row has 3 fields, the header has 4"),
    ],
)
def test_malformed_glossary_is_one_error_naming_file_and_line(
    name: str, line: int, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_glossary(DATA / name)
    error = caught.value
    assert error.path == str(DATA / name)
    assert error.line == line
    assert words in error.problem
    assert "\n" not in str(error)


def test_glossary_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("concept,lang,term,status\nbde,es,Banco de Espa\xf1a,preferred\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    assert caught.value.line == 2
    assert "UTF-8" in caught.value.problem


def test_missing_glossary_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_glossary(tmp_path / "nowhere.tbx")


def test_malformed_glossary_on_the_command_line_exits_2_with_one_line(cli) -> None:
    story = Path("story.txt")
    story.write_text("The European Central Bank kept rates on hold.\n", encoding="utf-8")
    result = cli("check", str(story), "--glossary", str(DATA / "malformed.tbx"), "--isolated")
    assert result.code == 2
    assert result.err.strip().count("\n") == 0
    assert f"{DATA / 'malformed.tbx'}:12:" in result.err
    assert "Traceback" not in result.err


def test_glossaries_merge_by_concept_and_later_files_change_statuses() -> None:
    merged = merge_glossaries([DATA / "user-override.csv"], default=True)
    afp = merged.concept("afp")
    assert afp is not None
    statuses = {(t.lang, t.text): t.status for t in afp.terms}
    assert statuses[("en", "Agence France-Presse")] is Status.PREFERRED  # from the default
    assert statuses[("en", "France-Presse")] is Status.DEPRECATED  # admitted there, overridden
    assert statuses[("en", "AFP news agency")] is Status.ADMITTED  # added
    assert len(merged) == len(merge_glossaries([], default=True))  # no new concept
    assert [Path(p).name for p, _ in merged.sources] == ["institutions.tbx", "user-override.csv"]


def test_index_is_cached_and_rebuilt_when_a_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("concept,lang,term,status\nx,en,Office of Things,preferred\n", encoding="utf-8")
    settings = Settings(glossaries=(str(path),), default_glossary=False)
    first = load_index(settings)
    assert load_index(Settings(glossaries=(str(path),), default_glossary=False)) is first
    path.write_text(
        "concept,lang,term,status\nx,en,Office of Many Things,preferred\n", encoding="utf-8"
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = load_index(settings)
    assert second is not first
    assert second.glossary.concept("x").terms[0].text == "Office of Many Things"


# -- the bundled glossary ------------------------------------------------------------------

REQUIRED = [
    "Agence France-Presse", "Associated Press", "Reuters", "EFE", "Deutsche Presse-Agentur",
    "Korea Institute for National Unification", "Korea Institute for Defense Analyses",
    "National Intelligence Service", "European Central Bank", "European Commission",
    "European Council", "Council of the European Union", "European Parliament",
    "European Union", "United Nations", "UN Security Council", "UN General Assembly",
    "World Health Organization", "International Monetary Fund", "World Bank", "NATO",
    "International Atomic Energy Agency", "UNHCR", "UN Environment Programme",
    "World Food Programme", "Bank of Spain", "Bundesbank", "Federal Reserve",
    "Bank of England", "Banque de France", "International Criminal Court",
    "International Committee of the Red Cross", "UNICEF",
    "Organisation for Economic Co-operation and Development", "World Trade Organization",
]


def test_default_glossary_names_the_institutions_wire_copy_needs() -> None:
    glossary = read_glossary(default_glossary_path())
    assert default_glossary_path().suffix == ".tbx"
    assert len(glossary) >= 60
    preferred_en = {c.preferred("en").text for c in glossary if c.preferred("en")}
    missing = [name for name in REQUIRED if name not in preferred_en]
    assert not missing


def test_default_glossary_has_a_preferred_term_in_four_languages_per_concept() -> None:
    glossary = read_glossary(default_glossary_path())
    for concept in glossary:
        for lang in ("en", "fr", "es", "de"):
            preferred = [t for t in concept.terms_in(lang) if t.status is Status.PREFERRED]
            assert len(preferred) == 1, (concept.id, lang)


def test_default_glossary_lists_known_wrong_forms_as_deprecated() -> None:
    afp = read_glossary(default_glossary_path()).concept("afp")
    assert afp is not None
    deprecated = {t.text for t in afp.terms_in("en") if t.status is Status.DEPRECATED}
    assert "France-Presse Agency" in deprecated
