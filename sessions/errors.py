"""Errors a facilitator can act on. The command line prints their message on one line and exits 2."""


class TablesessionError(Exception):
    """A problem with the user's input or data, described in words fit to show them."""


class NotFoundError(TablesessionError):
    """A member, meeting or plan that was asked for does not exist."""


class ConflictError(TablesessionError):
    """A change that would contradict what is stored (a second member with the same email...)."""
