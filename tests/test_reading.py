"""Reading stories: encodings, line ends, JSON Lines feeds, pairing by file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputError
from checker.reading import read_feed


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    story = write(
        tmp_path / "a.txt", b"\xef\xbb\xbfSEOUL (AFP) -\r\n\r\nKim Jong-un met Putin.\r\n"
    )
    (read,) = read_feed(story)
    assert read.mt == "SEOUL (AFP) -\n\nKim Jong-un met Putin.\n"
    assert read.id == "a"


def test_decomposed_accents_become_nfc(tmp_path: Path) -> None:
    story = write(tmp_path / "a.txt", "Se\u0301oul")
    (read,) = read_feed(story)
    assert read.mt == "Séoul"


def test_invalid_utf8_names_file_and_line(tmp_path: Path) -> None:
    story = write(tmp_path / "latin1.txt", "Première ligne\nDeuxième année".encode("latin-1"))
    with pytest.raises(InputError) as info:
        list(read_feed(story))
    assert str(info.value).startswith(f"{story}:1: not valid UTF-8")


def test_folders_pair_by_name_and_flag_what_is_missing(tmp_path: Path) -> None:
    write(tmp_path / "mt" / "one.txt", "The minister resigned on Monday.")
    write(tmp_path / "mt" / "two.txt", "Prices rose sharply in March.")
    write(tmp_path / "ref" / "one.txt", "The minister stepped down on Monday.")
    write(tmp_path / "src" / "two.txt", "Les prix ont fortement augmenté en mars.")
    one, two = read_feed(tmp_path / "mt", tmp_path / "ref", tmp_path / "src")
    assert (one.id, one.ref, one.src) == ("one", "The minister stepped down on Monday.", None)
    assert (two.ref, two.src) == (None, "Les prix ont fortement augmenté en mars.")
    assert one.expects_ref and one.expects_src


def test_jsonl_feed_with_inline_reference(tmp_path: Path) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        '{"id": "s1", "text": "Rain fell.", "lang": "en", "ref": "It rained."}\n'
        "\n"
        '{"id": 2, "text": "Snow fell.", "src": "Il a neigé.", "src_lang": "fr"}\n',
    )
    first, second = read_feed(feed)
    assert (first.id, first.mt, first.ref, first.lang, first.mt_line) == (
        "s1",
        "Rain fell.",
        "It rained.",
        "en",
        1,
    )
    assert (second.id, second.src, second.src_lang, second.mt_line) == ("2", "Il a neigé.", "fr", 3)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "x", "text": "ok"', "malformed JSON"),
        ('["id", "text"]', "each line must be a JSON object"),
        ('{"text": "no id"}', "story has no 'id' field"),
        ('{"id": "x", "text": 5}', "field 'text' must be a string"),
    ],
)
def test_bad_jsonl_lines_name_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    feed = write(tmp_path / "feed.jsonl", '{"id": "ok", "text": "Fine."}\n' + line + "\n")
    with pytest.raises(InputError) as info:
        list(read_feed(feed))
    assert str(info.value).startswith(f"{feed}:2: {problem}")


def test_duplicate_ids_in_a_feed_are_refused(tmp_path: Path) -> None:
    feed = write(tmp_path / "f.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n')
    with pytest.raises(InputError, match="duplicate story id 'a'"):
        list(read_feed(feed))


def test_two_reference_files_for_one_story_are_refused_not_guessed(tmp_path: Path) -> None:
    write(tmp_path / "mt" / "one.txt", "The minister resigned on Monday.")
    write(tmp_path / "mt" / "two.txt", "Prices rose sharply in March.")
    write(tmp_path / "ref" / "one.txt", "The minister stepped down on Monday.")
    write(tmp_path / "ref" / "one.md", "The minister quit on Monday.")
    write(tmp_path / "ref" / "two.txt", "Prices climbed steeply in March.")
    stories = read_feed(tmp_path / "mt", tmp_path / "ref")
    with pytest.raises(InputError, match=r"two reference files for story 'one' "
                                         r"\(one\.md and one\.txt\); keep one"):
        next(stories)
    # The other stories of the folder still pair as before.
    (two,) = read_feed(tmp_path / "mt" / "two.txt", tmp_path / "ref")
    assert two.ref == "Prices climbed steeply in March."


def test_missing_mt_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_feed(tmp_path / "nope"))


def test_reviewed_copies_and_hidden_files_are_not_stories(tmp_path: Path) -> None:
    write(tmp_path / "mt" / "a.txt", "One.")
    write(tmp_path / "mt" / "a.reviewed.txt", "One, corrected.")
    write(tmp_path / "mt" / ".a.txt.tmp", "partial")
    assert [s.id for s in read_feed(tmp_path / "mt")] == ["a"]
