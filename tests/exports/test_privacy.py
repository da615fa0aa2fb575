"""No export, in any format, carries a field its member kept to themselves; each says what it carries."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.export_pages import followup_pages
from sessions.exports import ExportKind, ExportRequest, ExportScope, run_export
from sessions.models import SharedField
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import SECRET_DOMAIN, RunMeeting

# Values the fixture's members withheld (emails on the private domain, Renée's and Kwame's phones,
# Kwame's LinkedIn and employer, Tomás's nothing-but-email).
WITHHELD = (SECRET_DOMAIN, "555 0102", "555 0104", "kwame-private", "Frito-Lay", "+81 3 5555 0103")


def everything_written(path: Path) -> str:
    """The text of an export: a file, a zip of files, or a folder of .vcf and PDF files."""
    if path.is_dir():
        return "\n".join(everything_written(child) for child in sorted(path.iterdir()))
    data = path.read_bytes()
    if path.suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("kind", list(ExportKind))
def test_withheld_fields_are_absent_from_every_format(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path, kind: ExportKind
) -> None:
    path = tmp_path / f"export-{kind.value}"
    if kind is ExportKind.VCARD_ZIP:
        path = path.with_suffix(".zip")
    # Every version for other people: the meeting file for another laptop of the group is whole unless asked.
    request = ExportRequest(kind, path, ExportScope(run_meeting.meeting), clock.now(), shared_only=True)
    summary = run_export(store, request, pages=followup_pages(store))
    text = everything_written(path)
    assert "Olga" in text
    assert "Mensah" in text
    for value in WITHHELD:
        assert value not in text, f"{kind.value} leaked {value!r}"
    # ...and what was shared does, counted in the summary.
    assert "Olga.Dubois@example.com" in text
    assert summary.fields.counts[SharedField.EMAIL] >= 2
    assert summary.contact_notice is not None
    assert summary.contact_notice.startswith(
        f"contains contact details of {summary.fields.with_contact_details} people"
    )


def test_summary_counts_each_shared_field(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run_export(
        store, ExportRequest(ExportKind.VCARD, tmp_path / "a.vcf", ExportScope(run_meeting.meeting), clock.now())
    )
    # Came: Olga, Renée, 美咲, Kwame, Tomás, Ingrid, Noah. Email shared by Olga, 美咲, Tomás; phone by Olga, Ingrid;
    # LinkedIn by Olga and Renée (Kwame withheld his); a website by Olga.
    counts = summary.fields.counts
    assert summary.fields.people == 7
    assert (counts[SharedField.EMAIL], counts[SharedField.PHONE]) == (3, 2)
    assert (counts[SharedField.LINKEDIN], counts[SharedField.WEBSITE]) == (2, 1)
    assert summary.contact_notice is not None
    assert "email (3), phone (2), LinkedIn (2), website (1)" in summary.contact_notice
    assert summary.fields.with_contact_details == 5  # Kwame and Noah share no way to reach them
