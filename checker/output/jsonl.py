"""``--format jsonl``: one JSON object per story, written and flushed as each finishes.

Each line has the shape of a story in the ``json`` format (format version 1), so a
pipeline can start on the first story before the run ends and memory stays flat.
"""

from __future__ import annotations

import json

from checker.model import StoryResult
from checker.output.base import Formatter
from checker.serialize import story_dict


class JsonLinesFormatter(Formatter):
    name = "jsonl"
    description = "one JSON object per story and line, streamed as stories finish"

    def story(self, result: StoryResult) -> None:
        self.stream.write(json.dumps(story_dict(result), ensure_ascii=False))
        self.stream.write("\n")
        self.stream.flush()
