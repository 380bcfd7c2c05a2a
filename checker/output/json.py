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
        # One-shot dumps without indent runs on json's C encoder: a large feed's document
        # is written several times faster than with json.dump(indent=...).
        self.stream.write(json.dumps(document, ensure_ascii=False))
        self.stream.write("\n")
