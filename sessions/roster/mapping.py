"""Which column feeds which field: fixed for known exports, guessed for forms, overridable with --map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sessions.models import SharedField

from .consent import Polarity, question_polarity
from .errors import ImportFileError
from .fields import CONSENT_FIELDS, ImportField
from .folding import fold
from .formats import FORMAT_SPECS, SourceFormat
from .guessing import guess_field

SHOWN_IGNORED = 24  # columns named in the "not imported" line; the rest are counted


class Origin(StrEnum):
    """Where a column's meaning came from, shown so the user knows what to double-check."""

    FORMAT = "known column"
    GUESSED = "guessed"
    OVERRIDE = "--map"


@dataclass(frozen=True)
class Override:
    """`--map FIELD=COLUMN`; an empty column means: do not fill FIELD from any column."""

    field: ImportField
    column: str

    @classmethod
    def parse(cls, text: str) -> Override:
        name, sep, column = text.partition("=")
        if not sep:
            raise ImportFileError(f"--map {text!r}: expected FIELD=COLUMN, e.g. --map title='Most recent job title'")
        try:
            return cls(ImportField.parse(name), column.strip())
        except ValueError as exc:
            raise ImportFileError(f"--map {text!r}: {exc}") from None


@dataclass
class ColumnMapping:
    file_name: str
    source: SourceFormat
    headers: list[str]
    columns: dict[ImportField, int] = field(default_factory=dict)
    origins: dict[ImportField, Origin] = field(default_factory=dict)
    bookkeeping: set[int] = field(default_factory=set)

    def column_of(self, wanted: ImportField) -> int | None:
        return self.columns.get(wanted)

    def header_of(self, wanted: ImportField) -> str | None:
        index = self.columns.get(wanted)
        return None if index is None else self.headers[index]

    @property
    def extra_columns(self) -> list[int]:
        """Columns with no field: kept as extra profile answers."""
        used = set(self.columns.values()) | self.bookkeeping
        return [i for i in range(len(self.headers)) if i not in used]

    def has_name(self) -> bool:
        return ImportField.FIRST_NAME in self.columns or ImportField.FULL_NAME in self.columns

    def _asked(self, wanted: ImportField) -> str:
        """For a consent question asked the other way round, how it is read: worth a second look."""
        if wanted not in CONSENT_FIELDS and wanted is not ImportField.SHARE_LIST:
            return ""
        polarity = question_polarity(self.headers[self.columns[wanted]])
        if polarity is Polarity.REFUSES:
            return "; asked as a refusal: a yes keeps it private"
        if polarity is Polarity.UNCLEAR:
            return "; not clear which way it is asked: kept private"
        return ""

    def describe(self) -> list[str]:
        """The mapping as lines to print or show for confirmation."""
        lines = [f"Columns of {self.file_name} ({self.source.label}):"]
        width = max((len(f.value) for f in self.columns), default=0)
        for wanted in ImportField:
            index = self.columns.get(wanted)
            if index is not None:
                origin = self.origins.get(wanted, Origin.FORMAT)
                lines.append(
                    f"  {wanted.value.ljust(width)} <- {self.headers[index]!r} ({origin.value}{self._asked(wanted)})"
                )
        extra = self.extra_columns
        if extra:
            lines.append("  kept as extra answers: " + ", ".join(repr(self.headers[i]) for i in extra))
        if self.bookkeeping:
            titles = [repr(self.headers[i]) for i in sorted(self.bookkeeping)]
            # An address book has scores of such columns (Outlook: 85); name a few and count the rest.
            more = len(titles) - SHOWN_IGNORED
            ignored = ", ".join(titles[:SHOWN_IGNORED]) + (f" and {more} more" if more > 0 else "")
            lines.append(f"  not imported (bookkeeping a card does not need): {ignored}")
        return lines


def build_mapping(
    file_name: str, headers: list[str], source: SourceFormat, overrides: Iterable[Override] = ()
) -> ColumnMapping:
    """The mapping for `headers` read as `source`: the format's known columns, guesses for the rest, then --map."""
    spec = FORMAT_SPECS[source]
    mapping = ColumnMapping(file_name=file_name, source=source, headers=headers)
    kept: set[int] = set()
    for index, header in enumerate(headers):
        title = fold(header)
        known = spec.known.get(title)
        if known is not None and known not in mapping.columns:
            mapping.columns[known] = index
            mapping.origins[known] = Origin.FORMAT
        elif title in spec.bookkeeping:
            mapping.bookkeeping.add(index)
        elif title in spec.keep:
            kept.add(index)
        elif not spec.guesses:
            mapping.bookkeeping.add(index)
    for index, header in enumerate(headers):
        if index in mapping.columns.values() or index in mapping.bookkeeping or index in kept:
            continue
        guessed = guess_field(header)
        # The first column to claim a field keeps it; a later look-alike stays an extra answer.
        if guessed is not None and guessed not in mapping.columns:
            mapping.columns[guessed] = index
            mapping.origins[guessed] = Origin.GUESSED
    for override in overrides:
        _apply(mapping, override)
    if not mapping.has_name():
        raise ImportFileError(
            f"{file_name}: no name column (expected 'First Name' and 'Last Name', or 'Name'; the columns are "
            f"{', '.join(repr(h) for h in headers[:12])}{', ...' if len(headers) > 12 else ''}); "
            "say which with --map name=COLUMN or --map first_name=COLUMN"
        )
    return mapping


def _apply(mapping: ColumnMapping, override: Override) -> None:
    mapping.columns.pop(override.field, None)
    mapping.origins.pop(override.field, None)
    if not override.column:
        return
    wanted = fold(override.column)
    matches = [i for i, header in enumerate(mapping.headers) if fold(header) == wanted]
    if not matches:
        raise ImportFileError(
            f"--map {override.field.value}={override.column}: {mapping.file_name} has no column titled "
            f"{override.column!r} (columns: {', '.join(repr(h) for h in mapping.headers)})"
        )
    index = matches[0]
    for other, column in list(mapping.columns.items()):
        if column == index:
            del mapping.columns[other]
            mapping.origins.pop(other, None)
    mapping.bookkeeping.discard(index)
    mapping.columns[override.field] = index
    mapping.origins[override.field] = Origin.OVERRIDE


def consent_columns(mapping: ColumnMapping) -> list[tuple[int, SharedField | None]]:
    """The columns answering consent questions: each one's index and the card field it governs (None: a
    checkbox list). The checkbox list comes first, so a yes/no column answered plainly has the last word."""
    columns: list[tuple[int, SharedField | None]] = []
    share_list = mapping.column_of(ImportField.SHARE_LIST)
    if share_list is not None:
        columns.append((share_list, None))
    for consent, card_field in CONSENT_FIELDS.items():
        index = mapping.column_of(consent)
        if index is not None:
            columns.append((index, SharedField(card_field)))
    return columns
