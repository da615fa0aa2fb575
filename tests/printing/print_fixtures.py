"""Fictional members with every kind of name and sharing choice, for the printables tests."""

from __future__ import annotations

from sessions.models import Member, Sharing

LONG_NAME_60 = "Maximiliana-Alexandrina Konstantinopoulou-Featherstonehaughs"
assert len(LONG_NAME_60) == 60


def fictional_members() -> list[Member]:
    return [
        Member(
            id=1,
            first_name="Olga",
            last_name="Dubois",
            headline="Marketing manager moving into product",
            employers=["Sabre", "Dell"],
            target_roles=["product management"],
            target_companies=["Capital One"],
            subgroups=["Marketing"],
            email="olga@example.com",
            phone="+12145550101",
            linkedin="https://www.linkedin.com/in/olga-dubois",
            sharing=Sharing(email=True, phone=True),
        ),
        Member(
            id=2,
            first_name="Kwame",
            last_name="Mensah",
            headline="Controller; FP&A, treasury",
            employers=["Frito-Lay"],
            target_companies=["sabre"],
            subgroups=["Finance"],
            email="kwame.secret@example.com",
            phone="+12145550102",
            website="https://example.com/kwame",
            sharing=Sharing(email=False, phone=False),
        ),
        Member(
            id=3,
            first_name="王小明",
            last_name="",
            headline="数据分析师",
            subgroups=["IT"],
            email="wang@example.com",
            sharing=Sharing(email=True),
        ),
        Member(
            id=4,
            first_name="Γιώργος",
            last_name="Παπαδόπουλος",
            headline="Supply chain director",
            employers=["Texas Instruments"],
            subgroups=["Operations"],
            phone="+12145550104",
            sharing=Sharing(employers=False, phone=False),
        ),
        Member(
            id=5,
            first_name="Дмитрий",
            last_name="Иванов",
            subgroups=["Sales"],
            phone="+1 214 555 0105",
            sharing=Sharing(phone=True),
        ),
        Member(
            id=6,
            first_name=LONG_NAME_60,
            last_name="von Hohenzollern-Sigmaringen",
            headline="A very long headline about strategic transformation leadership in many industries and lands",
            subgroups=["Engineering"],
            website="https://example.com/max",
            email="max.hidden@example.com",
            sharing=Sharing(headline=True, email=False),
        ),
        Member(
            id=7,
            first_name="Renée",
            last_name="O'Brien",
            headline="HR business partner",
            employers=["Sabre"],
            target_roles=["people operations"],
            target_companies=["Dell", "Sabre"],
            subgroups=["HR"],
            email="renee@example.com",
            sharing=Sharing(email=True, targets=True),
        ),
    ]
