"""What an import did (or, in a dry run, would do): each row accounted for, with its row number and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .candidates import RowNote


@dataclass
class ImportSummary:
    file_name: str
    source_title: str
    encoding: str
    rows: int
    mapping: list[str]
    meeting_label: str | None
    dry_run: bool
    added: list[RowNote] = field(default_factory=list)
    updated: list[RowNote] = field(default_factory=list)
    unchanged: list[RowNote] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    unregistered: list[RowNote] = field(default_factory=list)  # refunded / cancelled: registration taken back
    warnings: list[RowNote] = field(default_factory=list)
    registered: int = 0
    checked_in: int = 0
    unit: str = "row"  # what the file is made of: rows, or the cards of a .vcf

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
            "unregistered": len(self.unregistered),
            "warnings": len(self.warnings),
            "registered": self.registered,
            "checked_in": self.checked_in,
        }

    def headline(self) -> str:
        removed = len(self.unregistered)
        if self.dry_run:
            return (
                f"{self.file_name}: would add {len(self.added)}, update {len(self.updated)}, "
                f"leave {len(self.unchanged)} unchanged, skip {len(self.skipped)}; {len(self.warnings)} warning(s); "
                f"would register {self.registered}, check in {self.checked_in}"
                + (f", remove {removed} registration(s)" if removed else "")
            )
        return (
            f"{self.file_name}: added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, skipped {len(self.skipped)}, {len(self.warnings)} warning(s); "
            f"registered {self.registered}, checked in {self.checked_in}"
            + (f", removed {removed} registration(s)" if removed else "")
        )

    def lines(self, *, with_mapping: bool = True) -> list[str]:
        lines = [f"{self.file_name} ({self.source_title}, {self.encoding}): {self.rows} {self.unit}(s)"]
        if with_mapping:
            lines.extend(self.mapping)
        target = f"meeting {self.meeting_label}" if self.meeting_label else "no meeting (members only)"
        lines.append(f"Into {target}:")
        sections = (
            ("added", self.added),
            ("updated", self.updated),
            ("unchanged", self.unchanged),
            ("skipped", self.skipped),
            ("unregistered", self.unregistered),
            ("warnings", self.warnings),
        )
        for title, notes in sections:
            if title == "unregistered" and not (notes or self.meeting_label):
                continue  # nothing can be unregistered without a meeting
            lines.append(f"  {title}: {len(notes)}")
            lines.extend(f"    {note.line(self.unit)}" for note in notes)
        lines.append(f"  registered: {self.registered}, checked in: {self.checked_in}")
        if self.dry_run:
            lines.append("Dry run: nothing was changed.")
        return lines

    def to_json(self) -> dict[str, Any]:
        def notes(items: list[RowNote]) -> list[dict[str, Any]]:
            return [{"row": n.row, "name": n.name, "field": n.field, "message": n.message} for n in items]

        return {
            "file": self.file_name,
            "format": self.source_title,
            "encoding": self.encoding,
            "meeting": self.meeting_label,
            "dry_run": self.dry_run,
            "counts": self.counts,
            "mapping": self.mapping,
            "added": notes(self.added),
            "updated": notes(self.updated),
            "unchanged": notes(self.unchanged),
            "skipped": notes(self.skipped),
            "unregistered": notes(self.unregistered),
            "warnings": notes(self.warnings),
        }
