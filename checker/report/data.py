"""The report's data: per-concept glossary statistics and score distributions, as plain dicts.

Built from a :class:`~checker.model.RunResult` and the run's glossary index, with no
interface involved, so the CLI, the TUI or a notebook can all use it. The dict holds
only JSON types; the JSON renderer dumps it as is.

Per concept, over the whole feed:

* ``correct``: MT mentions written with a preferred or admitted term, counted per form;
* ``garbled`` / ``forbidden``: WC103 and WC104 / WC102 and WC112 findings, per variant,
  with where they are;
* ``missing``: WC101 findings (the source names the concept, the MT segment does not);
* ``source_mentions``: how often the source texts name it.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker import __version__
from checker.glossary.matcher import GlossaryIndex, mentions
from checker.glossary.model import Concept
from checker.model import Finding, RunResult, StoryResult
from checker.output.text import location
from checker.serialize import scores_dict

FORMAT_VERSION = 1
KINDS = {
    "WC101": "missing", "WC102": "forbidden", "WC103": "garbled",
    "WC104": "garbled",  # a possible garble: shown with the garbled variants
    "WC112": "forbidden",  # a name out of use at the story's date
}


def report_language(run: RunResult, lang: str | None = None) -> str:
    """The language the report names concepts in: ``lang``, else the feed's main target
    language (the one most stories are in), else English."""
    if lang:
        return lang
    counts = Counter(story.lang for story in run.stories if story.lang)
    return min(counts, key=lambda code: (-counts[code], code)) if counts else "en"


def build_report(
    run: RunResult, index: GlossaryIndex | None, lang: str | None = None
) -> dict[str, Any]:
    """Everything a report shows, as JSON-ready data; concepts are named in ``lang``
    (default: see :func:`report_language`)."""
    report_lang = report_language(run, lang)
    stories_shown = [replace(s, mt_path=shown_path(s.mt_path)) for s in run.stories]
    concepts = _concept_table(stories_shown, index, report_lang) if index is not None else []
    stories = [_story_row(s) for s in stories_shown]
    segment_chrf = [u.chrf for s in run.stories for u in s.units if u.chrf is not None]
    by_rule: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for story in run.stories:
        for finding in story.findings:
            by_rule[finding.rule] += 1
            names[finding.rule] = finding.name
    glossary = index.glossary if index is not None else None
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"wirecheck {__version__}",
        "signature": {key: _without_folders(value) for key, value in run.signature.items()},
        "summary": {
            "stories": len(run.stories),
            "segments": sum(len(s.units) for s in run.stories),
            "scored_segments": run.scores.units,
            "findings": sum(by_rule.values()),
            "glossary_findings": sum(n for rule, n in by_rule.items() if rule in KINDS),
            "by_rule": dict(sorted(by_rule.items())),
            "rule_names": dict(sorted(names.items())),
            "scores": scores_dict(run.scores),
            "glossary_concepts": len(glossary) if glossary is not None else 0,
            "glossary_terms": glossary.term_count() if glossary is not None else 0,
            "glossary_files": [Path(path).name for path, _ in glossary.sources]
            if glossary else [],
            "concepts_seen": len(concepts),
            "lang": report_lang,
        },
        "concepts": concepts,
        "stories": stories,
        "segment_chrf": segment_chrf,
        "distribution": {
            "story_chrf": _quantiles(s["chrf"] for s in stories),
            "story_bleu": _quantiles(s["bleu"] for s in stories),
            "segment_chrf": _quantiles(segment_chrf),
        },
    }


def _story_row(story: StoryResult) -> dict[str, Any]:
    glossary = [f for f in story.findings if f.rule in KINDS]
    return {
        "id": story.id,
        "path": story.mt_path,
        "lang": story.lang,
        "src_lang": story.src_lang,
        "bleu": story.scores.bleu,
        "chrf": story.scores.chrf,
        "ter": story.scores.ter,
        "triage": story.triage,
        "segments": len(story.units),
        "scored_segments": story.scores.units,
        "findings": len(story.findings),
        "glossary_findings": len(glossary),
    }


def _quantiles(values: Iterable[float | None]) -> dict[str, float] | None:
    data = sorted(v for v in values if v is not None)
    if not data:
        return None
    if len(data) == 1:
        q1 = median = q3 = data[0]
    else:
        q1, median, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return {
        "count": len(data),
        "min": data[0],
        "q1": q1,
        "median": median,
        "q3": q3,
        "max": data[-1],
        "mean": statistics.fmean(data),
    }


class _ConceptStats:
    def __init__(self) -> None:
        self.correct: dict[tuple[str, str, str], int] = defaultdict(int)
        self.variants: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.missing: list[dict[str, Any]] = []
        self.source_mentions = 0

    def add_finding(self, kind: str, story: StoryResult, finding: Finding) -> None:
        where = {
            "story": story.id,
            "line": finding.line,
            "column": finding.column,
            "location": location(story, finding),
        }
        if kind == "missing":
            self.missing.append({**where, "message": finding.message})
            return
        key = (kind, story.lang, finding.text)
        entry = self.variants.setdefault(
            key,
            {"kind": kind, "lang": story.lang, "text": finding.text,
             "suggestion": finding.suggestion, "count": 0, "where": []},
        )
        entry["count"] += 1
        entry["where"].append(where)


_FOLDERS = re.compile(r"(?:[A-Za-z]:)?[\\/](?:[^\\/\s|:,;]+[\\/])+(?=[^\\/\s|:,;]+)")


def _without_folders(value: str) -> str:
    """``value`` with the folders of any absolute path taken out (``/home/x/t.tbx`` →
    ``t.tbx``): a report is shared, the layout of the machine it ran on is not."""
    return _FOLDERS.sub("", value)


def shown_path(path: str) -> str:
    """``path`` as a report shows it: relative to the current folder when inside it, else
    without its folders."""
    candidate = Path(path)
    if not candidate.is_absolute():
        return path
    try:
        return str(candidate.relative_to(Path.cwd()))
    except ValueError:
        return candidate.name


def _label(concept: Concept | None, concept_id: str, lang: str) -> str:
    """The concept's name in ``lang``; in English when it has none there; else its id."""
    if concept is None:
        return concept_id
    term = concept.preferred(lang) or concept.preferred("en")
    return term.text if term else concept_id


def _concept_table(
    stories: Iterable[StoryResult], index: GlossaryIndex, lang: str
) -> list[dict[str, Any]]:
    stats: dict[str, _ConceptStats] = defaultdict(_ConceptStats)
    for story in stories:
        flagged = []
        for finding in story.findings:
            kind = KINDS.get(finding.rule)
            if kind is None or finding.concept is None:
                continue
            stats[finding.concept].add_finding(kind, story, finding)
            if kind != "missing":
                flagged.append((finding.start, finding.end))
        analysed = index.analyse(story.mt, story.lang)
        for match in mentions(analysed.in_language()):
            if not match.term.status.accepted:
                continue
            if any(s < match.end and match.start < e for s, e in flagged):
                continue  # part of a garbled or forbidden name, counted there
            term = match.term.term
            stats[match.concept].correct[(term.lang, term.text, term.status.value)] += 1
        if story.src_lang:
            source = "\n\n".join(u.src for u in story.units if u.src)
            if source:
                for match in mentions(index.analyse(source, story.src_lang).in_language()):
                    stats[match.concept].source_mentions += 1
    rows = []
    for concept_id, data in stats.items():
        concept = index.glossary.concept(concept_id)
        correct = sum(data.correct.values())
        garbled = sum(v["count"] for v in data.variants.values() if v["kind"] == "garbled")
        forbidden = sum(v["count"] for v in data.variants.values() if v["kind"] == "forbidden")
        rows.append({
            "id": concept_id,
            "label": _label(concept, concept_id, lang),
            "subject": concept.notes.get("subjectField") if concept else None,
            "occurrences": correct + garbled + forbidden,
            "source_mentions": data.source_mentions,
            "correct": correct,
            "garbled": garbled,
            "forbidden": forbidden,
            "missing": len(data.missing),
            "problems": garbled + forbidden + len(data.missing),
            "correct_forms": [
                {"lang": form_lang, "form": form, "status": status, "count": count}
                for (form_lang, form, status), count in sorted(
                    data.correct.items(), key=lambda kv: (-kv[1], kv[0])
                )
            ],
            "variants": sorted(
                data.variants.values(), key=lambda v: (-v["count"], v["kind"], v["text"])
            ),
            "missing_in": data.missing,
        })
    rows.sort(key=lambda r: (-r["problems"], -r["occurrences"], r["id"]))
    return rows
