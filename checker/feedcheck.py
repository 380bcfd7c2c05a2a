"""Feed-level facts gathered before a run, so per-story checks can see the whole feed.

How a feed spells a name is only known once every story has been read; checking stories
one at a time (in any number of processes) cannot see it. :func:`with_feed_names` reads
the feed's MT texts once before the run (no alignment, no scoring: names only), counts
which spelling each story uses, and puts the names spelled more than one way into the
run's :class:`~checker.config.Settings`. The result is the same for any ``--jobs``,
because it is computed in the parent before any story is checked.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from checker.config import Settings
from checker.model import StoryInput
from checker.rules import is_selected
from checker.rules.consistency import mention_spans, spelling, translit_key

FEED_RULE = "WC119"


def wants_feed_names(settings: Settings) -> bool:
    """True when the run selects the feed-level consistency rule."""
    return is_selected(FEED_RULE, (*settings.select, *settings.extend_select), settings.ignore)


def story_spellings(text: str, lang: str) -> dict[str, str]:
    """The spelling a story uses most for each name it mentions (name key → form)."""
    forms: dict[str, dict[str, int]] = {}
    for _, _, form in mention_spans(text, lang):
        if "’" in form:
            form = spelling(form)
        counts = forms.setdefault(translit_key(form), {})
        counts[form] = counts.get(form, 0) + 1
    # The first of the most used spellings, as Counter.most_common(1) picks it.
    return {key: max(counts, key=counts.__getitem__) for key, counts in forms.items()}


def feed_names(
    stories: Iterable[StoryInput], default_lang: str = "en"
) -> dict[str, dict[str, int]]:
    """Names the feed spells more than one way: name key → {form: stories using it}."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for story in stories:
        for key, form in story_spellings(story.mt, story.lang or default_lang).items():
            votes[key][form] += 1
    return {
        key: dict(sorted(counts.items()))
        for key, counts in sorted(votes.items())
        if len(counts) > 1
    }


def with_feed_names(settings: Settings, stories: Iterable[StoryInput]) -> Settings:
    """``settings`` with the feed's variant spellings, when the feed rule is selected."""
    if not wants_feed_names(settings):
        return settings
    return replace(settings, feed_names=feed_names(stories, settings.lang or "en"))


__all__ = ["feed_names", "story_spellings", "wants_feed_names", "with_feed_names"]
