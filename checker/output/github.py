"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``;
warnings become ``::warning`` and info findings ``::notice``. Properties and messages
are escaped as the runner expects (``%``, line ends, and in properties ``:`` and ``,``).
For stories extracted from XML or a JSON Lines feed the annotation points at the
element's or the feed's line, without columns, and the message names the element.
"""

from __future__ import annotations

from checker.errors import one_line
from checker.model import Severity, StoryResult
from checker.output.base import Formatter
from checker.output.text import file_position, is_feed, message_text, suggestion_text

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escaped for a workflow command; other control characters (terminal escapes)
    written as ``\\xNN``."""
    return one_line(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"
    description = "GitHub Actions annotations (::error file=...::message), one per finding"

    def story(self, result: StoryResult) -> None:
        for finding in result.findings:
            where = file_position(result, finding)
            props = [f"file={escape_property(result.mt_path)}", f"line={where.line}"]
            if where.column is not None:
                props.append(f"col={where.column}")
            props.append(f"endLine={where.end_line}")
            if where.end_column is not None:
                props.append(f"endColumn={where.end_column}")
            props.append(f"title={escape_property(f'{finding.rule} {finding.name}')}")
            context = f"[{result.id}] "
            if where.element is not None:
                context = f"[{result.id} {where.element} col {where.element_column}] "
            elif is_feed(result):
                context = f"[{result.id} {finding.line}:{finding.column}] "
            message = f"{context}{message_text(finding)}{suggestion_text(finding)}"
            self.stream.write(
                f"::{LEVELS[finding.severity]} {','.join(props)}::{escape_data(message)}\n"
            )
