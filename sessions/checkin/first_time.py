"""Who is here for the first time, from attendance rather than a tag that never expires."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sessions.models import Meeting, Member, Tag
from sessions.store import Store


def first_timers(store: Store, meeting: Meeting, members: Iterable[Member]) -> set[int]:
    """The ids of `members` at their first meeting.

    Once the file holds an earlier meeting with anyone checked in, attendance decides: someone never
    checked in before is new, and someone who came before is not, whatever a registration form said.
    Before that (the group's first evening in tablesession) the form's "first time?" answer, kept as
    the newcomer tag, is all there is to go on.
    """
    assert meeting.id is not None
    people = {m.id: m for m in members if m.id is not None}
    if not store.attendance.any_before(meeting.id):
        return {member_id for member_id, member in people.items() if member.has_tag(Tag.NEWCOMER)}
    return set(people) - store.attendance.attended_before(meeting.id, people)


def as_at_meeting(store: Store, meeting: Meeting, members: Mapping[int, Member]) -> dict[int, Member]:
    """`members` with the newcomer tag on exactly those at their first meeting, for seating and display."""
    new = first_timers(store, meeting, members.values())
    seen: dict[int, Member] = {}
    for member_id, member in members.items():
        tags = member.tags | {Tag.NEWCOMER} if member_id in new else member.tags - {Tag.NEWCOMER}
        seen[member_id] = member if tags == member.tags else member.model_copy(update={"tags": tags})
    return seen
