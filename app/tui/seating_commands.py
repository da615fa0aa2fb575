"""Palette entries for the seating screen: 'seating: generate', 'seating: lock round'..."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

SEATING_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("seating: generate", "seat everyone checked in; locked rounds stay as they are", "generate"),
    ("seating: lock round", "lock (or unlock) the round shown: a locked round never changes", "toggle_lock"),
    ("seating: one more round", "plan one more round the next time you generate", "rounds(1)"),
    ("seating: one round fewer", "plan one round fewer the next time you generate", "rounds(-1)"),
    ("seating: settings", "rounds, table sizes, table count, sub-groups, colleagues apart", "settings"),
    ("seating: rules", "keep people apart or together, every meeting or this one only", "rules"),
    ("seating: print seat changes", "who moved to which table as people left or came late (p)", "print_changes"),
)


class SeatingCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, action in SEATING_COMMANDS:
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in SEATING_COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.screen.run_action, action), help=help_text)
