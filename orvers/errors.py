"""Errors a user can act on; the CLI prints them as one line and exits with 2."""


class OrversError(Exception):
    """A problem with the user's input or request, worded for the user."""


class InputError(OrversError):
    """A file that cannot be read: missing, corrupt, encrypted, no text layer, unknown format."""


class NoMeasuresError(OrversError):
    """A document was read but no measure (tiltak) was found in it."""
