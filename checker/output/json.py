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
        self._stories: list[str] = []

    def story(self, result: StoryResult) -> None:
        # Each story is encoded as it comes (while workers check the next ones), not all
        # at the end; dumps without indent runs on json's C encoder.
        self._stories.append(_dumps(story_dict(result)))

    def finish(self, summary: Summary, scores: Scores, signature: dict[str, str]) -> None:
        # What json.dumps of {"version", "stories", "summary"} writes, byte for byte.
        self.stream.write(
            f'{{"version": {_dumps(FORMAT_VERSION)}, "stories": [{", ".join(self._stories)}], '
            f'"summary": {_dumps(summary.as_dict(scores, signature))}}}'
        )
        self.stream.write("\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
