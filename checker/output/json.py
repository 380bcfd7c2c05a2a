"""``--format json``: one JSON document (format version 1) with every story."""

from __future__ import annotations

import json
from typing import Any

from checker.model import Scores, StoryResult
from checker.output.base import Formatter
from checker.serialize import FORMAT_VERSION, Summary, story_dict


class JsonFormatter(Formatter):
    name = "json"
    description = "one JSON document: stories, aligned segments, findings, summary"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stories: list[dict[str, Any]] = []

    def story(self, result: StoryResult) -> None:
        self._stories.append(story_dict(result))

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        document = {
            "version": FORMAT_VERSION,
            "stories": self._stories,
            "summary": summary.as_dict(scores, signature),
        }
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
