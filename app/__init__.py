"""The tablesession user interface: the Textual app and the command line. It calls `sessions` and `printables`."""
