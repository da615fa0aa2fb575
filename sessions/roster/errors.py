"""Why a file cannot be imported at all. (Problems with single rows are warnings in the summary.)"""

from sessions.errors import TablesessionError


class ImportFileError(TablesessionError):
    """The file as a whole cannot be imported; the message names the file (and the row or field)."""
