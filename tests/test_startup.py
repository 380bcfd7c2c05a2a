"""What a run pays before and around checking: the parser imports only the command run,
the feed's names are counted in a helper process, line helpers are shared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import COMMANDS, SUMMARIES, build_parser, chosen_command
from checker.rules.boilerplate import stripped_lines
from checker.rules.length import _length


def test_the_check_command_imports_no_other_command() -> None:
    code = (
        "import sys\n"
        "from checker.cli import build_parser\n"
        "build_parser(['check', 'x.txt']).parse_args(['check', 'x.txt'])\n"
        "loaded = [m for m in ('checker.cli.report', 'checker.cli.review', 'checker.cli.rules',\n"
        "          'checker.report', 'jinja2', 'checker.review_session') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "assert 'checker.cli.check' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_help_lists_every_command_with_its_summary(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for name in COMMANDS:
        assert name in result.out and SUMMARIES[name][:30] in result.out


def test_the_full_parser_and_the_lazy_one_parse_alike() -> None:
    argv = ["check", "a.txt", "--lang", "fr", "--jobs", "1", "--select", "WC2"]
    full = build_parser().parse_args(argv)
    lazy = build_parser(argv).parse_args(argv)
    assert vars(full) == vars(lazy)


@pytest.mark.parametrize(
    ("argv", "command"),
    [(["check", "x"], "check"), (["rules"], "rules"), (["--help"], None), ([], None),
     (["chek", "x"], None), (["--version", "check"], None)],
)
def test_chosen_command(argv: list[str], command: str | None) -> None:
    assert chosen_command(argv) == command


def test_an_unknown_command_is_a_usage_error(cli) -> None:
    result = cli("chek", "x.txt")
    assert result.code == 2 and "invalid choice" in result.err


def test_a_feed_gives_the_same_output_with_the_names_counted_aside(cli, tmp_path: Path) -> None:
    """WC119 needs the feed's spellings; they are counted before any story is checked,
    so --jobs 1 and --jobs 2 give the same result."""
    feed = tmp_path / "feed"
    feed.mkdir()
    for number, name in enumerate(["Volodymyr Zelensky", "Volodymyr Zelenskyy",
                                   "Volodymyr Zelensky"]):
        (feed / f"s{number}.txt").write_text(
            f"KYIV - {name} met the ministers on Monday, his office said.\n\n"
            f"{name} said the talks would go on next week.\n", encoding="utf-8")
    outputs = [cli("check", str(feed), "--lang", "en", "--format", "json", "--jobs", jobs,
                   "--exit-zero").out for jobs in ("1", "2")]
    assert outputs[0] == outputs[1]
    single = cli("check", str(feed / "s1.txt"), "--lang", "en", "--format", "json",
                 "--exit-zero").out
    codes = [f["rule"] for s in json.loads(outputs[0])["stories"] for f in s["findings"]]
    assert json.loads(single)["stories"][0]["id"] == "s1"
    assert "WC119" in codes


def test_stripped_lines_are_shared_and_immutable() -> None:
    text = "  Title \n\n\tbody line\n   \nlast"
    lines = stripped_lines(text)
    assert lines == ((2, 7), (11, 20), (25, 29))
    assert stripped_lines(text) is lines
    assert isinstance(lines, tuple)


def test_length_counts_what_is_not_white_space() -> None:
    text = "a b\u00a0c\u2003d\te\nf\u200bg\x1ch\u3000i"
    assert _length(text) == sum(1 for ch in text if not ch.isspace())


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_output_is_json_dumps_of_the_whole_document(count: int) -> None:
    """Stories are encoded as they come; the document is what one json.dumps writes."""
    import io

    from checker.config import Settings
    from checker.engine import Checker, CorpusScores
    from checker.model import StoryInput
    from checker.output import OutputOptions
    from checker.output.json import JsonFormatter
    from checker.serialize import FORMAT_VERSION, Summary, story_dict

    checker = Checker(Settings(lang="en"))
    results = [
        checker.check(StoryInput(f"s{n}", f"Prices rose {n + 2} percent, “the minister said.",
                                 f"s{n}.txt", ref=f"Prices rose {n + 2}% said the minister.",
                                 lang="en"))
        for n in range(count)
    ]
    stream = io.StringIO()
    formatter = JsonFormatter(stream, OutputOptions(color=False, fail_on="error",
                                                    statistics=False, quiet=False))
    summary, corpus = Summary(), CorpusScores()
    for result in results:
        formatter.story(result)
        summary.add(result)
        corpus.add(result)
    scores, signature = corpus.scores(checker), checker.signature()
    formatter.finish(summary, scores, signature)
    document = {"version": FORMAT_VERSION, "stories": [story_dict(r) for r in results],
                "summary": summary.as_dict(scores, signature)}
    assert stream.getvalue() == json.dumps(document, ensure_ascii=False) + "\n"


def test_a_text_check_imports_no_xml_reader_nor_other_output_format(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Prices rose 3 percent on Monday, the minister said.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from checker.cli import main\n"
        f"main(['check', {str(story)!r}, '--lang', 'en', '--format', 'json', '-o',\n"
        f"      {str(tmp_path / 'out.json')!r}, '--exit-zero', '--review-file', '-'])\n"
        "loaded = [m for m in ('checker.reading.nitf', 'checker.reading.newsml',\n"
        "          'checker.reading.xliff', 'checker.output.sarif', 'checker.output.junit',\n"
        "          'checker.output.github') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_program_exits_with_the_status_after_its_exit_handlers_and_output() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(print, 'exit handler ran')\n"
        "sys.argv = ['wirecheck', 'rules', '--format', 'json']\n"
        "from checker.cli import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.endswith("exit handler ran\n")
    assert json.loads(done.stdout.removesuffix("exit handler ran\n"))
    failing = subprocess.run([sys.executable, "-m", "checker", "check", "no-such-story.txt"],
                             capture_output=True, text=True)
    assert failing.returncode == 2 and "no-such-story.txt" in failing.stderr
