"""Typed errors whose str() a user can read; the GUI translates them into dialogs once."""


class DealsError(Exception):
    """Base of every error a user should see as a message rather than a traceback."""


class InputError(DealsError):
    """An article could not be read: empty, binary, too large, not an article."""


class FetchError(InputError):
    """A web address could not be fetched."""


class DatabaseError(DealsError):
    """A database file could not be opened or is not ours."""


class NewerDatabaseError(DatabaseError):
    """The database was made by a newer Deal Tracker."""


class ExportError(DealsError):
    """An export could not be written, or was refused because its target is the database or a backup."""
