"""The roster: importing registration exports, matching people to members, merging duplicates."""

from .candidates import RowNote
from .errors import ImportFileError
from .fields import ImportField
from .formats import SourceFormat, detect_format
from .importer import ImportPlan, PreparedFile, apply_plan, import_roster, plan_import, prepare
from .mapping import ColumnMapping, Override
from .summary import ImportSummary

__all__ = [
    "ColumnMapping",
    "ImportField",
    "ImportFileError",
    "ImportPlan",
    "ImportSummary",
    "Override",
    "PreparedFile",
    "RowNote",
    "SourceFormat",
    "apply_plan",
    "detect_format",
    "import_roster",
    "plan_import",
    "prepare",
]
