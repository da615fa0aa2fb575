"""The export summary counts exactly the fields each card carries."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from sessions.exports import FieldCounts
from sessions.exports.summary import CONTACT_FIELDS, fields_present
from sessions.models import SharedCard, SharedField

maybe = st.one_of(st.none(), st.just(""), st.just("x"))
some = st.lists(st.just("x"), max_size=2).map(tuple)
cards = st.builds(
    SharedCard,
    first_name=st.just("Ana"),
    last_name=st.just("Lima"),
    headline=maybe,
    employers=some,
    target_roles=some,
    target_companies=some,
    email=maybe,
    phone=maybe,
    linkedin=maybe,
    website=maybe,
)


@given(st.lists(cards, max_size=12))
def test_counts_agree_with_the_fields_each_card_has(batch: list[SharedCard]) -> None:
    summary = FieldCounts.of(batch)
    expected: Counter[SharedField] = Counter()
    for card in batch:
        expected.update(fields_present(card))
    assert summary.people == len(batch)
    assert summary.counts == {field: expected[field] for field in SharedField}
    assert summary.with_contact_details == sum(bool(fields_present(c) & set(CONTACT_FIELDS)) for c in batch)
