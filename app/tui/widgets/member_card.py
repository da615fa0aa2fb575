"""A member's business card as the facilitator sees it, with what they share marked."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from sessions.models import Member, SharedField

SHARED = "shared"
PRIVATE = "private"


class MemberCard(Static):
    """Shows one member's card. Fields they keep to themselves are dimmed and marked."""

    DEFAULT_CSS = """
    MemberCard {
        padding: 0 1;
        height: auto;
    }
    """

    member: reactive[Member | None] = reactive(None, layout=True)

    def render(self) -> RenderableType:
        member = self.member
        if member is None:
            return Text("No one selected.", style="dim")
        sharing = member.sharing
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(no_wrap=True)

        def row(label: str, value: str, field: SharedField | None = None) -> None:
            if not value:
                return
            if field is None:
                grid.add_row(label, value, "")
            elif sharing.allows(field):
                grid.add_row(label, value, Text(SHARED, style="green"))
            else:
                grid.add_row(label, Text(value, style="dim"), Text(PRIVATE, style="yellow"))

        title = Text(member.full_name, style="bold reverse")
        tags = " ".join(sorted(tag.value for tag in member.tags))
        row("Headline", member.headline, SharedField.HEADLINE)
        row("Worked at", ", ".join(member.employers), SharedField.EMPLOYERS)
        row("Looking for", ", ".join(member.target_roles), SharedField.TARGETS)
        row("Target cos.", ", ".join(member.target_companies), SharedField.TARGETS)
        row("Email", member.email or "", SharedField.EMAIL)
        row("Phone", member.phone or "", SharedField.PHONE)
        row("LinkedIn", member.linkedin or "", SharedField.LINKEDIN)
        row("Website", member.website or "", SharedField.WEBSITE)
        row("Sub-groups", ", ".join(member.subgroups))
        row("Tags", tags)
        row("Notes", member.notes)
        container = Table.grid()
        container.add_row(title)
        container.add_row(grid)
        return container
