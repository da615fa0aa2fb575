"""Fictional members whose profiles fill every field to the brim, for the 'nothing shared is dropped' tests."""

from __future__ import annotations

from sessions.models import Member, Round, Sharing, Table

EVERYTHING = Sharing(headline=True, employers=True, targets=True, email=True, phone=True, linkedin=True, website=True)
LONG_HEADLINE = (
    "Senior director of global supply chain transformation, procurement analytics and supplier diversity "
    "programmes, moving into operations strategy"
)
assert len(LONG_HEADLINE) <= 160


def long_profile(index: int) -> Member:
    return Member(
        id=index,
        first_name="Bartholomew",
        last_name=f"Alexander-Featherstonehaugh {index}",
        headline=LONG_HEADLINE,
        employers=["Texas Instruments", "Lockheed Martin", "Southwest Airlines", "Kimberly-Clark", "McKesson"],
        target_roles=["operations strategy", "supply chain director", "chief procurement officer"],
        target_companies=["Capital One", "Toyota North America", "American Airlines", "Frito-Lay"],
        email=f"bartholomew.alexander-featherstonehaugh.{index}@consulting.example.com",
        phone=f"+1214555{index:04d}",
        linkedin=f"https://www.linkedin.com/in/bartholomew-alexander-featherstonehaugh-{index}",
        website=f"https://thalassa-supply-chain-consulting.example.com/people/bartholomew-{index}",
        sharing=EVERYTHING,
    )


def long_table(seats: int = 8) -> tuple[list[Member], tuple[Round, ...]]:
    members = [long_profile(index) for index in range(1, seats + 1)]
    ids = [member.id for member in members if member.id is not None]
    return members, (Round(number=1, tables=(Table.of("1", ids),)),)
