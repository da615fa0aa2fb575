"""Check-in search: prefixes, accents, typos, emails and companies; kept current without a rebuild."""

from __future__ import annotations

import pytest

from sessions.checkin import CheckinIndex, decisive
from sessions.checkin.search import Kind, SearchHit
from sessions.models import Member

PEOPLE = [
    (1, "Renée", "Lindqvist", "rene.lindqvist8@example.com", ["Texas Instruments"]),
    (2, "Jordan", "Cohen", "jordan.cohen1@example.com", ["Bank of America"]),
    (3, "Jordan", "Nguyen", "jordan.nguyen3@example.com", ["McKesson", "Capital One"]),
    (4, "Avery", "Kowalski", "avery.kowalski9@example.com", ["Capital One"]),
    (5, "Ruth", "Kowalski", "ruth.kowalski11@example.com", ["Raytheon"]),
    (6, "Γιώργος", "Andersson", "member21@example.com", ["Kimberly-Clark"]),
    (7, "Cher", "", None, []),
    (8, "Olga", "Chen", "olga.chen24@example.com", ["Capital One"]),
    (9, "Mateo", "Smith-Jones", "mateo.smith-jones19@example.com", ["American Airlines"]),
    (10, "美玲", "王", "meiling.wang@example.com", ["Dell"]),
]


@pytest.fixture
def index() -> CheckinIndex:
    return CheckinIndex(
        Member(id=i, first_name=first, last_name=last, email=email, employers=employers)
        for i, first, last, email, employers in PEOPLE
    )


def ids(hits: list[SearchHit]) -> list[int]:
    return [hit.member_id for hit in hits]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("renee", 1),  # accents forgiven
        ("RENÉE LIND", 1),
        ("kowalski ruth", 5),  # any word order
        ("kowlaski r", 5),  # a swapped pair of letters
        ("lndqvist", 1),  # a missing letter
        ("jordan coh", 2),
        ("jrdan nguy", 3),
        ("smith jones", 9),
        ("γιωργ", 6),
        ("王", 10),
        ("raytheon", 5),  # company
        ("olga.chen24", 8),  # email
        ("cher", 7),
    ],
)
def test_the_right_person_comes_first(index: CheckinIndex, query: str, first: int) -> None:
    hits = index.search(query)
    assert hits, query
    assert hits[0].member_id == first


def test_every_typed_word_must_match(index: CheckinIndex) -> None:
    assert ids(index.search("jordan")) == [2, 3]
    assert ids(index.search("jordan raytheon")) == []
    assert index.search("zzzz") == []
    assert index.search("  ") == []


def test_short_words_must_be_exact_prefixes(index: CheckinIndex) -> None:
    assert set(ids(index.search("ko"))) == {4, 5}
    assert ids(index.search("kx")) == []


def test_company_matches_rank_below_name_matches(index: CheckinIndex) -> None:
    hits = index.search("capital")
    assert set(ids(hits)) == {3, 4, 8}
    assert all(hit.matched is Kind.COMPANY for hit in hits)


def test_preferred_people_rank_first_among_equals(index: CheckinIndex) -> None:
    assert ids(index.search("jordan", preferred={3}))[0] == 3


def test_index_is_updated_in_place(index: CheckinIndex) -> None:
    index.upsert(Member(id=7, first_name="Cher", last_name="Sarkisian", employers=["Sabre"]))
    assert ids(index.search("sarkis")) == [7]
    assert ids(index.search("sabre")) == [7]
    index.upsert(Member(id=11, first_name="Jordan", last_name="Walker"))
    assert ids(index.search("jordan wal")) == [11]
    index.remove(2)
    assert 2 not in index
    assert len(index) == 10
    assert 2 not in ids(index.search("jordan cohen"))
    with pytest.raises(ValueError, match="only saved members"):
        index.upsert(Member(first_name="Unsaved"))


def test_decisive_needs_one_clear_winner(index: CheckinIndex) -> None:
    assert decisive(index.search("jordan")) is None
    best = decisive(index.search("jordan cohen"))
    assert best is not None
    assert best.member_id == 2
    assert decisive([]) is None


@pytest.fixture
def door() -> CheckinIndex:
    """People whose names are typed in ways the plain word index missed."""
    return CheckinIndex(
        [
            *(
                Member(id=i, first_name=first, last_name=last, email=email, employers=employers)
                for i, first, last, email, employers in PEOPLE
            ),
            Member(id=11, first_name="Layla", last_name="Al-Sayed", email="layla.as@example.com"),
            Member(id=12, first_name="Sofía", last_name="Raman", employers=["Sabre"]),
            Member(id=13, first_name="Sofia", last_name="Lindgren", employers=["Raymond James"]),
            Member(id=14, first_name="Dell", last_name="Okafor", employers=["Sabre"]),
            Member(id=15, first_name="Priya", last_name="Natarajan", employers=["Dell", "Kowalski Foods"]),
        ]
    )


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("olga.chen24@example.com", 8),  # a whole email, ending and all
        ("OLGA.CHEN24@EXAMPLE.COM", 8),
        ("olga.chen24@example.c", 8),  # while it is being typed
        ("alsayed", 11),  # punctuation left out
        ("smithjones", 9),
        ("mateosmith", 9),  # no space between the names
        ("giorgos andersson", 6),  # another script, typed in Latin letters
        ("meiling", 10),
        ("wang", 10),
        ("sofia rmn", 12),  # a slip in each word: 'rmn' keeps the letters of Raman in order
        ("sofai raamn", 12),
        ("dell", 14),  # a name outranks an employer
        ("kowalski", 4),  # a name outranks a past employer with the same word
    ],
)
def test_the_door_finds_people_however_they_are_typed(door: CheckinIndex, query: str, first: int) -> None:
    hits = door.search(query)
    assert hits, query
    assert hits[0].member_id == first, [(hit.member_id, hit.score) for hit in hits[:3]]


def test_a_whole_email_finds_only_its_owner(door: CheckinIndex) -> None:
    assert ids(door.search("olga.chen24@example.com")) == [8]
    assert ids(door.search("nobody@example.com")) == []


def test_a_fuzzy_name_ranks_below_an_exact_one(door: CheckinIndex) -> None:
    hits = door.search("sofia")
    assert set(ids(hits)) == {12, 13}
    exact = door.search("raman")
    assert ids(exact)[0] == 12
    # 'Raymond James' is an employer and a looser fit: it never outranks the name.
    assert 13 not in ids(exact)[:1]
