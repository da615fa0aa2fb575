"""The `tablesession` command line."""
