"""Command palette entries, namespaced by what they act on ("review: accept fix")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from checker.tui.screens.feed import FeedScreen
from checker.tui.screens.story import StoryScreen


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    action: str
    """A Textual action string, namespaced ``app.`` or ``screen.``."""
    screen: type | None = None
    """The screen the command needs, or None for anywhere."""


COMMANDS = (
    Command("review: accept fix", "Apply the selected finding's suggestion", "screen.accept",
            StoryScreen),
    Command("review: dismiss finding", "Mark the selected finding a false positive",
            "screen.dismiss_finding", StoryScreen),
    Command("review: edit unit", "Edit the MT text of the unit under the cursor",
            "screen.edit", StoryScreen),
    Command("review: undo", "Undo the last decision in this story", "screen.undo", StoryScreen),
    Command("review: re-run checks", "Check the story again as it now stands",
            "screen.recheck", StoryScreen),
    Command("review: save", "Write corrected stories and the review file", "app.save"),
    Command("story: next", "Open the next story of the list", "screen.next_story",
            StoryScreen),
    Command("story: previous", "Open the previous story of the list",
            "screen.previous_story", StoryScreen),
    Command("story: next error", "Go to the next open error", "screen.next_error",
            StoryScreen),
    Command("story: back to the list", "Close the story", "screen.back", StoryScreen),
    Command("view: toggle source", "Show or hide the source column", "screen.toggle_source",
            StoryScreen),
    Command("view: toggle light/dark theme", "Switch between a light and a dark theme",
            "app.toggle_theme"),
    Command("view: keys", "List every key", "app.help"),
    Command("feed: sort worst first / feed order", "Change the order of the story list",
            "screen.toggle_sort", FeedScreen),
    Command("feed: filter", "Filter the story list", "screen.filter", FeedScreen),
    Command("app: quit", "Quit (asks first when changes are unsaved)", "app.quit"),
)


class ReviewCommands(Provider):
    """The review UI's own actions, offered for the screen the palette was opened on."""

    def _available(self) -> list[Command]:
        return [c for c in COMMANDS if c.screen is None or isinstance(self.screen, c.screen)]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._available():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title),
                          partial(self.app.run_action, command.action), help=command.help)

    async def discover(self) -> Hits:
        for command in self._available():
            yield DiscoveryHit(command.title, partial(self.app.run_action, command.action),
                               help=command.help)
