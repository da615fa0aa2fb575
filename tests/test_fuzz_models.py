"""Property tests: any text a form or import can throw at a card is either stored exactly or refused by name."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sessions.models import Member, describe_validation_error, limits
from sessions.store import Store

FUZZ_CASES = 300

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=limits.NOTES_MAX + 50)
short_text = st.one_of(
    st.text(max_size=limits.SHORT_TEXT_MAX + 5),
    st.sampled_from(["", " ", "=cmd|'/c calc'!A1", "O'Brien; Smith, Jr.", "名前", "Ñandú", "\t\r\n"]),
)
edge_lengths = st.sampled_from([0, 1, limits.NAME_MAX - 1, limits.NAME_MAX, limits.NAME_MAX + 1])
names = st.one_of(short_text, edge_lengths.map(lambda n: "é" * n))
lists = st.lists(short_text, max_size=limits.LIST_MAX + 2)
emails = st.one_of(st.none(), st.emails().map(str), short_text)

FIELD_LABELS = {
    "first_name", "last_name", "headline", "employers", "target_roles", "target_companies", "subgroups",
    "email", "phone", "linkedin", "website", "notes",
}  # fmt: skip


cards = st.fixed_dictionaries(
    {
        "first_name": names,
        "last_name": names,
        "headline": short_text,
        "employers": lists,
        "target_roles": lists,
        "email": emails,
        "phone": st.one_of(st.none(), short_text),
        "linkedin": st.one_of(st.none(), short_text),
        "notes": text,
    }
)


@settings(max_examples=FUZZ_CASES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(fields=cards)
def test_any_card_is_stored_exactly_or_refused_naming_the_field(fields: dict[str, object]) -> None:
    try:
        member = Member(**fields)  # type: ignore[arg-type]
    except ValidationError as error:
        message = describe_validation_error(error)
        named = {label for label in FIELD_LABELS if label.replace("_", " ") + ":" in message}
        assert named, message
        return
    assert member.first_name.strip() == member.first_name != ""
    assert len(member.first_name) <= limits.NAME_MAX
    with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "fuzz.sqlite3") as store:
        saved = store.members.add(member)
        assert store.members.get(saved.id or 0).model_dump(exclude={"id", "created_at", "updated_at"}) == (
            member.model_dump(exclude={"id", "created_at", "updated_at"})
        )
