"""Input validation for card fields: the same rules the importer and `tablesession card` apply, shown where the
value is typed."""

from __future__ import annotations

from textual.validation import ValidationResult, Validator

from sessions.roster.card_fields import CardField, field_problem


class CardFieldCheck(Validator):
    def __init__(self, card_field: CardField, region: str) -> None:
        super().__init__()
        self.card_field = card_field
        self.region = region

    def validate(self, value: str) -> ValidationResult:
        problem = field_problem(self.card_field, value, self.region)
        return self.failure(problem) if problem else self.success()
