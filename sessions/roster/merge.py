"""Merging two records of one person into one: keep one member, fill its blanks from the other,
move the other's attendance and seats to it, and delete the other. All in one transaction."""

from __future__ import annotations

from sessions.errors import TablesessionError
from sessions.models import Member
from sessions.store import Store
from sessions.store.merge import move_member_records

from .updating import filled


def merge_members(store: Store, keep_id: int, absorb_id: int, *, absorb_as: Member | None = None) -> Member:
    """Merge member `absorb_id` into `keep_id` and return the kept member as stored.

    `absorb_as` is the absorbed card as just edited (not yet saved), when the merge starts from the card form.
    """
    if keep_id == absorb_id:
        raise TablesessionError("cannot merge a member with themselves")
    with store.transaction():
        keep = store.members.get(keep_id)
        absorb = absorb_as if absorb_as is not None else store.members.get(absorb_id)
        merged = filled(keep, absorb)
        move_member_records(store.db, absorb_id, keep_id)
        # Deleted first: the kept member may take over the absorbed one's email, which must stay unique.
        store.members.delete(absorb_id)
        return store.members.update(merged) if merged is not keep else keep
