"""Field limits, in one place so the forms, importers and models agree."""

NAME_MAX = 80
SHORT_TEXT_MAX = 120  # a title, an employer, a role, a venue
HEADLINE_MAX = 160
URL_MAX = 300
EMAIL_MAX = 254  # RFC 5321's path limit
PHONE_MAX = 40
NOTES_MAX = 2000
LIST_MAX = 20  # employers, roles, companies, sub-groups: a card, not a CV
EXTRA_MAX = 40  # extra profile answers kept from an import
EXTRA_VALUE_MAX = 1000

TABLE_SIZE_MIN = 2
TABLE_SIZE_MAX = 20

ROUNDS_MAX = 20  # rounds in one meeting's seating plan
SEATING_SECONDS_MAX = 600.0  # the longest a seating search may run
TABLES_MAX = 1000  # an explicit table count
TABLE_NAME_MAX = 24  # a room table's name, printed large on its tent card and sheet
