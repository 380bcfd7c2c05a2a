"""A hostile review file: its paths are data, never a licence to read, write or delete."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import checker.review_session as review_module
from checker.errors import InputError
from checker.model import StoryInput
from checker.reading import read_feed
from checker.review import (
    Action,
    Decision,
    ReviewFile,
    file_part,
    reviewed_path,
    text_hash,
)
from checker.review_session import ReviewSession

MT = "ROME - Police arrested 14 people on Sunday.\n\nThe match was stopped.\n"
SECRET = "root:x:0:0:secret victim text\n"


@pytest.fixture
def feed(tmp_path: Path) -> tuple[Path, StoryInput]:
    mt = tmp_path / "feed" / "mt"
    mt.mkdir(parents=True)
    (mt / "rome.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "feed" / "victim.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "outside.txt").write_text(SECRET, encoding="utf-8")
    return mt, next(read_feed(mt))


def _write_review(path: Path, story: StoryInput, reviewed: object, **extra: object) -> None:
    entry = {"mt_sha256": text_hash(story.mt), "reviewed_path": reviewed,
             "decisions": [{"action": "edit", "rule": None, "text": "ROME",
                            "replacement": "Rome"}], **extra}
    path.write_text(json.dumps({"version": 1, "stories": {story.id: entry}}), encoding="utf-8")


def _hostile_paths(mt: Path) -> list[str]:
    root = mt.parent.parent
    return ["mt/rome.txt", "../victim.txt", "victim.txt", str(root / "outside.txt"),
            "../../outside.txt", "mt/../victim.txt", "/etc/hostname"]


def test_a_review_file_cannot_make_a_story_show_another_file(feed) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    for claimed in _hostile_paths(mt):
        _write_review(review, story, claimed,
                      reviewed_sha256=text_hash(SECRET))
        state = ReviewSession.open(review).add(story)
        assert SECRET not in state.text, claimed
        assert state.text == MT.replace("ROME", "Rome")  # decisions replayed instead
        assert any("not this story's corrected copy" in n for n in state.notes)


def test_a_review_file_cannot_make_a_save_delete_or_overwrite_anything(feed) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    before = {p: p.read_bytes() for p in mt.parent.parent.rglob("*.txt")}
    for claimed in _hostile_paths(mt)[:-1]:
        _write_review(review, story, claimed, reviewed_sha256=text_hash(SECRET))
        session = ReviewSession.open(review)
        state = session.add(story)
        state.undo() if state.can_undo else None
        state.decisions = [Decision(Action.DISMISS, "WC401", "Sunday")]  # no text change
        state.text = story.mt
        session.save()
        state.edit(0, 4, "Rome")  # a text change: writes the story's own copy only
        session.save()
        for path, data in before.items():
            assert path.read_bytes() == data, (claimed, path)
        assert reviewed_path(story).read_text(encoding="utf-8").startswith("Rome")
        reviewed_path(story).unlink()


def test_a_symlink_at_the_corrected_copy_is_neither_read_nor_replaced(feed) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    link = reviewed_path(story)
    link.symlink_to(mt.parent.parent / "outside.txt")
    _write_review(review, story, "mt/rome.reviewed.txt", reviewed_sha256=text_hash(SECRET))
    session = ReviewSession.open(review)
    state = session.add(story)
    assert SECRET not in state.text
    state.edit(0, 4, "Roma")
    with pytest.raises(InputError, match="not a corrected copy written by wirecheck"):
        session.save()
    assert link.is_symlink() and (mt.parent.parent / "outside.txt").read_text() == SECRET
    assert json.loads(review.read_text())["stories"][story.id]["reviewed_sha256"] == text_hash(
        SECRET)  # nothing was saved


def test_a_file_wirecheck_did_not_write_is_never_replaced_or_removed(feed) -> None:
    mt, story = feed
    mine = reviewed_path(story)
    mine.write_text("the editor's own notes\n", encoding="utf-8")
    review = mt.parent / "mt.reviewed.json"
    _write_review(review, story, "mt/rome.reviewed.txt")  # no hash: not provably ours
    session = ReviewSession.open(review)
    state = session.add(story)
    state.edit(0, 4, "Rome")
    with pytest.raises(InputError):
        session.save()
    state.decisions, state.text = [], story.mt  # back to the original: would remove it
    session.save()
    assert mine.read_text(encoding="utf-8") == "the editor's own notes\n"


def test_a_copy_changed_on_disk_after_the_save_is_not_trusted(feed) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    session = ReviewSession.open(review)
    session.add(story).edit(0, 4, "Rome")
    session.save()
    reviewed_path(story).write_text(SECRET, encoding="utf-8")
    again = ReviewSession.open(review).add(story)
    assert again.text == MT.replace("ROME", "Rome") and again.notes


@pytest.mark.parametrize(
    "entry, problem",
    [
        ({"reviewed_path": 5}, "'reviewed_path' must be a string"),
        ({"reviewed_path": ["a"]}, "'reviewed_path' must be a string"),
        ({"mt_sha256": {"a": 1}}, "'mt_sha256' must be a string"),
        ({"decisions": [{"action": "dismiss", "rule": "WC1", "text": "\ud800"}]},
         "lone surrogate"),
        ({"decisions": [{"action": "dismiss", "rule": 7, "text": "x"}]}, "a decision needs"),
    ],
)
def test_every_field_of_a_review_file_is_type_checked(tmp_path: Path, entry, problem) -> None:
    path = tmp_path / "r.reviewed.json"
    path.write_text(json.dumps({"version": 1, "stories": {"s": entry}}), encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        ReviewFile.load(path)


def test_a_deeply_nested_review_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "r.reviewed.json"
    path.write_text('{"version": 1, "stories": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with pytest.raises(InputError, match="nested too deeply"):
        ReviewFile.load(path)


HOSTILE_IDS = ["AFP/2024/001", "AFP_2024_001", "AFP 2024 001", "AFP%2F2024%2F001", "", ".",
               "..", "/", "//", "a.b", "a%2Eb", "x" * 300, "x" * 299 + "y", "\n", "é", "e\u0301"]


def test_corrected_copy_names_are_injective_and_stay_in_the_folder(tmp_path: Path) -> None:
    names = set()
    for story_id in HOSTILE_IDS:
        path = reviewed_path(StoryInput(story_id, "x", str(tmp_path / "wire.jsonl")))
        assert path.parent == tmp_path and not path.name.startswith(".")
        assert "/" not in path.name and len(path.name.encode()) < 255
        names.add(path.name)
    assert len(names) == len(HOSTILE_IDS)
    # A plain-text story and a feed story never share a name either.
    plain = reviewed_path(StoryInput("wire.a", "x", str(tmp_path / "wire.a.txt")))
    feed = reviewed_path(StoryInput("a", "x", str(tmp_path / "wire.jsonl")))
    assert plain != feed
    assert file_part("") == "%" and "." not in file_part("..")


def test_stories_whose_ids_used_to_collide_keep_their_own_copies(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    ids = HOSTILE_IDS[:9]
    feed.write_text("".join(json.dumps({"id": i, "text": f"Story {n} text.\n"}) + "\n"
                            for n, i in enumerate(ids)), encoding="utf-8")
    review = tmp_path / "wire.reviewed.json"
    session = ReviewSession.open(review)
    for story in read_feed(feed):
        session.add(story).edit(0, 5, "Tale")
    written = session.save()
    assert len(written) == len(ids) + 1 == len(set(written))
    assert all(p.parent == tmp_path for p in written)
    again = ReviewSession.open(review)
    for n, story in enumerate(read_feed(feed)):
        assert again.add(story).text == f"Tale {n} text.\n"


def test_duplicate_ids_in_one_review_are_refused(tmp_path: Path) -> None:
    session = ReviewSession.open(tmp_path / "r.reviewed.json")
    session.add(StoryInput("a", "x", str(tmp_path / "a.txt")))
    with pytest.raises(InputError, match="ids must be unique"):
        session.add(StoryInput("a", "y", str(tmp_path / "a.md")))


def test_saved_files_get_ordinary_permissions(feed) -> None:
    mt, story = feed
    old = os.umask(0o022)
    try:
        session = ReviewSession.open(mt.parent / "mt.reviewed.json")
        session.add(story).edit(0, 4, "Rome")
        for path in session.save():
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    finally:
        os.umask(old)


def test_a_failed_save_changes_nothing(feed, monkeypatch) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    other = StoryInput("other", "Other text.\n", str(mt / "other.txt"))
    session = ReviewSession.open(review)
    session.add(story).edit(0, 4, "Rome")
    session.add(other).edit(0, 5, "Thing")
    real = review_module.stage_text
    calls = []

    def failing(path, text):
        calls.append(path)
        if len(calls) == 2:
            raise InputError(str(path), "cannot write: No space left on device")
        return real(path, text)

    monkeypatch.setattr(review_module, "stage_text", failing)
    with pytest.raises(InputError, match="No space"):
        session.save()
    assert not review.exists() and not reviewed_path(story).exists()
    assert sorted(p.name for p in mt.iterdir()) == ["rome.txt"]  # no temporary file left
    assert session.dirty


def test_check_reports_a_hostile_review_file_beside_the_feed_in_one_line(cli, feed) -> None:
    mt, story = feed
    review = mt.parent / "mt.reviewed.json"
    review.write_text(json.dumps({"version": 1, "stories": {
        story.id: {"reviewed_path": {"$ne": 1}, "decisions": []}}}), encoding="utf-8")
    result = cli("check", str(mt), "--no-default-glossary", "--isolated")
    assert result.code == 2 and "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if "error:" in line]
    assert len(errors) == 1 and "mt.reviewed.json" in errors[0] and "reviewed_path" in errors[0]
    review.write_text('{"version": 1, "stories": ' + "[" * 100_000)
    result = cli("check", str(mt), "--no-default-glossary", "--isolated")
    assert result.code == 2 and "Traceback" not in result.err
    assert "mt.reviewed.json" in result.err.splitlines()[-1]
