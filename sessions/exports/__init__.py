"""Contact exports (vCard, Google and Outlook CSV, spreadsheet CSV), the meeting as JSON and its import,
and follow-up files. Every export is built from members' shared cards, so withheld fields never go out."""

from .files import OutputExistsError, safe_file_name
from .followup import Followup, PageWriter, TableMet, build_followups, write_followups
from .meeting_import import ImportFileError, ImportSummary, import_meeting_json
from .runner import KINDS, ExportKind, ExportRequest, KindInfo, run_export, suggested_name
from .scope import Contact, ExportScope, contacts_in_scope, people_in_scope
from .summary import ExportSummary, FieldCounts

__all__ = [
    "KINDS",
    "Contact",
    "ExportKind",
    "ExportRequest",
    "ExportScope",
    "ExportSummary",
    "FieldCounts",
    "Followup",
    "ImportFileError",
    "ImportSummary",
    "KindInfo",
    "OutputExistsError",
    "PageWriter",
    "TableMet",
    "build_followups",
    "contacts_in_scope",
    "import_meeting_json",
    "people_in_scope",
    "run_export",
    "safe_file_name",
    "suggested_name",
    "write_followups",
]
