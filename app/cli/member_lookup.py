"""The one member a command-line argument means: a search by name, email or company (accents and small
typos forgiven) that clearly means one person. Several matches are listed with their ids, never guessed."""

from __future__ import annotations

from dataclasses import dataclass

from app.cli.context import CliContext
from app.cli.table import render_table
from sessions.checkin import CheckinIndex, SearchHit, decisive, status_of
from sessions.errors import NotFoundError, TablesessionError
from sessions.store import Store

SHOWN = 10  # matches listed when a search is not decisive
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class LookupWords:
    """How a command words the outcome: what was not done, and how to say it more precisely."""

    not_done: str  # "nobody was checked in"
    refine: str  # "Type more of the name, or add --id ID"
    unknown: str = ""  # added when nobody matches, e.g. "; a walk-in can be added in the app"


class MemberLookup:
    """Searches the group once indexed, preferring members registered for the meeting (if there is one)."""

    def __init__(self, store: Store, meeting_id: int | None) -> None:
        self._store = store
        self._meeting_id = meeting_id
        self._index = CheckinIndex(store.members.all())
        registrations = store.attendance.for_meeting(meeting_id) if meeting_id is not None else []
        self._registered = {a.member_id for a in registrations if a.registered}

    def search(self, query: str) -> list[SearchHit]:
        return self._index.search(query, limit=SEARCH_LIMIT, preferred=self._registered)

    def member(self, text: str, context: CliContext, words: LookupWords) -> int:
        """The member a MEMBER argument means: an id, or a search that means one person."""
        query = text.strip()
        if not query:
            raise TablesessionError("MEMBER: an empty name; give an id or a name")
        if query.isdigit():
            try:
                return self._store.members.get(int(query)).id or 0
            except NotFoundError:
                raise NotFoundError(
                    f"MEMBER {query}: no member with that id ('tablesession members' lists them)"
                ) from None
        return self.one(query, context, words)

    def one(self, query: str, context: CliContext, words: LookupWords) -> int:
        """The member `query` clearly means. Otherwise the matches are printed and the error says so."""
        hits = self.search(query)
        best = decisive(hits)
        if best is not None:
            return best.member_id
        if not hits:
            raise NotFoundError(f"nobody matches {query!r}{words.unknown}")
        self.list_matches(hits, context)
        more = f" (showing {SHOWN} of {len(hits)})" if len(hits) > SHOWN else ""
        raise TablesessionError(f"{len(hits)} people match {query!r}{more}; {words.not_done}. {words.refine}")

    def list_matches(self, hits: list[SearchHit], context: CliContext) -> None:
        shown = hits[:SHOWN]
        members = self._store.members.get_many([hit.member_id for hit in shown])
        rows = []
        for hit in shown:
            member = members[hit.member_id]
            found = self._store.attendance.find(self._meeting_id, hit.member_id) if self._meeting_id else None
            rows.append(
                [
                    str(hit.member_id),
                    member.full_name,
                    member.current_employer or "",
                    member.email or "",
                    status_of(found),
                ]
            )
        context.print(*render_table(["id", "name", "employer", "email", "status"], rows))
