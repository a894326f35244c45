"""Typed errors whose str() a user can read; the GUI translates them into dialogs once."""


class DealsError(Exception):
    """Base of every error a user should see as a message rather than a traceback."""


class InputError(DealsError):
    """An article could not be read: empty, binary, too large, not an article."""


class FetchError(InputError):
    """A web address could not be fetched."""


class RetryLater(FetchError):
    """The site answered 429 or 503: it asks to be left alone, for `retry_after` seconds when it said."""

    def __init__(self, message: str, *, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status, self.retry_after = status, retry_after


class DatabaseError(DealsError):
    """A database file could not be opened or is not ours."""


class NewerDatabaseError(DatabaseError):
    """The database was made by a newer Deal Tracker."""


class ExportError(DealsError):
    """An export could not be written, or was refused because its target is the database or a backup."""
