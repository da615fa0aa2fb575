"""The tablesession domain: members, meetings, seating, the pitch clock and contact exports.

Nothing here imports the UI (textual) or PDF code (reportlab); import-linter enforces it.
"""

__version__ = "0.1.0"
