"""The story figure triage orders by (checker.scoring.story_figure), as README documents."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from sacrebleu.metrics import CHRF

from checker.config import Settings
from checker.engine import Checker
from checker.fastscore import chrf_stats
from checker.model import Scores, Severity, StoryInput, Unit
from checker.scoring import Scorer, figure_base, story_figure
from tests.conftest import ROOT

REF = [
    "The central bank raised its key rate to 4.5 percent on Thursday.",
    "It was the third increase this year, the bank said in a statement.",
    "Inflation reached 6.1 percent in May, the highest level since 1992.",
    "Economists expect one more increase before the end of the summer.",
]
MT = [
    "The central bank raised its main rate to 4.5 percent on Thursday.",
    "It was the third rise this year, the bank said in a statement.",
    "Inflation hit 6.1 percent in May, the highest since 1992.",
    "Economists expect another increase before the end of summer.",
]


@dataclass
class F:
    severity: Severity
    rule: str = "WC999"
    unit: int | None = None


def story(pairs: list[tuple[str, str]]) -> tuple[Scores, list[Unit]]:
    """Scores and units as the engine builds them; an empty MT is an omitted unit."""
    scorer = Scorer("en")
    units, stats = [], []
    for index, (mt, ref) in enumerate(pairs):
        chrf = None
        if ref:
            score = scorer.unit(mt, ref)
            stats.append(score.stats)
            chrf = score.chrf
        units.append(Unit(index, 0 if mt else None, len(mt) if mt else None,
                          0 if ref else None, len(ref) if ref else None, None, None,
                          mt, ref, "", chrf=chrf))
    return scorer.corpus(stats), units


def test_without_omissions_the_base_is_the_story_chrf() -> None:
    scores, units = story(list(zip(MT, REF, strict=True)))
    assert scores.chrf is not None
    assert figure_base(scores, units) == scores.chrf
    assert story_figure(scores, [], has_text=True, units=units) == scores.chrf


def test_a_reference_split_by_the_aligner_scores_as_its_gold_line() -> None:
    """One MT sentence translating two reference sentences, aligned 1:1 plus an omitted
    unit, gets the chrF of the gold line, not a second penalty for the same text."""
    joined = f"{MT[2]} {MT[3]}"
    scores, units = story([(MT[0], REF[0]), (joined, REF[2]), ("", REF[3])])
    gold = CHRF().corpus_score([MT[0], joined], [[REF[0], f"{REF[2]} {REF[3]}"]]).score
    assert scores.chrf is not None and scores.chrf < gold
    assert figure_base(scores, units) == gold


def test_an_mt_with_an_omission_ranks_below_the_same_mt_without() -> None:
    whole = story(list(zip(MT, REF, strict=True)))
    dropped = story([(MT[0], REF[0]), (MT[1], REF[1]), ("", REF[2]), (MT[3], REF[3])])
    assert story_figure(*dropped[:1], [], True, dropped[1]) < story_figure(
        whole[0], [], True, whole[1]) - 10
    # The same through the checker, from the texts.
    checker = Checker(Settings(select=("WC9",)))
    full = checker.check(StoryInput("a", "\n\n".join(MT), "a.txt", ref="\n\n".join(REF),
                                    lang="en"))
    short = checker.check(StoryInput("b", "\n\n".join(MT[:2] + MT[3:]), "b.txt",
                                     ref="\n\n".join(REF), lang="en"))
    assert full.triage is not None and short.triage is not None
    assert short.triage < full.triage


def test_findings_cost_by_severity_and_by_the_share_of_the_story() -> None:
    scores, units = story(list(zip(MT, REF, strict=True)))
    base = story_figure(scores, [], True, units)
    warned = story_figure(scores, [F(Severity.WARNING)], True, units)
    erred = story_figure(scores, [F(Severity.ERROR)], True, units)
    assert base > warned > erred
    assert story_figure(scores, [F(Severity.INFO)], True, units) == base
    # The same error weighs more in a story a quarter as long.
    s1, u1 = story([(MT[0], REF[0])])
    assert s1.chrf is not None
    assert s1.chrf - story_figure(s1, [F(Severity.ERROR)], True, u1) > 3 * (base - erred)
    # Never more than half the base, and always within 0..100.
    assert story_figure(scores, [F(Severity.ERROR)] * 500, True, units) == round(base / 2, 4)
    assert 0 < story_figure(s1, [F(Severity.ERROR)] * 500, True, u1) <= 100


def test_an_omission_the_base_counts_takes_no_second_share() -> None:
    scores, units = story([(MT[0], REF[0]), ("", REF[1]), (MT[2], REF[2])])
    base = story_figure(scores, [], True, units)
    assert story_figure(scores, [F(Severity.ERROR, "WC901", 1)], True, units) == base
    # Found from the source in a unit the reference side scores: it costs.
    assert story_figure(scores, [F(Severity.ERROR, "WC901", 2)], True, units) < base


def test_without_a_reference_the_findings_alone_rank() -> None:
    units = [Unit(0, 0, len(MT[0]), None, None, None, None, MT[0], "", "")]
    none = Scores(None, None, None)
    assert story_figure(none, [], True, units) == 100.0
    assert 0 < story_figure(none, [F(Severity.ERROR)], True, units) < story_figure(
        none, [F(Severity.WARNING)], True, units) < 100.0
    assert story_figure(none, [F(Severity.ERROR, "WC901")], True, units) < 100.0


def test_an_empty_translation_is_zero_and_any_text_is_above_it() -> None:
    scores, units = story([("", REF[0]), ("", REF[1])])
    assert story_figure(scores, [], has_text=False, units=units) == 0.0
    awful, awful_units = story([("zzz", REF[0])])
    assert story_figure(awful, [F(Severity.ERROR)] * 50, True, awful_units) >= 0.1


def test_the_carried_unit_statistics_give_the_recounted_figure() -> None:
    """The engine hands the figure each unit's chrF statistics from scoring; they equal
    a recount from the unit's texts, and so the figure does too, omissions included."""
    sys.path.insert(0, str(ROOT / "bench"))
    from wirefeed import make_feed

    checker = Checker(Settings(select=("WC9",)))
    regrouped = 0
    for k, s in enumerate(make_feed(stories=30, sentences=12, seed=5)):
        ctx = checker.context(StoryInput(f"s{k}", s.mt_text, "mt.txt", ref=s.ref_text,
                                         lang="en"))
        scored = [u for u in ctx.units if u.chrf is not None]
        assert sorted(ctx.unit_chrf) == [u.index for u in scored]
        for unit in scored:
            assert ctx.unit_chrf[unit.index] == chrf_stats(unit.mt, unit.ref)
        regrouped += any(not u.mt.strip() for u in scored)
        carried = figure_base(ctx.scores, ctx.units, ctx.unit_chrf)
        assert carried == figure_base(ctx.scores, ctx.units)
        assert checker.result(ctx, []).triage == story_figure(
            ctx.scores, [], bool(ctx.mt.sentences), ctx.units)
    assert regrouped
