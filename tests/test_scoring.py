"""Scores equal what the sacrebleu command line prints for the same aligned units."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.config import Settings
from checker.engine import Checker
from checker.model import StoryInput
from checker.scoring import Scorer, tokenizer_for
from checker.text import squeeze

MT = """SEOUL (AFP) - North Korea has sent about 1,500 special forces soldiers to Russia, the spy agency said on Friday.

They are being trained at bases in the Russian Far East.

Analysts say the deployment confirms the alliance signed in June by Kim Jong-un and Vladimir Putin.

Related News :
"""
REF = """SEOUL (AFP) - About 1,500 North Korean special forces troops are already in Russia, Seoul's spy agency said Friday.

They are training at bases in Russia's Far East and are expected to be sent to the front soon.

The deployment shows that the June defence pact between Kim Jong-un and Vladimir Putin is solid, analysts say.
"""


def sacrebleu_cli(hyps: list[str], refs: list[str], tmp: Path, tokenize: str) -> list[float]:
    (tmp / "hyp.txt").write_text("\n".join(hyps) + "\n", encoding="utf-8")
    (tmp / "ref.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sacrebleu",
            str(tmp / "ref.txt"),
            "-i",
            str(tmp / "hyp.txt"),
            "-m",
            "bleu",
            "chrf",
            "-tok",
            tokenize,
            "-w",
            "4",
            "-b",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def test_story_corpus_scores_equal_the_sacrebleu_command_line(tmp_path: Path) -> None:
    result = Checker(Settings()).check(StoryInput("s", MT, "s.txt", ref=REF, lang="en"))
    scored = [u for u in result.units if u.chrf is not None]
    assert len(scored) == 3
    bleu, chrf = sacrebleu_cli(
        [squeeze(u.mt) for u in scored], [squeeze(u.ref) for u in scored], tmp_path, "13a"
    )
    assert result.scores.bleu == bleu
    assert result.scores.chrf == chrf
    assert result.scores.signature["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")


def test_run_scores_combine_stories_like_one_corpus(tmp_path: Path) -> None:
    checker = Checker(Settings())
    stories = [
        StoryInput("a", MT, "a.txt", ref=REF, lang="en"),
        StoryInput(
            "b",
            "The bank raised rates.\n\nInflation slowed.",
            "b.txt",
            ref="The central bank raised its rates.\n\nInflation slowed in May.",
            lang="en",
        ),
    ]
    run = checker.run(stories)
    units = [u for s in run.stories for u in s.units if u.chrf is not None]
    bleu, chrf = sacrebleu_cli(
        [squeeze(u.mt) for u in units], [squeeze(u.ref) for u in units], tmp_path, "13a"
    )
    assert (run.scores.bleu, run.scores.chrf, run.scores.units) == (bleu, chrf, len(units))


def test_sentence_scores_match_sacrebleu_sentence_api() -> None:
    from sacrebleu.metrics import BLEU, CHRF

    hyp, ref = "The bank raised its rate.", "The central bank raised its key rate."
    score = Scorer("en").unit(hyp, ref)
    assert score.bleu == round(BLEU(effective_order=True).sentence_score(hyp, [ref]).score, 4)
    assert score.chrf == round(CHRF().sentence_score(hyp, [ref]).score, 4)
    assert score.ter is None
    assert Scorer("en", ter=True).unit(hyp, ref).ter is not None


def test_tokenizer_follows_the_language() -> None:
    assert tokenizer_for("en") == "13a"
    assert tokenizer_for("zh") == "zh"
    assert tokenizer_for("ja") in ("ja-mecab", "char")
    assert tokenizer_for("ko") in ("ko-mecab", "char")


def test_units_without_reference_text_are_not_scored() -> None:
    result = Checker(Settings()).check(StoryInput("s", MT, "s.txt", ref=REF, lang="en"))
    (chrome,) = [u for u in result.units if u.mt == "Related News :"]
    assert chrome.ref == "" and chrome.chrf is None and chrome.bleu is None


def test_omitted_reference_text_counts_as_an_empty_hypothesis(tmp_path: Path) -> None:
    """The story score equals sacrebleu's on the gold lines, the omitted one left empty."""
    ref_lines = [
        "The central bank raised its key rate to 4.5 percent on Thursday.",
        "It was the third increase this year, the bank said in a statement.",
        "Inflation reached 6.1 percent in May, the highest level since 1992.",
        "Economists expect one more increase before the end of the summer.",
    ]
    mt_lines = [
        "The central bank raised its main rate to 4.5 percent on Thursday.",
        "It was the third rise this year, the bank said in a statement.",
        "Economists expect another increase before the end of summer.",
    ]
    result = Checker(Settings(select=("WC9",))).check(StoryInput(
        "s", "\n\n".join(mt_lines), "s.txt", ref="\n\n".join(ref_lines), lang="en"))
    (omitted,) = [u for u in result.units if not u.mt]
    assert omitted.ref == ref_lines[2] and omitted.chrf == 0.0
    hyps = [*mt_lines[:2], "", mt_lines[2]]
    bleu, chrf = sacrebleu_cli(hyps, ref_lines, tmp_path, "13a")
    assert (result.scores.bleu, result.scores.chrf, result.scores.units) == (bleu, chrf, 4)
    complete = Checker(Settings(select=("WC9",))).check(StoryInput(
        "s", "\n\n".join([*mt_lines[:2], ref_lines[2], mt_lines[2]]), "s.txt",
        ref="\n\n".join(ref_lines), lang="en"))
    assert complete.scores.chrf > result.scores.chrf


def test_an_empty_translation_ranks_below_every_other_story() -> None:
    checker = Checker(Settings())
    empty = checker.check(StoryInput("e", "", "e.txt", ref=REF, lang="en"))
    garbled = checker.check(StoryInput("g", "Lorem ipsum dolor.", "g.txt", ref=REF, lang="en"))
    good = checker.check(StoryInput("s", MT, "s.txt", ref=REF, lang="en"))
    assert empty.triage == 0.0
    assert good.triage is not None and garbled.triage is not None
    assert good.triage > garbled.triage > empty.triage


def test_the_story_figure_is_in_the_json_story() -> None:
    from checker.serialize import story_dict

    result = Checker(Settings()).check(StoryInput("s", MT, "s.txt", ref=REF, lang="en"))
    entry = story_dict(result)
    assert entry["triage"] == result.triage
    assert 0 < entry["triage"] <= result.scores.chrf


def test_unit_statistics_are_sacrebleus_for_every_tokenizer() -> None:
    from sacrebleu.metrics import BLEU, CHRF

    pairs = [
        ("北京时间3月1日，新华社记者报道。", "新华社北京3月1日电（记者）报道。"),
        ("ข่าว วันนี้ ฝนตก", "ข่าววันนี้ฝนตกหนัก"),
        ("Le « projet » a coûté 1,2 milliard d'euros.", "Le projet a coûté 1,2 milliard."),
        ("", "Reference only."),
        ("...", "!!"),
    ]
    for lang in ("en", "zh", "th", "fr"):
        scorer = Scorer(lang)
        bleu = BLEU(tokenize=scorer.tokenize)
        for hyp, ref in pairs:
            stats = scorer.unit(hyp, ref).stats
            assert stats["bleu"] == bleu._extract_corpus_statistics([hyp], [[ref]])[0]
            assert stats["chrf"] == CHRF()._extract_corpus_statistics([hyp], [[ref]])[0]
            assert scorer.unit(hyp, ref).chrf == round(CHRF().sentence_score(hyp, [ref]).score, 4)
