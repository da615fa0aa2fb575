"""Palette entries for the clock screen: 'clock: next speaker', 'clock: add a minute'..."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .clock_keys import CLOCK_KEYS


class ClockCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        return [(f"clock: {key.verb}", key.help, key.action) for key in CLOCK_KEYS]

    async def discover(self) -> Hits:
        for name, help_text, action in self._commands():
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.screen.run_action, action), help=help_text)
