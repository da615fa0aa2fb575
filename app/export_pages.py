"""Which PDF renderer the follow-up export uses: the printables page, on the group's paper size."""

from __future__ import annotations

from printables.followup import page_writer
from sessions.exports import PageWriter
from sessions.store import Store


def followup_pages(store: Store) -> PageWriter:
    region = store.group.default_region if store.has_group() else "US"
    return page_writer(region)
