"""Input rules (WC0xx): what is missing from the story set itself."""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import StoryContext
from checker.model import Category, Severity
from checker.rules.base import Hit, Rule


class MissingReference(Rule):
    """Finds stories that have no reference although references were given.

    ## Why it matters
    Without its reference a story gets no scores, no diff and no low-score check, so a
    bad translation can pass a gate that looks at scores. Usually a file was misnamed.

    ## Example
    `wirecheck check mt/ --ref ref/` where `mt/story-7.txt` has no `ref/story-7.txt`.

    ## Use instead
    Name the reference file like the MT file (same name, any of `.txt`/`.jsonl`).
    """

    code = "WC001"
    name = "missing-reference"
    category = Category.INPUT
    severity = Severity.WARNING
    fix_title = "Add the story's reference, named like its MT file"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if story.story.expects_ref and story.ref is None:
            yield Hit(0, 0, f"no reference found for story {story.story.id!r}")


class MissingSource(Rule):
    """Finds stories that have no source although sources were given.

    ## Why it matters
    The source is what key-term, number and untranslated checks compare against; a
    story without it is checked against its reference only, and omissions go unseen.

    ## Example
    `wirecheck check mt/ --src src/` where `mt/story-7.txt` has no `src/story-7.txt`.

    ## Use instead
    Name the source file like the MT file.
    """

    code = "WC002"
    name = "missing-source"
    category = Category.INPUT
    severity = Severity.WARNING
    fix_title = "Add the story's source, named like its MT file"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if story.story.expects_src and story.src is None:
            yield Hit(0, 0, f"no source found for story {story.story.id!r}")


class EmptyTranslation(Rule):
    """Finds an empty MT story whose reference or source has text.

    ## Why it matters
    A translation engine that times out or fails often publishes an empty body; the
    story goes out with a headline and nothing under it.

    ## Example
    `mt/story.txt` is empty (or white space only) while `src/story.txt` has 12 paragraphs.

    ## Use instead
    Translate the story again or hold it back.
    """

    code = "WC003"
    name = "empty-translation"
    category = Category.INPUT
    severity = Severity.ERROR
    fix_title = "Translate the story again"
    fix_applicability = "none"

    def check(self, story: StoryContext) -> Iterator[Hit]:
        if story.mt.sentences:
            return
        other = story.src if story.src is not None else story.ref
        if other is not None and other.sentences:
            side = "source" if story.src is not None else "reference"
            yield Hit(0, 0, f"the translation is empty but its {side} has text")
