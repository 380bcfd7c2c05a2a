"""The checking pipeline: one story in, one :class:`StoryResult` out.

``Checker(settings)`` builds the selected rules once; ``check`` is a pure function of
the story (no I/O, no shared mutable state), so any engine — a loop, a process pool,
a Dask bag — can map it over a feed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from checker import __version__
from checker.align import AlignSettings, align_texts
from checker.config import Settings
from checker.context import StoryContext
from checker.diffing import word_diff
from checker.errors import ConfigError
from checker.langid import story_language, target_language
from checker.langtags import language
from checker.model import Finding, RunResult, Scores, StoryInput, StoryResult, Unit
from checker.rules import Rule, all_rules, matches_selector, select_rules
from checker.rules.custom import user_rules
from checker.scoring import Scorer, merge_sums, story_figure
from checker.segment import Document, segment
from checker.text import LineIndex, squeeze
from checker.units import combine

DEFAULT_LANG = "en"


def validate_selectors(settings: Settings) -> None:
    """Refuse selectors that match no rule, as linters do."""
    codes = [rule.code for rule in all_rules()] + [check.code for check in settings.checks]
    options = (
        ("select", settings.select),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
        ("severity", tuple(settings.severity)),
    )
    for option, selectors in options:
        for selector in selectors:
            if selector.upper() == "ALL":
                continue
            if not any(matches_selector(code, selector) >= 0 for code in codes):
                raise ConfigError(
                    settings.config_path or f"--{option}",
                    f"unknown rule code or prefix {selector!r} in {option}",
                )


class Checker:
    """Checks stories with one set of settings; build once, call ``check`` many times."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        validate_selectors(self.settings)
        chosen = select_rules(
            (*self.settings.select, *self.settings.extend_select), self.settings.ignore
        )
        self.rules: list[Rule] = [
            rule(self.settings, self.settings.options_for(rule.code, rule.name)) for rule in chosen
        ]
        self.rules += user_rules(
            self.settings, (*self.settings.select, *self.settings.extend_select),
            self.settings.ignore,
        )
        self._scorers: dict[tuple[str, bool], Scorer] = {}

    def scorer(self, lang: str) -> Scorer:
        key = (lang, self.settings.ter)
        if key not in self._scorers:
            self._scorers[key] = Scorer(lang, self.settings.ter)
        return self._scorers[key]

    # -- one story -----------------------------------------------------------------
    def context(self, story: StoryInput) -> StoryContext:
        """Read, segment, align and score a story: what every rule looks at."""
        # What the user set (--lang/--src-lang, configuration) wins over file metadata.
        src_lang = language(self.settings.src_lang) or language(story.src_lang)
        if src_lang is None and story.src is not None:
            src_lang = story_language(story.src)
        lang = (
            language(self.settings.lang)
            or language(story.lang)
            or (story_language(story.ref) if story.ref else None)
            or target_language(story.mt, exclude=src_lang)
            or DEFAULT_LANG
        )
        mt = segment(story.mt, lang)
        ref = segment(story.ref, lang) if story.ref is not None else None
        src = segment(story.src, src_lang or lang) if story.src is not None else None
        units, scores, unit_chrf = self._units(mt, ref, src, lang, src_lang)
        return StoryContext(
            story, lang, src_lang, mt, ref, src, units, self.settings, scores,
            unit_chrf=unit_chrf,
        )

    def _units(
        self,
        mt: Document,
        ref: Document | None,
        src: Document | None,
        lang: str,
        src_lang: str | None,
    ) -> tuple[tuple[Unit, ...], Scores, dict[int, list[float]]]:
        mt_texts = [mt.sentence_text(i) for i in range(len(mt.sentences))]
        others = [d for d in (ref, src) if d is not None]
        alignments = [
            align_texts(
                mt_texts,
                [d.sentence_text(i) for i in range(len(d.sentences))],
                same_language=(d is ref or src_lang == lang),
                paragraphs=(
                    [s.paragraph for s in mt.sentences], [s.paragraph for s in d.sentences]
                ),
            )
            for d in others
        ]
        spans = combine(len(mt.sentences), alignments)
        scorer = self.scorer(lang)
        units = []
        stats = []
        unit_chrf: dict[int, list[float]] = {}
        for index, span in enumerate(spans):
            sides = dict(zip([id(d) for d in others], span.sides, strict=True))
            mt_start, mt_end = _offsets(mt, span.mt)
            ref_start, ref_end = _offsets(ref, sides.get(id(ref))) if ref else (None, None)
            src_start, src_end = _offsets(src, sides.get(id(src))) if src else (None, None)
            mt_text = mt.text[mt_start:mt_end] if mt_start is not None else ""
            ref_text = ref.text[ref_start:ref_end] if ref and ref_start is not None else ""
            src_text = src.text[src_start:src_end] if src and src_start is not None else ""
            bleu = chrf = ter = None
            diff: tuple[tuple[str, str], ...] = ()
            if ref is not None:
                hyp, reference = squeeze(mt_text), squeeze(ref_text)
                diff = word_diff(hyp, reference)
                if reference and (hyp or mt_start is None):
                    # An omitted unit counts as an empty hypothesis: the story score
                    # falls with what the MT lacks (see checker.scoring.story_figure).
                    score = scorer.unit(hyp, reference)
                    bleu, chrf, ter = score.bleu, score.chrf, score.ter
                    stats.append(score.stats)
                    unit_chrf[index] = score.stats["chrf"]
            units.append(
                Unit(
                    index, mt_start, mt_end, ref_start, ref_end, src_start, src_end,
                    mt_text, ref_text, src_text, bleu, chrf, ter, diff,
                )
            )
        return tuple(units), scorer.corpus(stats), unit_chrf

    def check(self, story: StoryInput) -> StoryResult:
        """Every finding and score for one story."""
        ctx = self.context(story)
        return self.result(ctx, self.findings(ctx))

    def findings(self, ctx: StoryContext) -> list[Finding]:
        text = ctx.text
        lines = ctx.lines if isinstance(ctx.lines, LineIndex) else LineIndex.of(text)
        seen: set[tuple[str, int, int]] = set()
        found: list[Finding] = []
        for rule in self.rules:
            if not rule.applies_to(ctx.lang):
                continue
            severity = self.settings.severity_for(rule.code, rule.severity)
            for hit in rule.check(ctx):
                if not 0 <= hit.start <= hit.end <= len(text):
                    raise ValueError(f"{rule.code} reported a span outside the text: {hit}")
                key = (rule.code, hit.start, hit.end)
                if key in seen:
                    continue
                seen.add(key)
                line, column = lines.position(hit.start)
                found.append(
                    Finding(
                        rule.code, rule.name, rule.category, severity, hit.start, hit.end,
                        line, column, text[hit.start : hit.end], hit.message, hit.suggestion,
                        hit.concept, hit.unit,
                    )
                )
        found.sort(key=lambda f: (f.start, f.end, f.rule))
        return found

    def result(self, ctx: StoryContext, findings: list[Finding]) -> StoryResult:
        story = ctx.story
        triage = story_figure(
            ctx.scores, findings, has_text=bool(ctx.mt.sentences), units=ctx.units,
            unit_chrf=ctx.unit_chrf,
        )
        return StoryResult(
            story.id, story.mt_path, story.ref_path, story.src_path, ctx.lang, ctx.src_lang,
            ctx.scores, ctx.units, tuple(findings), story.mt, story.mt_line,
            origin=story.origin, triage=triage,
        )

    # -- a whole feed --------------------------------------------------------------
    def run(self, stories: Iterable[StoryInput]) -> RunResult:
        results = tuple(self.check(story) for story in stories)
        return RunResult(results, self.corpus_scores(results), self.signature())

    def corpus_scores(self, results: Iterable[StoryResult]) -> Scores:
        """Corpus scores over every scored unit of the run.

        Each story is tokenized for its own language; the signature is the main one's.
        """
        corpus = CorpusScores()
        for result in results:
            corpus.add(result)
        return corpus.scores(self)

    def signature(self) -> dict[str, str]:
        """What makes this run reproducible: version, rules, resources, aligner settings."""
        align = AlignSettings()
        sig = {
            "wirecheck": __version__,
            "rules": ",".join(rule.code for rule in self.rules),
            "severity": ",".join(f"{k}={v}" for k, v in sorted(self.settings.severity.items())),
            "chrf_threshold": str(self.settings.chrf_threshold),
            "aligner": f"band:{align.band}|skip:{align.skip_cost}",
        }
        for rule in self.rules:
            sig.update(rule.signature())
        sig["hash"] = hashlib.sha256(repr(sorted(sig.items())).encode()).hexdigest()[:12]
        return sig


class CorpusScores:
    """Adds up story scores as a run streams, instead of keeping every result."""

    def __init__(self) -> None:
        self.langs: Counter[str] = Counter()
        self.sums: dict[str, list[float]] = {}
        self.units = 0

    def add(self, result: StoryResult) -> None:
        self.langs[result.lang] += result.scores.units
        if result.scores.units:
            total = Scores(None, None, None, units=self.units, stats=self.sums)
            self.sums, self.units = merge_sums([total, result.scores])

    def scores(self, checker: Checker) -> Scores:
        lang = self.langs.most_common(1)[0][0] if self.langs else DEFAULT_LANG
        return checker.scorer(lang).from_sums(self.sums, self.units)


def _offsets(doc: Document | None, span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    if doc is None or span is None or span[1] <= span[0]:
        return None, None
    return doc.sentences[span[0]].start, doc.sentences[span[1] - 1].end


__all__ = ["Checker", "CorpusScores", "validate_selectors"]
