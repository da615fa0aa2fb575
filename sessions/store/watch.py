"""Noticing changes other programs made to the group file, and folding the WAL back into it.

`PRAGMA data_version` is a counter SQLite keeps per connection: it moves only when *another*
connection commits, so reading it is a cheap way for the app to learn that the CLI (or a second
window) changed the file, without querying any data. It never moves for the connection's own writes.

A checkpoint copies what the write-ahead log holds into the main file and empties the log. SQLite
does this itself when the last connection closes, but not while a projector view still has the file
open: without one, a copy of `group.sqlite3` alone would miss the latest check-ins.
"""

from __future__ import annotations

from .database import Database


class ChangeWatch:
    """Tells whether another connection has committed since the last look."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._db.scalar("PRAGMA data_version"))

    def changed(self) -> bool:
        """True once for each look that follows a commit made elsewhere."""
        version = self._version()
        if version == self._seen:
            return False
        self._seen = version
        return True


def checkpoint(db: Database) -> bool:
    """Copy the write-ahead log into the main file and empty it; True when all of it went in.

    False when a reader still held an old snapshot (the busy timeout ran out): nothing is lost,
    the log keeps the rest and the next checkpoint (or the last close) moves it.
    """
    if db.readonly:
        return False
    busy, _log_frames, _copied = db.query("PRAGMA wal_checkpoint(TRUNCATE)")[0]
    return not busy
