"""What a column of a registration file can mean: the targets of a column mapping."""

from __future__ import annotations

from enum import StrEnum


class ImportField(StrEnum):
    """A card field, a consent answer, or registration bookkeeping a column can fill.

    The values are what `--map FIELD=COLUMN` accepts.
    """

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    WEBSITE = "website"
    HEADLINE = "headline"
    JOB_TITLE = "title"
    COMPANY = "company"
    EMPLOYERS = "employers"
    TARGET_ROLES = "target_roles"
    TARGET_COMPANIES = "target_companies"
    SUBGROUPS = "subgroups"
    SHARE_EMAIL = "share_email"
    SHARE_PHONE = "share_phone"
    SHARE_LINKEDIN = "share_linkedin"
    SHARE_LIST = "share"
    FIRST_TIME = "first_time"
    STATUS = "status"
    RSVP = "rsvp"
    ATTENDED = "attended"
    GUESTS = "guests"

    @classmethod
    def parse(cls, name: str) -> ImportField:
        wanted = name.strip().casefold().replace("-", "_").replace(" ", "_")
        for field in cls:
            if field.value == wanted or field.name.casefold() == wanted:
                return field
        known = ", ".join(field.value for field in cls)
        raise ValueError(f"{name!r} is not a field we import (fields: {known})")

    @property
    def help(self) -> str:
        return FIELD_HELP[self]


FIELD_HELP: dict[ImportField, str] = {
    ImportField.FIRST_NAME: "first name",
    ImportField.LAST_NAME: "last name",
    ImportField.FULL_NAME: "full name in one column (split into first and last)",
    ImportField.EMAIL: "email address",
    ImportField.PHONE: "phone number",
    ImportField.LINKEDIN: "LinkedIn profile",
    ImportField.WEBSITE: "website",
    ImportField.HEADLINE: "one-line headline",
    ImportField.JOB_TITLE: "job title (the headline when there is no headline column)",
    ImportField.COMPANY: "current employer",
    ImportField.EMPLOYERS: "companies worked for (comma-separated, most recent first)",
    ImportField.TARGET_ROLES: "roles they are looking for",
    ImportField.TARGET_COMPANIES: "companies they would like to work for",
    ImportField.SUBGROUPS: "sub-groups",
    ImportField.SHARE_EMAIL: "yes/no: may others see their email",
    ImportField.SHARE_PHONE: "yes/no: may others see their phone",
    ImportField.SHARE_LINKEDIN: "yes/no: may others see their LinkedIn",
    ImportField.SHARE_LIST: "checked list of what they share (e.g. 'Email, Phone, LinkedIn')",
    ImportField.FIRST_TIME: "yes/no: first time at the meeting (tags them newcomer)",
    ImportField.STATUS: "registration status (refunded and cancelled rows are skipped)",
    ImportField.RSVP: "RSVP answer (No rows are skipped)",
    ImportField.ATTENDED: "Y when they attended (checks them in)",
    ImportField.GUESTS: "number of guests they bring",
}

# Fields that answer "may others see X?" and the card field each governs.
CONSENT_FIELDS = {
    ImportField.SHARE_EMAIL: "email",
    ImportField.SHARE_PHONE: "phone",
    ImportField.SHARE_LINKEDIN: "linkedin",
}
