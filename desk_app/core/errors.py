"""Errors that are safe to show to the user, and the silent cancellation."""


class DeskError(Exception):
    """A problem the user can act on; its message is a Vietnamese sentence from messages.py."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field  # the form field the message belongs next to, if any


class Cancelled(Exception):  # noqa: N818 - a signal, not an error
    """The user cancelled a long job; nothing to report."""
