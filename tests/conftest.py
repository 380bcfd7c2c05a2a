"""Shared helpers: the bundled feed, a CLI runner and a one-call story checker."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main
from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput, StoryResult

ROOT = Path(__file__).resolve().parent.parent
FEED = ROOT / "fixtures" / "feed"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the same environment locally and in CI: ``CI`` changes what
    ``check`` does with a review file found beside the feed and whether progress shows,
    so tests that need it set it themselves."""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run ``wirecheck ARGS`` in-process from an empty folder (no config file found)."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> CliResult:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def check(mt: str, lang: str = "en", select: tuple[str, ...] = ("ALL",), **kwargs) -> StoryResult:
    """Check one story given as strings; ``kwargs`` go to :class:`StoryInput`."""
    settings = Settings(select=select, default_glossary=kwargs.pop("default_glossary", True))
    return Checker(settings).check(StoryInput(id="t", mt=mt, mt_path="t.txt", lang=lang, **kwargs))


def codes(result: StoryResult) -> list[str]:
    return [f.rule for f in result.findings]
