"""Input validators for card fields: the same rules the importer applies, shown where the value is typed."""

from __future__ import annotations

from textual.validation import ValidationResult, Validator

from sessions.roster import cleaning


class Required(Validator):
    def __init__(self, what: str, max_length: int) -> None:
        super().__init__()
        self.what = what
        self.max_length = max_length

    def validate(self, value: str) -> ValidationResult:
        text = cleaning.text(value)
        if not text:
            return self.failure(f"{self.what} is required")
        if len(text) > self.max_length:
            return self.failure(f"{self.what} is too long (at most {self.max_length} characters)")
        return self.success()


class MaxLength(Validator):
    def __init__(self, what: str, max_length: int) -> None:
        super().__init__()
        self.what = what
        self.max_length = max_length

    def validate(self, value: str) -> ValidationResult:
        if len(cleaning.text(value)) > self.max_length:
            return self.failure(f"{self.what} is too long (at most {self.max_length} characters)")
        return self.success()


class ListEntries(Validator):
    """A comma-separated list whose entries each fit on a card."""

    def __init__(self, what: str, max_entry: int, max_entries: int) -> None:
        super().__init__()
        self.what = what
        self.max_entry = max_entry
        self.max_entries = max_entries

    def validate(self, value: str) -> ValidationResult:
        items = cleaning.split_list(value)
        if len(items) > self.max_entries:
            return self.failure(f"{self.what}: at most {self.max_entries} entries")
        long = next((item for item in items if len(item) > self.max_entry), None)
        if long is not None:
            return self.failure(f"{self.what}: {long[:20]!r}... is longer than {self.max_entry} characters")
        return self.success()


class Cleaned(Validator):
    """Valid when the domain cleaner accepts the value as it would be stored (blank is fine)."""

    def __init__(self, clean: cleaning.Cleaner) -> None:
        super().__init__()
        self.clean = clean

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        problem = self.clean(value).problem
        return self.failure(problem) if problem else self.success()
