"""Reading stored columns back: JSON values exactly as written, damage reported, sharing choices per member."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sessions.models import Member, Sharing
from sessions.store import Store
from sessions.store.codec import from_json, to_json


@pytest.mark.parametrize(
    "value", [[], {}, ["Acme, Inc.", "東京データ"], {"email": True, "phone": False}, {"Q?": 'a "quoted" answer'}]
)
def test_json_columns_read_back_what_was_written(value: object) -> None:
    assert from_json(to_json(value), None) == value


def test_blank_columns_give_the_default_and_damage_is_reported() -> None:
    assert from_json(None, []) == []
    assert from_json("", {}) == {}
    assert from_json(" [1] ", None) == [1]  # written by something else, still read
    for damaged in ("[1", "[1] x", "nope"):
        with pytest.raises(json.JSONDecodeError):
            from_json(damaged, None)


def test_each_member_reads_back_their_own_sharing_choices(tmp_path: Path) -> None:
    choices = [Sharing(), Sharing(email=True), Sharing(email=True, phone=True, website=False), Sharing()]
    with Store.opened(tmp_path / "group.sqlite3") as store:
        for index, sharing in enumerate(choices):
            store.members.add(Member(first_name=f"Member{index}", sharing=sharing))
        read = {m.first_name: m.sharing for m in store.members.all()}
    assert [read[f"Member{index}"] for index in range(len(choices))] == choices
    assert read["Member0"] is read["Member3"]  # one frozen instance per combination
